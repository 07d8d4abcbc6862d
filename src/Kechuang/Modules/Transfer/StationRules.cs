using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>A station as the form, the API and the import send it.</summary>
public sealed record StationInput(string? Name, Guid? InstitutionId, string? RegionCode, DateOnly? OpenedOn, string? Staff, string? Fields, string? Contact);

/// <summary>A station's field rules (what can be checked without the database).</summary>
public static class StationRules
{
    public const int NameMax = 100;
    public const int StaffMax = 200;
    public const int FieldsMax = 200;
    public const int ContactMax = 100;

    public static StationFacts? Validate(StationInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var name = errors.Text("name", "工作站名称", input.Name, NameMax);
        if (input.InstitutionId is null)
        {
            errors.Add("institutionId", "请选择依托院校");
        }
        var region = TransferText.Region(input.RegionCode, "regionCode", "所在行政区划", regionExists, errors);
        if (input.OpenedOn > today)
        {
            errors.Add("openedOn", "设立日期不能晚于今天");
        }
        var staff = errors.Text("staff", "驻站人员", input.Staff, StaffMax, required: false);
        var fields = errors.Text("fields", "服务技术领域", input.Fields, FieldsMax, required: false);
        var contact = errors.Text("contact", "联系方式", input.Contact, ContactMax, required: false);
        return errors.Any ? null : new StationFacts(name, input.InstitutionId!.Value, region, input.OpenedOn,
            TransferText.OrNull(staff), TransferText.OrNull(fields), TransferText.OrNull(contact));
    }
}

/// <summary>Small helpers the module's rules share.</summary>
public static class TransferText
{
    public static string? OrNull(string text) => text.Length == 0 ? null : text;

    /// <summary>A required region code that exists in the national list; "" when missing or unknown (reported).</summary>
    public static string Region(string? code, string field, string label, Func<string, bool> regionExists, FieldErrors errors)
    {
        var region = code?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add(field, $"请选择{label}");
        }
        else if (!regionExists(region))
        {
            errors.Add(field, $"行政区划代码 {region} 不存在");
            return "";
        }
        return region;
    }

    /// <summary>An amount in 元: positive, at most 100亿, two decimals; returns fen or null (reported when bad).</summary>
    public static long? Amount(decimal? amount, string field, string label, bool required, FieldErrors errors)
    {
        if (amount is not { } yuan)
        {
            if (required)
            {
                errors.Add(field, $"请填写{label}");
            }
            return null;
        }
        if (yuan <= 0)
        {
            errors.Add(field, $"{label}应大于0元");
        }
        else if (yuan > 10_000_000_000m)
        {
            errors.Add(field, $"{label}不能超过100亿元，请检查单位（元）");
        }
        else if (!Platform.Data.Money.HasAtMostTwoDecimals(yuan))
        {
            errors.Add(field, $"{label}最多保留两位小数（分）");
        }
        else
        {
            return Platform.Data.Money.ToFen(yuan);
        }
        return null;
    }
}
