using System.Globalization;
using System.Text;
using System.Text.Json;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Suggestions;

/// <summary>A version as listed: number, when and by whom, the figures' count.</summary>
public sealed record ReplyVersionRow(int Number, string Title, string Signatory, DateOnly LetterDate, DateTime GeneratedAt, string GeneratedBy, int FigureCount);

/// <summary>One version with its text and figures.</summary>
public sealed record ReplyVersionDto(Guid SuggestionId, int Number, string Title, string Text, string Signatory, DateOnly LetterDate, DateTime GeneratedAt,
    string GeneratedBy, IReadOnlyList<ReplyFigure> Figures);

/// <summary>A suggestion's reply template as staff edit it: the title and the paragraphs (salutation first, the 附注 last).</summary>
public sealed record ReplyTemplateDto(Guid SuggestionId, string Title, IReadOnlyList<string> Paragraphs, string UpdatedBy, DateTime UpdatedAt);

/// <summary>PUT …/reply-template body: one text per paragraph (no field of a request holds a line break).</summary>
public sealed record ReplyTemplateInput(string? Title, IReadOnlyList<string?>? Paragraphs);

/// <summary>
/// Renders a suggestion's reply template from the records now: each figure token through its indicator (or the target
/// registry), written in the wording the token names; the signature and the day from the suggestion.
/// </summary>
public sealed class ReplyRenderer(KechuangDb db, IndicatorCatalogue catalogue, IOrganizationDirectory directory)
{
    public async Task<RenderedLetter> RenderAsync(Suggestion suggestion, ReplyTemplate template, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var titleParts = ReplyTemplateText.Parse(template.Title, catalogue, problems);
        var bodyParts = ReplyTemplateText.Parse(template.Body, catalogue, problems);
        if (problems.Count > 0)
        {
            throw new RuleException("suggestions.reply-template-invalid", "答复函模板有误：" + string.Join("；", problems));
        }
        if (suggestion.LeadUnitId is not { } lead)
        {
            throw new RuleException("suggestions.reply-not-assigned", "建议尚未交办主办单位，不能生成答复函");
        }
        var signatory = (await directory.NamesAnywhereAsync([lead], cancellationToken)).GetValueOrDefault(lead, "");
        var day = suggestion.RepliedOn ?? db.Today();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = suggestion.Number,
            ["title"] = suggestion.Title,
            ["deputies"] = suggestion.Representatives,
            ["session"] = suggestion.Session,
            ["lead-unit"] = signatory,
            ["reply-date"] = ChineseFigures.Date(day),
            ["contact-name"] = suggestion.ReplyContactName ?? "〔待填：答复联系人〕",
            ["contact-phone"] = suggestion.ReplyContactPhone ?? "〔待填：联系电话〕",
        };
        var figures = new List<ReplyFigure>();
        var title = await WriteAsync(titleParts, true, suggestion, fields, figures, cancellationToken);
        var text = new StringBuilder(await WriteAsync(bodyParts, false, suggestion, fields, figures, cancellationToken));
        while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
        }
        text.Append('\n');
        figures.Add(Field(figures.Count + 1, "lead-unit", signatory, text.Length, suggestion));
        text.Append(signatory).Append('\n');
        figures.Add(Field(figures.Count + 1, "reply-date", fields["reply-date"], text.Length, suggestion));
        text.Append(fields["reply-date"]);
        return new RenderedLetter(title, text.ToString(), signatory, day, figures);
    }

    private async Task<string> WriteAsync(IReadOnlyList<TemplatePart> parts, bool inTitle, Suggestion suggestion, Dictionary<string, string> fields,
        List<ReplyFigure> figures, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Token is not { } token)
            {
                text.Append(part.Text);
                continue;
            }
            if (token.Kind == FigureKind.Suggestion)
            {
                var field = token.Code[ReplyTemplateText.SuggestionPrefix.Length..];
                figures.Add(Field(figures.Count + 1, field, fields[field], text.Length, suggestion, inTitle) with { Token = token.Source });
                text.Append(fields[field]);
                continue;
            }
            var figure = await FigureAsync(token, suggestion.RegionCode, figures.Count + 1, inTitle, text.Length, cancellationToken);
            figures.Add(figure);
            text.Append(figure.Wording);
        }
        return text.ToString();
    }

    private async Task<ReplyFigure> FigureAsync(FigureToken token, string suggestionRegion, int index, bool inTitle, int offset, CancellationToken cancellationToken)
    {
        var indicator = catalogue.Get(token.Code);
        var region = token.RegionCode ?? suggestionRegion;
        if (!db.User.Scope.Covers(region))
        {
            throw new RuleException("suggestions.reply-region-outside-scope", $"数字标记“{token.Source}”的地区{region}不在您的数据范围内");
        }
        var period = token.Period!.Value;
        decimal value;
        string name;
        string url;
        switch (token.Kind)
        {
            case FigureKind.Target:
                value = await TargetAsync(token, region, period.From.Year, cancellationToken);
                name = indicator.Name + "目标";
                url = "/indicators/targets";
                break;
            case FigureKind.Completion:
                var target = await TargetAsync(token, region, period.From.Year, cancellationToken);
                var actual = await indicator.ComputeAsync(db, region, period, cancellationToken);
                value = actual * 100m / target;
                name = indicator.Name + "目标完成率";
                url = indicator.RecordsUrl(region, period);
                break;
            default:
                value = await indicator.ComputeAsync(db, region, period, cancellationToken);
                name = indicator.Name;
                url = indicator.RecordsUrl(region, period);
                break;
        }
        string wording;
        try
        {
            wording = ChineseFigures.Format(value, token.Style!);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new RuleException("suggestions.reply-figure-unwritable",
                $"数字标记“{token.Source}”算得{value.ToString("0.####", CultureInfo.InvariantCulture)}{indicator.Unit}，不能按“{token.StyleText}”书写，请修改写法");
        }
        return new ReplyFigure(index, token.Source, Kind(token.Kind), token.Code, name, region, ReplyTemplateText.PeriodText(period),
            ReplyTemplateText.PeriodName(period), token.StyleText, value, wording, inTitle, offset, url);
    }

    private async Task<decimal> TargetAsync(FigureToken token, string region, int year, CancellationToken cancellationToken)
    {
        var target = await db.Set<Target>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.RegionCode == region && t.Year == year && t.IndicatorCode == token.Code, cancellationToken);
        if (target is null || target.Value == 0)
        {
            throw new RuleException("suggestions.reply-target-missing", $"数字标记“{token.Source}”：{region}尚未设定{year}年“{catalogue.Get(token.Code).Name}”的目标，请先在“目标管理”中设定");
        }
        return target.Value;
    }

    private static ReplyFigure Field(int index, string field, string wording, int offset, Suggestion suggestion, bool inTitle = false) =>
        new(index, "{{" + ReplyTemplateText.SuggestionPrefix + field + "}}", "suggestion", ReplyTemplateText.SuggestionPrefix + field,
            ReplyTemplateText.SuggestionFields[field], suggestion.RegionCode, null, null, null, null, wording, inTitle, offset, $"/suggestions/{suggestion.Id}");

    private static string Kind(FigureKind kind) => kind switch
    {
        FigureKind.Target => "target",
        FigureKind.Completion => "completion",
        FigureKind.Suggestion => "suggestion",
        _ => "value",
    };
}

