namespace Kechuang.Modules.Enterprises;

/// <summary>查账征收 (taxed on actual profit) or 核定征收 (deemed).</summary>
public enum TaxCollectionMode
{
    ActualProfit = 1,
    Deemed = 2,
}

/// <summary>直接认定: any one of these skips condition 5 (the score) but never conditions 1–4.</summary>
public enum DirectQualification
{
    /// <summary>(1) 企业拥有有效期内高新技术企业资格证书.</summary>
    HighTechCertificate = 1,

    /// <summary>(2) 近五年内获得过国家级科技奖励, 并在获奖单位中排在前三名.</summary>
    NationalAwardTop3 = 2,

    /// <summary>(3) 拥有经认定的省部级以上研发机构.</summary>
    ProvincialRdInstitution = 3,

    /// <summary>(4) 近五年内主导制定过国际标准、国家标准或行业标准.</summary>
    LedStandard = 4,
}

/// <summary>A person not on the payroll all year (part-time, temporary).</summary>
public sealed record NonPayrollStaff(bool OnPayroll, bool IsTechStaff, decimal MonthsWorked);

public sealed record TechSmeIntellectualProperty(IntellectualPropertyKind Kind, bool Valid);

/// <summary>Validated figures of the previous fiscal year; amounts in yuan.</summary>
public sealed record TechSmeInput(
    int Year,
    bool ResidentEnterprise,
    TaxCollectionMode TaxCollection,
    string IndustryCode,
    bool RestrictedOrEliminated,
    bool SeriousIncidents,
    bool OnCreditBlacklist,
    int Employees,
    int TechStaff,
    IReadOnlyList<NonPayrollStaff> Staff,
    decimal SalesRevenue,
    decimal TotalAssets,
    decimal RdExpense,
    decimal TotalCostsAndExpenses,
    IReadOnlyList<TechSmeIntellectualProperty> IntellectualProperty,
    IReadOnlyCollection<DirectQualification> DirectQualifications);

public sealed record TechSmeScores(int TechStaff, int Rd, int Ip);

public sealed record TechSmeResult(
    bool Eligible,
    bool DirectlyQualified,
    int Score,
    TechSmeScores Scores,
    IReadOnlyList<EvaluationCondition> Conditions,
    IReadOnlyList<string> Gaps);

/// <summary>科技型中小企业评价 (docs/rules/tech-sme.md §2, §5): the five conditions of 第六条 and the 100-point score.</summary>
public static class TechSmeEvaluation
{
    public const string Resident = "sme.resident-enterprise";
    public const string Size = "sme.size";
    public const string Industry = "sme.industry";
    public const string Integrity = "sme.integrity";
    public const string Score = "sme.score";

    public static readonly IReadOnlyDictionary<DirectQualification, string> DirectNames = new Dictionary<DirectQualification, string>
    {
        [DirectQualification.HighTechCertificate] = "拥有有效期内高新技术企业资格证书",
        [DirectQualification.NationalAwardTop3] = "近五年内获得国家级科技奖励并在获奖单位中排名前三",
        [DirectQualification.ProvincialRdInstitution] = "拥有经认定的省部级以上研发机构",
        [DirectQualification.LedStandard] = "近五年内主导制定国际标准、国家标准或行业标准",
    };

