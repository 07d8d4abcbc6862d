using Kechuang.Platform.Data;

namespace Kechuang.Modules.Transfer;

/// <summary>
/// 技术转移中心（工作站）: a university's or institute's office in the county (国家大院名校武义联合技术转移中心). The institution
/// may sit anywhere (杭州, 上海, 北京); the station belongs to the region that hosts it, whose bureau assesses and pays it.
/// </summary>
public sealed class TransferStation : IRegionScoped
{
    private TransferStation()
    {
    }

    public TransferStation(StationFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>依托院校: a directory organisation of kind institution, of any region.</summary>
    public Guid InstitutionId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public DateOnly? OpenedOn { get; private set; }

    /// <summary>驻站人员 as written (names, roles), not a list of directory people.</summary>
    public string? Staff { get; private set; }

    /// <summary>服务技术领域, free text (a reference list of fields is not kept here).</summary>
    public string? Fields { get; private set; }
    public string? Contact { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(StationFacts facts, DateTime now)
    {
        Name = facts.Name;
        InstitutionId = facts.InstitutionId;
        RegionCode = facts.RegionCode;
        OpenedOn = facts.OpenedOn;
        Staff = facts.Staff;
        Fields = facts.Fields;
        Contact = facts.Contact;
        UpdatedAt = now;
    }
}

public sealed record StationFacts(string Name, Guid InstitutionId, string RegionCode, DateOnly? OpenedOn, string? Staff, string? Fields, string? Contact);