/// <summary>
/// 生成答复函: renders the suggestion's template from the records now and stores it as the next frozen version (1, 2, …).
/// </summary>
public sealed class GenerateReplyHandler(KechuangDb db, ReplyRenderer renderer)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> HandleAsync(Guid suggestionId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.GenerateReply);
        var suggestion = await SuggestionChecks.LoadAsync(db, suggestionId, cancellationToken);
        var template = await db.Set<ReplyTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.SuggestionId == suggestionId, cancellationToken)
            ?? throw new RuleException("suggestions.reply-no-template", "该建议还没有答复函模板，请先编写模板");
        var letter = await renderer.RenderAsync(suggestion, template, cancellationToken);
        var last = await db.Set<ReplyVersion>().Where(v => v.SuggestionId == suggestionId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new ReplyVersion(suggestionId, suggestion.RegionCode, last + 1, letter, JsonSerializer.Serialize(letter.Figures, Json),
            db.User.DisplayName, db.UtcNow);
        db.Add(version);
        await db.SaveUniqueAsync(() => new RuleException("suggestions.reply-generated-meanwhile", "他人同时生成了答复函，请刷新后重试"), cancellationToken);
        return version.Number;
    }
}

/// <summary>A suggestion's generated letters, newest first.</summary>
public sealed class ListReplyVersionsHandler(KechuangDb db)
{
    public async Task<List<ReplyVersionRow>> HandleAsync(Guid suggestionId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
        await ReplyChecks.VisibleAsync(db, suggestionId, cancellationToken);
        var versions = await db.Set<ReplyVersion>().AsNoTracking().Where(v => v.SuggestionId == suggestionId).OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        return versions.Select(v => new ReplyVersionRow(v.Number, v.Title, v.Signatory, v.LetterDate, v.GeneratedAt, v.GeneratedBy,
            ReplyChecks.Figures(v).Count)).ToList();
    }
}

