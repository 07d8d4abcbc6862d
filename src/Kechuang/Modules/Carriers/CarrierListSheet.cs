using System.Globalization;

namespace Kechuang.Modules.Carriers;

/// <summary>Columns of the carrier list export: the list as shown, tenants counted on the day of export.</summary>
public static class CarrierListSheet
{
    public static readonly string[] Headers = ["载体名称", "类型", "级别", "行政区划代码", "所在地区", "运营主体", "面积（㎡）", "开园日期", "状态", "注册企业", "入驻企业"];

    public static IDictionary<string, object?> Row(CarrierDto c) => new Dictionary<string, object?>
    {
        ["载体名称"] = c.Name,
        ["类型"] = c.KindName,
        ["级别"] = c.LevelName,
        ["行政区划代码"] = c.RegionCode,
        ["所在地区"] = c.RegionName,
        ["运营主体"] = c.OperatorName,
        ["面积（㎡）"] = c.Area,
        ["开园日期"] = c.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["状态"] = c.StatusName,
        ["注册企业"] = c.RegisteredCount,
        ["入驻企业"] = c.ResidentCount,
    };
}
