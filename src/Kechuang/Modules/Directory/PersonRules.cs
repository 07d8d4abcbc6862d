using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;

namespace Kechuang.Modules.Directory;

public sealed record PersonInput(string? Name, string? Kind, Guid? OrganizationId, string? Phone, string? IdNumber, string? Title = null, string? Fields = null, string? RegionCode = null);

public sealed record ValidPerson(string Name, PersonKind Kind, Guid? OrganizationId, string RegionCode, string? Title, string? Fields, string? Phone, string? IdNumber);

public static class PersonRules
{
    /// <summary>
    /// A person falls under the region of an enterprise-like organisation; people of institutions and
    /// government units (which serve many counties) take the given region or the entering account's.
    /// </summary>
    public static ValidPerson? Validate(PersonInput input, Organization? organization, string defaultRegion, Func<string, bool> regionExists, FieldErrors errors)
    {
        var name = errors.Text("name", "姓名", input.Name, 50);
        var kind = errors.Enum("kind", "人员类别", input.Kind, PersonKinds.Names);
        if (input.OrganizationId is not null && organization is null)
        {
            errors.Add("organizationId", "所属组织不存在或不在您的数据范围内");
        }
        var phone = PhoneRules.Check(errors, "phone", input.Phone);
        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            if (IdNumber.Problem(input.IdNumber) is { } problem)
            {
                errors.Add("idNumber", problem);
            }
            else
            {
                idNumber = input.IdNumber.Trim().ToUpperInvariant();
            }
        }
        var title = errors.Text("title", "职称/职务", input.Title, 50, required: false);
        var fields = errors.Text("fields", "专业领域", input.Fields, 200, required: false);
        var region = organization is { IsSharedWithAll: false } ? organization.RegionCode
            : !string.IsNullOrWhiteSpace(input.RegionCode) ? input.RegionCode.Trim() : defaultRegion;
        if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码“{region}”不存在");
        }
        return errors.Any || kind is null
            ? null
            : new ValidPerson(name, kind.Value, organization?.Id, region, title.Length == 0 ? null : title, fields.Length == 0 ? null : fields, phone, idNumber);
    }
}
