namespace Kechuang.Modules.Enterprises;

/// <summary>
/// 科技型中小企业评价 — 《科技型中小企业评价办法》国科发政〔2017〕115号 with the 2022 工作指引
/// 国科火字〔2022〕67号 (docs/rules/tech-sme.md §1, §5.1). Every band is lower-inclusive ("(含)").
/// </summary>
public static class TechSmeRules
{
    /// <summary>第六条(二): 职工总数不超过500人 ("不超过": 500 itself is allowed).</summary>
    public const int MaxEmployees = 500;

    /// <summary>第六条(二): 年销售收入不超过2亿元.</summary>
    public const decimal MaxSalesRevenue = 200_000_000m;

    /// <summary>第六条(二): 资产总额不超过2亿元.</summary>
    public const decimal MaxTotalAssets = 200_000_000m;

    /// <summary>第六条(五): 综合评价得分不低于60分, 且科技人员指标得分不得为0分.</summary>
    public const int PassScore = 60;

    /// <summary>
    /// 评价指标说明: 兼职、临时聘用人员全年须在企业累计工作6个月以上 — six months or more, since 以上 includes the number
    /// (docs/rules/tech-sme.md §6.3);
    /// on-payroll staff (labour contract or social insurance) count whatever the months.
    /// </summary>
    public const decimal MinMonthsForNonPayroll = 6m;

    /// <summary>科技人员指标 (满分20): 科技人员数占职工总数的比例, A ≥30% … F &lt;10%.</summary>
    public static readonly IReadOnlyList<(decimal From, int Points)> TechStaffBands =
        [(0.30m, 20), (0.25m, 16), (0.20m, 12), (0.15m, 8), (0.10m, 4)];

    /// <summary>研发投入指标 (满分50) 选项(1): 研发费用总额占销售收入总额的比例, A ≥6% … F &lt;2%.</summary>
    public static readonly IReadOnlyList<(decimal From, int Points)> RdToSalesBands =
        [(0.06m, 50), (0.05m, 40), (0.04m, 30), (0.03m, 20), (0.02m, 10)];

    /// <summary>研发投入指标 选项(2): 研发费用总额占成本费用支出总额的比例, A ≥30% … F &lt;10%.</summary>
    public static readonly IReadOnlyList<(decimal From, int Points)> RdToCostsBands =
        [(0.30m, 50), (0.25m, 40), (0.20m, 30), (0.15m, 20), (0.10m, 10)];

    /// <summary>科技成果指标 (满分30): 1项及以上Ⅰ类 → 30 (not additive with Ⅱ类).</summary>
    public const int ClassOnePoints = 30;

    /// <summary>科技成果指标: 4项及以上Ⅱ类 → 24, 3 → 18, 2 → 12, 1 → 6, none → 0.</summary>
    public static readonly IReadOnlyList<(int From, int Points)> ClassTwoBands = [(4, 24), (3, 18), (2, 12), (1, 6)];

    /// <summary>
    /// Industries excluded from the R&amp;D super-deduction by 财税〔2015〕119号 第四条, by GB/T 4754 division:
    /// 烟草制造业, 住宿和餐饮业, 批发和零售业, 房地产业, 租赁和商务服务业, 娱乐业.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludedDivisions = new Dictionary<string, string>
    {
        ["16"] = "烟草制品业",
        ["51"] = "批发业",
        ["52"] = "零售业",
        ["61"] = "住宿业",
        ["62"] = "餐饮业",
        ["70"] = "房地产业",
        ["71"] = "租赁业",
        ["72"] = "商务服务业",
        ["90"] = "娱乐业",
    };

    public static int Band(decimal ratio, IReadOnlyList<(decimal From, int Points)> bands)
    {
        foreach (var (from, points) in bands)
        {
            if (ratio >= from)
            {
                return points;
            }
        }
        return 0;
    }

    /// <summary>Next band above the current ratio (threshold and points), or null at the top.</summary>
    public static (decimal From, int Points)? NextBand(decimal ratio, IReadOnlyList<(decimal From, int Points)> bands)
    {
        (decimal From, int Points)? next = null;
        foreach (var band in bands)
        {
            if (ratio >= band.From)
            {
                break;
            }
            next = band;
        }
        return next;
    }

    public static int IpPoints(int classOne, int classTwo)
    {
        if (classOne > 0)
        {
            return ClassOnePoints;
        }
        foreach (var (from, points) in ClassTwoBands)
        {
            if (classTwo >= from)
            {
                return points;
            }
        }
        return 0;
    }

    /// <summary>Division (two digits) of a GB/T 4754 code such as C3973 or 3973; null when it is not one.</summary>
    public static string? Division(string industryCode)
    {
        var code = industryCode.Trim().ToUpperInvariant();
        if (code.Length > 0 && code[0] is >= 'A' and <= 'T')
        {
            code = code[1..];
        }
        return code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit) ? code[..2] : null;
    }

    /// <summary>A part-time or temporary person counts toward 职工总数 (and 科技人员) once they have worked six months or more.</summary>
    public static bool Counts(NonPayrollStaff person) => person.OnPayroll || person.MonthsWorked >= MinMonthsForNonPayroll;
}
