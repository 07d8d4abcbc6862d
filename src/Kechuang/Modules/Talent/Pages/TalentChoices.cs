using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Talent.Pages;

/// <summary>Pick lists of the talent pages, in Chinese.</summary>
internal static class TalentChoices
{
    public static readonly IReadOnlyList<SelectOption> Levels =
        TalentRules.LevelNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Results =
        TalentRules.ResultNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Decisions = Results.Where(r => r.Value != "pending").ToList();

    public static readonly IReadOnlyList<SelectOption> Degrees =
        TalentRules.DegreeNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    /// <summary>Round years, newest first (2015–2035).</summary>
    public static readonly IReadOnlyList<SelectOption> Years =
        Enumerable.Range(2015, 21).Reverse().Select(y => new SelectOption(y.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{y} 年")).ToList();

    public static IReadOnlyList<SelectOption> Of(IEnumerable<TalentOption> options) =>
        options.Select(o => new SelectOption(o.Id.ToString(), string.IsNullOrEmpty(o.Detail) ? o.Name : $"{o.Name}（{o.Detail}）")).ToList();

    public static string ResultColor(string result) => result switch
    {
        "approved" => "green",
        "rejected" => "default",
        _ => "blue",
    };

    public static int? Year(string? year) => int.TryParse(year, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
}
