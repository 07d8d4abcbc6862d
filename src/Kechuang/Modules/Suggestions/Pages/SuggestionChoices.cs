using System.Globalization;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Suggestions.Pages;

/// <summary>Pick lists of the suggestion pages, in Chinese.</summary>
internal static class SuggestionChoices
{
    public static readonly IReadOnlyList<SelectOption> Statuses =
        SuggestionsRules.StatusNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Classes =
        SuggestionsRules.ClassNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Satisfactions =
        SuggestionsRules.SatisfactionNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Stages =
        SuggestionsRules.StageNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Ways = new[] { "走访", "座谈", "调研", "约见", "电话" }.Select(w => new SelectOption(w, w)).ToList();

    public static IReadOnlyList<SelectOption> Years =>
        Enumerable.Range(2018, UiFormat.Local(DateTime.UtcNow).Year - 2018 + 1).Reverse()
            .Select(y => new SelectOption(y.ToString(CultureInfo.InvariantCulture), $"{y} 年")).ToList();

    public static int? Year(string? year) => int.TryParse(year, CultureInfo.InvariantCulture, out var y) ? y : null;

    public const string Overdue = "red";

    public static string StatusColor(string status) => status switch
    {
        "received" => "default",
        "assigned" or "signed-for" => "blue",
        "handling" => "orange",
        "replied" => "cyan",
        "evaluated" => "green",
        "published" => "purple",
        _ => "default",
    };

    /// <summary>The button each action shows on the detail page.</summary>
    public static string ActionLabel(string action) => action switch
    {
        "assign" => "交办",
        "return" => "退回",
        "sign-for" => "签收",
        "start" => "开始办理",
        "extend" => "申请延期",
        "opinion" => "登记会办意见",
        "contact" => "登记面商",
        "reply" => "答复代表",
        "feedback" => "登记代表反馈",
        "publish" => "公开办理结果",
        _ => action,
    };
}
