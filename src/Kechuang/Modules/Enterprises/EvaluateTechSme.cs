using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

public sealed record NonPayrollStaffBody(bool? OnPayroll, bool? IsTechStaff, decimal? MonthsWorked);

public sealed record TechSmeIpBody(string? Kind, bool? Valid);

/// <summary><c>POST /api/v1/evaluations/tech-sme</c>: the previous fiscal year's figures, amounts in yuan.</summary>
public sealed record EvaluateTechSmeRequest(
    int? Year,
    bool? ResidentEnterprise,
    string? TaxCollection,
    string? IndustryCode,
    bool? RestrictedOrEliminated,
    bool? SeriousIncidents,
    bool? OnCreditBlacklist,
    int? Employees,
    int? TechStaff,
    IReadOnlyList<NonPayrollStaffBody?>? Staff,
    decimal? SalesRevenue,
    decimal? TotalAssets,
    decimal? RdExpense,
    decimal? TotalCostsAndExpenses,
    IReadOnlyList<TechSmeIpBody?>? IntellectualProperty,
    IReadOnlyList<string?>? DirectQualifications);

/// <summary>Validates the request (400 naming each field) and runs <see cref="TechSmeEvaluation"/>.</summary>
public static class EvaluateTechSme
{
    public static readonly IReadOnlyDictionary<TaxCollectionMode, string> TaxNames = new Dictionary<TaxCollectionMode, string>
    {
        [TaxCollectionMode.ActualProfit] = "查账征收",
        [TaxCollectionMode.Deemed] = "核定征收",
    };

    public static readonly IReadOnlyDictionary<DirectQualification, string> DirectShortNames = new Dictionary<DirectQualification, string>
    {
        [DirectQualification.HighTechCertificate] = "有效高新技术企业证书",
        [DirectQualification.NationalAwardTop3] = "国家级科技奖励前三名",
        [DirectQualification.ProvincialRdInstitution] = "省部级以上研发机构",
        [DirectQualification.LedStandard] = "主导制定标准",
    };

    public static TechSmeResult Handle(EvaluateTechSmeRequest request) => TechSmeEvaluation.Evaluate(Validate(request));

    public static TechSmeInput Validate(EvaluateTechSmeRequest request)
    {
        var errors = new FieldErrors();
        var year = errors.Year("year", request.Year);
        var resident = errors.Flag("residentEnterprise", "是否居民企业", request.ResidentEnterprise);
        var tax = errors.Enum("taxCollection", "企业所得税征收方式", request.TaxCollection, TaxNames);
        var industry = errors.IndustryCode("industryCode", request.IndustryCode);
        var restricted = errors.Flag("restrictedOrEliminated", "是否属于限制类、淘汰类", request.RestrictedOrEliminated, false);
        var incidents = errors.Flag("seriousIncidents", "是否发生重大事故或严重违法", request.SeriousIncidents, false);
        var blacklist = errors.Flag("onCreditBlacklist", "是否列入经营异常名录或严重违法失信名单", request.OnCreditBlacklist, false);
        var employees = errors.Count("employees", "职工总数", request.Employees);
        var techStaff = errors.Count("techStaff", "科技人员数", request.TechStaff);
        if (techStaff > employees)
        {
            errors.Add("techStaff", "科技人员数不能超过职工总数");
        }
        var staff = new List<NonPayrollStaff>();
        for (var i = 0; i < (request.Staff?.Count ?? 0); i++)
        {
            var person = request.Staff![i];
            var field = $"staff[{i}]";
            if (person is null)
            {
                errors.Add(field, "人员信息不能为空");
                continue;
            }
            if (person.MonthsWorked is not { } months)
            {
                errors.Add($"{field}.monthsWorked", "请填写全年在企业累计工作月数");
                continue;
            }
            if (months is < 0m or > 12m)
            {
                errors.Add($"{field}.monthsWorked", "累计工作月数应在0—12之间");
            }
            staff.Add(new NonPayrollStaff(person.OnPayroll ?? false, person.IsTechStaff ?? false, months));
        }
        var sales = errors.Amount("salesRevenue", "年销售收入", request.SalesRevenue);
        var assets = errors.Amount("totalAssets", "资产总额", request.TotalAssets);
        var rd = errors.Amount("rdExpense", "研发费用总额", request.RdExpense);
        var costs = errors.Amount("totalCostsAndExpenses", "成本费用支出总额", request.TotalCostsAndExpenses);
        var ip = new List<TechSmeIntellectualProperty>();
        for (var i = 0; i < (request.IntellectualProperty?.Count ?? 0); i++)
        {
            var item = request.IntellectualProperty![i];
            var kind = errors.Enum($"intellectualProperty[{i}].kind", "知识产权类别", item?.Kind, IntellectualPropertyKinds.Names);
            if (kind is { } k)
            {
                ip.Add(new TechSmeIntellectualProperty(k, item!.Valid ?? true));
            }
        }
        var direct = new List<DirectQualification>();
        for (var i = 0; i < (request.DirectQualifications?.Count ?? 0); i++)
        {
            if (errors.Enum($"directQualifications[{i}]", "直接认定条件", request.DirectQualifications![i], DirectShortNames) is { } d)
            {
                direct.Add(d);
            }
        }
        errors.ThrowIfAny();
        return new TechSmeInput(year, resident, tax!.Value, industry, restricted, incidents, blacklist, employees, techStaff, staff,
            sales, assets, rd, costs, ip, direct);
    }
}
