namespace Kechuang.Modules.Enterprises;

/// <summary>One of the last three fiscal years (yuan).</summary>
public sealed record HighTechYear(
    int Year,
    decimal SalesRevenue,
    decimal NetAssets,
    decimal RdInHouseDomestic,
    decimal RdCommissionedDomestic,
    decimal RdCommissionedOverseas,
    int Transformations);

/// <summary>The latest year's income and staff; <see cref="Employees"/> is already the annual average.</summary>
public sealed record HighTechLatestYear(decimal TotalIncome, decimal NonTaxableIncome, decimal HighTechRevenue, decimal TechStaff, decimal Employees);

public sealed record HighTechIntellectualProperty(IntellectualPropertyKind Kind, bool Valid, bool SelfDeveloped);

/// <summary>Integer scores experts gave within each band; any may be missing.</summary>
public sealed record HighTechExpertScores(
    int? IpAdvancement = null,
    int? IpCoreSupport = null,
    int? IpQuantity = null,
    int? IpAcquisition = null,
    int? StandardBonus = null,
    int? Transformation = null,
    int? RdOrganization = null,
    int? NetAssetGrowth = null,
    int? SalesGrowth = null);

public sealed record HighTechInput(
    DateOnly RegistrationDate,
    DateOnly ApplicationDate,
    bool OwnsCoreIp,
    bool InSupportedField,
    bool SeriousIncidentsLastYear,
    IReadOnlyList<HighTechYear> Years,
    HighTechLatestYear LatestYear,
    IReadOnlyList<HighTechIntellectualProperty> IntellectualProperty,
    HighTechExpertScores ExpertScores);

/// <summary>A part scored within a range; <c>Score</c> is the expert's score when given.</summary>
public sealed record RangeScore(int Min, int Max, int? Score);

public sealed record BandedScore(string Band, int Min, int Max, int? Score);

public sealed record GrowthScore(decimal? Rate, string Band, int Min, int Max, int? Score);

public sealed record IpScore(RangeScore Advancement, RangeScore CoreSupport, BandedScore Quantity, BandedScore Acquisition, RangeScore StandardBonus, int Min, int Max, int? Score);

public sealed record GrowthScores(GrowthScore NetAssets, GrowthScore Sales, int Min, int Max, int? Score);

public sealed record HighTechParts(IpScore Ip, BandedScore Transformation, RangeScore Organization, GrowthScores Growth);

public sealed record HighTechScore(int Min, int Max, int? Exact);

public sealed record HighTechResult(bool Eligible, IReadOnlyList<EvaluationCondition> Conditions, HighTechScore Score, HighTechParts Parts, IReadOnlyList<string> Gaps);

/// <summary>高新技术企业认定 (docs/rules/high-tech.md §2, §7): the eight conditions of 第十一条 and the innovation-capability score.</summary>
public static class HighTechEvaluation
{
    public const string Registered = "hte.registered-365-days";
    public const string CoreIp = "hte.core-ip";
    public const string SupportedField = "hte.supported-field";
    public const string TechStaffRatio = "hte.tech-staff-ratio";
    public const string RdIntensity = "hte.rd-intensity";
    public const string DomesticRdShare = "hte.domestic-rd-share";
    public const string HighTechRevenueRatio = "hte.high-tech-revenue-ratio";
    public const string ScoreAbove70 = "hte.score-above-70";
    public const string NoIncidents = "hte.no-incidents";

