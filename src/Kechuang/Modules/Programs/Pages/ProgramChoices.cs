using System.Globalization;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Programs.Pages;

/// <summary>Pick lists and colours of the plan-project pages, in Chinese.</summary>
internal static class ProgramChoices
{
    public static readonly IReadOnlyList<SelectOption> Levels = ProgramsRules.LevelNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Statuses = ProgramsRules.StatusNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    /// <summary>The states after approval (立项) as the pages' status values.</summary>
    public static readonly IReadOnlySet<string> ApprovedStatuses = ProgramsRules.ApprovedStates.Select(s => Kebab.From(s)).ToHashSet();

    public static readonly IReadOnlyList<SelectOption> Grades = ProgramsRules.GradeNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Categories = ProgramsRules.Categories.Select(c => new SelectOption(c, c)).ToList();

    public static readonly IReadOnlyList<SelectOption> Years =
        Enumerable.Range(2015, 21).Reverse().Select(y => new SelectOption(y.ToString(CultureInfo.InvariantCulture), $"{y} 年")).ToList();

    public static int? Year(string? year) => int.TryParse(year, CultureInfo.InvariantCulture, out var y) ? y : null;

    public static string Money(decimal yuan) => yuan >= 10_000m ? $"{(yuan / 10_000m).ToString("0.##", CultureInfo.InvariantCulture)} 万元" : $"{yuan.ToString("0.##", CultureInfo.InvariantCulture)} 元";

    public static string StatusColor(string status) => status switch
    {
        "submitted" or "checked" => "blue",
        "in-review" or "reviewed" => "geekblue",
        "recommended" or "publicizing" => "purple",
        "approved" or "in-progress" or "acceptance-requested" => "cyan",
        "accepted" => "green",
        "returned" or "not-approved" or "acceptance-failed" => "red",
        _ => "default",
    };
}
