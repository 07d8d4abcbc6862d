using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Commissioners.Pages;

/// <summary>The pick lists of the commissioners' pages: kebab-case values, Chinese labels.</summary>
internal static class CommissionerChoices
{
    public static readonly IReadOnlyList<SelectOption> Kinds = Options(CommissionerRules.KindNames, k => $"{CommissionerRules.KindNames[k]}（{CommissionerRules.ModelNames[k]}）");
    public static readonly IReadOnlyList<SelectOption> Levels = Options(CommissionerRules.LevelNames);
    public static readonly IReadOnlyList<SelectOption> ProjectLevels = Options(ProjectRules.LevelNames);
    public static readonly IReadOnlyList<SelectOption> NeedStatuses = Options(NeedRules.StatusNames);
    public static readonly IReadOnlyList<SelectOption> ServiceKinds = Options(ServiceRules.KindNames);
    public static readonly IReadOnlyList<SelectOption> Campaigns = Options(ServiceRules.CampaignNames);

    /// <summary>Years from the platform's first records to next year, newest first.</summary>
    public static IReadOnlyList<SelectOption> Years(DateOnly today) =>
        Enumerable.Range(2020, today.Year - 2020 + 2).Reverse().Select(y => new SelectOption(y.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{y}年")).ToList();

    private static List<SelectOption> Options<TEnum>(IReadOnlyDictionary<TEnum, string> names, Func<TEnum, string>? label = null) where TEnum : struct, Enum =>
        names.Select(n => new SelectOption(Kebab.From(n.Key), label?.Invoke(n.Key) ?? n.Value)).ToList();
}
