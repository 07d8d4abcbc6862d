namespace Kechuang.Modules.Market;

/// <summary>Columns of the auction calendar export; times in China time as the calendar shows them.</summary>
public static class AuctionListSheet
{
    public static readonly string[] Headers = ["拍卖会", "主办单位", "行政区划代码", "开始时间", "结束时间", "标的数", "保证金（元）", "状态"];

    public static IDictionary<string, object?> Row(AuctionDto a) => new Dictionary<string, object?>
    {
        ["拍卖会"] = a.Title,
        ["主办单位"] = a.Organizer,
        ["行政区划代码"] = a.RegionCode,
        ["开始时间"] = MarketTime.Format(a.StartsAt),
        ["结束时间"] = MarketTime.Format(a.EndsAt),
        ["标的数"] = a.LotCount,
        ["保证金（元）"] = a.DepositRequired ? a.Deposit : null,
        ["状态"] = Pages.MarketText.Phase(a.Phase),
    };
}
