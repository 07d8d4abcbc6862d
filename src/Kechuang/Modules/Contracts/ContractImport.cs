namespace Kechuang.Modules.Contracts;

/// <summary>
/// One accepted contract import (导入批次): who imported which file when, and how many contracts it
/// entered. Every contract it entered points to it (<see cref="TechContract.ImportId"/>), and the
/// contract's timeline shows it as the first step instead of one timeline row per contract
/// (docs/adr/008). Written in the same transaction as the contracts, and audited like them.
/// Not scoped by itself: it is read only through a contract, which is.
/// </summary>
public sealed class ContractImport
{
    public const int FileNameMax = 260;

    private ContractImport()
    {
    }

    public ContractImport(Guid id, string account, string regionCode, string? fileName, DateTime at)
    {
        Id = id;
        Account = account;
        RegionCode = regionCode;
        FileName = string.IsNullOrWhiteSpace(fileName) ? null : fileName.Trim()[..Math.Min(fileName.Trim().Length, FileNameMax)];
        At = at;
    }

    public Guid Id { get; private set; }
    public string Account { get; private set; } = "";

    /// <summary>The importing account's region (or the city), for the reader of the audit log.</summary>
    public string RegionCode { get; private set; } = "";

    public string? FileName { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>Contracts entered as submitted.</summary>
    public int Submitted { get; private set; }

    /// <summary>Historical contracts entered as registered (with their registration number).</summary>
    public int Registered { get; private set; }

    public int Total => Submitted + Registered;

    public void Count(int submitted, int registered)
    {
        Submitted = submitted;
        Registered = registered;
    }
}
