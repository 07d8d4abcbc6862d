using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

public sealed record ApplicationDto(Guid Id, Guid CallId, string CallTitle, string Level, string LevelName, int Year, string Category, Guid OrganizationId,
    string OrganizationName, string RegionCode, string RegionName, string Title, string Leader, string? Team, decimal OwnFunds, decimal RequestedFunds,
    IReadOnlyList<DocumentInfo> Documents, string Status, string StatusName, DateOnly SubmittedOn, Guid? SourceApplicationId, DateOnly? CheckedOn, string? CheckNote,
    decimal? Score, DateOnly? ReviewedOn, DateOnly? RecommendedOn, Guid? RecommendedToCallId, string? RecommendedToCallTitle, DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn, DateOnly? DecidedOn, decimal? ApprovedFunds, DateOnly? ContractSignedOn, DateOnly? StartOn, DateOnly? EndOn, IReadOnlyList<Milestone> Milestones,
    DateOnly? MidtermOn, string? MidtermResult, DateOnly? OriginalEndOn, int? ExtensionMonths, DateOnly? AcceptanceDeadline, bool Overdue, DateOnly? AcceptanceRequestedOn,
    DateOnly? AcceptedOn, string? AcceptanceNote, string? Grade, string? GradeName, DateOnly? GradedOn);

public sealed record AssignmentDto(Guid Id, Guid ReviewerId, string ReviewerName, bool Conflict, string? ConflictReason, IReadOnlyList<int>? Points, decimal? Total,
    string? Comment, DateTime? ScoredAt);

public sealed record ObjectionDto(Guid Id, DateOnly ReceivedOn, string Content, bool? Upheld, string? Resolution, DateOnly? ResolvedOn);

public sealed record TransitionDto(DateOnly OnDay, DateTime At, string? From, string To, string ToName, string Action, string Actor, string? Note);

/// <summary>An application with its reviews (an expert sees only their own), objections and timeline.</summary>
public sealed record ApplicationDetailDto(ApplicationDto Application, IReadOnlyList<Criterion> Criteria, bool DropHighLow, IReadOnlyList<AssignmentDto> Reviews,
    IReadOnlyList<ObjectionDto> Objections, IReadOnlyList<TransitionDto> Timeline);

/// <summary>
/// The application list's filters. With a stage, the year is the year of that step (submitted, recommended, approved,
/// accepted): the records an indicator counts; without one, the call's year.
/// </summary>
public sealed record ApplicationQuery(Guid? CallId = null, string? RegionCode = null, int? Year = null, string? Level = null, string? Category = null,
    string? Status = null, string? Stage = null, bool Overdue = false, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>申报: an organisation (or the bureau for it) submits an application to an open call.</summary>
public sealed class SubmitApplicationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(ApplicationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Submit);
        var (call, facts) = await ApplicationChecks.ValidateAsync(db, directory, input, cancellationToken);
        var today = db.Today();
        ApplicationChecks.Open(call, today);
        var application = new PlanApplication(call.Id, facts, today, db.UtcNow);
        if (await db.Set<PlanApplication>().IgnoreQueryFilters().AnyAsync(a => a.CallId == call.Id && a.OrganizationId == facts.OrganizationId && a.Title == facts.Title,
            cancellationToken))
        {
            throw ApplicationChecks.Duplicate();
        }
        db.Add(application);
        ProgramChecks.Record(db, application, null, "submit", today);
        await db.SaveUniqueAsync(ApplicationChecks.Duplicate, cancellationToken);
        return application.Id;
    }
}

/// <summary>Changes an application before the formal check, or after it was returned (which submits it again).</summary>
public sealed class UpdateApplicationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, ApplicationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Submit);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var (call, facts) = await ApplicationChecks.ValidateAsync(db, directory, input with { CallId = application.CallId }, cancellationToken);
        var from = application.Status;
        application.Update(facts, db.UtcNow);
        if (from != application.Status)
        {
            ApplicationChecks.Open(call, db.Today());
            ProgramChecks.Record(db, application, from, "resubmit", db.Today());
        }
        await db.SaveUniqueAsync(ApplicationChecks.Duplicate, cancellationToken);
    }
}

