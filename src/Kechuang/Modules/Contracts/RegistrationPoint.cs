using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// 合同登记点: a county bureau registering technology contracts on behalf of its city's registration body. Its
/// two-digit code within the city is part of every registration number it issues (docs/rules/contract-registration.md
/// §8, ADR 019). One point serves one county-level region; the point's region is that county.
/// </summary>
public sealed class RegistrationPoint : IRegionScoped
{
    private RegistrationPoint()
    {
    }

    public RegistrationPoint(RegistrationPointFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        RegionCode = facts.RegionCode;
        CityCode = RegistrationPointRules.CityOf(facts.RegionCode);
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The county-level region (six digits) whose contracts this point registers.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>The city's four digits (province and prefecture of GB/T 2260), the number's digits 3–6.</summary>
    public string CityCode { get; private set; } = "";

    /// <summary>合同登记点编号: two digits, unique within the city, the number's digits 7–8.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>A closed point issues no numbers; its numbers stay valid.</summary>
    public bool Active { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(RegistrationPointFacts facts, DateTime now)
    {
        Code = facts.Code;
        Name = facts.Name;
        Active = facts.Active;
        UpdatedAt = now;
    }
}

/// <summary>A registration point as the form and the API send it.</summary>
public sealed record RegistrationPointInput(string? RegionCode, string? Code, string? Name, bool? Active);

public sealed record RegistrationPointFacts(string RegionCode, string Code, string Name, bool Active);

/// <summary>The field rules of a registration point; pure functions.</summary>
public static class RegistrationPointRules
{
    public const int NameMax = 100;

    /// <summary>
    /// Checks the fields. <paramref name="regionName"/> answers the name of a region code, or null for an unknown
    /// code. The region of a point that exists already cannot change (its numbers carry the city).
    /// </summary>
    public static RegistrationPointFacts? Validate(RegistrationPointInput input, Func<string, string?> regionName, FieldErrors errors)
    {
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择登记点所在县（市、区）");
        }
        else if (regionName(region) is null)
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        else if (!IsCounty(region))
        {
            errors.Add("regionCode", "登记点设在县（市、区），请选择县级行政区划");
        }
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add("code", "请填写登记点编号");
        }
        else if (code.Length != 2 || !code.All(char.IsAsciiDigit) || code == "00")
        {
            errors.Add("code", "登记点编号为两位数字（01–99）");
        }
        var name = errors.Text("name", "登记点名称", input.Name, NameMax);
        return errors.Any ? null : new RegistrationPointFacts(region, code, name, input.Active ?? true);
    }

    /// <summary>A county-level code: six digits, neither a province (xx0000) nor a city (xxxx00).</summary>
    public static bool IsCounty(string code) => code.Length == 6 && code.All(char.IsAsciiDigit) && !code.EndsWith("00", StringComparison.Ordinal);

    public static string CityOf(string regionCode) => regionCode[..4];

    public static RuleException DuplicateCode(string cityCode, string code) =>
        new("contracts.duplicate-registration-point", $"本市（{cityCode}00）已有编号为 {code} 的登记点，编号在市内不能重复");

    public static RuleException DuplicateRegion(string regionName) =>
        new("contracts.registration-point-exists", $"{regionName}已设有合同登记点，一个县（市、区）设一个登记点");
}
