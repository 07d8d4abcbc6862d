using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

/// <summary>What the plan-project handlers share: the caller's view of applications, lookups, DTOs and the timeline.</summary>
internal static class ProgramChecks
{
    public static NotFoundException CallNotFound() => new("申报通知不存在");

    /// <summary>Two changes of one application at once: the timeline's numbering lets one through and refuses the other.</summary>
    public static RuleException Concurrent() => new("programs.concurrent-change", "该项目刚被他人办理，请刷新后重试");

    public static NotFoundException NotFound() => new("项目申报不存在或不在您的数据范围内");

    public static void SignedIn(KechuangDb db)
    {
        if (!db.User.Scope.SignedIn && !db.User.Scope.All)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>
    /// The applications the caller may read: the data scope, and for an expert only those assigned to them (an expert's
    /// region would otherwise show every application of the county).
    /// </summary>
    public static IQueryable<PlanApplication> Visible(KechuangDb db)
    {
        var apps = db.Set<PlanApplication>().AsNoTracking();
        if (db.User.Role == Role.Expert && !db.User.Scope.All)
        {
            var me = db.User.AccountId ?? Guid.Empty;
            var assigned = db.Set<ReviewAssignment>().Where(r => r.ReviewerId == me).Select(r => r.ApplicationId);
            apps = apps.Where(a => assigned.Contains(a.Id));
        }
        return apps;
    }

    /// <summary>An application to change: tracked, in the data scope; never an expert's.</summary>
    public static async Task<PlanApplication> TrackedAsync(KechuangDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<PlanApplication>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound();

    public static DateOnly Day(KechuangDb db, DateOnly? day, string field = "day")
    {
        var today = db.Today();
        if (day is { } d && d > today)
        {
            throw InputException.For(field, "日期不能晚于今天");
        }
        return day ?? today;
    }

    /// <summary>Writes the timeline's entry for a change of state (the save that follows audits both).</summary>
    public static void Record(KechuangDb db, PlanApplication application, ApplicationStatus? from, string action, DateOnly day, string? note = null) =>
        db.Add(new PlanTransition(application, from, action, day, db.User.DisplayName, note, db.UtcNow));

    public static void MayPublish(CurrentUser user, PlanLevel level, string regionCode)
    {
        if (user.Scope.All)
        {
            return;
        }
        var cityWide = user.Role is Role.CityAdmin or Role.CityStaff;
        if (level == PlanLevel.County ? !user.Scope.Covers(regionCode) : !cityWide)
        {
            throw new ForbiddenException(level == PlanLevel.County ? "只能发布、修改本地区的县级申报通知" : "市级、省级申报通知由市科技局发布、修改");
        }
    }

    public static async Task<CallFacts> CallAsync(KechuangDb db, IOrganizationDirectory directory, CallInput input, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var errors = new FieldErrors();
        var facts = ProgramsRules.ValidateCall(input, regions.ContainsKey, errors);
        errors.ThrowIfAny();
        MayPublish(db.User, facts!.Level, facts.RegionCode);
        return facts;
    }

    public static async Task<List<CallDto>> CallDtosAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<PlanCall> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await Visible(db).Where(a => ids.Contains(a.CallId)).GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var today = db.Today();
        return rows.Select(c => new CallDto(c.Id, c.RegionCode, regions.GetValueOrDefault(c.RegionCode, c.RegionCode), Kebab.From(c.Level), ProgramsRules.LevelNames[c.Level],
            c.Year, c.Category, c.Title, c.OpensOn, c.ClosesOn, c.Guide, c.DropHighLow, c.NoticeDays, c.CriteriaList, counts.GetValueOrDefault(c.Id),
            today >= c.OpensOn && today <= c.ClosesOn)).ToList();
    }

    public static async Task<List<ApplicationDto>> DtosAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<PlanApplication> rows,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var callIds = rows.Select(r => r.CallId).Concat(rows.Where(r => r.RecommendedToCallId is not null).Select(r => r.RecommendedToCallId!.Value)).Distinct().ToList();
        var calls = await db.Set<PlanCall>().AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value).Distinct(), cancellationToken);
        var today = db.Today();
        return rows.Select(a =>
        {
            var call = calls[a.CallId];
            return new ApplicationDto(a.Id, a.CallId, call.Title, Kebab.From(call.Level), ProgramsRules.LevelNames[call.Level], call.Year, call.Category,
                a.OrganizationId!.Value, names.GetValueOrDefault(a.OrganizationId.Value, ""), a.RegionCode, regions.GetValueOrDefault(a.RegionCode, a.RegionCode), a.Title,
                a.Leader, a.Team, Money.ToYuan(a.OwnFundsFen), Money.ToYuan(a.RequestedFundsFen), a.Documents, Kebab.From(a.Status), ProgramsRules.StatusNames[a.Status],
                a.SubmittedOn, a.SourceApplicationId, a.CheckedOn, a.CheckNote, a.Score, a.ReviewedOn, a.RecommendedOn, a.RecommendedToCallId,
                a.RecommendedToCallId is { } to && calls.TryGetValue(to, out var upper) ? upper.Title : null, a.NoticeStartsOn, a.NoticeEndsOn, a.DecidedOn,
                a.ApprovedFundsFen is { } f ? Money.ToYuan(f) : null, a.ContractSignedOn, a.StartOn, a.EndOn, a.Milestones, a.MidtermOn, a.MidtermResult, a.OriginalEndOn,
                a.ExtensionMonths, a.EndOn is { } end ? ProgramsRules.AcceptanceDeadline(end) : null, ProgramsRules.IsOverdue(a.Status, a.EndOn, today),
                a.AcceptanceRequestedOn, a.AcceptedOn, a.AcceptanceNote, a.Grade is { } g ? Kebab.From(g) : null, a.Grade is { } gn ? ProgramsRules.GradeNames[gn] : null,
                a.GradedOn);
        }).ToList();
    }
}