/// <summary>One generated letter with its figures, as it was stored.</summary>
public sealed class GetReplyVersionHandler(KechuangDb db)
{
    public async Task<ReplyVersionDto> HandleAsync(Guid suggestionId, int number, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
        var v = await ReplyChecks.LoadAsync(db, suggestionId, number, cancellationToken);
        return new ReplyVersionDto(v.SuggestionId, v.Number, v.Title, v.Text, v.Signatory, v.LetterDate, v.GeneratedAt, v.GeneratedBy, ReplyChecks.Figures(v));
    }
}

/// <summary>The reply template of a suggestion (404 when it has none).</summary>
public sealed class GetReplyTemplateHandler(KechuangDb db)
{
    public async Task<ReplyTemplateDto> HandleAsync(Guid suggestionId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.Read);
        await ReplyChecks.VisibleAsync(db, suggestionId, cancellationToken);
        var t = await db.Set<ReplyTemplate>().AsNoTracking().FirstOrDefaultAsync(x => x.SuggestionId == suggestionId, cancellationToken)
            ?? throw new NotFoundException("该建议还没有答复函模板");
        return new ReplyTemplateDto(t.SuggestionId, t.Title, t.Body.Split('\n'), t.UpdatedBy, t.UpdatedAt);
    }
}

/// <summary>Writes (creates or replaces) a suggestion's reply template; every token is checked against the indicator catalogue.</summary>
public sealed class SaveReplyTemplateHandler(KechuangDb db, IndicatorCatalogue catalogue)
{
    public async Task HandleAsync(Guid suggestionId, ReplyTemplateInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.GenerateReply);
        var suggestion = await SuggestionChecks.LoadAsync(db, suggestionId, cancellationToken);
        var (title, body) = ReplyChecks.Template(input, catalogue);
        var template = await db.Set<ReplyTemplate>().FirstOrDefaultAsync(t => t.SuggestionId == suggestionId, cancellationToken);
        if (template is null)
        {
            db.Add(new ReplyTemplate(suggestionId, suggestion.RegionCode, title, body, db.User.DisplayName, db.UtcNow));
        }
        else
        {
            template.Change(title, body, db.User.DisplayName, db.UtcNow);
        }
        await db.SaveUniqueAsync(() => new RuleException("suggestions.reply-template-saved-meanwhile", "他人同时保存了模板，请刷新后修改"), cancellationToken);
    }
}

