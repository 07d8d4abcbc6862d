using System.Globalization;

namespace Kechuang.Platform.Indicators;

/// <summary>Columns of the targets export: codes as stored beside the indicator's name, values in the indicator's unit.</summary>
public static class TargetSheet
{
    public static readonly string[] Headers = ["区划代码", "年度", "指标代码", "指标", "单位", "比较", "目标", "完成", "完成率", "状态"];

    public static IDictionary<string, object?> Row(TargetProgress t) => new Dictionary<string, object?>
    {
        ["区划代码"] = t.RegionCode,
        ["年度"] = t.Year,
        ["指标代码"] = t.IndicatorCode,
        ["指标"] = t.IndicatorName,
        ["单位"] = t.Unit,
        ["比较"] = t.Comparator,
        ["目标"] = t.Target.ToString(CultureInfo.InvariantCulture),
        ["完成"] = t.Actual.ToString(CultureInfo.InvariantCulture),
        ["完成率"] = t.CompletionText,
        ["状态"] = t.Met ? "已完成" : "未完成",
    };
}
