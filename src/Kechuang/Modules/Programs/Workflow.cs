using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

/// <summary>形式审查: the bureau passes an application on to review, or returns it to the applicant with the reason.</summary>
public sealed class DecideFormalCheckHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, CheckInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Review);
        if (input.Passed is null)
        {
            throw InputException.For("passed", "请选择形式审查结论");
        }
        var note = input.Note?.Trim();
        if (input.Passed == false && string.IsNullOrEmpty(note))
        {
            throw InputException.For("note", "形式审查未通过时请填写原因");
        }
        if (note is { Length: > 500 })
        {
            throw InputException.For("note", "审查意见不能超过500个字");
        }
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var from = application.Status;
        application.Check(input.Passed.Value, string.IsNullOrEmpty(note) ? null : note, day, db.UtcNow);
        ProgramChecks.Record(db, application, from, "check", day, note);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>
/// 汇总评审结果: closes the review once every reviewer without a conflict has scored, and keeps the average (dropping
/// the highest and lowest total when the call says so).
/// </summary>
public sealed class ReviewApplicationHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Review);
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var call = await db.Set<PlanCall>().AsNoTracking().FirstAsync(c => c.Id == application.CallId, cancellationToken);
        var reviews = await db.Set<ReviewAssignment>().AsNoTracking().Where(r => r.ApplicationId == id && !r.Conflict).ToListAsync(cancellationToken);
        if (application.Status == ApplicationStatus.InReview && reviews.Any(r => r.Total is null))
        {
            throw new RuleException("programs.scores-pending", $"还有{reviews.Count(r => r.Total is null)}位专家未提交评分");
        }
        var from = application.Status;
        var totals = reviews.Where(r => r.Total is not null).Select(r => r.Total!.Value).ToList();
        application.FinishReview(application.Status == ApplicationStatus.InReview ? ProgramsRules.AverageScore(totals, call.DropHighLow) : 0, day, db.UtcNow);
        ProgramChecks.Record(db, application, from, "review", day, $"{totals.Count}位专家评分，平均{application.Score:0.##}分");
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>
/// 推荐上报: the county recommends a reviewed application to a call of a higher level; the application goes on in that
/// call as a new record (submitted on the day of the recommendation) that points back to this one.
/// </summary>
public sealed class RecommendApplicationHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid id, RecommendInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Review);
        if (input.ToCallId is not { } toCallId)
        {
            throw InputException.For("toCallId", "请选择推荐上报的申报通知");
        }
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var call = await db.Set<PlanCall>().AsNoTracking().FirstAsync(c => c.Id == application.CallId, cancellationToken);
        var upper = await db.Set<PlanCall>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == toCallId, cancellationToken)
            ?? throw InputException.For("toCallId", "申报通知不存在");
        if (upper.Level <= call.Level)
        {
            throw new RuleException("programs.not-upward", $"只能推荐到比{ProgramsRules.LevelNames[call.Level]}更高层级的申报通知");
        }
        ApplicationChecks.Open(upper, day);
        var from = application.Status;
        application.Recommend(upper.Id, day, db.UtcNow);
        var onward = new PlanApplication(upper.Id, new ApplicationFacts(application.RegionCode, application.OrganizationId!.Value, application.Title, application.Leader,
            application.Team, Money.ToYuan(application.OwnFundsFen), Money.ToYuan(application.RequestedFundsFen), application.Documents), day, db.UtcNow, application.Id);
        db.Add(onward);
        ProgramChecks.Record(db, application, from, "recommend", day, upper.Title);
        ProgramChecks.Record(db, onward, null, "recommended", day, call.Title);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
        return onward.Id;
    }
}

/// <summary>拟立项公示: publishes the intended approval for the call's number of days.</summary>
public sealed class PublishNoticeHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Decide);
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var call = await db.Set<PlanCall>().AsNoTracking().FirstAsync(c => c.Id == application.CallId, cancellationToken);
        var from = application.Status;
        application.Publicize(day, call.NoticeDays, db.UtcNow);
        ProgramChecks.Record(db, application, from, "publicize", day, $"公示{call.NoticeDays}天，至{ProgramsRules.Day(application.NoticeEndsOn!.Value)}");
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>公示异议: records an objection received while the notice runs.</summary>
public sealed class RegisterObjectionHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid id, ObjectionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Decide);
        var errors = new FieldErrors();
        var content = errors.Text("content", "异议内容", input.Content, 1000);
        errors.ThrowIfAny();
        var day = ProgramChecks.Day(db, input.ReceivedOn, "receivedOn");
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        if (application.Status != ApplicationStatus.Publicizing)
        {
            throw new RuleException("programs.not-publicizing", "只有立项公示期间才能登记异议");
        }
        var objection = new PlanObjection(application, day, content, db.UtcNow);
        db.Add(objection);
        ProgramChecks.Record(db, application, application.Status, "objection", day, content);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
        return objection.Id;
    }
}

