using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>结束到期标的: staff of the session's region close its due lots now rather than at the sweep's next pass; returns how many.</summary>
public sealed class CloseAuctionHandler(KechuangDb db, LotCloser closer)
{
    public async Task<int> HandleAsync(Guid auctionId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.CloseAuction);
        var auction = await Auctions.FindAsync(db, auctionId, cancellationToken, tracking: false);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        return await closer.CloseDueAsync(auctionId, cancellationToken);
    }
}

/// <summary>发布结果: closes every due lot first; refused while a lot is still being bid on.</summary>
public sealed class PublishAuctionResultsHandler(KechuangDb db, LotCloser closer)
{
    public async Task HandleAsync(Guid auctionId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.CloseAuction);
        var auction = await db.Set<Auction>().FirstOrDefaultAsync(a => a.Id == auctionId, cancellationToken)
            ?? throw new NotFoundException("拍卖会不存在");
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        await closer.CloseDueAsync(auctionId, cancellationToken);
        if (await db.Set<Lot>().AnyAsync(l => l.AuctionId == auctionId && l.Status == LotStatus.Open, cancellationToken))
        {
            throw new RuleException("auction.not-ended", "尚有标的在竞价中，不能发布结果");
        }
        auction = await db.Set<Auction>().FirstAsync(a => a.Id == auctionId, cancellationToken);
        auction.PublishResults(db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}
