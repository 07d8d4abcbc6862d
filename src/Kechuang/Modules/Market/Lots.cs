using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record LotDto(Guid Id, Guid AuctionId, int Number, Guid AchievementId, string Title, string OwnerName, string Status, decimal StartingPrice,
    decimal Increment, decimal? CurrentPrice, decimal MinimumBid, int Seq, string? Leader, DateTime EndsAt, DateTime StartsAt, int SoftCloseSeconds,
    decimal? HammerPrice, DateTime ServerTime);

public sealed record BidDto(int Seq, decimal Amount, Guid? BidderOrganizationId, string Bidder, DateTime ReceivedAt);

/// <summary>The live state of a lot, as the public, the bidders and the live page read it.</summary>
public sealed class GetLotHandler(KechuangDb db)
{
    public async Task<LotDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await (from l in db.Set<Lot>().AsNoTracking()
                         join a in db.Set<Achievement>().AsNoTracking() on l.AchievementId equals a.Id
                         join s in db.Set<Auction>().AsNoTracking() on l.AuctionId equals s.Id
                         where l.Id == id
                         select new { Lot = l, a.Title, a.OwnerName, s.StartsAt, s.SoftCloseSeconds }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("标的不存在");
        var lot = row.Lot;
        var now = db.UtcNow;
        var status = MarketRules.EffectiveStatus(lot.Status, lot.Seq, lot.CurrentPriceFen, lot.ReservePriceFen, lot.EndsAt, now);
        var hammer = status == LotStatus.Sold ? lot.HammerPriceFen ?? lot.CurrentPriceFen : (long?)null;
        var state = new LotState(lot.Status, lot.StartingPriceFen, lot.IncrementFen, lot.CurrentPriceFen, lot.Seq, lot.EndsAt);
        return new LotDto(lot.Id, lot.AuctionId, lot.Number, lot.AchievementId, row.Title, row.OwnerName, Kebab.From(status), Money.ToYuan(lot.StartingPriceFen),
            Money.ToYuan(lot.IncrementFen), lot.Seq > 0 ? Money.ToYuan(lot.CurrentPriceFen) : null, Money.ToYuan(MarketRules.MinimumBidFen(state)), lot.Seq,
            lot.Seq > 0 ? MarketRules.MaskNumber(lot.LeaderNumber) : null, lot.EndsAt, row.StartsAt, row.SoftCloseSeconds,
            hammer is { } h ? Money.ToYuan(h) : null, now);
    }
}

/// <summary>A lot's bid history, as the public, the bidders and the live page read it.</summary>
public sealed class ListBidsHandler(KechuangDb db)
{
    /// <summary>
    /// Bids in seq order. Everyone sees masked bidder numbers. Who bid (the organisation id) is known to the bureau that
    /// runs the auction — staff whose data scope covers the auction's region — and to each bidding organisation for its
    /// own bids; staff of another region, other accounts and the public see the bids without it.
    /// </summary>
    public async Task<Paged<BidDto>> HandleAsync(Guid lotId, int? afterSeq = null, CancellationToken cancellationToken = default)
    {
        var region = await (from l in db.Set<Lot>().AsNoTracking()
                            join a in db.Set<Auction>().AsNoTracking() on l.AuctionId equals a.Id
                            where l.Id == lotId
                            select a.RegionCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("标的不存在");
        var after = afterSeq ?? 0;
        var bids = await db.Set<Bid>().AsNoTracking().Where(b => b.LotId == lotId && b.Seq > after).OrderBy(b => b.Seq)
            .Select(b => new { b.Seq, b.AmountFen, b.BidderOrganizationId, b.BidderNumber, b.ReceivedAt }).ToListAsync(cancellationToken);
        var bureau = db.User.May(MarketPermissions.ReadBidders) && db.User.Scope.Covers(region);
        var own = db.User.OrganizationId;
        var items = bids.Select(b => new BidDto(b.Seq, Money.ToYuan(b.AmountFen),
            bureau || b.BidderOrganizationId == own ? b.BidderOrganizationId : null, MarketRules.MaskNumber(b.BidderNumber), b.ReceivedAt)).ToList();
        return new Paged<BidDto>(items, items.Count);
    }
}