    /// <summary>
    /// Evaluates <paramref name="input"/>. Without <paramref name="withDetails"/> (screening) every condition's <c>Detail</c> is
    /// left empty instead of printing the numbers it compared; everything else (eligibility, score, parts, gaps) is the same.
    /// </summary>
    public static HighTechResult Evaluate(HighTechInput input, bool withDetails = true)
    {
        var conditions = new List<EvaluationCondition>();
        var gaps = new List<string>();
        var years = input.Years;
        var latest = years[^1];

        // (一) 注册成立一年（365个日历天数）以上.
        var days = input.ApplicationDate.DayNumber - input.RegistrationDate.DayNumber;
        var registered = days >= HighTechRules.MinDaysRegistered;
        conditions.Add(new(Registered, registered, !withDetails ? "" :
            $"{input.RegistrationDate:yyyy-MM-dd} 注册成立，至申请日 {input.ApplicationDate:yyyy-MM-dd} 共 {days} 个日历天，须满365个日历天"));
        if (!registered)
        {
            gaps.Add($"注册成立仅 {days} 天，须满365个日历天，{input.RegistrationDate.AddDays(HighTechRules.MinDaysRegistered):yyyy-MM-dd} 起方可申请");
        }

        // (二) 拥有对主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权.
        var valid = input.IntellectualProperty.Where(p => p.Valid && IntellectualPropertyKinds.ClassOf(p.Kind) != IntellectualPropertyClass.None).ToList();
        var classOne = valid.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassOne);
        var classTwo = valid.Count - classOne;
        var coreIp = input.OwnsCoreIp && valid.Count > 0;
        conditions.Add(new(CoreIp, coreIp, !withDetails ? "" :
            $"有效知识产权 {valid.Count} 项（Ⅰ类 {classOne} 项、Ⅱ类 {classTwo} 项），{(input.OwnsCoreIp ? "拥有" : "未拥有")}对主要产品（服务）发挥核心支持作用的知识产权所有权"));
        if (!coreIp)
        {
            gaps.Add(valid.Count == 0
                ? "没有在中国境内授权且有效的知识产权（商标不计），须拥有对主要产品（服务）发挥核心支持作用的知识产权"
                : "须拥有对主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权");
        }

        // (三) 属于《国家重点支持的高新技术领域》.
        conditions.Add(new(SupportedField, input.InSupportedField, !withDetails ? "" :
            $"核心技术{(input.InSupportedField ? "属于" : "不属于")}《国家重点支持的高新技术领域》规定的范围"));
        if (!input.InSupportedField)
        {
            gaps.Add("核心技术须属于《国家重点支持的高新技术领域》规定的八大领域");
        }

        // (四) 科技人员占企业当年职工总数的比例不低于10%.
        var staff = input.LatestYear;
        var techRatio = staff.Employees == 0 ? 0m : staff.TechStaff / staff.Employees;
        var techMet = staff.Employees > 0 && techRatio >= HighTechRules.MinTechStaffRatio;
        conditions.Add(new(TechStaffRatio, techMet, !withDetails ? "" :
            $"科技人员 {EvaluationText.Number(staff.TechStaff)} 人占职工总数（全年月平均）{EvaluationText.Number(staff.Employees)} 人的 {EvaluationText.Percent(techRatio)}，须不低于10%"));
        if (!techMet)
        {
            gaps.Add($"科技人员占比 {EvaluationText.Percent(techRatio)}，低于10%的要求，还需增加约 {Math.Max(EvaluationText.TechStaffToHire(staff.TechStaff, staff.Employees, HighTechRules.MinTechStaffRatio), 1)} 名科技人员");
        }

        // (五) 近三个会计年度研究开发费用总额占同期销售收入总额的比例, by the latest year's sales.
        var rdTotal = years.Sum(y => HighTechRules.RdTotal(y.RdInHouseDomestic, y.RdCommissionedDomestic, y.RdCommissionedOverseas));
        var rdDomestic = years.Sum(y => HighTechRules.RdDomestic(y.RdInHouseDomestic, y.RdCommissionedDomestic));
        var sales = years.Sum(y => y.SalesRevenue);
        var required = HighTechRules.RdRatioRequired(latest.SalesRevenue);
        var rdRatio = sales == 0 ? 0m : rdTotal / sales;
        var rdMet = sales > 0 && rdRatio >= required;
        var span = !withDetails ? "" : years.Count == 1 ? $"{latest.Year}年" : $"{years[0].Year}—{latest.Year}年";
        conditions.Add(new(RdIntensity, rdMet, !withDetails ? "" :
            $"{span}研究开发费用总额 {EvaluationText.Amount(rdTotal)}（委托研发按80%计）占同期销售收入总额 {EvaluationText.Amount(sales)} 的 {EvaluationText.Percent(rdRatio)}；最近一年销售收入 {EvaluationText.Amount(latest.SalesRevenue)}，要求不低于{EvaluationText.Percent(required)}"));
        if (!rdMet)
        {
            gaps.Add(sales == 0
                ? "近三个会计年度没有销售收入，无法满足研究开发费用占比要求"
                : $"研发费用占比 {EvaluationText.Percent(rdRatio)}，低于{EvaluationText.Percent(required)}的要求，还差约 {EvaluationText.Shortfall(required * sales - rdTotal)}");
        }

