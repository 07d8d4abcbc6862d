using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kechuang.Modules.Suggestions;

public sealed record SuggestionRow(Guid Id, string Number, string Title, string Representatives, string Session, string RegionCode, DateOnly ReceivedOn,
    string Status, string StatusName, string? LeadUnitName, DateOnly? Deadline, bool Overdue, DateOnly? RepliedOn, string? SatisfactionName);

public sealed record CoHandlerDto(Guid OrganizationId, string Name, DateOnly OpinionDueOn, DateOnly? OpinionOn, string? Opinion, bool Late);

public sealed record ContactDto(Guid Id, string Stage, string StageName, DateOnly ContactedOn, string Way, string? Note);

public sealed record StepDto(string Action, string ActionName, DateOnly Day, string Text, string RecordedBy);

public sealed record SuggestionDto(Guid Id, string Number, string Title, string Representatives, string? RepresentativePhone, string Session, string? Summary,
    string RegionCode, DateOnly ReceivedOn, string Status, string StatusName, DateOnly? AssignedOn, Guid? LeadUnitId, string? LeadUnitName,
    IReadOnlyList<CoHandlerDto> CoHandlers, DateOnly? Deadline, bool Extended, string? ExtensionReason, bool Overdue, DateOnly? ReturnBy,
    DateOnly? SignedForOn, DateOnly? RepliedOn, bool? FirstReplyOnTime, string? Classification, string? ClassificationName, string? ReplyNumber,
    string? ReplyContactName, string? ReplyContactPhone, string? Satisfaction, string? SatisfactionName, DateOnly? FeedbackOn, int RehandleCount,
    DateOnly? PublishedOn, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<StepDto> Steps, IReadOnlyList<string> Actions);

/// <summary>建议办理结果公开: what the public sees of a published reply; the deputy's telephone is left out (docs/rules/suggestions.md §7).</summary>
public sealed record PublishedSuggestionDto(Guid Id, string Number, string Title, string Representatives, string Session, string? LeadUnitName,
    IReadOnlyList<string> CoHandlerNames, DateOnly RepliedOn, string? ClassificationName, string? ReplyNumber, string? ReplyContactName,
    string? ReplyContactPhone, DateOnly PublishedOn);

public sealed record SuggestionQuery(string? RegionCode = null, int? Year = null, string? Status = null, ListQuery? List = null, int? RepliedYear = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Registers a deputy's suggestion as received (已登记).</summary>
public sealed class CreateSuggestionHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(SuggestionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var facts = await SuggestionChecks.FactsAsync(db, directory, input, null, cancellationToken);
        var suggestion = new Suggestion(facts, db.UtcNow);
        db.Add(suggestion);
        SuggestionChecks.Step(db, suggestion.Id, "receive", facts.ReceivedOn, $"收到{facts.Session}{facts.Representatives}代表的建议（{facts.Number}）");
        await db.SaveUniqueAsync(() => SuggestionChecks.Duplicate(facts), cancellationToken);
        return suggestion.Id;
    }
}

public sealed class UpdateSuggestionHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, SuggestionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Handle);
        var suggestion = await SuggestionChecks.LoadAsync(db, id, cancellationToken);
        var facts = await SuggestionChecks.FactsAsync(db, directory, input, id, cancellationToken);
        suggestion.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(() => SuggestionChecks.Duplicate(facts), cancellationToken);
    }
}

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

