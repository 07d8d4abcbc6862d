using System.Globalization;
using Kechuang.Platform.Excel;

namespace Kechuang.Platform.Indicators;

/// <summary>The targets export: codes as stored beside the indicator's name, values in the indicator's unit.</summary>
public static class TargetSheet
{
    public static readonly ExportSheet<TargetProgress> Export = new ExportSheet<TargetProgress>("年度目标与完成情况.xlsx", "indicators_target")
        .Column("区划代码", t => t.RegionCode)
        .Column("年度", t => t.Year)
        .Column("指标代码", t => t.IndicatorCode)
        .Column("指标", t => t.IndicatorName)
        .Column("单位", t => t.Unit)
        .Column("比较", t => t.Comparator)
        .Column("目标", t => t.Target.ToString(CultureInfo.InvariantCulture))
        .Column("完成", t => t.Actual.ToString(CultureInfo.InvariantCulture))
        .Column("完成率", t => t.CompletionText)
        .Column(TargetForecast.Title, t => t.Forecast?.ToString(CultureInfo.InvariantCulture) ?? "")
        .Column("状态", t => t.Met ? "已完成" : t.ForecastShort ? TargetForecast.ShortText : "未完成");
}
