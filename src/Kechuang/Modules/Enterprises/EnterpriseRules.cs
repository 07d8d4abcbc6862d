namespace Kechuang.Modules.Enterprises;

/// <summary>Cultivation rules that are not part of an evaluation scheme.</summary>
public static class EnterpriseRules
{
    /// <summary>
    /// 规模以上工业企业: 年主营业务收入2000万元及以上的工业法人单位 (国家统计局, since 2011; docs/rules/industrial-scale.md §1), inclusive.
    /// Kechuang records 销售收入 as the main-business revenue.
    /// </summary>
    public const decimal AboveScaleRevenue = 20_000_000m;

    /// <summary>亿元以上规上工业企业 (研发机构全覆盖 target T18): revenue of at least 1亿元.</summary>
    public const decimal HundredMillion = 100_000_000m;

    /// <summary>工业 = GB/T 4754 sections B 采矿业 (06–12), C 制造业 (13–43), D 电力、热力、燃气及水生产和供应业 (44–46).</summary>
    public static bool IsIndustrial(string industryCode) =>
        TechSmeRules.Division(industryCode) is { } division && int.TryParse(division, out var d) && d is >= 6 and <= 46;

    public static bool IsAboveScale(bool industrial, decimal mainBusinessRevenue) => industrial && mainBusinessRevenue >= AboveScaleRevenue;
}
