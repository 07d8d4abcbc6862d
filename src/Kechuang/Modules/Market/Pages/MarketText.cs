using System.Globalization;
using Kechuang.Platform.Data;

namespace Kechuang.Modules.Market.Pages;

/// <summary>How market pages show amounts, times and statuses.</summary>
public static class MarketText
{
    public static string Yuan(decimal? yuan) => yuan is { } y ? Money.Format(Money.ToFen(y)) : "—";

    public static string Time(DateTime utc) => MarketTime.Format(utc);

    public static string Percent(decimal? fraction) =>
        fraction is { } f ? decimal.Round(f * 100, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    public static string LotStatus(string status) => status switch
    {
        "open" => "竞价中",
        "sold" => "已成交",
        "unsold" => "流拍",
        _ => status,
    };

    public static string Phase(string phase) => phase switch
    {
        "upcoming" => "即将开始",
        "bidding" => "竞价中/待发布结果",
        "results-published" => "结果已发布",
        _ => phase,
    };

    /// <summary>A soft-close window as people say it: 5分钟, 90秒, 30秒.</summary>
    public static string Duration(int seconds) => seconds >= 60 && seconds % 60 == 0 ? $"{seconds / 60}分钟" : $"{seconds}秒";

    public static string Countdown(TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
        {
            return "已结束";
        }
        return left.TotalHours >= 1
            ? $"{(int)left.TotalHours}:{left.Minutes:00}:{left.Seconds:00}"
            : $"{left.Minutes:00}:{left.Seconds:00}";
    }
}
