using System.Globalization;
using System.Text;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Text;

namespace Kechuang.Modules.Suggestions;

/// <summary>What a figure token asks for: the indicator's value, its target in the registry, or the completion of that target.</summary>
public enum FigureKind
{
    Value = 1,
    Target = 2,
    Completion = 3,
    Suggestion = 4,
}

/// <summary>
/// One token of a reply template (docs/rules/reply-letter.md §2). A figure token names an indicator, a region (empty: the
/// suggestion's), a period and the wording; a suggestion token (<c>{{suggestion:deputies}}</c>) names a field of the record.
/// </summary>
public sealed record FigureToken(string Source, FigureKind Kind, string Code, string? RegionCode, Period? Period, string? PeriodText, FigureStyle? Style,
    string? StyleText);

/// <summary>A piece of a parsed template: literal text, or a token in its place.</summary>
public sealed record TemplatePart(string? Text, FigureToken? Token);

/// <summary>
/// 答复函模板的数字标记: parses <c>{{指标代码|地区|期间|写法}}</c> and its <c>target:</c> / <c>completion:</c> and
/// <c>suggestion:</c> forms, with a Chinese message naming each token that is wrong. Pure: the catalogue is the only input.
/// </summary>
public static class ReplyTemplateText
{
    public const string TargetPrefix = "target:";
    public const string CompletionPrefix = "completion:";
    public const string SuggestionPrefix = "suggestion:";

