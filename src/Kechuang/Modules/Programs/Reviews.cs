using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

public sealed record ReviewerChoice(Guid Id, string Name, string RegionCode);

/// <summary>One assignment of the signed-in expert, with what they need to score it.</summary>
public sealed record MyReviewDto(Guid AssignmentId, Guid ApplicationId, string Title, string OrganizationName, string CallTitle, string Category, string LevelName,
    decimal RequestedFunds, string Status, string StatusName, IReadOnlyList<Criterion> Criteria, bool Conflict, string? ConflictReason, IReadOnlyList<int>? Points,
    decimal? Total, string? Comment, DateTime? ScoredAt, bool Open);

/// <summary>
/// Whom an application of the given region can be assigned to: accounts of people registered in the directory as 专家
/// whose scope covers the region. The expert role is shared by 科技特派员 and 博士, so the role alone does not make a reviewer.
/// </summary>
public sealed class ListReviewerChoicesHandler(KechuangDb db, IPersonDirectory people)
{
    public async Task<List<ReviewerChoice>> HandleAsync(string? regionCode = null, CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.Role == Role.Expert && !a.Disabled).OrderBy(a => a.DisplayName)
            .Select(a => new ReviewerChoice(a.Id, a.DisplayName, a.RegionCode)).ToListAsync(cancellationToken);
        var persons = await people.ByAccountsAnywhereAsync(accounts.Select(a => a.Id), cancellationToken);
        var experts = accounts.Where(a => persons.TryGetValue(a.Id, out var p) && p.IsExpert);
        return (regionCode is null ? experts : experts.Where(e => regionCode.StartsWith(DataScope.Prefix(e.RegionCode), StringComparison.Ordinal))).ToList();
    }
}

/// <summary>
/// 指派评审专家: adds expert accounts as reviewers of a checked application (more can be added while the review runs).
/// An expert sees only what they are assigned, so one whose region does not cover the application cannot be assigned.
/// </summary>
public sealed class AssignReviewersHandler(KechuangDb db, IPersonDirectory people)
{
    public async Task HandleAsync(Guid id, AssignInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Review);
        var ids = (input.ReviewerIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            throw InputException.For("reviewerIds", "请选择评审专家");
        }
        if (ids.Count > 30)
        {
            throw InputException.For("reviewerIds", "一次最多指派30位评审专家");
        }
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var experts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Role == Role.Expert && !a.Disabled)
            .Select(a => new { a.Id, a.DisplayName, a.RegionCode }).ToListAsync(cancellationToken);
        var errors = new FieldErrors();
        foreach (var missing in ids.Where(i => experts.All(e => e.Id != i)))
        {
            errors.Add("reviewerIds", $"{missing} 不是可用的专家账号");
        }
        var persons = await people.ByAccountsAnywhereAsync(experts.Select(e => e.Id), cancellationToken);
        foreach (var e in experts.Where(e => !persons.TryGetValue(e.Id, out var p) || !p.IsExpert).ToList())
        {
            errors.Add("reviewerIds", persons.TryGetValue(e.Id, out var p)
                ? $"{e.DisplayName}在人员库中登记为{p.KindName}，不是专家，不能担任评审专家"
                : $"{e.DisplayName}未关联人员库中的专家，不能担任评审专家");
            experts.Remove(e);
        }
        foreach (var e in experts.Where(e => !application.RegionCode.StartsWith(DataScope.Prefix(e.RegionCode), StringComparison.Ordinal)))
        {
            errors.Add("reviewerIds", $"{e.DisplayName}的数据范围不包含该项目所在地区");
        }
        errors.ThrowIfAny();
        var already = await db.Set<ReviewAssignment>().Where(r => r.ApplicationId == id).Select(r => r.ReviewerId).ToListAsync(cancellationToken);
        var from = application.Status;
        application.StartReview(db.UtcNow);
        var added = experts.Where(e => !already.Contains(e.Id)).ToList();
        foreach (var e in added)
        {
            db.Add(new ReviewAssignment(application, e.Id, e.DisplayName, db.UtcNow));
        }
        var day = db.Today();
        ProgramChecks.Record(db, application, from, "assign", day, string.Join("、", added.Select(e => e.DisplayName)));
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>回避: the assigned expert declares a conflict of interest before scoring; they cannot score afterwards.</summary>
public sealed class RegisterConflictHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid applicationId, ConflictInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Score);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", "回避原因", input.Reason, 200);
        errors.ThrowIfAny();
        var assignment = await ReviewChecks.MineAsync(db, applicationId, cancellationToken);
        assignment.DeclareConflict(reason);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>评分: the assigned expert's points per criterion of the call, while the application is in review; scoring again replaces them.</summary>
