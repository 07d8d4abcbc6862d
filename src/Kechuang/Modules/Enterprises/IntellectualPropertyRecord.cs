using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>申请中 / 已授权 / 已失效.</summary>
public enum IntellectualPropertyStatus
{
    Applied = 1,
    Granted = 2,
    Lapsed = 3,
}

/// <summary>知识产权: a patent or other right of an enterprise.</summary>
public sealed class IntellectualPropertyRecord : IOrganizationScoped
{
    private IntellectualPropertyRecord()
    {
    }

    public IntellectualPropertyRecord(Guid organizationId, string regionCode, IntellectualPropertyKind kind, string title, string number,
        IntellectualPropertyStatus status, DateOnly appliedOn, DateOnly? grantedOn, bool selfDeveloped, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Kind = kind;
        Title = title;
        Number = number;
        Status = status;
        AppliedOn = appliedOn;
        GrantedOn = grantedOn;
        SelfDeveloped = selfDeveloped;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public IntellectualPropertyKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>申请号 / 专利号 / 登记号.</summary>
    public string Number { get; private set; } = "";
    public IntellectualPropertyStatus Status { get; private set; }
    public DateOnly AppliedOn { get; private set; }
    public DateOnly? GrantedOn { get; private set; }

    /// <summary>自主研发 (otherwise 受让、受赠、并购).</summary>
    public bool SelfDeveloped { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Counts in an evaluation on <paramref name="day"/>: granted by then and not lapsed.</summary>
    public bool IsValidOn(DateOnly day) => Status == IntellectualPropertyStatus.Granted && GrantedOn is { } g && g <= day;

    public bool IsPatent => Kind is IntellectualPropertyKind.InventionPatent or IntellectualPropertyKind.UtilityModel or IntellectualPropertyKind.DesignPatent;
}