        // (五) 在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%.
        var domesticShare = rdTotal == 0 ? 0m : rdDomestic / rdTotal;
        var domesticMet = rdTotal > 0 && domesticShare >= HighTechRules.MinDomesticRdShare;
        conditions.Add(new(DomesticRdShare, domesticMet, !withDetails ? "" :
            $"境内研究开发费用 {EvaluationText.Amount(rdDomestic)} 占研究开发费用总额 {EvaluationText.Amount(rdTotal)} 的 {EvaluationText.Percent(domesticShare)}，须不低于60%"));
        if (!domesticMet && rdTotal > 0)
        {
            var more = (HighTechRules.MinDomesticRdShare * rdTotal - rdDomestic) / (1m - HighTechRules.MinDomesticRdShare);
            gaps.Add($"境内研发费用占比 {EvaluationText.Percent(domesticShare)}，低于60%的要求，还需增加境内研发费用约 {EvaluationText.Shortfall(more)}");
        }
        else if (!domesticMet)
        {
            gaps.Add("近三个会计年度没有研究开发费用");
        }

        // (六) 近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%; 总收入 = 收入总额 − 不征税收入.
        var totalIncome = staff.TotalIncome - staff.NonTaxableIncome;
        var htRatio = totalIncome <= 0 ? 0m : staff.HighTechRevenue / totalIncome;
        var htMet = totalIncome > 0 && htRatio >= HighTechRules.MinHighTechRevenueRatio;
        conditions.Add(new(HighTechRevenueRatio, htMet, !withDetails ? "" :
            $"高新技术产品（服务）收入 {EvaluationText.Amount(staff.HighTechRevenue)} 占总收入 {EvaluationText.Amount(totalIncome)}（收入总额 {EvaluationText.Amount(staff.TotalIncome)} 减不征税收入 {EvaluationText.Amount(staff.NonTaxableIncome)}）的 {EvaluationText.Percent(htRatio)}，须不低于60%"));
        if (!htMet)
        {
            gaps.Add(totalIncome <= 0
                ? "近一年没有总收入，无法满足高新技术产品（服务）收入占比要求"
                : $"高新技术产品（服务）收入占比 {EvaluationText.Percent(htRatio)}，低于60%的要求，还差约 {EvaluationText.Shortfall(HighTechRules.MinHighTechRevenueRatio * totalIncome - staff.HighTechRevenue)}");
        }

        // (七) 创新能力评价.
        var parts = Score(input, classOne, classTwo, valid);
        var min = parts.Ip.Min + parts.Transformation.Min + parts.Organization.Min + parts.Growth.Min;
        var max = parts.Ip.Max + parts.Transformation.Max + parts.Organization.Max + parts.Growth.Max;
        int? exact = parts.Ip.Score is { } ip && parts.Transformation.Score is { } tr && parts.Organization.Score is { } org && parts.Growth.Score is { } gr
            ? ip + tr + org + gr
            : null;
        var counted = exact ?? min;
        var scoreMet = counted > HighTechRules.PassScoreExclusive;
        conditions.Add(new(ScoreAbove70, scoreMet, !withDetails ? "" : exact is { } e
            ? $"创新能力评价得分 {e} 分（知识产权 {parts.Ip.Score}、成果转化 {parts.Transformation.Score}、研发组织管理 {parts.Organization.Score}、成长性 {parts.Growth.Score}），须高于70分"
            : $"专家评分未齐，得分区间 {min}—{max} 分，按最低分 {min} 分计，须高于70分"));
        if (!scoreMet)
        {
            if (exact is { } x)
            {
                gaps.Add($"创新能力评价得分 {x} 分，须高于70分，还差 {HighTechRules.PassScoreExclusive + 1 - x} 分");
            }
            else if (max > HighTechRules.PassScoreExclusive)
            {
                gaps.Add($"按各项最低分计创新能力评价仅 {min} 分，最高可得 {max} 分；须经专家评分高于70分");
            }
            else
            {
                gaps.Add($"即使各项均取最高分，创新能力评价也只有 {max} 分，不高于70分");
            }
            AddScoreGaps(gaps, parts);
        }

