using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;

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

    /// <summary>An enterprise profile's facts (industry, tax collection, registration date, the 科小 declarations).</summary>
    public static ProfileFacts ValidateProfile(ProfileBody body, FieldErrors errors)
    {
        var industry = errors.IndustryCode("industryCode", body.IndustryCode);
        var tax = errors.Enum("taxCollection", "企业所得税征收方式", body.TaxCollection, EvaluateTechSme.TaxNames);
        if (body.RegistrationDate is null)
        {
            errors.Add("registrationDate", "请填写注册成立日期");
        }
        return new ProfileFacts(industry, tax ?? TaxCollectionMode.ActualProfit, body.RegistrationDate ?? default,
            body.ResidentEnterprise ?? true, body.RestrictedOrEliminated ?? false, body.InSupportedField ?? false);
    }

    /// <summary>One fiscal year's figures; <paramref name="prefix"/> names the fields of a nested form.</summary>
    public static YearFigures ValidateYear(YearRecordBody b, FieldErrors errors, string prefix)
    {
        var f = new YearFigures(
            errors.Amount(prefix + "salesRevenue", "销售收入", b.SalesRevenue),
            errors.Amount(prefix + "totalIncome", "收入总额", b.TotalIncome, b.SalesRevenue ?? 0m),
            errors.Amount(prefix + "nonTaxableIncome", "不征税收入", b.NonTaxableIncome, 0m),
            errors.Amount(prefix + "highTechRevenue", "高新技术产品（服务）收入", b.HighTechRevenue, 0m),
            errors.Amount(prefix + "totalAssets", "资产总额", b.TotalAssets),
            errors.Amount(prefix + "liabilities", "负债总额", b.Liabilities, 0m),
            errors.Amount(prefix + "rdInHouseDomestic", "境内自主研发费用", b.RdInHouseDomestic, 0m),
            errors.Amount(prefix + "rdCommissionedDomestic", "委托境内研发费用", b.RdCommissionedDomestic, 0m),
            errors.Amount(prefix + "rdCommissionedOverseas", "委托境外研发费用", b.RdCommissionedOverseas, 0m),
            errors.Amount(prefix + "totalCostsAndExpenses", "成本费用支出总额", b.TotalCostsAndExpenses, 0m),
            errors.Count(prefix + "employees", "职工总数", b.Employees),
            errors.Count(prefix + "techStaff", "科技人员数", b.TechStaff, 0),
            errors.Count(prefix + "transformations", "科技成果转化数", b.Transformations, 0),
            b.SeriousIncidents ?? false,
            b.OnCreditBlacklist ?? false);
        if (f.TechStaff > f.Employees)
        {
            errors.Add(prefix + "techStaff", "科技人员数不能超过职工总数");
        }
        if (f.NonTaxableIncome > f.TotalIncome)
        {
            errors.Add(prefix + "nonTaxableIncome", "不征税收入不能超过收入总额");
        }
        return f;
    }

    /// <summary>The enterprise a record belongs to: named, found within the caller's scope (an enterprise account finds only itself), an enterprise.</summary>
    public static void CheckEnterprise(Guid? id, OrganizationInfo? organization, FieldErrors errors)
    {
        if (id is null)
        {
            errors.Add("enterpriseId", "请选择企业");
        }
        else if (organization is null)
        {
            errors.Add("enterpriseId", "企业不存在或不在您的数据范围内");
        }
        else if (organization.Kind != OrganizationKind.Enterprise)
        {
            errors.Add("enterpriseId", $"{organization.Name} 不是企业");
        }
    }

    /// <summary>科小 entry (入库登记编号 and year) or 高企 certificate (证书编号 and issue date).</summary>
    public static (QualificationKind? Kind, string Number) ValidateQualification(QualificationBody body, FieldErrors errors)
    {
        var kind = errors.Enum("kind", "资质类别", body.Kind, EnterpriseNames.Qualifications);
        var number = errors.Text("number", kind == QualificationKind.HighTechEnterprise ? "证书编号" : "入库登记编号", body.Number, 40);
        if (kind == QualificationKind.TechSme)
        {
            errors.Year("year", body.Year);
        }
        if (kind == QualificationKind.HighTechEnterprise && body.IssueDate is null)
        {
            errors.Add("issueDate", "请填写发证日期");
        }
        return (kind, number);
    }

    public static (string Name, RdInstitutionKind? Kind, Level? Level, int Year) ValidateRdInstitution(RdInstitutionBody body, FieldErrors errors) => (
        errors.Text("name", "研发机构名称", body.Name, 100),
        errors.Enum("kind", "研发机构类别", body.Kind, EnterpriseNames.RdKinds),
        errors.Enum("level", "级别", body.Level, EnterpriseNames.Levels),
        errors.Year("year", body.Year));

    /// <summary>A patent, software copyright or other right: applied before granted, and a granted one has its grant date.</summary>
    public static (IntellectualPropertyKind? Kind, string Title, string Number, IntellectualPropertyStatus? Status) ValidateIntellectualProperty(
        IntellectualPropertyBody body, FieldErrors errors)
    {
        var kind = errors.Enum("kind", "知识产权类别", body.Kind, IntellectualPropertyKinds.Names);
        var title = errors.Text("title", "名称", body.Title, 200);
        var number = errors.Text("number", "申请号/专利号", body.Number, 40);
        var status = errors.Enum("status", "状态", body.Status, EnterpriseNames.IpStatuses);
        if (body.AppliedOn is null)
        {
            errors.Add("appliedOn", "请填写申请日期");
        }
        if (status == IntellectualPropertyStatus.Granted && body.GrantedOn is null)
        {
            errors.Add("grantedOn", "已授权的请填写授权日期");
        }
        if (body.GrantedOn is { } g && body.AppliedOn is { } a && g < a)
        {
            errors.Add("grantedOn", "授权日期不能早于申请日期");
        }
        return (kind, title, number, status);
    }

    public static (string Project, string Patent, decimal Sales, int Year, DateOnly? Start) ValidateFiling(FilingBody body, FieldErrors errors)
    {
        var project = errors.Text("projectName", "产业化项目名称", body.ProjectName, 200);
        var patent = errors.Text("patentNumber", "发明专利号", body.PatentNumber, 40);
        var sales = errors.Amount("expectedSales", "预计新增销售额", body.ExpectedSales, 0m);
        var year = errors.Year("year", body.Year);
        if (body.FiledOn is null)
        {
            errors.Add("filedOn", "请填写备案日期");
        }
        var start = body.ImplementationStart ?? body.FiledOn;
        if (start is { Year: < 1990 or > 2100 })
        {
            errors.Add("implementationStart", "实施开始日期须在1990至2100年之间");
        }
        if (body.ImplementationEnd is { } end && start is { } first && end < first)
        {
            errors.Add("implementationEnd", "计划完成日期不能早于实施开始日期");
        }
        return (project, patent, sales, year, start);
    }

    public static (string Award, Level? Level, string Grade, int Year, string Project, NominationResult Result) ValidateAwardNomination(
        AwardNominationBody body, FieldErrors errors) => (
        errors.Text("award", "奖项名称", body.Award, 100),
        errors.Enum("level", "级别", body.Level, EnterpriseNames.Levels),
        errors.Text("grade", "等级", body.Grade, 20, required: false),
        errors.Year("year", body.Year),
        errors.Text("project", "提名项目", body.Project, 200),
        errors.Enum("result", "结果", body.Result, EnterpriseNames.Results, required: false) ?? NominationResult.Pending);
}
