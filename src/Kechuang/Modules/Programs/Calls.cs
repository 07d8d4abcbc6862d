using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

public sealed record CallDto(Guid Id, string RegionCode, string RegionName, string Level, string LevelName, int Year, string Category, string Title, DateOnly OpensOn,
    DateOnly ClosesOn, string? Guide, bool DropHighLow, int NoticeDays, IReadOnlyList<Criterion> Criteria, int Applications, bool Open);

public sealed record CallQuery(int? Year = null, string? Level = null, string? Category = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Publishes a call (申报通知): a county bureau for its county, the city bureau for the city and the province's calls it passes on.</summary>
public sealed class CreateCallHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(CallInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Calls);
        var facts = await ProgramChecks.CallAsync(db, directory, input, cancellationToken);
        var call = new PlanCall(facts, db.UtcNow);
        db.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return call.Id;
    }
}

public sealed class UpdateCallHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, CallInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Calls);
        var call = await db.Set<PlanCall>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw ProgramChecks.CallNotFound();
        ProgramChecks.MayPublish(db.User, call.Level, call.RegionCode);
        // Omitted criteria keep the call's own; the defaults are only for a new call.
        var facts = await ProgramChecks.CallAsync(db, directory,
            input.Criteria is null ? input with { Criteria = call.CriteriaList.Select(c => new CriterionInput(c.Name, c.MaxPoints)).ToList() } : input, cancellationToken);
        // The points stored are one per criterion in the call's order: they would mean something else under other criteria.
        if (ProgramsRules.FormatCriteria(facts.Criteria) != call.Criteria
            && await db.Set<ReviewAssignment>().AnyAsync(r => r.CallId == id && r.ScoredAt != null, cancellationToken))
        {
            throw new RuleException("programs.criteria-locked", "已有专家按现有评审指标评分，不能再修改评审指标");
        }
        call.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Calls, newest year first; every signed-in account reads them (the guide is public to applicants).</summary>
public sealed class ListCallsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<PlanCall> Sorts = new SortMap<PlanCall>(c => c.Id, c => c.OrderByDescending(x => x.Year).ThenByDescending(x => x.ClosesOn))
        .Add("year", c => c.Year)
        .Add("closesOn", c => c.ClosesOn)
        .Add("title", c => c.Title)
        .Add("levelName", c => c.Level);

    public async Task<Paged<CallDto>> HandleAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        var calls = Filter(query);
        var total = await calls.CountAsync(cancellationToken);
        var rows = await calls.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<CallDto>(await ProgramChecks.CallDtosAsync(db, directory, rows, cancellationToken), total);
    }

    public async Task<List<CallDto>> AllAsync(CallQuery query, CancellationToken cancellationToken = default) =>
        await ProgramChecks.CallDtosAsync(db, directory, await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<PlanCall> Filter(CallQuery query)
    {
        ProgramChecks.SignedIn(db);
        var errors = new FieldErrors();
        var level = string.IsNullOrWhiteSpace(query.Level) ? null : errors.Enum("level", "计划层级", query.Level, ProgramsRules.LevelNames);
        errors.ThrowIfAny();
        var calls = db.Set<PlanCall>().AsNoTracking();
        if (query.Year is { } year)
        {
            calls = calls.Where(c => c.Year == year);
        }
        if (level is { } l)
        {
            calls = calls.Where(c => c.Level == l);
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            calls = calls.Where(c => c.Category == query.Category.Trim());
        }
        if (query.List.Text is { } q)
        {
            calls = calls.Where(c => c.Title.Contains(q) || c.Category.Contains(q));
        }
        return calls;
    }
}

public sealed class GetCallHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<CallDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var call = await db.Set<PlanCall>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw ProgramChecks.CallNotFound();
        return (await ProgramChecks.CallDtosAsync(db, directory, [call], cancellationToken))[0];
    }
}

/// <summary>One row of a call's ranking: the application and its average score so far.</summary>
public sealed record RankingRow(int? Rank, Guid Id, string Title, string OrganizationName, string Status, string StatusName, decimal? Score, int Reviewers, int Scored,
    int Conflicts);

/// <summary>
/// 排序: the call's applications in the caller's scope by score, highest first (ties share a rank); the score of an
/// application still in review is the average of the scores entered so far, by the call's rule.
/// </summary>
public sealed class GetCallRankingHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<List<RankingRow>> HandleAsync(Guid callId, CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var call = await db.Set<PlanCall>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken) ?? throw ProgramChecks.CallNotFound();
        var apps = await ProgramChecks.Visible(db).Where(a => a.CallId == callId)
            .Select(a => new { a.Id, a.Title, a.OrganizationId, a.Status, a.Score }).ToListAsync(cancellationToken);
        var reviews = (await db.Set<ReviewAssignment>().AsNoTracking().Where(r => r.CallId == callId)
            .Select(r => new { r.ApplicationId, r.Conflict, r.Total }).ToListAsync(cancellationToken)).ToLookup(r => r.ApplicationId);
        var names = await directory.NamesAnywhereAsync(apps.Select(a => a.OrganizationId!.Value).Distinct(), cancellationToken);
        var rows = apps.Select(a =>
        {
            var mine = reviews[a.Id].ToList();
            var totals = mine.Where(r => r.Total is not null && !r.Conflict).Select(r => r.Total!.Value).ToList();
            var score = a.Score ?? (totals.Count > 0 ? ProgramsRules.AverageScore(totals, call.DropHighLow) : null);
            return new { a, score, mine.Count, Scored = totals.Count, Conflicts = mine.Count(r => r.Conflict) };
        }).OrderByDescending(r => r.score ?? -1).ThenBy(r => r.a.Title, StringComparer.Ordinal).ToList();
        var result = new List<RankingRow>();
        decimal? previous = null;
        var rank = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.score is not null && r.score != previous)
            {
                rank = i + 1;
                previous = r.score;
            }
            result.Add(new RankingRow(r.score is null ? null : rank, r.a.Id, r.a.Title, names.GetValueOrDefault(r.a.OrganizationId!.Value, ""), Kebab.From(r.a.Status),
                ProgramsRules.StatusNames[r.a.Status], r.score, r.Count, r.Scored, r.Conflicts));
        }
        return result;
    }
}
