using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;

namespace Kechuang.Modules.Directory;

/// <summary>The fields of an organisation as entered on a form, through the API or in an import row.</summary>
public sealed record OrganizationInput(string? Name, string? Kind, string? CreditCode, string? RegionCode, string? Address, string? ContactName = null, string? ContactPhone = null);

public sealed record ValidOrganization(string Name, OrganizationKind Kind, string CreditCode, string RegionCode, string? Address, string? ContactName, string? ContactPhone);

public static class OrganizationRules
{
    /// <summary>Checks every field; <paramref name="regionExists"/> tells whether a region code is known.</summary>
    public static ValidOrganization? Validate(OrganizationInput input, Func<string, bool> regionExists, FieldErrors errors)
    {
        var name = errors.Text("name", "组织名称", input.Name, 100);
        var kind = errors.Enum("kind", "组织类型", input.Kind, OrganizationKinds.Names);
        string creditCode = "";
        if (CreditCode.Problem(input.CreditCode) is { } problem)
        {
            errors.Add("creditCode", problem);
        }
        else
        {
            creditCode = CreditCode.Normalize(input.CreditCode!);
        }
        var region = errors.Text("regionCode", "所在行政区划", input.RegionCode, 12);
        if (region.Length > 0 && !regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码“{region}”不存在");
        }
        var address = errors.Text("address", "地址", input.Address, 200, required: false);
        var contact = errors.Text("contactName", "联系人", input.ContactName, 50, required: false);
        var phone = PhoneRules.Check(errors, "contactPhone", input.ContactPhone);
        return errors.Any || kind is null
            ? null
            : new ValidOrganization(name, kind.Value, creditCode, region, Blank(address), Blank(contact), phone);
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

public static class PhoneRules
{
    /// <summary>An 11-digit mobile number starting with 1, or a landline of digits and hyphens (7–20).</summary>
    public static string? Check(FieldErrors errors, string field, string? phone)
    {
        var value = phone?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (value.Length == 0)
        {
            return null;
        }
        var mobile = value.Length == 11 && value[0] == '1' && value.All(char.IsAsciiDigit);
        var landline = value.Length is >= 7 and <= 20 && value.All(c => char.IsAsciiDigit(c) || c == '-') && !value.StartsWith('1');
        if (!mobile && !landline)
        {
            errors.Add(field, "电话号码格式不正确：手机号应为以1开头的11位数字，固定电话可含区号和“-”");
        }
        return value;
    }
}
