using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record PlaceBidRequest(decimal? Amount, string? IdempotencyKey);

public sealed record BidAccepted(Guid BidId, int Seq, decimal Price, DateTime EndsAt);

/// <summary>
/// 出价. The decision is made in the database: the lot row is changed by one conditional update that
/// matches the <see cref="Lot.Seq"/> the decision was computed from, atomically with the bid's insert; a
/// request that loses the race re-reads the lot and decides again. A bid is answered (and broadcast) only
/// after it has committed. PostgreSQL: one statement (<c>WITH moved AS (UPDATE … RETURNING) INSERT … SELECT
/// FROM moved</c>) in its own implicit transaction, so the lot's row lock is held for one statement, not for
/// three round trips; the UPDATE re-checks its WHERE on the committed row under READ COMMITTED. SQLite: the
/// same update and insert in one explicit transaction (one writer at a time).
/// </summary>
public sealed class PlaceBidHandler(KechuangDb db, IBidBroadcaster broadcaster, ILogger<PlaceBidHandler> logger)
{
    private const int MaxAttempts = 10_000;

    private sealed record AuctionTerms(Guid Id, DateTime StartsAt, int SoftCloseSeconds, bool DepositRequired);

    private sealed record BidContext(Lot Lot, AuctionTerms Auction, Bidder? Bidder, Bid? Original);

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

        // One round trip reads the lot, its session's terms, the caller's registration and a bid already
        // accepted under this key.
        var organizationId = db.User.OrganizationId;
        var context = await (
                from l in db.Set<Lot>().AsNoTracking()
                join a in db.Set<Auction>().AsNoTracking() on l.AuctionId equals a.Id
                join b in db.Set<Bidder>().AsNoTracking().Where(b => b.OrganizationId == organizationId) on l.AuctionId equals b.AuctionId into registered
                from b in registered.DefaultIfEmpty()
                join o in db.Set<Bid>().AsNoTracking().Where(o => o.IdempotencyKey == key) on b.OrganizationId equals o.BidderOrganizationId into earlier
                from o in earlier.DefaultIfEmpty()
                where l.Id == lotId
                select new BidContext(l, new AuctionTerms(a.Id, a.StartsAt, a.SoftCloseSeconds, a.DepositRequired), b, o))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("标的不存在");
        var (lot, auction, bidder, original) = context;
        if (bidder is null || !bidder.MayBid(auction.DepositRequired))
        {
            throw new RuleException(MarketRules.NotRegistered, bidder is null ? "贵单位未登记为本场竞买人" : "贵单位的保证金尚未确认，暂不能出价");
        }
        if (original is not null)
        {
            return Original(original, lotId);
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = db.UtcNow;
            var decision = MarketRules.Decide(State(lot), auction.StartsAt, auction.SoftCloseSeconds, amountFen, now);
            var bid = new Bid(lotId, decision.Seq, decision.PriceFen, bidder, db.User.UserName, key, now, decision.EndsAt);
            bool committed;
            try
            {
                committed = await CommitAsync(bid, lot.Seq, cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && !cancellationToken.IsCancellationRequested)
            {
                // The same key arrived twice at once: the unique index kept one; answer with it.
                db.ChangeTracker.Clear();
                if (await OriginalAsync(bidder, key, lotId, cancellationToken) is { } first)
                {
                    return first;
                }
                throw;
            }
            if (committed)
            {
                var accepted = new BidAccepted(bid.Id, bid.Seq, Money.ToYuan(bid.AmountFen), bid.EndsAtAfter);
                broadcaster.Accepted(new BidEvent(lotId, bid.Seq, accepted.Price, MarketRules.MaskNumber(bidder.Number), bid.EndsAtAfter, db.UtcNow));
                return accepted;
            }
            // Another bid (or the close) changed the lot since it was read: decide again on the new state.
            lot = await db.Set<Lot>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId, cancellationToken) ?? throw new NotFoundException("标的不存在");
            if (attempt % 100 == 0)
            {
                logger.LogWarning("Bid on lot {LotId} lost {Attempts} races", lotId, attempt);
            }
        }
        throw new RuleException("auction.busy", "出价人数过多，请稍后重试");
    }

    /// <summary>Moves the lot from <paramref name="expectedSeq"/> to the bid and stores the bid, or neither; false when the lot had moved on.</summary>
    private async Task<bool> CommitAsync(Bid bid, int expectedSeq, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH moved AS (
                    UPDATE market_lot SET current_price_fen = {bid.AmountFen}, seq = {bid.Seq}, ends_at = {bid.EndsAtAfter},
                        leader_bidder_id = {bid.BidderId}, leader_number = {bid.BidderNumber}
                    WHERE id = {bid.LotId} AND seq = {expectedSeq} AND status = 'Open'
                    RETURNING id)
                INSERT INTO market_bid (id, lot_id, seq, amount_fen, bidder_id, bidder_organization_id, bidder_number, account, idempotency_key, received_at, ends_at_after)
                SELECT {bid.Id}, moved.id, {bid.Seq}, {bid.AmountFen}, {bid.BidderId}, {bid.BidderOrganizationId}, {bid.BidderNumber}, {bid.Account},
                    {bid.IdempotencyKey}, {bid.ReceivedAt}, {bid.EndsAtAfter}
                FROM moved
                """, cancellationToken);
            return inserted == 1;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Set<Lot>()
            .Where(l => l.Id == bid.LotId && l.Seq == expectedSeq && l.Status == LotStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.CurrentPriceFen, bid.AmountFen)
                .SetProperty(l => l.Seq, bid.Seq)
                .SetProperty(l => l.EndsAt, bid.EndsAtAfter)
                .SetProperty(l => l.LeaderBidderId, bid.BidderId)
                .SetProperty(l => l.LeaderNumber, bid.BidderNumber), cancellationToken);
        if (changed != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        db.Add(bid);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return true;
    }

    private static LotState State(Lot lot) => new(lot.Status, lot.StartingPriceFen, lot.IncrementFen, lot.CurrentPriceFen, lot.Seq, lot.EndsAt);

    /// <summary>A repeated idempotency key answers with the bid it was first accepted as.</summary>
    private async Task<BidAccepted?> OriginalAsync(Bidder bidder, string key, Guid lotId, CancellationToken cancellationToken)
    {
        var original = await db.Set<Bid>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.BidderOrganizationId == bidder.OrganizationId && b.IdempotencyKey == key, cancellationToken);
        return original is null ? null : Original(original, lotId);
    }

    private static BidAccepted Original(Bid original, Guid lotId) =>
        original.LotId != lotId
            ? throw InputException.For("idempotencyKey", "该幂等键已用于另一标的的出价")
            : new BidAccepted(original.Id, original.Seq, Money.ToYuan(original.AmountFen), original.EndsAtAfter);
}
