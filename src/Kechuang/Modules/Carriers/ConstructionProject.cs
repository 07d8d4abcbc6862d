using Kechuang.Platform.Data;

namespace Kechuang.Modules.Carriers;

/// <summary>The milestones of a construction project, in the order they are reached.</summary>
public enum MilestoneKind
{
    DesignTender = 1,
    Groundbreaking = 2,
    Topping = 3,
    Completion = 4,
    Delivery = 5,
}

/// <summary>
/// 建设项目: the building of a carrier (科技城企业加速器项目), on a parcel when one is recorded. Its milestones
/// (<see cref="ProjectMilestone"/>) carry planned and actual dates; its monthly 工程形象进度 reports
/// (<see cref="ProgressReport"/>) are the history the progress indicator reads.
/// </summary>
public sealed class ConstructionProject : IRegionScoped
{
    private ConstructionProject()
    {
    }

    public ConstructionProject(ProjectFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";

    /// <summary>建设载体: the carrier the project builds.</summary>
    public Guid? CarrierId { get; private set; }

    /// <summary>所在地块.</summary>
    public Guid? ParcelId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(ProjectFacts facts, DateTime now)
    {
        Name = facts.Name;
        RegionCode = facts.RegionCode;
        CarrierId = facts.CarrierId;
        ParcelId = facts.ParcelId;
        UpdatedAt = now;
    }
}

public sealed record ProjectFacts(string Name, string RegionCode, Guid? CarrierId, Guid? ParcelId);

/// <summary>One milestone of a project: its planned day, the day it was reached, or both. One record per kind and project.</summary>
public sealed class ProjectMilestone : IRegionScoped
{
    private ProjectMilestone()
    {
    }

    public ProjectMilestone(Guid projectId, string regionCode, MilestoneKind kind, MilestoneDates dates, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        RegionCode = regionCode;
        Kind = kind;
        CreatedAt = now;
        Set(dates, now);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public MilestoneKind Kind { get; private set; }
    public DateOnly? PlannedOn { get; private set; }
    public DateOnly? ActualOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Set(MilestoneDates dates, DateTime now)
    {
        PlannedOn = dates.PlannedOn;
        ActualOn = dates.ActualOn;
        UpdatedAt = now;
    }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}

/// <summary>A milestone's validated dates.</summary>
public sealed record MilestoneDates(DateOnly? PlannedOn, DateOnly? ActualOn);

/// <summary>
/// 工程形象进度: the share of the physical work done, as reported for a month (<see cref="Month"/> is its first day).
/// A project reports a month once; reports never go down from one month to the next.
/// </summary>
public sealed class ProgressReport : IRegionScoped
{
    private ProgressReport()
    {
    }

    public ProgressReport(Guid projectId, string regionCode, DateOnly month, decimal percent, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        RegionCode = regionCode;
        Month = month;
        Percent = percent;
        Note = note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public DateOnly Month { get; private set; }

    /// <summary>0–100, one decimal. Never sorted or summed in SQL.</summary>
    public decimal Percent { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}
