using Kechuang.Platform.Excel;

namespace Kechuang.Modules.Market;

/// <summary>The auction calendar's export; times in China time as the calendar shows them.</summary>
public static class AuctionListSheet
{
    public static readonly ExportSheet<AuctionDto> Export = new ExportSheet<AuctionDto>("科技成果拍卖会.xlsx", "market_auction")
        .Column("拍卖会", a => a.Title)
        .Column("主办单位", a => a.Organizer)
        .Column("行政区划代码", a => a.RegionCode)
        .Column("开始时间", a => MarketTime.Format(a.StartsAt))
        .Column("结束时间", a => MarketTime.Format(a.EndsAt))
        .Column("标的数", a => a.LotCount)
        .Column("保证金（元）", a => a.DepositRequired ? a.Deposit : null)
        .Column("状态", a => Pages.MarketText.Phase(a.Phase));
}
