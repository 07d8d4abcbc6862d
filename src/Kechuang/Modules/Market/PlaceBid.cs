using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Operations;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record PlaceBidRequest(decimal? Amount, string? IdempotencyKey);

public sealed record BidAccepted(Guid BidId, int Seq, decimal Price, DateTime EndsAt);

/// <summary>A bid's answer: accepted, or refused by a bidding rule (409).</summary>
public readonly record struct BidOutcome(BidAccepted? Accepted, RuleException? Refused);

/// <summary>
/// 出价. The decision is made in the database and a bid is answered (and broadcast) only after it has
/// committed. PostgreSQL: the bid joins its lot's next call of the function <c>market_place_bids</c>
/// (<see cref="BidBatches"/>, docs/adr/011-bids-decided-in-batches.md, after ADR 010), which decides by
/// <see cref="MarketRules"/>' rules, written into SQL from their expressions (<see cref="MarketRulesSql"/>,
/// docs/adr/014-bid-rules-stated-once.md), on the lot's latest committed row, under its row lock when a bid
/// may pass, and inserts accepted bids in the same transaction; a refused bid comes back with the lot as it
/// stood and <see cref="MarketRules.Refusal(LotState, DateTime, long, DateTime)"/> names the rule it broke. SQLite (one writer at a time): the lot is read,
/// decided in C#, and moved by an update conditional on the <see cref="Lot.Seq"/> it was decided from,
/// atomically with the bid's insert; a request that loses the race re-reads the lot and decides again.
/// </summary>
public sealed class PlaceBidHandler(
    IServiceProvider services, CurrentUser user, TimeProvider clock, IBidBroadcaster broadcaster, ILogger<PlaceBidHandler> logger,
    BidBatches batches)
{
    private const int MaxAttempts = 10_000;

    private sealed record AuctionTerms(Guid Id, DateTime StartsAt, int SoftCloseSeconds, bool DepositRequired);

    private sealed record BidContext(Lot Lot, AuctionTerms Auction, Bidder? Bidder, Bid? Original);

    public async Task<BidAccepted> HandleAsync(Guid lotId, PlaceBidRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = await PlaceAsync(lotId, request, cancellationToken);
        return outcome.Accepted ?? throw outcome.Refused!;
    }

    /// <summary>As <see cref="HandleAsync"/>, but a refusal by the bidding rules is returned rather than thrown.</summary>
    public async Task<BidOutcome> PlaceAsync(Guid lotId, PlaceBidRequest request, CancellationToken cancellationToken = default)
    {
        BidOutcome outcome;
        try
        {
            outcome = await DecideAsync(lotId, request, cancellationToken);
        }
        catch (RuleException)
        {
            KechuangMetrics.BidDecided("refused");
            throw;
        }
        KechuangMetrics.BidDecided(outcome.Accepted is null ? "refused" : "accepted");
        return outcome;
    }

    private async Task<BidOutcome> DecideAsync(Guid lotId, PlaceBidRequest request, CancellationToken cancellationToken)
    {
        user.Demand(MarketPermissions.PlaceBid);
        var errors = new FieldErrors();
        if (request.Amount is not { } amount || amount <= 0 || !Money.HasAtMostTwoDecimals(amount) || amount > 100_000_000_000m)
        {
            errors.Add("amount", "出价须为正数（元），最多两位小数");
            amount = 0;
        }
        var key = errors.Text("idempotencyKey", "幂等键", request.IdempotencyKey, 100);
        errors.ThrowIfAny();
        var amountFen = Money.ToFen(amount);

        if (batches.OnPostgres)
        {
            // Once queued, a bid is decided whether or not its caller still waits: no cancellation past this point.
            return await DecideInDatabaseAsync(lotId, amountFen, key);
        }
        // Resolved here, not injected: the PostgreSQL path needs no DbContext, and resolving the scoped factory
        // builds EF's options for every request.
        await using var db = services.GetRequiredService<IDbContextFactory<KechuangDb>>().CreateDbContext();
        return new BidOutcome(await DecideInProcessAsync(db, lotId, amountFen, key, cancellationToken), null);
    }

    private async Task<BidOutcome> DecideInDatabaseAsync(Guid lotId, long amountFen, string key)
    {
        // A bidder account always belongs to an organisation; others fail the registration check.
        var organizationId = user.OrganizationId ?? Guid.Empty;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var row = await batches.PlaceAsync(lotId, new PendingBid(organizationId, key, amountFen, now, Guid.CreateVersion7(), user.UserName));
            switch (row.Outcome)
            {
                case "accepted":
                    var accepted = new BidAccepted(row.BidId, row.Seq, Money.ToYuan(row.AmountFen), row.EndsAt);
                    broadcaster.Accepted(new BidEvent(lotId, row.Seq, accepted.Price, MarketRules.MaskNumber(row.Number), row.EndsAt, clock.GetUtcNow().UtcDateTime));
                    return new BidOutcome(accepted, null);
                case "original":
                    return new BidOutcome(Original(row.BidId, row.LotId, row.Seq, row.AmountFen, row.EndsAt, lotId), null);
                case "not-found":
                    throw new NotFoundException("标的不存在");
                case not "refused":
                    // A bidder rule, named by market_bidder_refusal.
                    return new BidOutcome(null, MarketRules.Refused(row.Outcome, row.Lot));
            }
            // Refused: name the rule against the lot as it stood. Should the lot have moved again so that the
            // bid now passes (an earlier-received bid extending the end), the database decides once more.
            if (MarketRules.Refusal(row.Lot, row.StartsAt, amountFen, now) is { } refusal)
            {
                return new BidOutcome(null, refusal);
            }
            if (attempt % 100 == 0)
            {
                logger.LogWarning("Bid on lot {LotId} refused {Attempts} times by the database but allowed by the rules", lotId, attempt);
            }
        }
        throw new RuleException("auction.busy", "出价人数过多，请稍后重试");
    }

    private async Task<BidAccepted> DecideInProcessAsync(KechuangDb db, Guid lotId, long amountFen, string key, CancellationToken cancellationToken)
    {
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
        var refusal = MarketRules.Refusal(new BidderFacts(bidder is not null, auction.DepositRequired, bidder?.DepositPaid == true));
        if (refusal is not null || bidder is null)
        {
            throw refusal ?? MarketRules.Refused("not-registered", State(lot));
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
                committed = await CommitAsync(db, bid, lot.Seq, cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && !cancellationToken.IsCancellationRequested)
            {
                // The same key arrived twice at once: the unique index kept one; answer with it.
                db.ChangeTracker.Clear();
                if (await OriginalAsync(db, bidder, key, lotId, cancellationToken) is { } first)
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
            // Another bid (or the close) changed the lot since it was read: decide again on the new state, unless
            // that bid was this one's key sent again (a client retrying at once), whose answer is then this one's.
            if (await OriginalAsync(db, bidder, key, lotId, cancellationToken) is { } repeated)
            {
                return repeated;
            }
            lot = await db.Set<Lot>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId, cancellationToken) ?? throw new NotFoundException("标的不存在");
            if (attempt % 100 == 0)
            {
                logger.LogWarning("Bid on lot {LotId} lost {Attempts} races", lotId, attempt);
            }
        }
        throw new RuleException("auction.busy", "出价人数过多，请稍后重试");
    }

    /// <summary>SQLite: moves the lot from <paramref name="expectedSeq"/> to the bid and stores the bid, or neither; false when the lot had moved on.</summary>
    private static async Task<bool> CommitAsync(KechuangDb db, Bid bid, int expectedSeq, CancellationToken cancellationToken)
    {
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
    private static async Task<BidAccepted?> OriginalAsync(KechuangDb db, Bidder bidder, string key, Guid lotId, CancellationToken cancellationToken)
    {
        var original = await db.Set<Bid>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.BidderOrganizationId == bidder.OrganizationId && b.IdempotencyKey == key, cancellationToken);
        return original is null ? null : Original(original, lotId);
    }

    private static BidAccepted Original(Bid original, Guid lotId) =>
        Original(original.Id, original.LotId, original.Seq, original.AmountFen, original.EndsAtAfter, lotId);

    private static BidAccepted Original(Guid bidId, Guid bidLotId, int seq, long amountFen, DateTime endsAtAfter, Guid lotId) =>
        bidLotId != lotId
            ? throw InputException.For("idempotencyKey", "该幂等键已用于另一标的的出价")
            : new BidAccepted(bidId, seq, Money.ToYuan(amountFen), endsAtAfter);
}

