using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>
/// Home figures: achievements on the market now, and the sales of the auctions held in the year shown (public records,
/// the same for every viewer).
/// </summary>
public sealed class MarketDashboard : IDashboardCard
{
    public int Order => 400;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        var listed = await db.Set<Achievement>().CountAsync(a => a.Status == AchievementStatus.Listed || a.Status == AchievementStatus.InAuction);
        // Every region's sessions: the market is one, its results public.
        var held = db.Set<Auction>().StartedBetween(period.From, period.To).Select(a => a.Id);
        var hammerFen = await db.Set<Lot>().Where(l => held.Contains(l.AuctionId) && l.Status == LotStatus.Sold).SumAsync(l => l.HammerPriceFen ?? 0);
        return
        [
            new DashboardFigure("挂牌科技成果", listed, "项", "/market/achievements", DashboardPeriod.Now),
            new DashboardFigure("拍卖成交额", (double)(Money.ToYuan(hammerFen) / 10_000m), "万元", $"/market/auctions?year={period.Year}", period.SpanText),
        ];
    }

    public async Task<int?> LatestYearAsync(KechuangDb db)
    {
        var latest = await db.Set<Auction>().MaxAsync(a => (DateTime?)a.StartsAt);
        return latest is { } start ? MarketTime.ToChina(start).Year : null;
    }
}
