using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A carrier as the form and the API send it: kinds, levels and statuses in kebab-case or Chinese.</summary>
public sealed record CarrierInput(string? Name, string? Kind, string? Level, string? RegionCode, Guid? ParentId, Guid? OperatorId,
    string? Address, decimal? Area, DateOnly? OpenedOn, string? Status, int? Capacity = null, string? OccupancyBasis = null);

/// <summary>The carrier's field rules (what can be checked without the database) and the Chinese names of its choices.</summary>
public static class CarrierRules
{
    public const int NameMax = 100;
    public const int AddressMax = 200;

    /// <summary>面积 above 10 km² is a typing error, not a carrier.</summary>
    public const decimal MaxArea = 10_000_000m;

    /// <summary>可入驻单元数 above this is a typing error.</summary>
    public const int MaxCapacity = 100_000;

    public static readonly IReadOnlyDictionary<CarrierLevel, string> LevelNames = new Dictionary<CarrierLevel, string>
    {
        [CarrierLevel.County] = "县级",
        [CarrierLevel.City] = "市级",
        [CarrierLevel.Provincial] = "省级",
        [CarrierLevel.National] = "国家级",
    };

    public static readonly IReadOnlyDictionary<CarrierStatus, string> StatusNames = new Dictionary<CarrierStatus, string>
    {
        [CarrierStatus.Planned] = "筹建中",
        [CarrierStatus.UnderConstruction] = "建设/装修中",
        [CarrierStatus.Operating] = "运营中",
        [CarrierStatus.Closed] = "已停止运营",
    };

    /// <summary>Checks every field, adding each problem to <paramref name="errors"/>; null when any field is bad.</summary>
    public static CarrierFacts? Validate(CarrierInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var name = errors.Text("name", "载体名称", input.Name, NameMax);
        var kind = errors.Enum("kind", "载体类型", input.Kind, CarrierKinds.Names);
        var level = errors.Enum("level", "认定级别", input.Level, LevelNames, required: false);
        var status = errors.Enum("status", "运营状态", input.Status, StatusNames);
        var basis = errors.Enum("occupancyBasis", "入驻率计算口径", input.OccupancyBasis, UnitRules.BasisNames, required: false) ?? OccupancyBasis.Units;
        var region = input.RegionCode?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择所在行政区划");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        var address = errors.Text("address", "地址", input.Address, AddressMax, required: false);
        if (input.Area is { } area)
        {
            if (area <= 0)
            {
                errors.Add("area", "面积应大于0平方米");
            }
            else if (area > MaxArea)
            {
                errors.Add("area", "面积不能超过1000万平方米，请检查单位（平方米）");
            }
            else if (decimal.Round(area, 2) != area)
            {
                errors.Add("area", "面积最多保留两位小数");
            }
        }
        if (input.Capacity is < 1 or > MaxCapacity)
        {
            errors.Add("capacity", $"可入驻单元数应在1至{MaxCapacity}之间");
        }
        if (status == CarrierStatus.Operating)
        {
            if (input.OpenedOn is null)
            {
                errors.Add("openedOn", "运营中的载体请填写开园（启用）日期");
            }
            else if (input.OpenedOn > today)
            {
                errors.Add("openedOn", "运营中的载体，开园（启用）日期不能晚于今天");
            }
        }
        return errors.Any ? null : Facts();

        CarrierFacts Facts() => new(name, kind!.Value, level, region, input.ParentId, input.OperatorId,
            address.Length == 0 ? null : address, input.Area, input.OpenedOn, status!.Value, input.Capacity, basis);
    }
}
