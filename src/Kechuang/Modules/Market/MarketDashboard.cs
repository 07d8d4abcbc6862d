using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>Home figures: achievements on the market and sales at auction (public records, the same for every viewer).</summary>
public sealed class MarketDashboard : IDashboardCard
{
    public int Order => 400;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db)
    {
        var listed = await db.Set<Achievement>().CountAsync(a => a.Status == AchievementStatus.Listed || a.Status == AchievementStatus.InAuction);
        var hammerFen = await db.Set<Lot>().Where(l => l.Status == LotStatus.Sold).SumAsync(l => l.HammerPriceFen ?? 0);
        return
        [
            new DashboardFigure("挂牌科技成果", listed, "项", "/market/achievements"),
            new DashboardFigure("拍卖成交额（累计）", (double)(Money.ToYuan(hammerFen) / 10_000m), "万元", "/market/auctions"),
        ];
    }
}
