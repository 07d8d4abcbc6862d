using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>The yearly-figures sheet: import, export and template share these columns, so an export re-imports.</summary>
public static class YearRecordSheet
{
    public static readonly SheetColumn CreditCode = new("统一社会信用代码", "enterpriseId");
    public static readonly SheetColumn Name = new("企业名称");
    public static readonly SheetColumn Year = new("年度", "year");
    public static readonly SheetColumn SalesRevenue = new("销售收入（元）", "salesRevenue");
    public static readonly SheetColumn TotalIncome = new("收入总额（元）", "totalIncome");
    public static readonly SheetColumn NonTaxableIncome = new("不征税收入（元）", "nonTaxableIncome");
    public static readonly SheetColumn HighTechRevenue = new("高新技术产品（服务）收入（元）", "highTechRevenue");
    public static readonly SheetColumn TotalAssets = new("资产总额（元）", "totalAssets");
    public static readonly SheetColumn Liabilities = new("负债总额（元）", "liabilities");
    public static readonly SheetColumn RdInHouseDomestic = new("境内自主研发费用（元）", "rdInHouseDomestic");
    public static readonly SheetColumn RdCommissionedDomestic = new("委托境内研发费用（元）", "rdCommissionedDomestic");
    public static readonly SheetColumn RdCommissionedOverseas = new("委托境外研发费用（元）", "rdCommissionedOverseas");
    public static readonly SheetColumn TotalCostsAndExpenses = new("成本费用支出总额（元）", "totalCostsAndExpenses");
    public static readonly SheetColumn Employees = new("职工总数", "employees");
    public static readonly SheetColumn TechStaff = new("科技人员数", "techStaff");
    public static readonly SheetColumn Transformations = new("科技成果转化数", "transformations");
    public static readonly SheetColumn SeriousIncidents = new("重大事故或严重违法（是/否）", "seriousIncidents");
    public static readonly SheetColumn OnCreditBlacklist = new("列入经营异常名录或失信名单（是/否）", "onCreditBlacklist");

    public static readonly ImportSheet Sheet = new("企业年度数据导入模板.xlsx", "enterprises_year_record",
        CreditCode, Name, Year, SalesRevenue, TotalIncome, NonTaxableIncome, HighTechRevenue, TotalAssets, Liabilities, RdInHouseDomestic,
        RdCommissionedDomestic, RdCommissionedOverseas, TotalCostsAndExpenses, Employees, TechStaff, Transformations, SeriousIncidents, OnCreditBlacklist);

    public static readonly ExportSheet<Row> Export = Sheet.Export<Row>("企业年度数据.xlsx", new()
    {
        [CreditCode] = r => r.CreditCode,
        [Name] = r => r.Record.EnterpriseName,
        [Year] = r => r.Record.Year,
        [SalesRevenue] = r => r.Record.SalesRevenue,
        [TotalIncome] = r => r.Record.TotalIncome,
        [NonTaxableIncome] = r => r.Record.NonTaxableIncome,
        [HighTechRevenue] = r => r.Record.HighTechRevenue,
        [TotalAssets] = r => r.Record.TotalAssets,
        [Liabilities] = r => r.Record.Liabilities,
        [RdInHouseDomestic] = r => r.Record.RdInHouseDomestic,
        [RdCommissionedDomestic] = r => r.Record.RdCommissionedDomestic,
        [RdCommissionedOverseas] = r => r.Record.RdCommissionedOverseas,
        [TotalCostsAndExpenses] = r => r.Record.TotalCostsAndExpenses,
        [Employees] = r => r.Record.Employees,
        [TechStaff] = r => r.Record.TechStaff,
        [Transformations] = r => r.Record.Transformations,
        [SeriousIncidents] = r => r.Record.SeriousIncidents ? "是" : "否",
        [OnCreditBlacklist] = r => r.Record.OnCreditBlacklist ? "是" : "否",
    });

    /// <summary>An exported year record with its enterprise's credit code, by which an import finds the enterprise again.</summary>
    public sealed record Row(YearRecordDto Record, string CreditCode);

    public static async Task<IReadOnlyList<Row>> RowsAsync(IOrganizationDirectory directory, IReadOnlyList<YearRecordDto> records, CancellationToken cancellationToken)
    {
        var enterprises = await directory.FindManyAnywhereAsync(records.Select(r => r.EnterpriseId), cancellationToken);
        return [.. records.Select(r => new Row(r, enterprises.TryGetValue(r.EnterpriseId, out var e) ? e.CreditCode : ""))];
    }
}

