using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>The yearly-figures sheet: import, export and template share these columns, so an export re-imports.</summary>
public static class YearRecordSheet
{
    public const string CreditCode = "统一社会信用代码";
    public const string Name = "企业名称";
    public const string Year = "年度";

    /// <summary>(field, header) for every figure, in sheet order.</summary>
    public static readonly (string Field, string Header)[] Figures =
    [
        ("salesRevenue", "销售收入（元）"),
        ("totalIncome", "收入总额（元）"),
        ("nonTaxableIncome", "不征税收入（元）"),
        ("highTechRevenue", "高新技术产品（服务）收入（元）"),
        ("totalAssets", "资产总额（元）"),
        ("liabilities", "负债总额（元）"),
        ("rdInHouseDomestic", "境内自主研发费用（元）"),
        ("rdCommissionedDomestic", "委托境内研发费用（元）"),
        ("rdCommissionedOverseas", "委托境外研发费用（元）"),
        ("totalCostsAndExpenses", "成本费用支出总额（元）"),
        ("employees", "职工总数"),
        ("techStaff", "科技人员数"),
        ("transformations", "科技成果转化数"),
        ("seriousIncidents", "重大事故或严重违法（是/否）"),
        ("onCreditBlacklist", "列入经营异常名录或失信名单（是/否）"),
    ];

    public static readonly string[] Headers = [CreditCode, Name, Year, .. Figures.Select(f => f.Header)];

    public static string Column(string field) => field switch
    {
        "enterpriseId" => CreditCode,
        "year" => Year,
        _ => Figures.FirstOrDefault(f => f.Field == field).Header ?? field,
    };

    public static IDictionary<string, object?> Row(YearRecordDto r, string creditCode)
    {
        object?[] values =
        [
            r.SalesRevenue, r.TotalIncome, r.NonTaxableIncome, r.HighTechRevenue, r.TotalAssets, r.Liabilities, r.RdInHouseDomestic,
            r.RdCommissionedDomestic, r.RdCommissionedOverseas, r.TotalCostsAndExpenses, r.Employees, r.TechStaff, r.Transformations,
            r.SeriousIncidents ? "是" : "否", r.OnCreditBlacklist ? "是" : "否",
        ];
        var row = new Dictionary<string, object?> { [CreditCode] = creditCode, [Name] = r.EnterpriseName, [Year] = r.Year };
        for (var i = 0; i < Figures.Length; i++)
        {
            row[Figures[i].Header] = values[i];
        }
        return row;
    }
}

/// <summary>Imports yearly figures from .xlsx, all or nothing; a row for an enterprise and year already recorded replaces its figures.</summary>
public sealed class ImportYearRecordsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<int> HandleAsync(Stream file, CancellationToken ct)
    {
        var rows = ExcelFile.Read(file).ToList();
        var bad = new List<ImportRowError>();
        var good = new List<(OrganizationInfo Enterprise, int Year, YearFigures Figures)>();
        var seen = new Dictionary<(Guid, int), int>();
        var enterprises = new Dictionary<string, OrganizationInfo?>(StringComparer.Ordinal);
        foreach (var (row, cells) in rows)
        {
            var errors = new FieldErrors();
            var code = (ExcelFile.Text(cells, YearRecordSheet.CreditCode) ?? "").ToUpperInvariant();
            OrganizationInfo? enterprise = null;
            if (code.Length == 0)
            {
                errors.Add("enterpriseId", "请填写统一社会信用代码");
            }
            else
            {
                if (!enterprises.TryGetValue(code, out enterprise))
                {
                    enterprise = await directory.FindByCreditCodeAsync(code, ct);
                    enterprises[code] = enterprise;
                }
                if (enterprise is null)
                {
                    errors.Add("enterpriseId", $"统一社会信用代码 {code} 不是您数据范围内已登记的组织");
                }
                else if (enterprise.Kind != OrganizationKind.Enterprise)
                {
                    errors.Add("enterpriseId", $"{enterprise.Name} 不是企业");
                }
            }
            var year = errors.Year("year", Integer(cells, YearRecordSheet.Year, "year", errors));
            var body = new YearRecordBody(enterprise?.Id, year,
                Number(cells, "salesRevenue", errors), Number(cells, "totalIncome", errors), Number(cells, "nonTaxableIncome", errors),
                Number(cells, "highTechRevenue", errors), Number(cells, "totalAssets", errors), Number(cells, "liabilities", errors),
                Number(cells, "rdInHouseDomestic", errors), Number(cells, "rdCommissionedDomestic", errors), Number(cells, "rdCommissionedOverseas", errors),
                Number(cells, "totalCostsAndExpenses", errors),
                Integer(cells, Header("employees"), "employees", errors), Integer(cells, Header("techStaff"), "techStaff", errors),
                Integer(cells, Header("transformations"), "transformations", errors),
                YesNo(cells, "seriousIncidents", errors), YesNo(cells, "onCreditBlacklist", errors));
            var figures = EnterpriseRules.ValidateYear(body, errors, "");
            if (enterprise is not null && !errors.Any)
            {
                if (seen.TryGetValue((enterprise.Id, year), out var first))
                {
                    errors.Add("year", $"与第{first}行是同一企业同一年度");
                }
                seen.TryAdd((enterprise.Id, year), row);
            }
            foreach (var (field, messages) in errors.ToDictionary())
            {
                bad.AddRange(messages.Select(m => new ImportRowError(row, YearRecordSheet.Column(field), m)));
            }
            if (!errors.Any)
            {
                good.Add((enterprise!, year, figures));
            }
        }
        if (bad.Count > 0)
        {
            throw new ImportRowsException(bad);
        }
        if (good.Count == 0)
        {
            throw InputException.For("file", "文件中没有可导入的数据行");
        }
        var ids = good.Select(g => (Guid?)g.Enterprise.Id).Distinct().ToList();
        var years = good.Select(g => g.Year).Distinct().ToList();
        var existing = await db.Set<EnterpriseYearRecord>().Where(r => ids.Contains(r.OrganizationId) && years.Contains(r.Year))
            .ToDictionaryAsync(r => (r.OrganizationId!.Value, r.Year), ct);
        foreach (var (enterprise, year, figures) in good)
        {
            if (existing.TryGetValue((enterprise.Id, year), out var record))
            {
                record.Update(figures, db.UtcNow);
            }
            else
            {
                db.Add(new EnterpriseYearRecord(enterprise.Id, enterprise.RegionCode, year, figures, db.UtcNow));
            }
        }
        await db.SaveChangesAsync(ct);
        return good.Count;
    }

    private static string Header(string field) => YearRecordSheet.Column(field);

    private static decimal? Number(IDictionary<string, object?> cells, string field, FieldErrors errors)
    {
        var text = ExcelFile.Text(cells, Header(field));
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(field, "应为数字（单位：元）");
        return null;
    }

    private static int? Integer(IDictionary<string, object?> cells, string header, string field, FieldErrors errors)
    {
        var text = ExcelFile.Text(cells, header);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && Math.Abs(value) < int.MaxValue)
        {
            return (int)value;
        }
        errors.Add(field, "应为整数");
        return null;
    }

    private static bool? YesNo(IDictionary<string, object?> cells, string field, FieldErrors errors)
    {
        var text = ExcelFile.Text(cells, Header(field));
        switch (text)
        {
            case null or "":
                return null;
            case "是" or "true" or "True" or "1":
                return true;
            case "否" or "false" or "False" or "0":
                return false;
            default:
                errors.Add(field, "请填写“是”或“否”");
                return null;
        }
    }
}