    /// <summary>
    /// Evaluates <paramref name="input"/>. Without <paramref name="withDetails"/> (screening) every condition's <c>Detail</c> is
    /// left empty instead of printing the numbers it compared; everything else (eligibility, scores, gaps) is the same.
    /// </summary>
    public static TechSmeResult Evaluate(TechSmeInput input, bool withDetails = true)
    {
        var gaps = new List<string>();
        var conditions = new List<EvaluationCondition>();

        // 第六条(一) as worded by the 2022 指引: 居民企业, 会计核算健全, 实行查账征收, 能准确归集研发费用.
        var resident = input.ResidentEnterprise && input.TaxCollection == TaxCollectionMode.ActualProfit;
        conditions.Add(new(Resident, resident, !withDetails ? "" :
            $"{(input.ResidentEnterprise ? "在中国境内注册的居民企业" : "不是居民企业")}，{(input.TaxCollection == TaxCollectionMode.ActualProfit ? "实行查账征收" : "实行核定征收")}；须为实行查账征收的居民企业"));
        if (!input.ResidentEnterprise)
        {
            gaps.Add("须为在中国境内（不含港、澳、台地区）注册的居民企业");
        }
        if (input.TaxCollection != TaxCollectionMode.ActualProfit)
        {
            gaps.Add("企业所得税须实行查账征收（目前为核定征收），并能准确归集研发费用");
        }

        // 第六条(二): 职工总数、年销售收入、资产总额 — "不超过", the limit itself is allowed.
        var counted = input.Staff.Where(TechSmeRules.Counts).ToList();
        var employees = input.Employees + counted.Count;
        var techStaff = input.TechStaff + counted.Count(p => p.IsTechStaff);
        var sizeMet = employees <= TechSmeRules.MaxEmployees && input.SalesRevenue <= TechSmeRules.MaxSalesRevenue
            && input.TotalAssets <= TechSmeRules.MaxTotalAssets;
        var staffNote = withDetails && input.Staff.Count > 0
            ? $"（含累计工作6个月以上的兼职、临时人员 {counted.Count} 人，另有 {input.Staff.Count - counted.Count} 人不足6个月未计入）"
            : "";
        conditions.Add(new(Size, sizeMet, !withDetails ? "" :
            $"职工总数 {employees} 人{staffNote}，年销售收入 {EvaluationText.Amount(input.SalesRevenue)}，资产总额 {EvaluationText.Amount(input.TotalAssets)}；均不得超过500人、2亿元、2亿元"));
        if (employees > TechSmeRules.MaxEmployees)
        {
            gaps.Add($"职工总数 {employees} 人，超过500人的上限");
        }
        if (input.SalesRevenue > TechSmeRules.MaxSalesRevenue)
        {
            gaps.Add($"年销售收入 {EvaluationText.Amount(input.SalesRevenue)}，超过2亿元的上限");
        }
        if (input.TotalAssets > TechSmeRules.MaxTotalAssets)
        {
            gaps.Add($"资产总额 {EvaluationText.Amount(input.TotalAssets)}，超过2亿元的上限");
        }

        // 第六条(三): 不属于限制类、淘汰类, 不属于财税〔2015〕119号 规定的不适用加计扣除行业.
        var division = TechSmeRules.Division(input.IndustryCode);
        var excluded = division is not null && TechSmeRules.ExcludedDivisions.TryGetValue(division, out var excludedName) ? excludedName : null;
        var industryMet = excluded is null && !input.RestrictedOrEliminated;
        conditions.Add(new(Industry, industryMet, !withDetails ? "" :
            $"行业代码 {input.IndustryCode}{(excluded is null ? "，不属于不适用研发费用加计扣除的行业" : $"（{excluded}），属于财税〔2015〕119号规定不适用研发费用加计扣除的行业")}；产品和服务{(input.RestrictedOrEliminated ? "属于" : "不属于")}《产业结构调整指导目录》限制类、淘汰类"));
        if (excluded is not null)
        {
            gaps.Add($"所属行业为{excluded}，不能参加科技型中小企业评价");
        }
        if (input.RestrictedOrEliminated)
        {
            gaps.Add("产品和服务属于国家规定的限制类、淘汰类，不能参加评价");
        }

        // 第六条(四): 上一会计年度至当年 无重大安全、重大质量事故、严重环境违法、严重弄虚作假、科研严重失信, 未列入经营异常名录和严重违法失信名单.
        var integrityMet = !input.SeriousIncidents && !input.OnCreditBlacklist;
        conditions.Add(new(Integrity, integrityMet, !withDetails ? "" :
            $"上一会计年度至今{(input.SeriousIncidents ? "发生" : "未发生")}重大安全、重大质量事故或严重环境违法、严重弄虚作假、科研严重失信行为；{(input.OnCreditBlacklist ? "已" : "未")}列入经营异常名录或严重违法失信企业名单"));
        if (input.SeriousIncidents)
        {
            gaps.Add("上一会计年度至今发生过重大安全、质量事故或严重环境违法、弄虚作假、科研失信行为，本年度不能通过评价");
        }
        if (input.OnCreditBlacklist)
        {
            gaps.Add("企业在经营异常名录或严重违法失信名单中，须先移出");
        }

        // 第六条(五) and the 指标 table.
        var techRatio = employees == 0 ? 0m : (decimal)techStaff / employees;
        var techPoints = TechSmeRules.Band(techRatio, TechSmeRules.TechStaffBands);
        var salesRatio = input.SalesRevenue == 0 ? 0m : input.RdExpense / input.SalesRevenue;
        var costsRatio = input.TotalCostsAndExpenses == 0 ? 0m : input.RdExpense / input.TotalCostsAndExpenses;
        var salesPoints = input.SalesRevenue == 0 ? 0 : TechSmeRules.Band(salesRatio, TechSmeRules.RdToSalesBands);
        var costsPoints = input.TotalCostsAndExpenses == 0 ? 0 : TechSmeRules.Band(costsRatio, TechSmeRules.RdToCostsBands);
        // "企业从(1)、(2)两项指标中选择一个": the system takes the better one for the enterprise.
        var rdPoints = Math.Max(salesPoints, costsPoints);
        var valid = input.IntellectualProperty.Where(p => p.Valid).ToList();
        var classOne = valid.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassOne);
        var classTwo = valid.Count(p => IntellectualPropertyKinds.ClassOf(p.Kind) == IntellectualPropertyClass.ClassTwo);
        var ipPoints = TechSmeRules.IpPoints(classOne, classTwo);
        var score = techPoints + rdPoints + ipPoints;

