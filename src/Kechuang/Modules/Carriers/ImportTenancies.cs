using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>The tenancy sheet's columns, shared by import, export and the template.</summary>
public static class TenancySheet
{
    public const string Carrier = "载体名称";
    public const string EnterpriseName = "企业名称";
    public const string CreditCode = "统一社会信用代码";
    public const string Kind = "入驻类型";
    public const string EnteredOn = "入驻（注册）日期";
    public const string LeftOn = "迁出日期";

    public static readonly string[] Headers = [Carrier, EnterpriseName, CreditCode, Kind, EnteredOn, LeftOn];

    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["carrier"] = Carrier,
        ["enterpriseName"] = EnterpriseName,
        ["enterpriseId"] = CreditCode,
        ["creditCode"] = CreditCode,
        ["kind"] = Kind,
        ["enteredOn"] = EnteredOn,
        ["leftOn"] = LeftOn,
    };

    public static IDictionary<string, object?> Row(TenancyDto t) => new Dictionary<string, object?>
    {
        [Carrier] = t.CarrierName,
        [EnterpriseName] = t.EnterpriseName,
        [CreditCode] = t.CreditCode,
        [Kind] = t.KindName,
        [EnteredOn] = t.EnteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [LeftOn] = t.LeftOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>A date cell: a date-formatted cell, an Excel serial number or text such as 2023-05-14 / 2023/5/14 / 2023年5月14日.</summary>
    public static DateOnly? Date(IDictionary<string, object?> cells, string header, string field, string label, FieldErrors errors)
    {
        if (!cells.TryGetValue(header, out var value) || value is null || (value is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            return null;
        }
        switch (value)
        {
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            case double or int or long or decimal when Convert.ToDouble(value, CultureInfo.InvariantCulture) is var serial && serial is > 1 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }
        errors.Add(field, $"{label}“{text}”不是有效日期，请按 2023-05-14 的格式填写");
        return null;
    }
}

/// <summary>
/// Imports tenancies from .xlsx, all or nothing: every row is checked (carrier in the caller's scope, enterprise by credit
/// code, kind, dates, no overlap with a stored record or an earlier row) and one bad row means nothing is saved.
/// </summary>
public sealed class ImportTenanciesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var carriers = await db.Set<Carrier>().AsNoTracking().Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(cancellationToken);
        var carriersByName = carriers.ToLookup(c => c.Name, StringComparer.Ordinal);
        var organizations = (await directory.ListAnywhereAsync(cancellationToken)).ToDictionary(o => o.CreditCode, StringComparer.Ordinal);
        var today = CarrierQueries.Today(db);
        var rows = ExcelFile.Read(file).ToList();
        var bad = new List<ImportRowError>();
        var good = new List<(int Row, Tenancy Tenancy, string Enterprise)>();
        foreach (var (row, cells) in rows)
        {
            var errors = new FieldErrors();
            var carrierName = errors.Text("carrier", "载体名称", ExcelFile.Text(cells, TenancySheet.Carrier), CarrierRules.NameMax);
            var matches = carrierName.Length == 0 ? [] : carriersByName[carrierName].ToList();
            if (carrierName.Length > 0 && matches.Count == 0)
            {
                errors.Add("carrier", $"载体“{carrierName}”不存在或不在您的数据范围内");
            }
            else if (matches.Count > 1)
            {
                errors.Add("carrier", $"您的数据范围内有{matches.Count}个名为“{carrierName}”的载体，请按县（市、区）分别导入");
            }
            var code = errors.Text("creditCode", "统一社会信用代码", ExcelFile.Text(cells, TenancySheet.CreditCode), 18).ToUpperInvariant();
            OrganizationInfo? enterprise = null;
            if (code.Length > 0)
            {
                enterprise = organizations.GetValueOrDefault(code);
                if (enterprise is null)
                {
                    errors.Add("creditCode", $"统一社会信用代码 {code} 的企业不在组织名录中，请先登记该企业");
                }
                else if (enterprise.Kind != OrganizationKind.Enterprise)
                {
                    errors.Add("creditCode", $"{enterprise.Name} 不是企业，只能登记企业入驻");
                }
                else if (ExcelFile.Text(cells, TenancySheet.EnterpriseName) is { Length: > 0 } name && name != enterprise.Name)
                {
                    errors.Add("enterpriseName", $"企业名称与统一社会信用代码不符，组织名录中为“{enterprise.Name}”");
                }
            }
            var entered = TenancySheet.Date(cells, TenancySheet.EnteredOn, "enteredOn", "入驻（注册）日期", errors);
            var left = TenancySheet.Date(cells, TenancySheet.LeftOn, "leftOn", "迁出日期", errors);
            // An unreadable date is already reported; "请填写" would only repeat it.
            var enteredUnreadable = errors.ToDictionary().ContainsKey("enteredOn");
            var (kind, _, _) = TenancyRules.Validate(ExcelFile.Text(cells, TenancySheet.Kind), entered, left, today, errors, reportMissingEntry: !enteredUnreadable);
            if (!errors.Any && matches.Count == 1)
            {
                var carrier = matches[0];
                var earlier = good.FirstOrDefault(g => g.Tenancy.CarrierId == carrier.Id && g.Tenancy.OrganizationId == enterprise!.Id
                    && g.Tenancy.Kind == kind && TenancyRules.Overlap(g.Tenancy.EnteredOn, g.Tenancy.LeftOn, entered!.Value, left));
                if (earlier.Tenancy is not null)
                {
                    errors.Add("enteredOn", $"与第{earlier.Row}行的{Public.TenancyKinds.Names[kind!.Value]}时间重叠");
                }
                else
                {
                    good.Add((row, new Tenancy(carrier.Id, carrier.RegionCode, enterprise!.Id, kind!.Value, entered!.Value, left, db.UtcNow), enterprise.Name));
                }
            }
            foreach (var (field, messages) in errors.ToDictionary())
            {
                bad.AddRange(messages.Select(m => new ImportRowError(row, TenancySheet.ColumnOfField.GetValueOrDefault(field, field), m)));
            }
        }
        // Overlaps with stored records, checked once for the whole file.
        var carrierIds = good.Select(g => g.Tenancy.CarrierId).Distinct().ToList();
        var stored = await db.Set<Tenancy>().IgnoreQueryFilters().AsNoTracking().Where(t => carrierIds.Contains(t.CarrierId))
            .Select(t => new { t.CarrierId, t.OrganizationId, t.Kind, t.EnteredOn, t.LeftOn }).ToListAsync(cancellationToken);
        var storedBy = stored.ToLookup(t => (t.CarrierId, t.OrganizationId, t.Kind));
        foreach (var (row, tenancy, name) in good)
        {
            if (storedBy[(tenancy.CarrierId, tenancy.OrganizationId, tenancy.Kind)].Any(s => TenancyRules.Overlap(s.EnteredOn, s.LeftOn, tenancy.EnteredOn, tenancy.LeftOn)))
            {
                bad.Add(new ImportRowError(row, TenancySheet.EnteredOn, TenancyRules.OverlapProblem(name, tenancy.Kind).Message));
            }
        }
        if (bad.Count > 0)
        {
            throw new ImportRowsException(bad.OrderBy(b => b.Row).ToList());
        }
        if (good.Count == 0)
        {
            throw InputException.For("file", "文件中没有可导入的数据行");
        }
        db.AddRange(good.Select(g => g.Tenancy));
        await db.SaveChangesAsync(cancellationToken);
        return good.Count;
    }
}