        // (八) 企业申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为.
        conditions.Add(new(NoIncidents, !input.SeriousIncidentsLastYear, !withDetails ? "" :
            $"申请认定前一年内{(input.SeriousIncidentsLastYear ? "发生过" : "未发生")}重大安全、重大质量事故或严重环境违法行为"));
        if (input.SeriousIncidentsLastYear)
        {
            gaps.Add("申请认定前一年内发生过重大安全、重大质量事故或严重环境违法行为，本年度不能申请");
        }

        return new HighTechResult(conditions.All(c => c.Met), conditions, new HighTechScore(min, max, exact), parts, gaps);
    }

    /// <summary>Expert scores that are not integers within their band; the API answers 400 naming each.</summary>
    public static IEnumerable<(string Field, string Message)> CheckExpertScores(HighTechInput input)
    {
        var valid = input.IntellectualProperty.Where(p => p.Valid && IntellectualPropertyKinds.ClassOf(p.Kind) != IntellectualPropertyClass.None).ToList();
        var classOne = valid.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassOne);
        var parts = Bands(input, classOne, valid.Count - classOne, valid);
        var s = input.ExpertScores;
        (string Field, string Label, int? Score, ScoreBand Band)[] checks =
        [
            ("ipAdvancement", "技术先进程度", s.IpAdvancement, HighTechRules.ExpertEight),
            ("ipCoreSupport", "核心支持作用", s.IpCoreSupport, HighTechRules.ExpertEight),
            ("ipQuantity", "知识产权数量", s.IpQuantity, parts.Quantity),
            ("ipAcquisition", "知识产权获得方式", s.IpAcquisition, parts.Acquisition),
            ("standardBonus", "标准制定加分", s.StandardBonus, HighTechRules.StandardBonus),
            ("transformation", "科技成果转化能力", s.Transformation, parts.Transformation),
            ("rdOrganization", "研究开发组织管理水平", s.RdOrganization, HighTechRules.Organization),
            ("netAssetGrowth", "净资产增长率", s.NetAssetGrowth, parts.NetAssets),
            ("salesGrowth", "销售收入增长率", s.SalesGrowth, parts.Sales),
        ];
        foreach (var (field, label, score, band) in checks)
        {
            if (score is { } v && (v < band.Min || v > band.Max))
            {
                yield return ($"expertScores.{field}", band.Band.Length > 0
                    ? $"{label}按申报数据属于{band.Band}档，专家评分应在 {band.Min}—{band.Max} 分之间"
                    : $"{label}评分应在 {band.Min}—{band.Max} 分之间");
            }
        }
    }

    private sealed record PartBands(ScoreBand Quantity, ScoreBand Acquisition, ScoreBand Transformation, decimal TransformationAverage,
        decimal? NetAssetRate, ScoreBand NetAssets, decimal? SalesRate, ScoreBand Sales);

    private static PartBands Bands(HighTechInput input, int classOne, int classTwo, IReadOnlyList<HighTechIntellectualProperty> valid)
    {
        var average = (decimal)input.Years.Sum(y => y.Transformations) / input.Years.Count;
        var netRate = HighTechRules.GrowthRate(input.Years.Select(y => y.NetAssets).ToList());
        var salesRate = HighTechRules.GrowthRate(input.Years.Select(y => y.SalesRevenue).ToList());
        return new PartBands(
            HighTechRules.IpQuantityBand(classOne, classTwo),
            HighTechRules.IpAcquisitionBand(valid.Count, valid.Any(p => p.SelfDeveloped)),
            HighTechRules.TransformationBand(average), average,
            netRate, HighTechRules.GrowthBand(netRate), salesRate, HighTechRules.GrowthBand(salesRate));
    }

    private static HighTechParts Score(HighTechInput input, int classOne, int classTwo, IReadOnlyList<HighTechIntellectualProperty> valid)
    {
        var b = Bands(input, classOne, classTwo, valid);
        var s = input.ExpertScores;

        var advancement = Range(HighTechRules.ExpertEight, s.IpAdvancement);
        var coreSupport = Range(HighTechRules.ExpertEight, s.IpCoreSupport);
        var quantity = Banded(b.Quantity, s.IpQuantity);
        var acquisition = Banded(b.Acquisition, s.IpAcquisition);
        // The 标准制定 bonus is optional: without a score it counts 0 towards the exact total.
        var bonus = Range(HighTechRules.StandardBonus, s.StandardBonus);
        var ipMin = Math.Min(HighTechRules.IpCap, advancement.Min + coreSupport.Min + quantity.Min + acquisition.Min + bonus.Min);
        var ipMax = Math.Min(HighTechRules.IpCap, advancement.Max + coreSupport.Max + quantity.Max + acquisition.Max + bonus.Max);
        int? ipScore = advancement.Score is { } a && coreSupport.Score is { } c && quantity.Score is { } q && acquisition.Score is { } ac
            ? Math.Min(HighTechRules.IpCap, a + c + q + ac + (bonus.Score ?? 0))
            : null;
        var ip = new IpScore(advancement, coreSupport, quantity, acquisition, bonus, ipMin, ipMax, ipScore);

        var transformation = Banded(b.Transformation, s.Transformation);
        var organization = Range(HighTechRules.Organization, s.RdOrganization);
        var net = new GrowthScore(b.NetAssetRate, b.NetAssets.Band, b.NetAssets.Min, b.NetAssets.Max, Fixed(b.NetAssets, s.NetAssetGrowth));
        var sales = new GrowthScore(b.SalesRate, b.Sales.Band, b.Sales.Min, b.Sales.Max, Fixed(b.Sales, s.SalesGrowth));
        var growth = new GrowthScores(net, sales, net.Min + sales.Min, net.Max + sales.Max,
            net.Score is { } n && sales.Score is { } sa ? n + sa : null);
        return new HighTechParts(ip, transformation, organization, growth);
    }

    /// <summary>A band of a single value (0–0) is determined without an expert.</summary>
    private static int? Fixed(ScoreBand band, int? score) => score ?? (band.Min == band.Max ? band.Min : null);

    private static RangeScore Range(ScoreBand band, int? score) => new(band.Min, band.Max, Fixed(band, score));

    private static BandedScore Banded(ScoreBand band, int? score) => new(band.Band, band.Min, band.Max, Fixed(band, score));

    private static void AddScoreGaps(List<string> gaps, HighTechParts parts)
    {
        if (parts.Ip.Quantity.Band is "E" or "D" or "C")
        {
            gaps.Add($"知识产权数量属于{parts.Ip.Quantity.Band}档（{parts.Ip.Quantity.Min}—{parts.Ip.Quantity.Max} 分），取得1项发明专利等Ⅰ类知识产权可达A档（7—8 分）");
        }
        if (parts.Transformation.Band != "A")
        {
            gaps.Add($"科技成果转化能力属于{parts.Transformation.Band}档（{parts.Transformation.Min}—{parts.Transformation.Max} 分），近三年年均转化5项以上可达A档（25—30 分）");
        }
        foreach (var (label, growth) in new[] { ("净资产增长率", parts.Growth.NetAssets), ("销售收入增长率", parts.Growth.Sales) })
        {
            if (growth.Band is not ("A" or "B"))
            {
                var rate = growth.Rate is { } r ? EvaluationText.Percent(r) : "无法计算";
                gaps.Add($"{label} {rate}，属于{growth.Band}档（{growth.Min}—{growth.Max} 分）");
            }
        }
    }
}
