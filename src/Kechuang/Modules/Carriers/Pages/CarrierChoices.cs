using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Carriers.Pages;

/// <summary>Pick lists of the carrier pages, in Chinese.</summary>
internal static class CarrierChoices
{
    public static readonly IReadOnlyList<SelectOption> Kinds =
        CarrierKinds.Names.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    /// <summary>The list filter adds "all parks" before the single kinds.</summary>
    public static readonly IReadOnlyList<SelectOption> KindFilter = [new SelectOption("parks", "全部园区"), .. Kinds];

    public static readonly IReadOnlyList<SelectOption> Levels =
        CarrierRules.LevelNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> Statuses =
        CarrierRules.StatusNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> UnitUses =
        UnitRules.UseNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> OccupancyBases =
        UnitRules.BasisNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> TenancyKindOptions =
        TenancyKinds.Names.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> ParcelSteps =
        ParcelRules.StepNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> ParcelUses =
        ParcelRules.UseNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> PaymentKinds =
        PaymentRules.KindNames.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> AreaUnits =
        ParcelRules.AreaUnits.Select(k => new SelectOption(k.Key, k.Value)).ToList();

    /// <summary>Years a step or a report may fall in, newest first (2015–2035).</summary>
    public static readonly IReadOnlyList<SelectOption> Years =
        Enumerable.Range(2015, 21).Reverse().Select(y => new SelectOption(y.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{y} 年")).ToList();

    public static string KindColor(string kind) => kind switch
    {
        "park" or "small-business-park" or "agricultural-park" => "green",
        "building" => "default",
        "enclave" => "purple",
        "testing-lab" => "orange",
        _ => "blue",
    };

    public static AntDesign.BadgeStatus StatusColor(string status) => status switch
    {
        "operating" => AntDesign.BadgeStatus.Success,
        "under-construction" => AntDesign.BadgeStatus.Processing,
        "planned" => AntDesign.BadgeStatus.Warning,
        _ => AntDesign.BadgeStatus.Default,
    };

    /// <summary>Parks (kebab kinds) hold no units of their own.</summary>
    public static bool IsParkKind(string kind) => CarrierKinds.Parks.Any(p => Kebab.From(p) == kind);
}