public sealed class ListApplicationsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<PlanApplication> Sorts = new SortMap<PlanApplication>(a => a.Id, a => a.OrderByDescending(x => x.SubmittedOn))
        .Add("submittedOn", a => a.SubmittedOn)
        .Add("title", a => a.Title)
        .Add("score", a => a.Score)
        .Add("statusName", a => a.Status)
        .Add("endOn", a => a.EndOn);

    public async Task<Paged<ApplicationDto>> HandleAsync(ApplicationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<ApplicationDto>(await ProgramChecks.DtosAsync(db, directory, rows, cancellationToken), total);
    }

    public async Task<List<ApplicationDto>> AllAsync(ApplicationQuery query, CancellationToken cancellationToken = default) =>
        await ProgramChecks.DtosAsync(db, directory, await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken),
            cancellationToken);

    private async Task<IQueryable<PlanApplication>> FilterAsync(ApplicationQuery query, CancellationToken cancellationToken)
    {
        ProgramChecks.SignedIn(db);
        var errors = new FieldErrors();
        var level = string.IsNullOrWhiteSpace(query.Level) ? null : errors.Enum("level", "计划层级", query.Level, ProgramsRules.LevelNames);
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : errors.Enum("status", "状态", query.Status, ProgramsRules.StatusNames);
        if (query.Stage is { Length: > 0 } stage && !ApplicationStages.Names.Contains(stage))
        {
            errors.Add("stage", $"环节取值无效，可选：{string.Join("、", ApplicationStages.Names)}");
        }
        if (query.Year is < 1990 or > 2100)
        {
            errors.Add("year", "年度须在1990至2100之间");
        }
        errors.ThrowIfAny();
        var apps = ProgramChecks.Visible(db);
        apps = apps.UnderRegion(query.RegionCode);
        if (query.CallId is { } callId)
        {
            apps = apps.Where(a => a.CallId == callId);
        }
        apps = ApplicationStages.OfCalls(db, apps, level, query.Category);
        if (query.Year is { } year)
        {
            apps = string.IsNullOrEmpty(query.Stage)
                ? apps.Where(a => db.Set<PlanCall>().Where(c => c.Year == year).Select(c => c.Id).Contains(a.CallId))
                : ApplicationStages.In(apps, query.Stage, Period.Year(year));
        }
        else if (!string.IsNullOrEmpty(query.Stage))
        {
            apps = ApplicationStages.In(apps, query.Stage, new Period(new DateOnly(1900, 1, 1), new DateOnly(2200, 1, 1)));
        }
        if (status is { } s)
        {
            apps = apps.Where(a => a.Status == s);
        }
        if (query.Overdue)
        {
            var lastEnd = db.Today().AddMonths(-ProgramsRules.AcceptanceMonthsAfterEnd);
            apps = apps.Where(a => a.Status == ApplicationStatus.InProgress && a.EndOn < lastEnd);
        }
        if (query.List.Text is { } q)
        {
            var orgs = await directory.SearchAsync(q, cancellationToken);
            apps = apps.Where(a => a.Title.Contains(q) || a.Leader.Contains(q) || orgs.Contains(a.OrganizationId!.Value));
        }
        return apps;
    }
}

public sealed class GetApplicationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<ApplicationDetailDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var row = await ProgramChecks.Visible(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw ProgramChecks.NotFound();
        var dto = (await ProgramChecks.DtosAsync(db, directory, [row], cancellationToken))[0];
        var call = await db.Set<PlanCall>().AsNoTracking().FirstAsync(c => c.Id == row.CallId, cancellationToken);
        var reviews = db.Set<ReviewAssignment>().AsNoTracking().Where(r => r.ApplicationId == id);
        if (db.User.Role == Role.Expert)
        {
            reviews = reviews.Where(r => r.ReviewerId == db.User.AccountId);
        }
        var assignments = (await reviews.OrderBy(r => r.AssignedAt).ThenBy(r => r.ReviewerName).ToListAsync(cancellationToken))
            .Select(ApplicationChecks.Assignment).ToList();
        var objections = await db.Set<PlanObjection>().AsNoTracking().Where(o => o.ApplicationId == id).OrderBy(o => o.ReceivedOn)
            .Select(o => new ObjectionDto(o.Id, o.ReceivedOn, o.Content, o.Upheld, o.Resolution, o.ResolvedOn)).ToListAsync(cancellationToken);
        var timeline = (await db.Set<PlanTransition>().AsNoTracking().Where(t => t.ApplicationId == id).ToListAsync(cancellationToken))
            // In the order recorded: a step may be dated back (a notice entered after it started), its day is shown as given.
            .OrderBy(t => t.Seq)
            .Select(t => new TransitionDto(t.OnDay, t.At, t.From is { } f ? Kebab.From(f) : null, Kebab.From(t.To), ProgramsRules.StatusNames[t.To],
                ApplicationChecks.ActionNames.GetValueOrDefault(t.Action, t.Action), t.Actor, t.Note)).ToList();
        return new ApplicationDetailDto(dto, call.CriteriaList, call.DropHighLow, assignments, objections, timeline);
    }
}

/// <summary>The steps an indicator counts by, each with the day that dates it.</summary>
public static class ApplicationStages
{
    public const string Submitted = "submitted";
    public const string Recommended = "recommended";
    public const string Approved = "approved";
    public const string Accepted = "accepted";

    public static readonly IReadOnlyList<string> Names = [Submitted, Recommended, Approved, Accepted];

