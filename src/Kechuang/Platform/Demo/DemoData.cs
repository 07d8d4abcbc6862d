using Kechuang.Platform.Data;

namespace Kechuang.Platform.Demo;

/// <summary>Reference records every installation needs (regions); loaded into any empty database.</summary>
public interface IReferenceData
{
    int Order { get; }

    Task LoadAsync(KechuangDb db, CancellationToken cancellationToken);
}

/// <summary>
/// A module's part of the demo dataset: individual records whose computed aggregates reproduce the
/// reply letter's figures. Loaded only into an empty database and only when <c>Demo:Seed</c> is true.
/// </summary>
public interface IDemoData
{
    /// <summary>Lower loads first; the directory (organisations, people) is 10, modules that refer to it load after.</summary>
    int Order { get; }

    Task LoadAsync(DemoContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What the loader hands each module: the database and the administrator's password, which demo
/// accounts share (generated ones must be changed at first sign-in, as the administrator's).
/// </summary>
public sealed record DemoContext(KechuangDb Db, string Password, bool MustChangePassword);

/// <summary>Demo credit codes: a fixed body per region and number with the GB 32100 check character.</summary>
public static class DemoCodes
{
    public static string CreditCode(string regionCode, int number)
    {
        var body = $"91{regionCode[..6]}MA{number:D7}";
        return body + Validation.CreditCode.CheckCharacter(body);
    }

    public static string IdNumber(string regionCode, DateOnly birth, int sequence)
    {
        var body = $"{regionCode[..6]}{birth:yyyyMMdd}{sequence:D3}";
        return body + Validation.IdNumber.CheckCharacter(body);
    }
}
