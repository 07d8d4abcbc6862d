using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>
/// Auction indicators (letter A7–A9), computed from recorded lots of sessions held in the region
/// (and its sub-regions) that started in the period (China time). Only closed lots count as sold.
/// </summary>
public abstract class MarketIndicator : IIndicator
{
    public abstract string Code { get; }
    public abstract string Name { get; }
    public abstract string Unit { get; }
    public string Module => "market";

    public abstract Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/market/auctions?year={period.From.Year}&regionCode={regionCode}";

    public string RecordsApiUrl(string regionCode, Period period) => $"/api/v1/auctions?year={period.From.Year}&regionCode={regionCode}";

    internal static IQueryable<Lot> Lots(KechuangDb db, string regionCode, Period period)
    {
        var prefix = DataScope.Prefix(regionCode);
        var auctions = db.Set<Auction>().Where(a => a.RegionCode.StartsWith(prefix)).StartedBetween(period.From, period.To).Select(a => a.Id);
        return db.Set<Lot>().Where(l => auctions.Contains(l.AuctionId));
    }
}

/// <summary>上线竞价项目 (A7: 12).</summary>
public sealed class AuctionLotsIndicator : MarketIndicator
{
    public override string Code => "market.auction-lots";
    public override string Name => "上线竞价科技成果";
    public override string Unit => "项";

    public override async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await Lots(db, regionCode, period).CountAsync(cancellationToken);
}

/// <summary>参拍高校科研单位 (A7: 6): distinct owners of the lots' achievements.</summary>
public sealed class AuctionInstitutionsIndicator : MarketIndicator
{
    public override string Code => "market.auction-institutions";
    public override string Name => "参拍高校科研单位";
    public override string Unit => "家";

    public override async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var achievements = Lots(db, regionCode, period).Select(l => l.AchievementId);
        return await db.Set<Achievement>().Where(a => achievements.Contains(a.Id)).Select(a => a.OwnerOrganizationId).Distinct().CountAsync(cancellationToken);
    }
}

/// <summary>拍出项目 (A8: 9).</summary>
public sealed class SoldLotsIndicator : MarketIndicator
{
    public override string Code => "market.sold-lots";
    public override string Name => "拍出科技成果";
    public override string Unit => "项";

    public override async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await Lots(db, regionCode, period).CountAsync(l => l.Status == LotStatus.Sold, cancellationToken);
}

/// <summary>成交额 (A8: 1981.2万元), in yuan.</summary>
public sealed class HammerTotalIndicator : MarketIndicator
{
    public override string Code => "market.hammer-total";
    public override string Name => "科技成果拍卖成交额";
    public override string Unit => "元";

    public override async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        Money.ToYuan(await Lots(db, regionCode, period).Where(l => l.Status == LotStatus.Sold).SumAsync(l => l.HammerPriceFen ?? 0, cancellationToken));
}

/// <summary>溢价率 (A9: 16.06%), in percent: (Σ成交价 − Σ起拍价) ÷ Σ起拍价 × 100 over sold lots; 0 without sales.</summary>
public sealed class PremiumRateIndicator : MarketIndicator
{
    public override string Code => "market.premium-rate";
    public override string Name => "科技成果拍卖溢价率";
    public override string Unit => "%";

    public override async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var sold = await Lots(db, regionCode, period).Where(l => l.Status == LotStatus.Sold)
            .Select(l => new { l.StartingPriceFen, Hammer = l.HammerPriceFen ?? 0 }).ToListAsync(cancellationToken);
        return (MarketRules.PremiumRate(sold.Select(s => (s.StartingPriceFen, s.Hammer))) ?? 0) * 100;
    }
}
