using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record PlaceBidRequest(decimal? Amount, string? IdempotencyKey);

public sealed record BidAccepted(Guid BidId, int Seq, decimal Price, DateTime EndsAt);

/// <summary>
/// 出价. The decision is made in the database: the lot row is changed by one conditional update that
/// matches the <see cref="Lot.Seq"/> the decision was computed from, in the same transaction as the
/// bid's insert; a request that loses the race re-reads the lot and decides again. A bid is answered
/// (and broadcast) only after its transaction has committed. Works the same on PostgreSQL (row lock
/// taken by the UPDATE, re-checked under READ COMMITTED) and SQLite (one writer at a time).
/// </summary>
public sealed class PlaceBidHandler(KechuangDb db, IBidBroadcaster broadcaster, ILogger<PlaceBidHandler> logger)
{
    private const int MaxAttempts = 10_000;

    public async Task<BidAccepted> HandleAsync(Guid lotId, PlaceBidRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (request.Amount is not { } amount || amount <= 0 || !Money.HasAtMostTwoDecimals(amount) || amount > 100_000_000_000m)
        {
            errors.Add("amount", "出价须为正数（元），最多两位小数");
            amount = 0;
        }
        var key = errors.Text("idempotencyKey", "幂等键", request.IdempotencyKey, 100);
        errors.ThrowIfAny();
        var amountFen = Money.ToFen(amount);

        var lot = await ReadLotAsync(lotId, cancellationToken) ?? throw new NotFoundException("标的不存在");
        var auction = await db.Set<Auction>().AsNoTracking().FirstAsync(a => a.Id == lot.AuctionId, cancellationToken);
        var organizationId = db.User.OrganizationId;
        var bidder = organizationId is null ? null
            : await db.Set<Bidder>().AsNoTracking().FirstOrDefaultAsync(b => b.AuctionId == auction.Id && b.OrganizationId == organizationId, cancellationToken);
        if (bidder is null || !bidder.MayBid(auction.DepositRequired))
        {
            throw new RuleException(MarketRules.NotRegistered, bidder is null ? "贵单位未登记为本场竞买人" : "贵单位的保证金尚未确认，暂不能出价");
        }
        if (await OriginalAsync(bidder, key, lotId, cancellationToken) is { } original)
        {
            return original;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = db.UtcNow;
            var decision = MarketRules.Decide(State(lot), auction.StartsAt, auction.SoftCloseSeconds, amountFen, now);
            var bid = new Bid(lotId, decision.Seq, decision.PriceFen, bidder, db.User.UserName, key, now, decision.EndsAt);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var expectedSeq = lot.Seq;
                var changed = await db.Set<Lot>()
                    .Where(l => l.Id == lotId && l.Seq == expectedSeq && l.Status == LotStatus.Open)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(l => l.CurrentPriceFen, decision.PriceFen)
                        .SetProperty(l => l.Seq, decision.Seq)
                        .SetProperty(l => l.EndsAt, decision.EndsAt)
                        .SetProperty(l => l.LeaderBidderId, bidder.Id)
                        .SetProperty(l => l.LeaderNumber, bidder.Number), cancellationToken);
                if (changed == 1)
                {
                    db.Add(bid);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                    }
                    catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The same key arrived twice at once: the unique index kept one; answer with it.
                        await transaction.RollbackAsync(cancellationToken);
                        db.ChangeTracker.Clear();
                        if (await OriginalAsync(bidder, key, lotId, cancellationToken) is { } first)
                        {
                            return first;
                        }
                        throw;
                    }
                    db.ChangeTracker.Clear();
                    var accepted = new BidAccepted(bid.Id, bid.Seq, Money.ToYuan(bid.AmountFen), bid.EndsAtAfter);
                    await broadcaster.AcceptedAsync(new BidEvent(lotId, bid.Seq, accepted.Price, MarketRules.MaskNumber(bidder.Number), bid.EndsAtAfter), cancellationToken);
                    return accepted;
                }
                await transaction.RollbackAsync(cancellationToken);
            }
            // Another bid (or the close) changed the lot since it was read: decide again on the new state.
            lot = await ReadLotAsync(lotId, cancellationToken) ?? throw new NotFoundException("标的不存在");
            if (attempt % 100 == 0)
            {
                logger.LogWarning("Bid on lot {LotId} lost {Attempts} races", lotId, attempt);
            }
        }
        throw new RuleException("auction.busy", "出价人数过多，请稍后重试");
    }

    private Task<Lot?> ReadLotAsync(Guid lotId, CancellationToken cancellationToken) =>
        db.Set<Lot>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId, cancellationToken);

    private static LotState State(Lot lot) => new(lot.Status, lot.StartingPriceFen, lot.IncrementFen, lot.CurrentPriceFen, lot.Seq, lot.EndsAt);

    /// <summary>A repeated idempotency key answers with the bid it was first accepted as.</summary>
    private async Task<BidAccepted?> OriginalAsync(Bidder bidder, string key, Guid lotId, CancellationToken cancellationToken)
    {
        var original = await db.Set<Bid>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.BidderOrganizationId == bidder.OrganizationId && b.IdempotencyKey == key, cancellationToken);
        if (original is null)
        {
            return null;
        }
        if (original.LotId != lotId)
        {
            throw InputException.For("idempotencyKey", "该幂等键已用于另一标的的出价");
        }
        return new BidAccepted(original.Id, original.Seq, Money.ToYuan(original.AmountFen), original.EndsAtAfter);
    }
}
