using Kechuang.Platform.Data;

namespace Kechuang.Modules.Transfer;

/// <summary>技术需求 or 人才需求.</summary>
public enum DemandKind
{
    Technology = 1,
    Talent = 2,
}

/// <summary>需求状态: open → matched → cooperating → closed (<see cref="DemandRules.CanMove"/>).</summary>
public enum DemandStatus
{
    Open = 1,
    Matched = 2,
    Cooperating = 3,
    Closed = 4,
}

/// <summary>需求征集: a call to the county's enterprises to state their demands; demands may name the campaign that collected them.</summary>
public sealed class DemandCampaign : IRegionScoped
{
    private DemandCampaign()
    {
    }

    public DemandCampaign(string name, string regionCode, DateOnly startsOn, DateOnly? endsOn, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        RegionCode = regionCode;
        StartsOn = startsOn;
        EndsOn = endsOn;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>
/// 需求: an enterprise's technology or talent demand. Collected by the bureau (in a campaign or on a visit) or posted by the
/// enterprise itself; an enterprise account sees and changes only its own. Its region is the enterprise's.
/// </summary>
public sealed class Demand : IOrganizationScoped
{
    private Demand()
    {
    }

    public Demand(Guid enterpriseId, string regionCode, DemandFacts facts, bool postedByEnterprise, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = enterpriseId;
        RegionCode = regionCode;
        PostedByEnterprise = postedByEnterprise;
        Status = DemandStatus.Open;
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    /// <summary>The enterprise whose demand it is.</summary>
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public DemandKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }

    /// <summary>技术领域 as written.</summary>
    public string? Field { get; private set; }
    public long? BudgetFen { get; private set; }
    public DateOnly? Deadline { get; private set; }

    /// <summary>征集（登记）日期: the day counted by transfer.demands-collected.</summary>
    public DateOnly CollectedOn { get; private set; }
    public Guid? CampaignId { get; private set; }
    public bool PostedByEnterprise { get; private set; }
    public DemandStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(DemandFacts facts, DateTime now)
    {
        Kind = facts.Kind;
        Title = facts.Title;
        Description = facts.Description;
        Field = facts.Field;
        BudgetFen = facts.BudgetFen;
        Deadline = facts.Deadline;
        CollectedOn = facts.CollectedOn;
        CampaignId = facts.CampaignId;
        UpdatedAt = now;
    }

    public void MoveTo(DemandStatus status, DateTime now)
    {
        Status = status;
        UpdatedAt = now;
    }
}

public sealed record DemandFacts(DemandKind Kind, string Title, string? Description, string? Field, long? BudgetFen, DateOnly? Deadline, DateOnly CollectedOn, Guid? CampaignId);
