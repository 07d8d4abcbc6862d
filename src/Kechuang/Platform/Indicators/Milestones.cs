using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Indicators;

/// <summary>POST /milestones body.</summary>
public sealed record MilestoneInput(string? RegionCode, int? Year, string? Title, string? OwnerUnit, DateOnly? DueOn, string? Note);

/// <summary>POST /milestones/{id}/complete body: the day it was done (today when left out) and an optional note.</summary>
public sealed record MilestoneCompletion(DateOnly? DoneOn, string? Note);

/// <summary>A milestone as listed: overdue when its due day has passed and it is not done.</summary>
public sealed record MilestoneItem(Guid Id, string RegionCode, int Year, string Title, string OwnerUnit, DateOnly DueOn, DateOnly? DoneOn, string? Note, bool Overdue);

/// <summary>Lists, adds and completes milestones; the city bureau sets them as it sets targets.</summary>
public sealed class MilestonesHandler(KechuangDb db, IDirectoryLookup directory)
{
    public async Task<Paged<MilestoneItem>> ListAsync(string? regionCode, int? year, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Milestone>().AsNoTracking().UnderRegion(regionCode);
        if (year is { } y)
        {
            query = query.Where(m => m.Year == y);
        }
        var rows = await query.OrderBy(m => m.RegionCode).ThenBy(m => m.DueOn).ThenBy(m => m.Title).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(db.UtcNow);
        return new Paged<MilestoneItem>(rows.Select(m => Item(m, today)).ToList(), rows.Count);
    }

    public async Task<Guid> CreateAsync(MilestoneInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(IndicatorsPermissions.SetTarget);
        var errors = new FieldErrors();
        var region = await TargetInputs.RegionAndYearAsync(errors, directory, input.RegionCode, input.Year, cancellationToken);
        var title = errors.Text("title", "节点任务", input.Title, 200);
        var owner = errors.Text("ownerUnit", "责任单位", input.OwnerUnit, 100);
        var note = errors.Text("note", "备注", input.Note, 500, required: false);
        if (input.DueOn is not { } due)
        {
            errors.Add("dueOn", "请填写完成时限");
        }
        else if (input.Year is { } y && due.Year != y)
        {
            errors.Add("dueOn", $"完成时限应在{y}年内");
        }
        errors.ThrowIfAny();
        if (!db.User.Scope.Covers(region))
        {
            throw new ForbiddenException("该行政区划不在您的数据范围内");
        }
        var milestone = new Milestone(region, input.Year!.Value, title, owner, input.DueOn!.Value, note.Length == 0 ? null : note, db.UtcNow);
        db.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return milestone.Id;
    }

    public async Task<MilestoneItem> CompleteAsync(Guid id, MilestoneCompletion input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(IndicatorsPermissions.SetTarget);
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("节点任务不存在");
        var today = DateOnly.FromDateTime(db.UtcNow);
        var errors = new FieldErrors();
        var note = errors.Text("note", "备注", input.Note, 500, required: false);
        var done = input.DoneOn ?? today;
        if (done > today)
        {
            errors.Add("doneOn", "完成日期不能晚于今天");
        }
        errors.ThrowIfAny();
        if (milestone.DoneOn is not null)
        {
            throw new RuleException("indicators.milestone-done", $"该节点任务已于{Kechuang.Platform.Text.ChineseFigures.Date(milestone.DoneOn.Value)}完成");
        }
        milestone.Complete(done, note.Length == 0 ? null : note, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return Item(milestone, today);
    }

    private static MilestoneItem Item(Milestone m, DateOnly today) =>
        new(m.Id, m.RegionCode, m.Year, m.Title, m.OwnerUnit, m.DueOn, m.DoneOn, m.Note, m.DoneOn is null && m.DueOn < today);
}