public sealed class ListSuggestionsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<Suggestion> Sorts = new SortMap<Suggestion>(s => s.Id, s => s.OrderByDescending(x => x.ReceivedOn))
        .Add("number", s => s.Number)
        .Add("receivedOn", s => s.ReceivedOn)
        .Add("deadline", s => s.Deadline);

    public async Task<Paged<SuggestionRow>> HandleAsync(SuggestionQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<SuggestionRow>(await RowsAsync(rows, cancellationToken), total);
    }

    private IQueryable<Suggestion> Filter(SuggestionQuery query)
    {
        ListFilters.CheckYear(query.Year);
        ListFilters.CheckYear(query.RepliedYear, "repliedYear");
        var errors = new FieldErrors();
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : errors.Enum("status", "办理状态", query.Status, SuggestionsRules.StatusNames);
        errors.ThrowIfAny();
        var suggestions = db.Set<Suggestion>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            suggestions = suggestions.Where(s => s.ReceivedOn >= new DateOnly(year, 1, 1) && s.ReceivedOn < new DateOnly(year + 1, 1, 1));
        }
        if (query.RepliedYear is { } replied)
        {
            suggestions = suggestions.Where(s => s.FirstRepliedOn >= new DateOnly(replied, 1, 1) && s.FirstRepliedOn < new DateOnly(replied + 1, 1, 1));
        }
        if (status is { } st)
        {
            suggestions = suggestions.Where(s => s.Status == st);
        }
        if (query.List.Text is { } q)
        {
            suggestions = suggestions.Where(s => s.Number.Contains(q) || s.Title.Contains(q) || s.Representatives.Contains(q));
        }
        return suggestions;
    }

    private async Task<List<SuggestionRow>> RowsAsync(List<Suggestion> rows, CancellationToken cancellationToken)
    {
        var names = await directory.NamesAnywhereAsync(rows.Where(r => r.LeadUnitId is not null).Select(r => r.LeadUnitId!.Value).Distinct(), cancellationToken);
        var today = db.Today();
        return rows.Select(s => new SuggestionRow(s.Id, s.Number, s.Title, s.Representatives, s.Session, s.RegionCode, s.ReceivedOn, Kebab.From(s.Status),
            SuggestionsRules.StatusNames[s.Status], s.LeadUnitId is { } l ? names.GetValueOrDefault(l) : null, s.Deadline, SuggestionChecks.Overdue(s, today),
            s.RepliedOn, s.Satisfaction is { } sat ? SuggestionsRules.SatisfactionNames[sat] : null)).ToList();
    }
}

public sealed class GetSuggestionHandler(KechuangDb db, IOrganizationDirectory directory, IOptions<SuggestionTerms> terms)
{
    public async Task<SuggestionDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var s = await db.Set<Suggestion>().AsNoTracking().Include(x => x.CoHandlers).FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw SuggestionChecks.NotFound();
        var contacts = await db.Set<SuggestionContact>().AsNoTracking().Where(c => c.SuggestionId == id).OrderBy(c => c.ContactedOn).ThenBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var steps = await db.Set<SuggestionStep>().AsNoTracking().Where(c => c.SuggestionId == id).OrderBy(c => c.Day).ThenBy(c => c.RecordedAt)
            .ToListAsync(cancellationToken);
        var names = await directory.NamesAnywhereAsync(s.CoHandlers.Select(c => c.OrganizationId).Concat(s.LeadUnitId is { } l ? [l] : []), cancellationToken);
        var today = db.Today();
        return new SuggestionDto(s.Id, s.Number, s.Title, s.Representatives, s.RepresentativePhone, s.Session, s.Summary, s.RegionCode, s.ReceivedOn,
            Kebab.From(s.Status), SuggestionsRules.StatusNames[s.Status], s.AssignedOn, s.LeadUnitId, s.LeadUnitId is { } lead ? names.GetValueOrDefault(lead) : null,
            s.CoHandlers.Select(c => new CoHandlerDto(c.OrganizationId, names.GetValueOrDefault(c.OrganizationId, ""), c.OpinionDueOn, c.OpinionOn, c.Opinion,
                (c.OpinionOn ?? today) > c.OpinionDueOn)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            s.Deadline, s.Extended, s.ExtensionReason, SuggestionChecks.Overdue(s, today),
            s.AssignedOn is { } assigned && s.Status is SuggestionStatus.Assigned or SuggestionStatus.SignedFor ? terms.Value.ReturnBy(assigned) : null,
            s.SignedForOn, s.RepliedOn, s.FirstReplyOnTime,
            s.Classification is { } c1 ? Kebab.From(c1) : null, s.Classification is { } c2 ? SuggestionsRules.ClassNames[c2] : null, s.ReplyNumber,
            s.ReplyContactName, s.ReplyContactPhone,
            s.Satisfaction is { } f1 ? Kebab.From(f1) : null, s.Satisfaction is { } f2 ? SuggestionsRules.SatisfactionNames[f2] : null, s.FeedbackOn,
            s.RehandleCount, s.PublishedOn,
            contacts.Select(c => new ContactDto(c.Id, Kebab.From(c.Stage), SuggestionsRules.StageNames[c.Stage], c.ContactedOn, c.Way, c.Note)).ToList(),
            steps.Select(x => new StepDto(x.Action, SuggestionChecks.ActionName(x.Action), x.Day, x.Text, x.RecordedBy)).ToList(),
            SuggestionsRules.ActionsFrom(s.Status, s.Extended));
    }
}

