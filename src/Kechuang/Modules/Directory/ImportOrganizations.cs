using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>The organisation sheet's columns, shared by import, export and the template.</summary>
public static class OrganizationSheet
{
    public const string Name = "组织名称";
    public const string Kind = "组织类型";
    public const string CreditCode = "统一社会信用代码";
    public const string RegionCode = "行政区划代码";
    public const string Address = "地址";
    public const string ContactName = "联系人";
    public const string ContactPhone = "联系电话";

    public static readonly string[] Headers = [Name, Kind, CreditCode, RegionCode, Address, ContactName, ContactPhone];

    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["name"] = Name,
        ["kind"] = Kind,
        ["creditCode"] = CreditCode,
        ["regionCode"] = RegionCode,
        ["address"] = Address,
        ["contactName"] = ContactName,
        ["contactPhone"] = ContactPhone,
    };

    public static IDictionary<string, object?> Row(OrganizationDto o) => new Dictionary<string, object?>
    {
        [Name] = o.Name,
        [Kind] = o.KindName,
        [CreditCode] = o.CreditCode,
        [RegionCode] = o.RegionCode,
        [Address] = o.Address,
        [ContactName] = o.ContactName,
        [ContactPhone] = o.ContactPhone,
    };
}

/// <summary>Imports organisations from .xlsx, all or nothing: one bad row and nothing is saved.</summary>
public sealed class ImportOrganizationsHandler(KechuangDb db)
{
    public async Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var regions = await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var taken = await db.Set<Organization>().IgnoreQueryFilters().Select(o => o.CreditCode).ToHashSetAsync(cancellationToken);
        var scope = db.User.Scope;
        var bad = new List<ImportRowError>();
        var good = new List<Organization>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = ExcelFile.Read(file).ToList();
        foreach (var (row, cells) in rows)
        {
            var errors = new FieldErrors();
            var input = new OrganizationInput(
                ExcelFile.Text(cells, OrganizationSheet.Name), ExcelFile.Text(cells, OrganizationSheet.Kind),
                ExcelFile.Text(cells, OrganizationSheet.CreditCode), ExcelFile.Text(cells, OrganizationSheet.RegionCode),
                ExcelFile.Text(cells, OrganizationSheet.Address), ExcelFile.Text(cells, OrganizationSheet.ContactName),
                ExcelFile.Text(cells, OrganizationSheet.ContactPhone));
            var valid = OrganizationRules.Validate(input, regions.Contains, errors);
            if (valid is not null)
            {
                if (taken.Contains(valid.CreditCode))
                {
                    errors.Add("creditCode", $"统一社会信用代码 {valid.CreditCode} 已被其他组织使用");
                }
                else if (seen.TryGetValue(valid.CreditCode, out var first))
                {
                    errors.Add("creditCode", $"与第{first}行的统一社会信用代码重复");
                }
                else if (!scope.Covers(valid.RegionCode))
                {
                    errors.Add("regionCode", "该行政区划不在您的数据范围内");
                }
                seen.TryAdd(valid.CreditCode, row);
            }
            foreach (var (field, messages) in errors.ToDictionary())
            {
                bad.AddRange(messages.Select(m => new ImportRowError(row, OrganizationSheet.ColumnOfField.GetValueOrDefault(field, field), m)));
            }
            if (!errors.Any && valid is not null)
            {
                good.Add(new Organization(valid.Name, valid.Kind, valid.CreditCode, valid.RegionCode, valid.Address, valid.ContactName, valid.ContactPhone, db.UtcNow));
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
        db.AddRange(good);
        await CreateOrganizationHandler.SaveUniqueAsync(db, cancellationToken);
        return good.Count;
    }
}