/// <summary>One answer of <c>market_place_bids</c>, for one bid of the batch.</summary>
internal readonly record struct PlaceBidRow(string Outcome, Guid BidId, Guid LotId, int Seq, long AmountFen, DateTime EndsAt, string Number,
    LotState Lot, DateTime StartsAt, int SoftCloseSeconds)
{
    public static PlaceBidRow Read(System.Data.Common.DbDataReader r) => new(
        r.GetString(0),
        r.IsDBNull(1) ? Guid.Empty : r.GetGuid(1),
        r.IsDBNull(2) ? Guid.Empty : r.GetGuid(2),
        r.IsDBNull(3) ? 0 : r.GetInt32(3),
        r.IsDBNull(4) ? 0 : r.GetInt64(4),
        r.IsDBNull(5) ? default : r.GetDateTime(5),
        r.IsDBNull(6) ? "" : r.GetString(6),
        r.IsDBNull(7)
            ? default
            : new LotState(Enum.Parse<LotStatus>(r.GetString(7)), r.GetInt64(10), r.GetInt64(11), r.GetInt64(9), r.GetInt32(8), r.GetDateTime(12)),
        r.IsDBNull(13) ? default : r.GetDateTime(13),
        r.IsDBNull(14) ? 0 : r.GetInt32(14));
}
