using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>The people sheet's columns, shared by import, export and the template.</summary>
public static class PersonSheet
{
    public static readonly SheetColumn Name = new("姓名", "name");
    public static readonly SheetColumn Kind = new("人员类别", "kind");
    public static readonly SheetColumn Organization = new("所属组织", "organizationId");
    public static readonly SheetColumn RegionCode = new("行政区划代码", "regionCode");
    public static readonly SheetColumn Title = new("职称/职务", "title");
    public static readonly SheetColumn Fields = new("专业领域", "fields");
    public static readonly SheetColumn Phone = new("联系电话", "phone");
    public static readonly SheetColumn IdNumber = new("身份证号码", "idNumber");

    public static readonly ImportSheet Sheet = new("人员导入模板.xlsx", "directory_person",
        Name, Kind, Organization, RegionCode, Title, Fields, Phone, IdNumber);

    /// <summary>Phone and ID numbers as the viewer may see them (masked for most accounts): a masked export does not re-import them.</summary>
    public static readonly ExportSheet<PersonDto> Export = Sheet.Export<PersonDto>("人员名录.xlsx", new()
    {
        [Name] = p => p.Name,
        [Kind] = p => p.KindName,
        [Organization] = p => p.OrganizationName,
        [RegionCode] = p => p.RegionCode,
        [Title] = p => p.Title,
        [Fields] = p => p.Fields,
        [Phone] = p => p.Phone,
        [IdNumber] = p => p.IdNumber,
    });
}

/// <summary>Imports people from .xlsx through the import kit, all or nothing; each row's organisation is found by name within the caller's scope.</summary>
public sealed class ImportPeopleHandler(KechuangDb db) : SheetImport<Person>(db)
{
    private Dictionary<string, Organization> _organizations = [];
    private HashSet<string> _regions = [];
    private HashSet<string> _idNumbers = [];

    protected override ImportSheet Sheet => PersonSheet.Sheet;

    protected override Platform.Access.Permission Permission => DirectoryPermissions.ImportPeople;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var organizations = await Db.Set<Organization>().AsNoTracking().ToListAsync(cancellationToken);
        _organizations = organizations.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _regions = await Db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        // Blind indexes of every registered 身份证 (in any region): a number already registered, or twice in the file, is a bad row.
        var column = PersonalDataMapping.IndexOf(nameof(Person.IdNumber));
        _idNumbers = (await Db.Set<Person>().IgnoreQueryFilters().Select(p => EF.Property<string?>(p, column)).Where(i => i != null).ToListAsync(cancellationToken))
            .Select(i => i!).ToHashSet(StringComparer.Ordinal);
    }

    protected override Person? Read(SheetRow row, FieldErrors errors)
    {
        var organizationName = row.Text(PersonSheet.Organization);
        Organization? organization = null;
        if (!string.IsNullOrEmpty(organizationName) && !_organizations.TryGetValue(organizationName, out organization))
        {
            errors.Add("organizationId", $"所属组织“{organizationName}”不存在或不在您的数据范围内");
        }
        var input = new PersonInput(row.Text(PersonSheet.Name), row.Text(PersonSheet.Kind), organization?.Id,
            row.Text(PersonSheet.Phone), row.Text(PersonSheet.IdNumber), row.Text(PersonSheet.Title),
            row.Text(PersonSheet.Fields), row.Text(PersonSheet.RegionCode));
        var defaultRegion = Db.User.RegionCode.Length > 0 ? Db.User.RegionCode : "330700";
        var valid = PersonRules.Validate(input, organization, defaultRegion, _regions.Contains, errors);
        if (valid is not null && !Db.User.Scope.Covers(valid.RegionCode))
        {
            errors.Add("regionCode", "该人员所属行政区划不在您的数据范围内");
        }
        // Each stored index is under the index key or, while it is being replaced, the one before it.
        if (valid is not null && Db.PersonalData.BlindIndexes(PersonalDataKind.IdNumber, valid.IdNumber) is { Count: > 0 } indexes
            && (indexes.Skip(1).Any(_idNumbers.Contains) || !_idNumbers.Add(indexes[0])))
        {
            errors.Add("idNumber", "该身份证号码已登记在其他人员名下或在文件中重复，同一人不能重复登记");
        }
        return errors.Any || valid is null
            ? null
            : new Person(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, Db.UtcNow);
    }
}
