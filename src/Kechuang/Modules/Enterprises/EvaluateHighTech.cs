using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

public sealed record HighTechYearBody(
    int? Year,
    decimal? SalesRevenue,
    decimal? NetAssets,
    decimal? RdInHouseDomestic,
    decimal? RdCommissionedDomestic,
    decimal? RdCommissionedOverseas,
    int? Transformations);

public sealed record MonthlyHeadcountBody(decimal? Start, decimal? End);

public sealed record HighTechLatestYearBody(
    decimal? TotalIncome,
    decimal? NonTaxableIncome,
    decimal? HighTechRevenue,
    decimal? TechStaff,
    decimal? EmployeesAverage,
    IReadOnlyList<MonthlyHeadcountBody?>? EmployeesMonthly);

public sealed record HighTechIpBody(string? Kind, bool? Valid, bool? SelfDeveloped);

public sealed record HighTechExpertScoresBody(
    int? IpAdvancement,
    int? IpCoreSupport,
    int? IpQuantity,
    int? IpAcquisition,
    int? StandardBonus,
    int? Transformation,
    int? RdOrganization,
    int? NetAssetGrowth,
    int? SalesGrowth);

/// <summary><c>POST /api/v1/evaluations/high-tech</c>: the last three fiscal years (oldest first), amounts in yuan.</summary>
public sealed record EvaluateHighTechRequest(
    DateOnly? RegistrationDate,
    DateOnly? ApplicationDate,
    bool? OwnsCoreIp,
    bool? InSupportedField,
    bool? SeriousIncidentsLastYear,
    IReadOnlyList<HighTechYearBody?>? Years,
    HighTechLatestYearBody? LatestYear,
    IReadOnlyList<HighTechIpBody?>? IntellectualProperty,
    HighTechExpertScoresBody? ExpertScores);

/// <summary>Validates the request (400 naming each field) and runs <see cref="HighTechEvaluation"/>.</summary>
public static class EvaluateHighTech
{
    public static HighTechResult Handle(EvaluateHighTechRequest request) => HighTechEvaluation.Evaluate(Validate(request));