/// <summary>Settles an objection; one that stands ends the application as not approved.</summary>
public sealed class DecideObjectionHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, Guid objectionId, ResolveObjectionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Decide);
        var errors = new FieldErrors();
        if (input.Upheld is null)
        {
            errors.Add("upheld", "请选择异议是否成立");
        }
        var resolution = errors.Text("resolution", "处理意见", input.Resolution, 500);
        errors.ThrowIfAny();
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var objection = await db.Set<PlanObjection>().FirstOrDefaultAsync(o => o.Id == objectionId && o.ApplicationId == id, cancellationToken)
            ?? throw new NotFoundException("异议不存在");
        objection.Resolve(input.Upheld!.Value, resolution, day);
        var from = application.Status;
        if (input.Upheld.Value)
        {
            application.Decline(day, db.UtcNow);
        }
        ProgramChecks.Record(db, application, from, "objection-resolved", day, $"{(input.Upheld.Value ? "异议成立" : "异议不成立")}：{resolution}");
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>立项: after the notice period, with no objection open.</summary>
public sealed class ApproveApplicationHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, ApproveInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Decide);
        if (input.Funds is { } funds && (funds < 0 || !Money.HasAtMostTwoDecimals(funds)))
        {
            throw InputException.For("funds", "资助经费不能为负数，最多两位小数");
        }
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        if (await db.Set<PlanObjection>().AnyAsync(o => o.ApplicationId == id && o.Upheld == null, cancellationToken))
        {
            throw new RuleException("programs.objection-open", "公示异议尚未处理，不能立项");
        }
        var from = application.Status;
        application.Approve(input.Funds, day, db.UtcNow);
        ProgramChecks.Record(db, application, from, "approve", day);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>不予立项.</summary>
public sealed class RefuseApplicationHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Decide);
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var from = application.Status;
        application.Decline(day, db.UtcNow);
        ProgramChecks.Record(db, application, from, "decline", day);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>任务书: the implementation period and its milestones, signed after approval.</summary>
public sealed class RegisterTaskContractHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, TaskContractInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Implement);
        var errors = new FieldErrors();
        if (input.StartOn is null)
        {
            errors.Add("startOn", "请填写实施开始日期");
        }
        if (input.EndOn is null)
        {
            errors.Add("endOn", "请填写实施结束日期");
        }
        else if (input.StartOn is { } start && input.EndOn <= start)
        {
            errors.Add("endOn", "实施结束日期应晚于开始日期");
        }
        else if (input.StartOn is { } s && input.EndOn > s.AddYears(5))
        {
            errors.Add("endOn", "实施期不超过5年");
        }
        var milestones = new List<Milestone>();
        foreach (var (m, i) in (input.Milestones ?? []).Select((m, i) => (m, i)))
        {
            var title = errors.Text("milestones", $"第{i + 1}个节点的内容", m.Title, 200);
            if (m.DueOn is null)
            {
                errors.Add("milestones", $"请填写第{i + 1}个节点的完成时间");
            }
            else if (input.StartOn is { } st && input.EndOn is { } en && (m.DueOn < st || m.DueOn > en))
            {
                errors.Add("milestones", $"第{i + 1}个节点的完成时间应在实施期内");
            }
            else
            {
                milestones.Add(new Milestone(title, m.DueOn.Value, null));
            }
        }
        errors.ThrowIfAny();
        var day = ProgramChecks.Day(db, input.SignedOn, "signedOn");
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var from = application.Status;
        application.SignContract(day, input.StartOn!.Value, input.EndOn!.Value, milestones, db.UtcNow);
        ProgramChecks.Record(db, application, from, "contract", day,
            $"实施期{ProgramsRules.Day(input.StartOn.Value)}至{ProgramsRules.Day(input.EndOn.Value)}，{milestones.Count}个节点");
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>中期检查.</summary>
public sealed class RegisterMidtermCheckHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, MidtermInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Implement);
        var errors = new FieldErrors();
        var result = errors.Text("result", "中期检查结论", input.Result, 500);
        errors.ThrowIfAny();
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        application.RecordMidterm(day, result, db.UtcNow);
        ProgramChecks.Record(db, application, application.Status, "midterm", day, result);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>延期: once, at most 12 months, asked within the implementation period (the bureau records it with its opinion).</summary>
public sealed class RegisterExtensionHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, ExtensionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Implement);
        if (input.Months is null)
        {
            throw InputException.For("months", "请填写延期月数");
        }
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        application.Extend(input.Months.Value, day, db.UtcNow);
        ProgramChecks.Record(db, application, application.Status, "extend", day,
            $"延期{input.Months}个月，实施期至{ProgramsRules.Day(application.EndOn!.Value)}");
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>申请验收: within the implementation period or the six months after it.</summary>
public sealed class SubmitAcceptanceRequestHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.RequestAcceptance);
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var from = application.Status;
        application.RequestAcceptance(day, db.UtcNow);
        ProgramChecks.Record(db, application, from, "request-acceptance", day);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>验收结论: passed or not.</summary>
public sealed class DecideAcceptanceHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, AcceptanceInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Implement);
        if (input.Passed is null)
        {
            throw InputException.For("passed", "请选择验收结论");
        }
        var note = input.Note?.Trim();
        if (note is { Length: > 500 })
        {
            throw InputException.For("note", "验收意见不能超过500个字");
        }
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        var from = application.Status;
        application.Accept(input.Passed.Value, string.IsNullOrEmpty(note) ? null : note, day, db.UtcNow);
        ProgramChecks.Record(db, application, from, "accept", day, note);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}

/// <summary>绩效评价: the grade after acceptance.</summary>
public sealed class RegisterEvaluationHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, EvaluationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(ProgramsPermissions.Implement);
        var errors = new FieldErrors();
        var grade = errors.Enum("grade", "绩效评价等级", input.Grade, ProgramsRules.GradeNames);
        errors.ThrowIfAny();
        var day = ProgramChecks.Day(db, input.Day);
        var application = await ProgramChecks.TrackedAsync(db, id, cancellationToken);
        application.Evaluate(grade!.Value, day, db.UtcNow);
        ProgramChecks.Record(db, application, application.Status, "evaluate", day, ProgramsRules.GradeNames[grade.Value]);
        await db.SaveUniqueAsync(ProgramChecks.Concurrent, cancellationToken);
    }
}