public sealed class SubmitScoreHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid applicationId, ScoreInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Score);
        // One read for the assignment, its application's state and the call's criteria: experts score in bursts.
        var me = db.User.AccountId ?? Guid.Empty;
        var found = await (from r in db.Set<ReviewAssignment>()
                           join a in db.Set<PlanApplication>() on r.ApplicationId equals a.Id
                           join c in db.Set<PlanCall>() on a.CallId equals c.Id
                           where r.ApplicationId == applicationId && r.ReviewerId == me
                           select new { Assignment = r, a.Status, c.Criteria }).FirstOrDefaultAsync(cancellationToken)
            ?? throw ReviewChecks.NotAssigned();
        var assignment = found.Assignment;
        if (assignment.Conflict)
        {
            throw new RuleException("programs.reviewer-conflict", "您已声明回避该项目，不能评分");
        }
        if (found.Status != ApplicationStatus.InReview)
        {
            throw new RuleException("programs.not-in-review", $"项目不在专家评审中（当前状态：{ProgramsRules.StatusNames[found.Status]}）");
        }
        var criteria = ProgramsRules.ParseCriteria(found.Criteria);
        var errors = new FieldErrors();
        ProgramsRules.ValidatePoints(input.Points, criteria, errors);
        var comment = errors.Text("comment", "评审意见", input.Comment, 1000, required: false);
        errors.ThrowIfAny();
        assignment.Score(input.Points!, comment.Length == 0 ? null : comment, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>我的评审: the signed-in expert's assignments, open ones first; nothing else of the module is listed to them.</summary>
public sealed class ListMyReviewsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<List<MyReviewDto>> HandleAsync(bool openOnly = false, CancellationToken cancellationToken = default)
    {
        ProgramChecks.SignedIn(db);
        var me = db.User.AccountId ?? Guid.Empty;
        var rows = await (from r in db.Set<ReviewAssignment>().AsNoTracking()
                          join a in db.Set<PlanApplication>().AsNoTracking() on r.ApplicationId equals a.Id
                          join c in db.Set<PlanCall>().AsNoTracking() on a.CallId equals c.Id
                          where r.ReviewerId == me
                          select new { r, AppTitle = a.Title, a.OrganizationId, a.RequestedFundsFen, a.Status, CallTitle = c.Title, c.Category, c.Level, c.Criteria })
            .ToListAsync(cancellationToken);
        var names = await directory.NamesAnywhereAsync(rows.Select(x => x.OrganizationId!.Value).Distinct(), cancellationToken);
        return rows.Select(x =>
            {
                var dto = ApplicationChecks.Assignment(x.r);
                var open = x.Status == ApplicationStatus.InReview && !x.r.Conflict;
                return new MyReviewDto(x.r.Id, x.r.ApplicationId, x.AppTitle, names.GetValueOrDefault(x.OrganizationId!.Value, ""), x.CallTitle, x.Category,
                    ProgramsRules.LevelNames[x.Level], Money.ToYuan(x.RequestedFundsFen), Kebab.From(x.Status), ProgramsRules.StatusNames[x.Status],
                    ProgramsRules.ParseCriteria(x.Criteria), x.r.Conflict, x.r.ConflictReason, dto.Points, dto.Total, dto.Comment, dto.ScoredAt, open);
            })
            .Where(x => !openOnly || (x.Open && x.ScoredAt is null))
            .OrderByDescending(x => x.Open && x.ScoredAt is null).ThenBy(x => x.Title, StringComparer.Ordinal).ToList();
    }
}

internal static class ReviewChecks
{
    /// <summary>The signed-in expert's assignment to the application; 404 when there is none (they cannot see it).</summary>
    public static async Task<ReviewAssignment> MineAsync(KechuangDb db, Guid applicationId, CancellationToken cancellationToken)
    {
        var me = db.User.AccountId ?? Guid.Empty;
        return await db.Set<ReviewAssignment>().FirstOrDefaultAsync(r => r.ApplicationId == applicationId && r.ReviewerId == me, cancellationToken)
            ?? throw NotAssigned();
    }

    /// <summary>An application not assigned to the signed-in expert is, for them, one that does not exist.</summary>
    public static NotFoundException NotAssigned() => new("该项目未分配给您评审");
}
