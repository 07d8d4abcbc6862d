using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>The organisation sheet's columns, shared by import, export and the template.</summary>
public static class OrganizationSheet
{
    public static readonly SheetColumn Name = new("组织名称", "name");
    public static readonly SheetColumn Kind = new("组织类型", "kind");
    public static readonly SheetColumn CreditCode = new("统一社会信用代码", "creditCode");
    public static readonly SheetColumn RegionCode = new("行政区划代码", "regionCode");
    public static readonly SheetColumn Address = new("地址", "address");
    public static readonly SheetColumn ContactName = new("联系人", "contactName");
    public static readonly SheetColumn ContactPhone = new("联系电话", "contactPhone");

    public static readonly ImportSheet Sheet = new("组织导入模板.xlsx", "directory_organization",
        Name, Kind, CreditCode, RegionCode, Address, ContactName, ContactPhone);

    public static readonly ExportSheet<OrganizationDto> Export = Sheet.Export<OrganizationDto>("组织名录.xlsx", new()
    {
        [Name] = o => o.Name,
        [Kind] = o => o.KindName,
        [CreditCode] = o => o.CreditCode,
        [RegionCode] = o => o.RegionCode,
        [Address] = o => o.Address,
        [ContactName] = o => o.ContactName,
        [ContactPhone] = o => o.ContactPhone,
    });
}

/// <summary>Imports organisations from .xlsx through the import kit: all or nothing, credit codes unique across the directory and within the file.</summary>
public sealed class ImportOrganizationsHandler(KechuangDb db) : SheetImport<Organization>(db)
{
    private HashSet<string> _regions = [];
    private HashSet<string> _taken = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    protected override ImportSheet Sheet => OrganizationSheet.Sheet;

    protected override Platform.Access.Permission Permission => DirectoryPermissions.CreateOrganization;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _regions = await Db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        _taken = await Db.Set<Organization>().IgnoreQueryFilters().Select(o => o.CreditCode).ToHashSetAsync(cancellationToken);
        _seen.Clear();
    }

    protected override Organization? Read(SheetRow row, FieldErrors errors)
    {
        var input = new OrganizationInput(
            row.Text(OrganizationSheet.Name), row.Text(OrganizationSheet.Kind), row.Text(OrganizationSheet.CreditCode),
            row.Text(OrganizationSheet.RegionCode), row.Text(OrganizationSheet.Address), row.Text(OrganizationSheet.ContactName),
            row.Text(OrganizationSheet.ContactPhone));
        var valid = OrganizationRules.Validate(input, _regions.Contains, errors);
        if (valid is null)
        {
            return null;
        }
        if (_taken.Contains(valid.CreditCode))
        {
            errors.Add("creditCode", $"统一社会信用代码 {valid.CreditCode} 已被其他组织使用");
        }
        else if (_seen.TryGetValue(valid.CreditCode, out var first))
        {
            errors.Add("creditCode", $"与第{first}行的统一社会信用代码重复");
        }
        else if (!Db.User.Scope.Covers(valid.RegionCode))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        _seen.TryAdd(valid.CreditCode, row.Number);
        return errors.Any ? null : new Organization(valid.Name, valid.Kind, valid.CreditCode, valid.RegionCode, valid.Address, valid.ContactName, valid.ContactPhone, Db.UtcNow);
    }

    protected override Task SaveAsync(CancellationToken cancellationToken) => CreateOrganizationHandler.SaveUniqueAsync(Db, cancellationToken);
}