/// <summary>The published reply as the public sees it: 404 until published, and never the deputy's telephone.</summary>
public sealed class GetPublishedSuggestionHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<PublishedSuggestionDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var s = await db.Set<Suggestion>().AsNoTracking().Include(x => x.CoHandlers)
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == SuggestionStatus.Published, cancellationToken)
            ?? throw new NotFoundException("该建议的办理结果尚未公开");
        var names = await directory.NamesAnywhereAsync(s.CoHandlers.Select(c => c.OrganizationId).Append(s.LeadUnitId!.Value), cancellationToken);
        return new PublishedSuggestionDto(s.Id, s.Number, s.Title, s.Representatives, s.Session, names.GetValueOrDefault(s.LeadUnitId!.Value),
            s.CoHandlers.Select(c => names.GetValueOrDefault(c.OrganizationId, "")).Order(StringComparer.Ordinal).ToList(), s.RepliedOn!.Value,
            s.Classification is { } c ? SuggestionsRules.ClassNames[c] : null, s.ReplyNumber, s.ReplyContactName, s.ReplyContactPhone, s.PublishedOn!.Value);
    }
}

/// <summary>One organisation a suggestion can be assigned to.</summary>
public sealed record UnitChoice(Guid Id, string Name);

/// <summary>Government units and service bodies of the directory, for 主办 and 会办 (government units are visible to every account).</summary>
public sealed class ListSuggestionUnitsHandler(IOrganizationDirectory directory)
{
    public async Task<List<UnitChoice>> HandleAsync(CancellationToken cancellationToken = default) =>
        (await directory.ListAsync(OrganizationKind.Government, cancellationToken)).Select(o => new UnitChoice(o.Id, o.Name)).ToList();
}

internal static class SuggestionChecks
{
    public static NotFoundException NotFound() => new("建议不存在或不在您的数据范围内");

    public static RuleException Duplicate(SuggestionFacts facts) => new("suggestions.duplicate-number", $"{facts.Session}已登记编号为{facts.Number}的建议");

    /// <summary>Past the deadline and not yet answered.</summary>
    public static bool Overdue(Suggestion s, DateOnly today) =>
        s.Deadline is { } d && today > d && s.Status is SuggestionStatus.Assigned or SuggestionStatus.SignedFor or SuggestionStatus.Handling;

    public static string ActionName(string action) => action == "receive" ? "登记" : SuggestionsRules.Actions.TryGetValue(action, out var a) ? a.Name : action;

    public static async Task<Suggestion> LoadAsync(KechuangDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Suggestion>().Include(s => s.CoHandlers).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound();

    public static void Step(KechuangDb db, Guid id, string action, DateOnly day, string text) =>
        db.Add(new SuggestionStep(id, action, day, text, db.User.DisplayName, db.UtcNow));

    public static async Task<SuggestionFacts> FactsAsync(KechuangDb db, IOrganizationDirectory directory, SuggestionInput input, Guid? self,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var errors = new FieldErrors();
        var facts = SuggestionsRules.Validate(input, regions.ContainsKey, db.Today(), errors);
        if (facts is not null && !db.User.Scope.Covers(facts.RegionCode))
        {
            errors.Add("regionCode", "所选地区不在您的数据范围内");
        }
        errors.ThrowIfAny();
        if (await db.Set<Suggestion>().IgnoreQueryFilters().AnyAsync(s => s.Session == facts!.Session && s.Number == facts.Number && s.Id != self, cancellationToken))
        {
            throw Duplicate(facts!);
        }
        return facts!;
    }
}