    public static HighTechInput Validate(EvaluateHighTechRequest request)
    {
        var errors = new FieldErrors();
        if (request.RegistrationDate is null)
        {
            errors.Add("registrationDate", "请填写注册成立日期");
        }
        if (request.ApplicationDate is null)
        {
            errors.Add("applicationDate", "请填写申请认定日期");
        }
        else if (request.RegistrationDate is { } r && request.ApplicationDate < r)
        {
            errors.Add("applicationDate", "申请认定日期不能早于注册成立日期");
        }
        var coreIp = errors.Flag("ownsCoreIp", "是否拥有核心知识产权", request.OwnsCoreIp);
        var field = errors.Flag("inSupportedField", "是否属于国家重点支持的高新技术领域", request.InSupportedField);
        var incidents = errors.Flag("seriousIncidentsLastYear", "申请前一年内是否发生重大事故或严重环境违法", request.SeriousIncidentsLastYear, false);

        var years = new List<HighTechYear>();
        var count = request.Years?.Count ?? 0;
        if (count is 0 or > 3)
        {
            errors.Add("years", "请填写近三个会计年度的数据（成立不足三年的按实际年度填写，1—3个年度，由远及近）");
        }
        for (var i = 0; i < Math.Min(count, 3); i++)
        {
            var body = request.Years![i];
            var prefix = $"years[{i}]";
            if (body is null)
            {
                errors.Add(prefix, "年度数据不能为空");
                continue;
            }
            var year = errors.Year($"{prefix}.year", body.Year);
            if (i > 0 && years.Count == i && year != years[i - 1].Year + 1)
            {
                errors.Add($"{prefix}.year", "年度应连续且由远及近排列");
            }
            years.Add(new HighTechYear(
                year,
                errors.Amount($"{prefix}.salesRevenue", "销售收入", body.SalesRevenue),
                errors.Amount($"{prefix}.netAssets", "净资产", body.NetAssets, allowNegative: true),
                errors.Amount($"{prefix}.rdInHouseDomestic", "境内自主研发费用", body.RdInHouseDomestic, 0m),
                errors.Amount($"{prefix}.rdCommissionedDomestic", "委托境内研发费用", body.RdCommissionedDomestic, 0m),
                errors.Amount($"{prefix}.rdCommissionedOverseas", "委托境外研发费用", body.RdCommissionedOverseas, 0m),
                errors.Count($"{prefix}.transformations", "科技成果转化数", body.Transformations, 0)));
        }

        HighTechLatestYear? latest = null;
        if (request.LatestYear is not { } l)
        {
            errors.Add("latestYear", "请填写最近一年的收入与人员数据");
        }
        else
        {
            var totalIncome = errors.Amount("latestYear.totalIncome", "收入总额", l.TotalIncome);
            var nonTaxable = errors.Amount("latestYear.nonTaxableIncome", "不征税收入", l.NonTaxableIncome, 0m);
            if (nonTaxable > totalIncome)
            {
                errors.Add("latestYear.nonTaxableIncome", "不征税收入不能超过收入总额");
            }
            var highTech = errors.Amount("latestYear.highTechRevenue", "高新技术产品（服务）收入", l.HighTechRevenue);
            var techStaff = errors.Headcount("latestYear.techStaff", "科技人员数", l.TechStaff);
            decimal employees = 0m;
            if (l.EmployeesMonthly is { } monthly)
            {
                // The 指引's annual average of monthly averages takes precedence over a typed average.
                if (monthly.Count != 12)
                {
                    errors.Add("latestYear.employeesMonthly", $"须填写12个月的月初、月末职工人数（现有 {monthly.Count} 个月）");
                }
                else
                {
                    var months = new List<(decimal, decimal)>();
                    for (var i = 0; i < 12; i++)
                    {
                        var m = monthly[i];
                        var start = errors.Headcount($"latestYear.employeesMonthly[{i}].start", $"{i + 1}月月初人数", m?.Start);
                        var end = errors.Headcount($"latestYear.employeesMonthly[{i}].end", $"{i + 1}月月末人数", m?.End);
                        months.Add((start, end));
                    }
                    employees = HighTechRules.AnnualAverage(months);
                }
            }
            else
            {
                employees = errors.Headcount("latestYear.employeesAverage", "职工总数（全年月平均数）", l.EmployeesAverage);
            }
            latest = new HighTechLatestYear(totalIncome, nonTaxable, highTech, techStaff, employees);
        }

        var ip = new List<HighTechIntellectualProperty>();
        for (var i = 0; i < (request.IntellectualProperty?.Count ?? 0); i++)
        {
            var item = request.IntellectualProperty![i];
            if (errors.Enum($"intellectualProperty[{i}].kind", "知识产权类别", item?.Kind, IntellectualPropertyKinds.Names) is { } k)
            {
                ip.Add(new HighTechIntellectualProperty(k, item!.Valid ?? true, item.SelfDeveloped ?? false));
            }
        }

        var s = request.ExpertScores;
        var scores = new HighTechExpertScores(
            Score(errors, "ipAdvancement", "技术先进程度", s?.IpAdvancement, 8),
            Score(errors, "ipCoreSupport", "核心支持作用", s?.IpCoreSupport, 8),
            Score(errors, "ipQuantity", "知识产权数量", s?.IpQuantity, 8),
            Score(errors, "ipAcquisition", "知识产权获得方式", s?.IpAcquisition, 6),
            Score(errors, "standardBonus", "标准制定加分", s?.StandardBonus, 2),
            Score(errors, "transformation", "科技成果转化能力", s?.Transformation, 30),
            Score(errors, "rdOrganization", "研究开发组织管理水平", s?.RdOrganization, 20),
            Score(errors, "netAssetGrowth", "净资产增长率", s?.NetAssetGrowth, 10),
            Score(errors, "salesGrowth", "销售收入增长率", s?.SalesGrowth, 10));
        errors.ThrowIfAny();

        var input = new HighTechInput(request.RegistrationDate!.Value, request.ApplicationDate!.Value, coreIp, field, incidents, years, latest!, ip, scores);
        foreach (var (name, message) in HighTechEvaluation.CheckExpertScores(input))
        {
            errors.Add(name, message);
        }
        errors.ThrowIfAny();
        return input;
    }

    private static int? Score(FieldErrors errors, string field, string label, int? value, int max)
    {
        if (value is { } v && (v < 0 || v > max))
        {
            errors.Add($"expertScores.{field}", $"{label}评分应在 0—{max} 分之间");
        }
        return value;
    }
}
