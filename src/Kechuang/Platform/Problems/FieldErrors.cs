using System.Text.RegularExpressions;

namespace Kechuang.Platform.Problems;

/// <summary>
/// Collects field-by-field validation failures of one request so that every problem is reported at
/// once, then throws a single <see cref="InputException"/>.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The problems by field, in the order fields were first reported (read without copying, for imports' rows).</summary>
    internal IReadOnlyDictionary<string, List<string>> Entries => _errors;

    /// <summary>Forgets every problem, so one instance serves row after row of an import.</summary>
    internal void Clear() => _errors.Clear();

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
        return this;
    }

    /// <summary>Checks a required text and its length; returns the trimmed value.</summary>
    public string Text(string field, string label, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(field, $"请填写{label}");
            }
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, $"{label}不能超过{maxLength}个字符");
        }
        return trimmed;
    }

    /// <summary>Parses a kebab-case enum value, naming the allowed values in the message.</summary>
    public TEnum? Enum<TEnum>(string field, string label, string? value, IReadOnlyDictionary<TEnum, string> allowed, bool required = true)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"请选择{label}");
            }
            return null;
        }
        foreach (var (key, _) in allowed)
        {
            if (string.Equals(Kebab.From(key), value.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(allowed[key], value.Trim(), StringComparison.Ordinal))
            {
                return key;
            }
        }
        Add(field, $"{label}取值无效，可选：{string.Join("、", allowed.Select(a => $"{Kebab.From(a.Key)}（{a.Value}）"))}");
        return null;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputException(ToDictionary());
        }
    }
}

/// <summary>Spells enum members as the API does: <c>HighTechEnterprise</c> → <c>high-tech-enterprise</c>.</summary>
public static partial class Kebab
{
    public static string From<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Spelled<TEnum>.Names.GetOrAdd(value, v => Upper().Replace(v.ToString(), "-$1").TrimStart('-').ToLowerInvariant());

    /// <summary>Each member spelled once (imports validate enums on every row).</summary>
    private static class Spelled<TEnum> where TEnum : struct, Enum
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<TEnum, string> Names = new();
    }

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Upper();
}