/// <summary>
/// 预览: the letter a template would give from the records now, checked as a save checks it, neither saving the template
/// nor storing a version: what staff read before they save.
/// </summary>
public sealed class GetReplyPreviewHandler(KechuangDb db, IndicatorCatalogue catalogue, ReplyRenderer renderer)
{
    public async Task<RenderedLetter> HandleAsync(Guid suggestionId, ReplyTemplateInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(SuggestionsPermissions.GenerateReply);
        var suggestion = await SuggestionChecks.LoadAsync(db, suggestionId, cancellationToken);
        var (title, body) = ReplyChecks.Template(input, catalogue);
        return await renderer.RenderAsync(suggestion, new ReplyTemplate(suggestionId, suggestion.RegionCode, title, body, db.User.DisplayName, db.UtcNow),
            cancellationToken);
    }
}

/// <summary>What a template's tokens may be: the suggestion's fields and the catalogue's indicators, for the template page's help.</summary>
public sealed record ReplyTokenHelp(IReadOnlyList<KeyValuePair<string, string>> SuggestionFields, IReadOnlyList<IndicatorInfo> Indicators);

public sealed class ListReplyTokensHandler(KechuangDb db, IndicatorCatalogue catalogue)
{
    public Task<ReplyTokenHelp> HandleAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!db.User.Scope.SignedIn && !db.User.Scope.All)
        {
            throw new ForbiddenException();
        }
        return Task.FromResult(new ReplyTokenHelp(
            ReplyTemplateText.SuggestionFields.Select(f => new KeyValuePair<string, string>("{{" + ReplyTemplateText.SuggestionPrefix + f.Key + "}}", f.Value)).ToList(),
            catalogue.All.OrderBy(i => i.Code, StringComparer.Ordinal).ToList()));
    }
}

internal static class ReplyChecks
{
    /// <summary>The template's title and body (paragraphs joined by line breaks), or 400 naming each wrong token under its field.</summary>
    public static (string Title, string Body) Template(ReplyTemplateInput input, IndicatorCatalogue catalogue)
    {
        var errors = new FieldErrors();
        var title = errors.Text("title", "答复函标题", input.Title, 200);
        var paragraphs = (input.Paragraphs ?? []).Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).ToList();
        if (paragraphs.Count == 0)
        {
            errors.Add("paragraphs", "请填写答复函正文");
        }
        else if (paragraphs.Any(p => p.Any(char.IsControl)))
        {
            errors.Add("paragraphs", "每段正文中不能含换行等控制字符，请分段填写");
        }
        var body = string.Join('\n', paragraphs);
        if (body.Length > 20_000)
        {
            errors.Add("paragraphs", "答复函正文不能超过20000个字符");
        }
        foreach (var (field, text) in new[] { ("title", title), ("paragraphs", body) })
        {
            var problems = new List<string>();
            ReplyTemplateText.Parse(text, catalogue, problems);
            foreach (var problem in problems)
            {
                errors.Add(field, problem);
            }
        }
        errors.ThrowIfAny();
        return (title, body);
    }

    public static async Task VisibleAsync(KechuangDb db, Guid suggestionId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Suggestion>().AsNoTracking().AnyAsync(s => s.Id == suggestionId, cancellationToken))
        {
            throw SuggestionChecks.NotFound();
        }
    }

    public static async Task<ReplyVersion> LoadAsync(KechuangDb db, Guid suggestionId, int number, CancellationToken cancellationToken)
    {
        await VisibleAsync(db, suggestionId, cancellationToken);
        return await db.Set<ReplyVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.SuggestionId == suggestionId && v.Number == number, cancellationToken)
            ?? throw new NotFoundException($"答复函第{number}版不存在");
    }

    public static IReadOnlyList<ReplyFigure> Figures(ReplyVersion version) =>
        JsonSerializer.Deserialize<List<ReplyFigure>>(version.FiguresJson, GenerateReplyHandler.Json) ?? [];
}