/// <summary>
/// Imports yearly figures from .xlsx through the import kit, all or nothing; a row for an enterprise and year already
/// recorded replaces its figures.
/// </summary>
public sealed class ImportYearRecordsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<ImportYearRecordsHandler.YearRow>(db)
{
    /// <summary>One accepted row: whose figures for which year.</summary>
    public sealed record YearRow(OrganizationInfo Enterprise, int Year, YearFigures Figures);

    private Dictionary<string, OrganizationInfo> _enterprises = [];
    private readonly Dictionary<(Guid, int), int> _seen = [];

    protected override ImportSheet Sheet => YearRecordSheet.Sheet;

    protected override Platform.Access.Permission Permission => EnterprisesPermissions.ChangeYears;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _enterprises = (await directory.ListAsync(cancellationToken: cancellationToken)).GroupBy(o => o.CreditCode)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _seen.Clear();
    }

    protected override YearRow? Read(SheetRow row, FieldErrors errors)
    {
        var code = (row.Text(YearRecordSheet.CreditCode) ?? "").ToUpperInvariant();
        OrganizationInfo? enterprise = null;
        if (code.Length == 0)
        {
            errors.Add("enterpriseId", "请填写统一社会信用代码");
        }
        else
        {
            enterprise = _enterprises.GetValueOrDefault(Platform.Validation.CreditCode.Normalize(code));
            if (enterprise is null)
            {
                errors.Add("enterpriseId", $"统一社会信用代码 {code} 不是您数据范围内已登记的组织");
            }
            else if (enterprise.Kind != OrganizationKind.Enterprise)
            {
                errors.Add("enterpriseId", $"{enterprise.Name} 不是企业");
            }
        }
        var year = errors.Year("year", row.WholeNumber(YearRecordSheet.Year, errors));
        var body = new YearRecordBody(enterprise?.Id, year,
            row.Numeric(YearRecordSheet.SalesRevenue, errors), row.Numeric(YearRecordSheet.TotalIncome, errors), row.Numeric(YearRecordSheet.NonTaxableIncome, errors),
            row.Numeric(YearRecordSheet.HighTechRevenue, errors), row.Numeric(YearRecordSheet.TotalAssets, errors), row.Numeric(YearRecordSheet.Liabilities, errors),
            row.Numeric(YearRecordSheet.RdInHouseDomestic, errors), row.Numeric(YearRecordSheet.RdCommissionedDomestic, errors),
            row.Numeric(YearRecordSheet.RdCommissionedOverseas, errors), row.Numeric(YearRecordSheet.TotalCostsAndExpenses, errors),
            row.WholeNumber(YearRecordSheet.Employees, errors), row.WholeNumber(YearRecordSheet.TechStaff, errors), row.WholeNumber(YearRecordSheet.Transformations, errors),
            row.YesNo(YearRecordSheet.SeriousIncidents, errors), row.YesNo(YearRecordSheet.OnCreditBlacklist, errors));
        var figures = EnterpriseRules.ValidateYear(body, errors, "");
        if (enterprise is null || errors.Any)
        {
            return null;
        }
        if (_seen.TryGetValue((enterprise.Id, year), out var first))
        {
            errors.Add("year", $"与第{first}行是同一企业同一年度");
            return null;
        }
        _seen[(enterprise.Id, year)] = row.Number;
        return new YearRow(enterprise, year, figures);
    }

    /// <summary>A year already recorded gets the new figures; another is added.</summary>
    protected override async Task WriteAsync(IReadOnlyList<YearRow> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(g => (Guid?)g.Enterprise.Id).Distinct().ToList();
        var years = records.Select(g => g.Year).Distinct().ToList();
        var existing = await Db.Set<EnterpriseYearRecord>().Where(r => ids.Contains(r.OrganizationId) && years.Contains(r.Year))
            .ToDictionaryAsync(r => (r.OrganizationId!.Value, r.Year), cancellationToken);
        foreach (var (enterprise, year, figures) in records)
        {
            if (existing.TryGetValue((enterprise.Id, year), out var record))
            {
                record.Update(figures, Db.UtcNow);
            }
            else
            {
                Db.Add(new EnterpriseYearRecord(enterprise.Id, enterprise.RegionCode, year, figures, Db.UtcNow));
            }
        }
    }
}
