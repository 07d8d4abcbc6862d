using Kechuang.Modules.Matching.Engine;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Matching;

/// <summary>A matching request as the API receives it: the demand's text, its technology field, how many results.</summary>
public sealed record MatchRequest(string? Text, string? Field, int? Top);

/// <summary>A staff judgement as the API receives it: which result (kind and id), for which demand or text, useful or not.</summary>
public sealed record FeedbackInput(string? Kind, Guid? TargetId, Guid? DemandId, string? Text, bool? Useful);

/// <summary>A synonym group as the API receives it: words separated by ；, a note.</summary>
public sealed record SynonymInput(string? Words, string? Note);

/// <summary>A domain word as the API receives it.</summary>
public sealed record DomainWordInput(string? Word, string? Industry);

public static class MatchingRules
{
    public const int DefaultTop = 10;
    public const int MaxTop = 50;
    public const int MaxText = 2000;

    /// <summary>Chinese names of the kinds, for messages and pages.</summary>
    public static readonly IReadOnlyDictionary<string, string> KindNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MatchKinds.Achievement] = "科技成果",
        [MatchKinds.Expert] = "专家",
        [MatchKinds.Phd] = "博士",
        [MatchKinds.Demand] = "需求",
    };

    public static IReadOnlyList<string> SplitWords(string? words) =>
        (words ?? "").Split([SynonymGroup.Separator, ";", "，", ",", "、", "/", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The request's text, field and number of results, or 400 with the fields' messages.</summary>
    public static (string Text, string? Field, int Top) Validate(MatchRequest request)
    {
        var errors = new FieldErrors();
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add("text", "请填写需求内容");
        }
        else if (text.Length > MaxText)
        {
            errors.Add("text", $"需求内容不能超过 {MaxText} 个字");
        }
        var top = request.Top ?? DefaultTop;
        if (top is < 1 or > MaxTop)
        {
            errors.Add("top", $"返回条数应在 1 到 {MaxTop} 之间");
        }
        var field = request.Field?.Trim();
        if (field is { Length: > 50 })
        {
            errors.Add("field", "技术领域不能超过 50 个字");
        }
        errors.ThrowIfAny();
        return (text, string.IsNullOrEmpty(field) ? null : field, top);
    }

    public static IReadOnlyList<string> ValidateSynonyms(SynonymInput input, FieldErrors errors)
    {
        var words = SplitWords(input.Words);
        if (words.Count < 2)
        {
            errors.Add("words", "同义词组至少要有两个词，用“；”分隔");
        }
        else if (words.Any(w => w.Length > 30))
        {
            errors.Add("words", "每个词不能超过 30 个字");
        }
        else if (string.Join(SynonymGroup.Separator, words).Length > 500)
        {
            errors.Add("words", "同义词组不能超过 500 个字");
        }
        if (input.Note is { Length: > 200 })
        {
            errors.Add("note", "说明不能超过 200 个字");
        }
        return words;
    }

    public static (string Word, string Industry) ValidateWord(DomainWordInput input, FieldErrors errors)
    {
        var word = input.Word?.Trim() ?? "";
        var industry = input.Industry?.Trim() ?? "";
        if (word.Length < 2 || word.Length > 30 || word.Any(char.IsWhiteSpace))
        {
            errors.Add("word", "领域词应为 2 到 30 个字，不含空格");
        }
        if (industry.Length == 0)
        {
            errors.Add("industry", "请填写所属产业");
        }
        else if (industry.Length > 30)
        {
            errors.Add("industry", "所属产业不能超过 30 个字");
        }
        return (word, industry);
    }
}
