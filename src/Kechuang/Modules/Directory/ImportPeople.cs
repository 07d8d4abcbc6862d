using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>Imports people from a sheet, all or nothing: every bad row comes back with its reason.</summary>
public sealed class ImportPeopleHandler(KechuangDb db)
{
    public async Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var rows = ExcelFile.Read(file).ToList();
        var organizations = await db.Set<Organization>().AsNoTracking().ToListAsync(cancellationToken);
        var byName = organizations.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First());
        var regions = await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var bad = new List<ImportRowError>();
        var good = new List<Person>();
        var scope = db.User.Scope;
        foreach (var (row, cells) in rows)
        {
            var errors = new FieldErrors();
            var orgName = ExcelFile.Text(cells, PersonSheet.Organization);
            Organization? organization = null;
            if (!string.IsNullOrWhiteSpace(orgName) && !byName.TryGetValue(orgName, out organization))
            {
                errors.Add("organizationId", $"所属组织“{orgName}”不存在或不在您的数据范围内");
            }
            var input = new PersonInput(ExcelFile.Text(cells, PersonSheet.Name), ExcelFile.Text(cells, PersonSheet.Kind), organization?.Id,
                ExcelFile.Text(cells, PersonSheet.Phone), ExcelFile.Text(cells, PersonSheet.IdNumber), ExcelFile.Text(cells, PersonSheet.Title),
                ExcelFile.Text(cells, PersonSheet.Fields), ExcelFile.Text(cells, PersonSheet.RegionCode));
            var valid = PersonRules.Validate(input, organization, CreatePersonHandler.DefaultRegion(db), regions.Contains, errors);
            if (valid is not null && !scope.Covers(valid.RegionCode))
            {
                errors.Add("regionCode", "该人员所属行政区划不在您的数据范围内");
            }
            foreach (var (field, messages) in errors.ToDictionary())
            {
                bad.AddRange(messages.Select(m => new ImportRowError(row, PersonSheet.ColumnOfField.GetValueOrDefault(field, field), m)));
            }
            if (!errors.Any && valid is not null)
            {
                good.Add(new Person(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, db.UtcNow));
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
        await db.SaveChangesAsync(cancellationToken);
        return good.Count;
    }
}

public static class PersonSheet
{
    public const string Name = "姓名";
    public const string Kind = "人员类别";
    public const string Organization = "所属组织";
    public const string RegionCode = "行政区划代码";
    public const string Title = "职称/职务";
    public const string Fields = "专业领域";
    public const string Phone = "联系电话";
    public const string IdNumber = "身份证号码";

    public static readonly string[] Headers = [Name, Kind, Organization, RegionCode, Title, Fields, Phone, IdNumber];

    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["name"] = Name,
        ["kind"] = Kind,
        ["organizationId"] = Organization,
        ["regionCode"] = RegionCode,
        ["title"] = Title,
        ["fields"] = Fields,
        ["phone"] = Phone,
        ["idNumber"] = IdNumber,
    };

    public static IDictionary<string, object?> Row(PersonDto p) => new Dictionary<string, object?>
    {
        [Name] = p.Name,
        [Kind] = p.KindName,
        [Organization] = p.OrganizationName,
        [RegionCode] = p.RegionCode,
        [Title] = p.Title,
        [Fields] = p.Fields,
        [Phone] = p.Phone,
        [IdNumber] = p.IdNumber,
    };
}