    public static IQueryable<PlanApplication> In(IQueryable<PlanApplication> apps, string stage, Period period)
    {
        var approved = ProgramsRules.ApprovedStates.ToList();
        return stage switch
        {
            Submitted => apps.Where(a => a.SubmittedOn >= period.From && a.SubmittedOn < period.To),
            Recommended => apps.Where(a => a.RecommendedOn >= period.From && a.RecommendedOn < period.To),
            Approved => apps.Where(a => approved.Contains(a.Status) && a.DecidedOn >= period.From && a.DecidedOn < period.To),
            Accepted => apps.Where(a => a.Status == ApplicationStatus.Accepted && a.AcceptedOn >= period.From && a.AcceptedOn < period.To),
            _ => apps,
        };
    }

    public static IQueryable<PlanApplication> OfCalls(KechuangDb db, IQueryable<PlanApplication> apps, PlanLevel? level, string? category)
    {
        if (level is null && string.IsNullOrWhiteSpace(category))
        {
            return apps;
        }
        var calls = db.Set<PlanCall>().AsQueryable();
        if (level is { } l)
        {
            calls = calls.Where(c => c.Level == l);
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            var name = category.Trim();
            calls = calls.Where(c => c.Category == name);
        }
        var ids = calls.Select(c => c.Id);
        return apps.Where(a => ids.Contains(a.CallId));
    }
}

internal static class ApplicationChecks
{
    public static readonly IReadOnlyDictionary<string, string> ActionNames = new Dictionary<string, string>
    {
        ["submit"] = "提交申报",
        ["resubmit"] = "修改后重新申报",
        ["check"] = "形式审查",
        ["assign"] = "指派评审专家",
        ["review"] = "汇总评审结果",
        ["recommend"] = "推荐上报",
        ["recommended"] = "由下级推荐申报",
        ["publicize"] = "拟立项公示",
        ["objection"] = "登记公示异议",
        ["objection-resolved"] = "处理公示异议",
        ["approve"] = "立项",
        ["decline"] = "不予立项",
        ["contract"] = "签订任务书",
        ["midterm"] = "中期检查",
        ["extend"] = "延期",
        ["request-acceptance"] = "申请验收",
        ["accept"] = "验收结论",
        ["evaluate"] = "绩效评价",
    };

    public static AssignmentDto Assignment(ReviewAssignment r) =>
        new(r.Id, r.ReviewerId, r.ReviewerName, r.Conflict, r.ConflictReason,
            r.Points?.Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList(), r.Total, r.Comment, r.ScoredAt);

    public static RuleException Duplicate() => new("programs.duplicate-application", "该单位已向此通知申报过同名项目");

    public static void Open(PlanCall call, DateOnly today)
    {
        if (today < call.OpensOn || today > call.ClosesOn)
        {
            throw new RuleException("programs.call-closed",
                $"该通知的申报时间为{ProgramsRules.Day(call.OpensOn)}至{ProgramsRules.Day(call.ClosesOn)}，当前不在申报时间内");
        }
    }

    public static async Task<(PlanCall Call, ApplicationFacts Facts)> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, ApplicationInput input,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        PlanCall? call = null;
        if (input.CallId is { } callId)
        {
            call = await db.Set<PlanCall>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
            if (call is null)
            {
                errors.Add("callId", "申报通知不存在");
            }
        }
        OrganizationInfo? org = null;
        if (input.OrganizationId is { } orgId)
        {
            org = await directory.FindAsync(orgId, cancellationToken);
            if (org is null)
            {
                errors.Add("organizationId", "申报单位不存在或不在您的数据范围内");
            }
            else if (db.User.Scope.OrganizationId is { } own && own != org.Id)
            {
                errors.Add("organizationId", "只能以本单位名义申报");
            }
            else if (!db.User.Scope.Covers(org.RegionCode))
            {
                errors.Add("organizationId", "申报单位不在您的数据范围内");
            }
        }
        var facts = ProgramsRules.ValidateApplication(input, org?.RegionCode ?? "", errors);
        errors.ThrowIfAny();
        return (call!, facts!);
    }
}

/// <summary>What the application form offers: the calls open today and the organisations the caller may apply for.</summary>
public sealed record ApplicationChoices(IReadOnlyList<CallDto> OpenCalls, IReadOnlyList<OrganizationInfo> Organizations);

public sealed class ListApplicationChoicesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<ApplicationChoices> HandleAsync(CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var today = db.Today();
        var calls = await db.Set<PlanCall>().AsNoTracking().Where(c => c.OpensOn <= today && c.ClosesOn >= today).OrderBy(c => c.Level).ThenBy(c => c.ClosesOn)
            .ToListAsync(cancellationToken);
        var orgs = (await directory.ListAsync(cancellationToken: cancellationToken))
            .Where(o => o.Kind is OrganizationKind.Enterprise or OrganizationKind.Institution && db.User.Scope.Covers(o.RegionCode)
                && (db.User.Scope.OrganizationId is not { } own || own == o.Id))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        return new ApplicationChoices(await ProgramChecks.CallDtosAsync(db, directory, calls, cancellationToken), orgs);
    }
}