    /// <summary>The suggestion's fields a template may name, with their Chinese names.</summary>
    public static readonly IReadOnlyDictionary<string, string> SuggestionFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["number"] = "建议编号",
        ["title"] = "建议标题",
        ["deputies"] = "提出建议的代表",
        ["session"] = "会议",
        ["lead-unit"] = "主办单位",
        ["reply-date"] = "答复日期",
        ["contact-name"] = "答复联系人",
        ["contact-phone"] = "答复联系电话",
    };

    /// <summary>Splits <paramref name="template"/> into text and tokens; every problem is added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<TemplatePart> Parse(string template, IndicatorCatalogue catalogue, List<string> problems)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var position = 0;
        var count = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var stray = template.IndexOf("}}", position, StringComparison.Ordinal);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                problems.Add($"第{Line(template, stray)}段有多余的“}}}}”，数字标记应写作“{{{{指标代码|地区|期间|写法}}}}”");
                literal.Append(template, position, stray + 2 - position);
                position = stray + 2;
                continue;
            }
            if (open < 0)
            {
                literal.Append(template, position, template.Length - position);
                break;
            }
            literal.Append(template, position, open - position);
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nested = template.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                problems.Add($"第{Line(template, open)}段的数字标记没有以“}}}}”结束");
                literal.Append("{{");
                position = open + 2;
                continue;
            }
            count++;
            var source = template[open..(close + 2)];
            var token = ParseToken(template[(open + 2)..close], catalogue, out var problem);
            if (token is null)
            {
                problems.Add($"第{count}个数字标记“{source}”（第{Line(template, open)}段）：{problem}");
            }
            else
            {
                if (literal.Length > 0)
                {
                    parts.Add(new TemplatePart(literal.ToString(), null));
                    literal.Clear();
                }
                parts.Add(new TemplatePart(null, token with { Source = source }));
            }
            position = close + 2;
        }
        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), null));
        }
        return parts;
    }

    /// <summary>One token's inside (between the braces), or null with the reason.</summary>
    public static FigureToken? ParseToken(string inside, IndicatorCatalogue catalogue, out string problem)
    {
        problem = "";
        var text = inside.Trim();
        if (text.StartsWith(SuggestionPrefix, StringComparison.Ordinal))
        {
            var field = text[SuggestionPrefix.Length..].Trim();
            if (!SuggestionFields.ContainsKey(field))
            {
                problem = $"建议没有“{field}”这一项，可用：{string.Join("、", SuggestionFields.Select(f => $"{f.Key}（{f.Value}）"))}";
                return null;
            }
            return new FigureToken("", FigureKind.Suggestion, SuggestionPrefix + field, null, null, null, null, null);
        }
        var fields = text.Split('|');
        if (fields.Length != 4)
        {
            problem = "应有4段，以“|”分隔：指标代码|地区|期间|写法（如 contracts.transaction-amount|330723|2022|亿元）";
            return null;
        }
        var (kind, code) = fields[0].Trim() switch
        {
            var c when c.StartsWith(TargetPrefix, StringComparison.Ordinal) => (FigureKind.Target, c[TargetPrefix.Length..].Trim()),
            var c when c.StartsWith(CompletionPrefix, StringComparison.Ordinal) => (FigureKind.Completion, c[CompletionPrefix.Length..].Trim()),
            var c => (FigureKind.Value, c),
        };
        if (code.Length == 0)
        {
            problem = "请写明指标代码";
            return null;
        }
        var indicator = catalogue.Find(code);
        if (indicator is null)
        {
            var near = catalogue.All.Where(i => i.Module == code.Split('.')[0]).Select(i => i.Code).ToList();
            problem = $"指标“{code}”不存在" + (near.Count > 0 ? $"，该模块的指标有：{string.Join("、", near)}" : "，可在“指标目录”中查到可用的指标代码");
            return null;
        }
        var region = fields[1].Trim();
        if (region.Length > 0 && (region.Length < 6 || region.Length > 12 || !region.All(char.IsAsciiDigit)))
        {
            problem = $"地区“{region}”应为6–12位行政区划代码，或留空表示建议所属地区";
            return null;
        }
        var periodText = fields[2].Trim();
        if (!TryParsePeriod(periodText, out var period, out problem))
        {
            return null;
        }
        if (kind != FigureKind.Value && (period.From.Month != 1 || period.From.Day != 1 || period.To != period.From.AddYears(1)))
        {
            problem = $"目标按年度设定，“{fields[0].Trim()}”的期间应为一个年度（如 2023）";
            return null;
        }
        var styleText = fields[3].Trim();
        if (!FigureStyle.TryParse(styleText, out var style, out var styleProblem))
        {
            problem = styleProblem;
            return null;
        }
        var unit = kind == FigureKind.Completion ? "%" : indicator.Unit;
        if ((unit is "元" or "%" || style.Unit is "元" or "%") && style.Unit != unit)
        {
            problem = kind == FigureKind.Completion
                ? $"完成率以百分数书写，写法应以“%”结尾（如 0.0%），而不是“{styleText}”"
                : $"指标“{code}”（{indicator.Name}）的单位是“{indicator.Unit}”，写法“{styleText}”的单位“{style.Unit}”与之不符";
            return null;
        }
        return new FigureToken("", kind, code, region.Length == 0 ? null : region, period, periodText, style, styleText);
    }

    /// <summary>
    /// 期间: a year (2022), years (2022..2023) or days (2022-01-01..2023-07-06, both days included); the ends may mix.
    /// </summary>
    public static bool TryParsePeriod(string text, out Period period, out string problem)
    {
        period = default;
        problem = $"期间“{text}”应写作年度（2022）、年度范围（2022..2023）或日期范围（2022-01-01..2023-07-06，含两端）";
        var ends = text.Split("..");
        if (ends.Length is not (1 or 2))
        {
            return false;
        }
        if (!TryStart(ends[0].Trim(), out var from) || !TryEnd(ends[^1].Trim(), out var to))
        {
            return false;
        }
        if (to <= from)
        {
            problem = $"期间“{text}”的结束早于开始";
            return false;
        }
        period = new Period(from, to);
        problem = "";
        return true;
    }

    /// <summary>The period as a template writes it, days inclusive: 2022, 2022..2023, 2022-01-01..2023-07-06.</summary>
    public static string PeriodText(Period period)
    {
        bool WholeYear(DateOnly d) => d.Month == 1 && d.Day == 1;
        if (WholeYear(period.From) && WholeYear(period.To))
        {
            return period.To.Year - period.From.Year == 1
                ? period.From.Year.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{period.From.Year}..{period.To.Year - 1}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}..{period.To.AddDays(-1):yyyy-MM-dd}");
    }

    /// <summary>The period in Chinese for a screen: 2022年, 2022年1月1日至2023年7月6日.</summary>
    public static string PeriodName(Period period)
    {
        if (period.From.Month == 1 && period.From.Day == 1 && period.To == period.From.AddYears(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{period.From.Year}年");
        }
        return ChineseFigures.Date(period.From) + "至" + ChineseFigures.Date(period.To.AddDays(-1));
    }

    private static bool TryStart(string text, out DateOnly day)
    {
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            day = new DateOnly(year, 1, 1);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day.Year is >= 2000 and <= 2100;
    }

    private static bool TryEnd(string text, out DateOnly day)
    {
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            day = new DateOnly(year + 1, 1, 1);
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) && last.Year is >= 2000 and <= 2100)
        {
            day = last.AddDays(1);
            return true;
        }
        day = default;
        return false;
    }

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
