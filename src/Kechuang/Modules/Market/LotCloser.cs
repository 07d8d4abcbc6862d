using Kechuang.Modules.Contracts.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>
/// 落槌: records the outcome of every open lot whose end has passed (sold to the leader at the hammer
/// price when at or above the reserve, otherwise 流拍) and turns each sale into a draft technology
/// contract. Safe to run on several nodes at once: the lot's <c>seq</c> and <c>status</c> are concurrency
/// tokens, so a lot is closed once and a bid that raced the close either came first or is refused.
/// </summary>
public sealed class LotCloser(KechuangDb db, MarketContracts contracts, ILogger<LotCloser> logger)
{
    public async Task<int> CloseDueAsync(Guid? auctionId, CancellationToken cancellationToken = default)
    {
        var now = db.UtcNow;
        var query = db.Set<Lot>().Where(l => l.Status == LotStatus.Open && l.EndsAt <= now);
        if (auctionId is { } id)
        {
            query = query.Where(l => l.AuctionId == id);
        }
        // Read untracked and attached one at a time: the tracker is cleared after each lot, and a lot closed while
        // detached would save nothing but its achievement.
        var due = await query.AsNoTracking().OrderBy(l => l.EndsAt).Take(500).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var lot in due)
        {
            db.Attach(lot);
            var outcome = MarketRules.Outcome(lot.Seq, lot.CurrentPriceFen, lot.ReservePriceFen);
            var winner = lot.LeaderBidderId is { } leader
                ? await db.Set<Bidder>().Where(b => b.Id == leader).Select(b => (Guid?)b.OrganizationId).FirstOrDefaultAsync(cancellationToken)
                : null;
            lot.Close(outcome, winner, now);
            var achievement = await db.Set<Achievement>().FirstAsync(a => a.Id == lot.AchievementId, cancellationToken);
            if (outcome.Status == LotStatus.Sold)
            {
                achievement.MarkSold();
            }
            else
            {
                achievement.ReturnToListing();
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A last-moment bid or another node's closer got there first; the next pass sees the new state.
                logger.LogInformation("Lot {LotId} changed while closing; left for the next pass", lot.Id);
            }
            db.ChangeTracker.Clear();
        }
        await CreatePendingContractsAsync(auctionId, cancellationToken);
        return closed;
    }

    /// <summary>How long a node's claim on a pending sale stands before another node may take it over.</summary>
    public static readonly TimeSpan ContractClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Creates the draft contract of every sold lot that has none yet (none while the contracts module is absent).
    /// Several nodes run this at once (the sweep, a staff member closing or publishing): each lot is first claimed
    /// with a saved, conditional change of <see cref="Lot.ContractClaim"/>, and only the node whose claim was saved
    /// creates the contract and links it (again conditional on its claim), so a sale becomes one contract.
    /// </summary>
    public async Task<int> CreatePendingContractsAsync(Guid? auctionId, CancellationToken cancellationToken = default)
    {
        var query = from l in db.Set<Lot>()
                    join a in db.Set<Achievement>() on l.AchievementId equals a.Id
                    join s in db.Set<Auction>() on l.AuctionId equals s.Id
                    where l.Status == LotStatus.Sold && l.ContractId == null
                    select new { Lot = l, a.Title, a.OwnerOrganizationId, Auction = s.Title, s.Id };
        if (auctionId is { } id)
        {
            query = query.Where(x => x.Id == id);
        }
        // Oldest sale first, so a backlog above one pass's 500 lots is worked off in a stable order.
        var pending = await query.OrderBy(x => x.Lot.ClosedAt).ThenBy(x => x.Lot.Id).Take(500).ToListAsync(cancellationToken);
        var created = 0;
        var elsewhere = new List<Guid>();
        foreach (var x in pending)
        {
            var lot = x.Lot;
            if (!lot.TryClaimContract(db.UtcNow, ContractClaimLease) || !await SavedAsync(lot, cancellationToken))
            {
                elsewhere.Add(lot.Id); // another node holds (or just took) the claim
                continue;
            }
            var draft = new DraftContract(x.Title, lot.ContractType, x.OwnerOrganizationId, lot.WinnerOrganizationId!.Value,
                DateOnly.FromDateTime(MarketTime.ToChina(lot.ClosedAt ?? db.UtcNow)), Money.ToYuan(lot.HammerPriceFen!.Value),
                $"拍卖会：{x.Auction} 第{lot.Number}号标的", $"market-lot:{lot.Id}");
            Guid? contractId;
            try
            {
                contractId = await contracts.CreateDraftAsync(draft, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Draft contract for lot {LotId} could not be created; retried on the next pass", lot.Id);
                lot.ReleaseContractClaim();
                await SavedAsync(lot, cancellationToken);
                continue;
            }
            if (contractId is null)
            {
                lot.ReleaseContractClaim();
                await SavedAsync(lot, cancellationToken);
                return created; // no contracts module: every sale stays pending
            }
            lot.LinkContract(contractId.Value);
            if (await SavedAsync(lot, cancellationToken))
            {
                created++;
            }
            else
            {
                // This node stalled past the lease and another took the lot over; it links the same contract (one per source key).
                logger.LogWarning("Lot {LotId}: claim lost before contract {ContractId} was linked; the node that took it over links it", lot.Id, contractId);
            }
        }
        db.ChangeTracker.Clear();
        if (auctionId is not null && elsewhere.Count > 0)
        {
            // A staff member closing or publishing a session sees its contracts: wait briefly for the other node's link.
            for (var i = 0; i < 50 && await db.Set<Lot>().AnyAsync(l => elsewhere.Contains(l.Id) && l.ContractId == null && l.ContractClaim != null, cancellationToken); i++)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        return created;
    }

    /// <summary>Saves the lot's change; false (and the lot forgotten) when another node changed it first.</summary>
    private async Task<bool> SavedAsync(Lot lot, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(lot).State = EntityState.Detached;
            return false;
        }
    }
}

/// <summary>
/// Closes due lots every <c>Market:SweepSeconds</c> (default 5; 0 turns it off) on the injected clock,
/// with an explicit system scope (<c>system:market-sweep</c>) as background jobs must.
/// </summary>
internal sealed class LotCloseSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<LotCloseSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Market:SweepSeconds", 5);
        if (seconds <= 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("market-sweep");
                await scope.ServiceProvider.GetRequiredService<LotCloser>().CloseDueAsync(null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Closing due auction lots failed; retrying on the next pass");
            }
        }
    }
}
