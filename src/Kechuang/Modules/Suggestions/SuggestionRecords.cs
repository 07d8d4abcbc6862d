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

public sealed record SuggestionQuery(string? RegionCode = null, int? Year = null, string? Status = null, ListQuery? List = null, int? RepliedYear = null,
    int? EvaluatedYear = null)
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
        SuggestionChecks.Step(db, suggestion.Id, "receive", facts.ReceivedOn, SuggestionChecks.ReceiveText(facts));
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

public sealed class ListSuggestionsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<Suggestion> Sorts = new SortMap<Suggestion>(s => s.Id, s => s.OrderByDescending(x => x.ReceivedOn))
        .Add("number", s => s.Number)
        .Add("receivedOn", s => s.ReceivedOn)
        .Add("deadline", s => s.Deadline);

    public async Task<Paged<SuggestionRow>> HandleAsync(SuggestionQuery query, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<SuggestionRow>(await RowsAsync(rows, cancellationToken), total);
    }

    /// <summary>Every suggestion of the query in its order, for the export (which adds the phone and summary the list leaves out).</summary>
    public async Task<List<SuggestionSheetRow>> AllAsync(SuggestionQuery query, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
        var suggestions = await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        var rows = await RowsAsync(suggestions, cancellationToken);
        return suggestions.Zip(rows, (s, row) => new SuggestionSheetRow(row, s.RepresentativePhone, s.Summary)).ToList();
    }

    private IQueryable<Suggestion> Filter(SuggestionQuery query)
    {
        ListFilters.CheckYear(query.Year);
        ListFilters.CheckYear(query.RepliedYear, "repliedYear");
        ListFilters.CheckYear(query.EvaluatedYear, "evaluatedYear");
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
        if (query.EvaluatedYear is { } evaluated)
        {
            suggestions = suggestions.Where(s => s.FeedbackOn >= new DateOnly(evaluated, 1, 1) && s.FeedbackOn < new DateOnly(evaluated + 1, 1, 1));
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
            SuggestionsRules.StatusNames[s.Status], s.LeadUnitId is { } l ? names.GetValueOrDefault(l) : null, s.Deadline, SuggestionsRules.Overdue(s, today),
            s.RepliedOn, s.Satisfaction is { } sat ? SuggestionsRules.SatisfactionNames[sat] : null)).ToList();
    }
}

public sealed class GetSuggestionHandler(KechuangDb db, IOrganizationDirectory directory, IOptions<SuggestionTerms> terms)
{
    public async Task<SuggestionDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
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
            s.Deadline, s.Extended, s.ExtensionReason, SuggestionsRules.Overdue(s, today),
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

    /// <summary>The first step of every suggestion, registered one by one or imported.</summary>
    public static string ReceiveText(SuggestionFacts facts) => $"收到{facts.Session}{facts.Representatives}代表的建议（{facts.Number}）";

    public static RuleException Duplicate(SuggestionFacts facts) => new("suggestions.duplicate-number", $"{facts.Session}已登记编号为{facts.Number}的建议");

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
