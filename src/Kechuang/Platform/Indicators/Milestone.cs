using Kechuang.Platform.Data;

namespace Kechuang.Platform.Indicators;

/// <summary>
/// 节点任务: a promise of the year that no number measures ("完成3#、8#楼装修，交付运营"): who carries it and by when,
/// and the day it was done. A region's milestones stand beside its targets.
/// </summary>
public sealed class Milestone : IRegionScoped
{
    private Milestone()
    {
    }

    public Milestone(string regionCode, int year, string title, string ownerUnit, DateOnly dueOn, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        RegionCode = regionCode;
        Year = year;
        Title = title;
        OwnerUnit = ownerUnit;
        DueOn = dueOn;
        Note = note;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>责任单位.</summary>
    public string OwnerUnit { get; private set; } = "";

    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Complete(DateOnly doneOn, string? note, DateTime now)
    {
        DoneOn = doneOn;
        if (note is not null)
        {
            Note = note;
        }
        UpdatedAt = now;
    }
}
