using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kechuang.Modules.Suggestions;

// The handling steps after registration (docs/rules/suggestions.md §2): each checks SuggestionsRules.Actions for the
// state it starts from, records the day and writes one line of the 办理过程.

/// <summary>交办: names the lead unit and the co-handling units; the deadline runs from the day of assignment.</summary>
public sealed class AssignSuggestionHandler(KechuangDb db, IOrganizationDirectory directory, IOptions<SuggestionTerms> terms)
{
    public async Task HandleAsync(Guid id, AssignInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("assign", suggestion.Status);
        var errors = new FieldErrors();
        var day = SuggestionsRules.Day("assignedOn", "交办日期", input.AssignedOn, db.Today(), suggestion.ReceivedOn, "收到日期", errors);
        var coHandlers = (input.CoHandlerIds ?? []).Distinct().ToList();
        if (input.LeadUnitId is not { } lead)
        {
            errors.Add("leadUnitId", "请选择主办单位");
        }
        else if (await directory.FindAnywhereAsync(lead, cancellationToken) is null)
        {
            errors.Add("leadUnitId", "主办单位不在组织名录中");
        }
        else if (coHandlers.Contains(lead))
        {
            errors.Add("coHandlerIds", "主办单位不能同时是会办单位");
        }
        var known = await directory.FindManyAnywhereAsync(coHandlers, cancellationToken);
        if (coHandlers.Any(c => !known.ContainsKey(c)))
        {
            errors.Add("coHandlerIds", "会办单位不在组织名录中");
        }
        errors.ThrowIfAny();
        suggestion.Assign(day, input.LeadUnitId!.Value, coHandlers, terms.Value, db.UtcNow);
        foreach (var added in suggestion.CoHandlers)
        {
            db.Add(added);
        }
        var names = await directory.NamesAnywhereAsync([input.LeadUnitId.Value, .. coHandlers], cancellationToken);
        SuggestionChecks.Step(db, id, "assign", day, $"交办{names[input.LeadUnitId.Value]}主办" +
            (coHandlers.Count > 0 ? $"，{string.Join("、", coHandlers.Select(c => names[c]))}会办" : "") + $"，答复期限{suggestion.Deadline:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>退回: the unit returns a wrongly assigned suggestion within the window after assignment.</summary>
public sealed class ReturnSuggestionHandler(KechuangDb db, IOptions<SuggestionTerms> terms)
{
    public async Task HandleAsync(Guid id, ReturnInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("return", suggestion.Status);
        var errors = new FieldErrors();
        var day = SuggestionsRules.Day("returnedOn", "退回日期", input.ReturnedOn, db.Today(), suggestion.AssignedOn, "交办日期", errors);
        var reason = errors.Text("reason", "退回理由", input.Reason, 500);
        errors.ThrowIfAny();
        SuggestionsRules.CheckReturn(suggestion.AssignedOn!.Value, day, terms.Value);
        var removed = await db.Set<CoHandlingUnit>().Where(c => c.SuggestionId == id).ToListAsync(cancellationToken);
        db.RemoveRange(removed);
        suggestion.Return(db.UtcNow);
        SuggestionChecks.Step(db, id, "return", day, $"退回交办：{reason}");
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>签收 and 开始办理.</summary>
public sealed class ConfirmSuggestionReceiptHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("sign-for", suggestion.Status);
        var errors = new FieldErrors();
        var day = SuggestionsRules.Day("day", "签收日期", input.Day, db.Today(), suggestion.AssignedOn, "交办日期", errors);
        errors.ThrowIfAny();
        suggestion.SignFor(day, db.UtcNow);
        SuggestionChecks.Step(db, id, "sign-for", day, "主办单位签收");
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed class StartSuggestionHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("start", suggestion.Status);
        var errors = new FieldErrors();
        var day = SuggestionsRules.Day("day", "开始办理日期", input.Day, db.Today(), suggestion.SignedForOn, "签收日期", errors);
        errors.ThrowIfAny();
        suggestion.StartHandling(db.UtcNow);
        SuggestionChecks.Step(db, id, "start", day, "开始办理");
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>延期: once, to six months from assignment, with the reason.</summary>
public sealed class ExtendSuggestionHandler(KechuangDb db, IOptions<SuggestionTerms> terms)
{
    public async Task HandleAsync(Guid id, ExtendInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("extend", suggestion.Status);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", "延期理由", input.Reason, 500);
        errors.ThrowIfAny();
        SuggestionsRules.CheckExtension(suggestion.Extended);
        suggestion.Extend(reason, terms.Value, db.UtcNow);
        SuggestionChecks.Step(db, id, "extend", db.Today(), $"答复期限延长至{suggestion.Deadline:yyyy-MM-dd}：{reason}");
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>会办意见: a co-handling unit's written opinion to the lead unit.</summary>
public sealed class RecordCoHandlingOpinionHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, OpinionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("opinion", suggestion.Status);
        var errors = new FieldErrors();
        var coHandler = suggestion.CoHandlers.FirstOrDefault(c => c.OrganizationId == input.OrganizationId);
        if (coHandler is null)
        {
            errors.Add("organizationId", "请选择本建议的会办单位");
        }
        var day = SuggestionsRules.Day("opinionOn", "意见日期", input.OpinionOn, db.Today(), suggestion.AssignedOn, "交办日期", errors);
        var opinion = errors.Text("opinion", "会办意见", input.Opinion, 2000);
        errors.ThrowIfAny();
        coHandler!.GiveOpinion(day, opinion);
        var name = (await directory.NamesAnywhereAsync([coHandler.OrganizationId], cancellationToken)).GetValueOrDefault(coHandler.OrganizationId, "会办单位");
        SuggestionChecks.Step(db, id, "opinion", day, $"{name}提出会办意见" + (day > coHandler.OpinionDueOn ? $"（逾期，应于{coHandler.OpinionDueOn:yyyy-MM-dd}前）" : ""));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>面商: a meeting with the deputy before, during or after handling.</summary>
public sealed class RecordRepresentativeContactHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid id, ContactInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("contact", suggestion.Status);
        var errors = new FieldErrors();
        var facts = SuggestionsRules.ValidateContact(input, db.Today(), suggestion.AssignedOn, errors);
        errors.ThrowIfAny();
        var contact = new SuggestionContact(id, facts!, db.UtcNow);
        db.Add(contact);
        SuggestionChecks.Step(db, id, "contact", facts!.ContactedOn, $"{SuggestionsRules.StageNames[facts.Stage]}与代表面商（{facts.Way}）");
        await db.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }
}

/// <summary>答复: the lead unit's reply, once every co-handler's opinion is in.</summary>
public sealed class SubmitSuggestionReplyHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, ReplyInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("reply", suggestion.Status);
        var errors = new FieldErrors();
        var facts = SuggestionsRules.ValidateReply(input, db.Today(), suggestion.AssignedOn, errors);
        errors.ThrowIfAny();
        var missing = suggestion.CoHandlers.Where(c => c.OpinionOn is null).Select(c => c.OrganizationId).ToList();
        var names = await directory.NamesAnywhereAsync(missing, cancellationToken);
        SuggestionsRules.CheckOpinionsIn(missing.Select(m => names.GetValueOrDefault(m, "会办单位")));
        var late = facts!.RepliedOn > suggestion.Deadline;
        suggestion.Reply(facts, db.UtcNow);
        SuggestionChecks.Step(db, id, "reply", facts.RepliedOn, $"答复代表，{SuggestionsRules.ClassNames[facts.Classification]}" +
            (late ? $"（超过答复期限{suggestion.Deadline:yyyy-MM-dd}）" : ""));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>代表反馈: 满意 or 基本满意 closes the handling; 不满意 reopens it with a new deadline.</summary>
public sealed class RecordSuggestionFeedbackHandler(KechuangDb db, IOptions<SuggestionTerms> terms)
{
    public async Task HandleAsync(Guid id, FeedbackInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("feedback", suggestion.Status);
        var errors = new FieldErrors();
        var satisfaction = errors.Enum("satisfaction", "代表意见", input.Satisfaction, SuggestionsRules.SatisfactionNames);
        var day = SuggestionsRules.Day("feedbackOn", "反馈日期", input.FeedbackOn, db.Today(), suggestion.RepliedOn, "答复日期", errors);
        errors.ThrowIfAny();
        suggestion.Evaluate(satisfaction!.Value, day, terms.Value, db.UtcNow);
        SuggestionChecks.Step(db, id, "feedback", day, $"代表反馈：{SuggestionsRules.SatisfactionNames[satisfaction.Value]}" +
            (satisfaction == Satisfaction.Dissatisfied ? $"，重新办理，答复期限{suggestion.Deadline:yyyy-MM-dd}" : ""));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>办理结果公开.</summary>
public sealed class PublishSuggestionReplyHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DayInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        SuggestionsRules.CheckAction("publish", suggestion.Status);
        var errors = new FieldErrors();
        var day = SuggestionsRules.Day("day", "公开日期", input.Day, db.Today(), suggestion.FeedbackOn, "反馈日期", errors);
        errors.ThrowIfAny();
        suggestion.Publish(day, db.UtcNow);
        SuggestionChecks.Step(db, id, "publish", day, "答复全文公开（不含代表联系方式）");
        await db.SaveChangesAsync(cancellationToken);
    }
}
