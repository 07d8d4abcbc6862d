using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Suggestions;

/// <summary>One suggestion as its export states it: the registration facts (which import again) and how handling stands.</summary>
public sealed record SuggestionSheetRow(SuggestionRow Row, string? RepresentativePhone, string? Summary);

/// <summary>
/// The suggestion sheet, shared by import, export and template: the registration facts of 交办清单 as the congress's office
/// sends them. The export adds how each one stands (read back only to tell a blank row), so an export imports again.
/// </summary>
public static class SuggestionSheet
{
    public static readonly SheetColumn Number = new("建议编号", "number");
    public static readonly SheetColumn Title = new("建议标题", "title");
    public static readonly SheetColumn Representatives = new("提出建议的代表", "representatives");
    public static readonly SheetColumn Phone = new("代表联系电话", "representativePhone");
    public static readonly SheetColumn Session = new("会议", "session");
    public static readonly SheetColumn Summary = new("建议内容摘要", "summary");
    public static readonly SheetColumn ReceivedOn = new("收到日期", "receivedOn");
    public static readonly SheetColumn Region = new("行政区划代码", "regionCode");

    public static readonly ImportSheet Sheet = new("人大代表建议导入模板.xlsx", "suggestions_suggestion",
        Number, Title, Representatives, Phone, Session, Summary, ReceivedOn, Region);

    public static readonly ExportSheet<SuggestionSheetRow> Export = Sheet.Export<SuggestionSheetRow>("人大代表建议.xlsx", new()
    {
        [Number] = s => s.Row.Number,
        [Title] = s => s.Row.Title,
        [Representatives] = s => s.Row.Representatives,
        [Phone] = s => s.RepresentativePhone,
        [Session] = s => s.Row.Session,
        [Summary] = s => s.Summary,
        [ReceivedOn] = s => Day(s.Row.ReceivedOn),
        [Region] = s => s.Row.RegionCode,
    })
        .Column("办理状态", s => s.Row.Overdue ? $"{s.Row.StatusName}（逾期）" : s.Row.StatusName)
        .Column("主办单位", s => s.Row.LeadUnitName)
        .Column("答复期限", s => Day(s.Row.Deadline))
        .Column("答复日期", s => Day(s.Row.RepliedOn))
        .Column("代表意见", s => s.Row.SatisfactionName);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Registers the suggestions of a 交办清单 at once, all or nothing, each as received (已登记) with its first step: the
/// same rules as one registration, a number already registered for the meeting or repeated in the file refused.
/// </summary>
public sealed class ImportSuggestionsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<Suggestion>(db)
{
    private IReadOnlyDictionary<string, string> _regions = new Dictionary<string, string>();
    private HashSet<(string Session, string Number)> _taken = [];
    private readonly Dictionary<(string Session, string Number), int> _inFile = [];
    private readonly List<SuggestionStep> _steps = [];
    private DateOnly _today;

    protected override ImportSheet Sheet => SuggestionSheet.Sheet;

    protected override Platform.Access.Permission Permission => SuggestionsPermissions.Handle;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _regions = await directory.RegionNamesAsync(cancellationToken);
        _taken = (await Db.Set<Suggestion>().IgnoreQueryFilters().AsNoTracking().Select(s => new { s.Session, s.Number }).ToListAsync(cancellationToken))
            .Select(s => (s.Session, s.Number)).ToHashSet();
        _today = Db.Today();
        _inFile.Clear();
        _steps.Clear();
    }

    protected override Suggestion? Read(SheetRow row, FieldErrors errors)
    {
        var input = new SuggestionInput(row.Text(SuggestionSheet.Number), row.Text(SuggestionSheet.Title), row.Text(SuggestionSheet.Representatives),
            row.Text(SuggestionSheet.Phone), row.Text(SuggestionSheet.Session), row.Text(SuggestionSheet.Summary), row.Date(SuggestionSheet.ReceivedOn, errors),
            row.Text(SuggestionSheet.Region));
        var facts = SuggestionsRules.Validate(input, _regions.ContainsKey, _today, errors);
        if (facts is not null && !Db.User.Scope.Covers(facts.RegionCode))
        {
            errors.Add("regionCode", "所选地区不在您的数据范围内");
        }
        if (errors.Any || facts is null)
        {
            return null;
        }
        var key = (facts.Session, facts.Number);
        if (_taken.Contains(key))
        {
            errors.Add("number", SuggestionChecks.Duplicate(facts).Message);
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("number", $"与第{earlier}行重复");
            return null;
        }
        _inFile[key] = row.Number;
        var suggestion = new Suggestion(facts, Db.UtcNow);
        _steps.Add(new SuggestionStep(suggestion.Id, "receive", facts.ReceivedOn, SuggestionChecks.ReceiveText(facts), Db.User.DisplayName, Db.UtcNow));
        return suggestion;
    }

    protected override async Task CompleteAsync(int imported, CancellationToken cancellationToken) => await AddAsync(_steps, cancellationToken);
}