        var direct = input.DirectQualifications.Distinct().OrderBy(d => d).ToList();
        var directlyQualified = direct.Count > 0;
        var scoreMet = score >= TechSmeRules.PassScore && techPoints > 0;
        var scoreDetail = !withDetails ? "" : $"科技人员 {techStaff} 人占职工总数 {employees} 人的 {EvaluationText.Percent(techRatio)}，得 {techPoints} 分；"
            + $"研发费用 {EvaluationText.Amount(input.RdExpense)} 占销售收入的 {EvaluationText.Percent(salesRatio)}（{salesPoints} 分）、占成本费用支出总额的 {EvaluationText.Percent(costsRatio)}（{costsPoints} 分），取高者得 {rdPoints} 分；"
            + $"有效Ⅰ类知识产权 {classOne} 项、Ⅱ类 {classTwo} 项，得 {ipPoints} 分；合计 {score} 分，须不低于60分且科技人员指标不为0分";
        if (directlyQualified)
        {
            conditions.Add(new(Score, true, !withDetails ? "" : $"符合直接认定条件（{string.Join("；", direct.Select(d => DirectNames[d]))}），免于评分；{scoreDetail}"));
        }
        else
        {
            conditions.Add(new(Score, scoreMet, scoreDetail));
            if (!scoreMet)
            {
                AddScoreGaps(gaps, input, score, techStaff, employees, techRatio, techPoints, salesRatio, salesPoints, costsRatio, costsPoints, classOne, classTwo, ipPoints);
            }
        }

        var eligible = conditions.All(c => c.Met);
        return new TechSmeResult(eligible, directlyQualified, score, new TechSmeScores(techPoints, rdPoints, ipPoints), conditions, gaps);
    }

    private static void AddScoreGaps(List<string> gaps, TechSmeInput input, int score, int techStaff, int employees, decimal techRatio, int techPoints,
        decimal salesRatio, int salesPoints, decimal costsRatio, int costsPoints, int classOne, int classTwo, int ipPoints)
    {
        if (techPoints == 0)
        {
            var hire = EvaluationText.TechStaffToHire(techStaff, employees, 0.10m);
            gaps.Add($"科技人员占比 {EvaluationText.Percent(techRatio)}，低于10%，该项得0分，不能通过评价；还需增加约 {Math.Max(hire, 1)} 名科技人员");
        }
        if (score < TechSmeRules.PassScore)
        {
            gaps.Add($"综合评价得分 {score} 分，低于60分，还差 {TechSmeRules.PassScore - score} 分");
        }
        if (TechSmeRules.NextBand(techRatio, TechSmeRules.TechStaffBands) is { } techNext && techPoints > 0)
        {
            var hire = EvaluationText.TechStaffToHire(techStaff, employees, techNext.From);
            gaps.Add($"科技人员占比 {EvaluationText.Percent(techRatio)}，达到 {EvaluationText.Percent(techNext.From)} 可得 {techNext.Points} 分（多 {techNext.Points - techPoints} 分），还需增加约 {hire} 名科技人员");
        }
        // The option that currently scores better (sales when tied) is the one to improve.
        if (input.SalesRevenue > 0 && salesPoints >= costsPoints)
        {
            if (TechSmeRules.NextBand(salesRatio, TechSmeRules.RdToSalesBands) is { } next)
            {
                var needed = next.From * input.SalesRevenue - input.RdExpense;
                gaps.Add($"研发费用占销售收入比例 {EvaluationText.Percent(salesRatio)}，低于{EvaluationText.Percent(next.From)}（可得 {next.Points} 分），还差约 {EvaluationText.Shortfall(needed)}");
            }
        }
        else if (input.TotalCostsAndExpenses > 0 && TechSmeRules.NextBand(costsRatio, TechSmeRules.RdToCostsBands) is { } next)
        {
            var needed = next.From * input.TotalCostsAndExpenses - input.RdExpense;
            gaps.Add($"研发费用占成本费用支出总额比例 {EvaluationText.Percent(costsRatio)}，低于{EvaluationText.Percent(next.From)}（可得 {next.Points} 分），还差约 {EvaluationText.Shortfall(needed)}");
        }
        if (classOne == 0)
        {
            var two = classTwo < 4
                ? $"，或再取得1项实用新型、外观设计、软件著作权等Ⅱ类知识产权可得 {TechSmeRules.IpPoints(0, classTwo + 1)} 分"
                : "";
            gaps.Add($"科技成果指标得 {ipPoints} 分：取得1项发明专利等有效Ⅰ类知识产权可得30分{two}");
        }
    }
}
