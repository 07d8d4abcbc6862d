namespace Kechuang.Modules.Enterprises;

/// <summary>A score band: its letter and the integer range experts may give within it.</summary>
public sealed record ScoreBand(string Band, int Min, int Max);

/// <summary>
/// 高新技术企业认定 — 《高新技术企业认定管理办法》国科发火〔2016〕32号 第十一条 and the 工作指引
/// 国科发火〔2016〕195号 (docs/rules/high-tech.md §1). Not the 2008 version (6%/4%/3%, 大专以上30%).
/// </summary>
public static class HighTechRules
{
    /// <summary>第十一条(一) / 指引: 注册成立一年（365个日历天数）以上 — "以上" includes 365.</summary>
    public const int MinDaysRegistered = 365;

    /// <summary>第十一条(四): 科技人员占企业当年职工总数的比例不低于10%.</summary>
    public const decimal MinTechStaffRatio = 0.10m;

    /// <summary>第十一条(五)1: 最近一年销售收入小于5,000万元（含）的企业, 比例不低于5%.</summary>
    public const decimal SmallSalesLimit = 50_000_000m;

    /// <summary>第十一条(五)2: 最近一年销售收入在5,000万元至2亿元（含）的企业, 比例不低于4%.</summary>
    public const decimal MediumSalesLimit = 200_000_000m;

    public const decimal SmallRdRatio = 0.05m;
    public const decimal MediumRdRatio = 0.04m;

    /// <summary>第十一条(五)3: 最近一年销售收入在2亿元以上的企业, 比例不低于3%.</summary>
    public const decimal LargeRdRatio = 0.03m;

    /// <summary>第十一条(五): 在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%.</summary>
    public const decimal MinDomesticRdShare = 0.60m;

    /// <summary>第十一条(六): 近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%.</summary>
    public const decimal MinHighTechRevenueRatio = 0.60m;

    /// <summary>第十一条(七) / 指引: 企业创新能力评价应达到相应要求 — 综合得分须高于70分（不含70分）.</summary>
    public const int PassScoreExclusive = 70;

    /// <summary>指引 研究开发费用归集: 委托外部研究开发费用按照实际发生额的80%计入委托方研发费用总额.</summary>
    public const decimal CommissionedRdFactor = 0.80m;

    /// <summary>指引 创新能力评价: 知识产权 ≤30 (the 标准制定 bonus cannot raise it above 30).</summary>
    public const int IpCap = 30;

    /// <summary>Certificates are valid for three years from the issue date (第十五条).</summary>
    public const int CertificateYears = 3;

    public static decimal RdRatioRequired(decimal latestSalesRevenue) =>
        latestSalesRevenue <= SmallSalesLimit ? SmallRdRatio
        : latestSalesRevenue <= MediumSalesLimit ? MediumRdRatio
        : LargeRdRatio;

    /// <summary>研究开发费用总额: 内部研发 + 委托(境内、境外)研发 × 80%.</summary>
    public static decimal RdTotal(decimal inHouse, decimal commissionedDomestic, decimal commissionedOverseas) =>
        inHouse + CommissionedRdFactor * (commissionedDomestic + commissionedOverseas);

    /// <summary>在中国境内发生的研究开发费用: 委托境外研发 is left out.</summary>
    public static decimal RdDomestic(decimal inHouse, decimal commissionedDomestic) => inHouse + CommissionedRdFactor * commissionedDomestic;

    /// <summary>指引: 全年月平均数 = 全年各月平均数之和 ÷ 12, 月平均数 = (月初数 + 月末数) ÷ 2.</summary>
    public static decimal AnnualAverage(IReadOnlyList<(decimal Start, decimal End)> months) =>
        months.Sum(m => (m.Start + m.End) / 2m) / 12m;

    /// <summary>知识产权 数量 (≤8): ≥1项Ⅰ类 A 7-8; ≥5项Ⅱ类 B 5-6; 3-4项Ⅱ类 C 3-4; 1-2项Ⅱ类 D 1-2; 0项 E 0.</summary>
    public static ScoreBand IpQuantityBand(int classOne, int classTwo) =>
        classOne >= 1 ? new("A", 7, 8)
        : classTwo >= 5 ? new("B", 5, 6)
        : classTwo >= 3 ? new("C", 3, 4)
        : classTwo >= 1 ? new("D", 1, 2)
        : new("E", 0, 0);

    /// <summary>知识产权 获得方式 (≤6): 有自主研发 A 1-6; 仅有受让、受赠和并购等 B 1-3; none C 0.</summary>
    public static ScoreBand IpAcquisitionBand(int count, bool anySelfDeveloped) =>
        count == 0 ? new("C", 0, 0) : anySelfDeveloped ? new("A", 1, 6) : new("B", 1, 3);

    /// <summary>技术先进程度 and 核心支持作用 (≤8 each): A 7-8 … E 0, scored by experts only.</summary>
    public static readonly ScoreBand ExpertEight = new("", 0, 8);

    /// <summary>标准制定 bonus (≤2).</summary>
    public static readonly ScoreBand StandardBonus = new("", 0, 2);

    /// <summary>研究开发组织管理水平 (≤20), scored by experts only.</summary>
    public static readonly ScoreBand Organization = new("", 0, 20);

    /// <summary>科技成果转化能力 (≤30) by the 3-year annual average: ≥5 A 25-30; ≥4 B 19-24; ≥3 C 13-18; ≥2 D 7-12; ≥1 E 1-6; else F 0.</summary>
    public static ScoreBand TransformationBand(decimal annualAverage) =>
        annualAverage >= 5m ? new("A", 25, 30)
        : annualAverage >= 4m ? new("B", 19, 24)
        : annualAverage >= 3m ? new("C", 13, 18)
        : annualAverage >= 2m ? new("D", 7, 12)
        : annualAverage >= 1m ? new("E", 1, 6)
        : new("F", 0, 0);

    /// <summary>成长性 (each ≤10): ≥35% A 9-10; ≥25% B 7-8; ≥15% C 5-6; ≥5% D 3-4; &gt;0 E 1-2; ≤0 or none F 0.</summary>
    public static ScoreBand GrowthBand(decimal? rate) =>
        rate is not { } r || r <= 0m ? new("F", 0, 0)
        : r >= 0.35m ? new("A", 9, 10)
        : r >= 0.25m ? new("B", 7, 8)
        : r >= 0.15m ? new("C", 5, 6)
        : r >= 0.05m ? new("D", 3, 4)
        : new("E", 1, 2);

    /// <summary>
    /// 增长率 = ½ × (X₂/X₁ + X₃/X₂) − 1 over three years, oldest first. If X₁ is 0 the last two years are used
    /// (X₃/X₂ − 1); if X₂ is 0 the indicator scores 0 (null). A non-positive base is treated as 0 (our reading:
    /// a ratio over negative net assets is meaningless). With two years of operation the rate is X₂/X₁ − 1
    /// ("按实际经营时间计算"; the exact formula is unconfirmed); with one year there is no rate.
    /// </summary>
    public static decimal? GrowthRate(IReadOnlyList<decimal> values)
    {
        if (values.Count >= 3)
        {
            var (x1, x2, x3) = (values[^3], values[^2], values[^1]);
            if (x2 <= 0m)
            {
                return null;
            }
            return x1 <= 0m ? x3 / x2 - 1m : (x2 / x1 + x3 / x2) / 2m - 1m;
        }
        if (values.Count == 2)
        {
            return values[0] <= 0m ? null : values[1] / values[0] - 1m;
        }
        return null;
    }
}
