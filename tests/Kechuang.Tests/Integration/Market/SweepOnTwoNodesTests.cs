using System.Net;
using Kechuang.Modules.Market;
using Kechuang.Platform.Access;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

/// <summary>
/// The closing sweep runs on every node (docs/adr/026-background-work-on-several-nodes.md): two application hosts on
/// one PostgreSQL database sweep the same due lots at the same moment, and each lot is closed once, audited once and
/// turned into one contract.
/// </summary>
public sealed class SweepOnTwoNodesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Sweep_OnTwoNodesAtOnce_ClosesEachLotOnce_WithOneAuditEntryAndOneContract()
    {
        using var nodeA = Node();
        using var nodeB = Node();
        var sold = new List<Session>();
        for (var i = 0; i < 3; i++)
        {
            sold.Add(await SessionAsync(app, bidders: 1, softCloseSeconds: 0));
        }
        var unsold = await SessionAsync(app, bidders: 1, softCloseSeconds: 0);
        AdvanceTo(app, sold.Max(s => s.StartsAt).AddMinutes(1));
        foreach (var session in sold)
        {
            var bid = await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_500_000m, idempotencyKey = "sweep" });
            Assert.Equal(HttpStatusCode.OK, bid.StatusCode);
        }
        var lots = sold.Append(unsold).Select(s => s.LotId).ToList();
        // Due now without moving the shared clock, so the fixture's own sweep stays asleep: only the two nodes close them.
        var now = Now(app);
        await app.WithDbAsync(db => db.Set<Lot>().Where(l => lots.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.EndsAt, now.AddSeconds(-1))));

        var closed = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => SweepAsync(n % 2 == 0 ? nodeA : nodeB, $"market-sweep-{n}"))));

        var after = await app.WithDbAsync(db => db.Set<Lot>().AsNoTracking().Where(l => lots.Contains(l.Id)).ToListAsync());
        Assert.All(after.Where(l => l.Id != unsold.LotId), l => Assert.Equal(LotStatus.Sold, l.Status));
        Assert.Equal(LotStatus.Unsold, after.Single(l => l.Id == unsold.LotId).Status);
        Assert.All(after.Where(l => l.Id != unsold.LotId), l => Assert.NotNull(l.ContractId));
        // One sweep closed each lot; the others found it closed (or lost the conditional update) and left it.
        Assert.Equal(lots.Count, closed.Sum());
        foreach (var lotId in lots)
        {
            var key = lotId.ToString();
            var closings = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.Entity == "market_lot" && e.EntityKey == key && e.Action == "update")
                .Select(e => new { e.Before, e.After }).ToListAsync());
            Assert.Single(closings, c => c.Before!.Contains("\"ClosedAt\":null", StringComparison.Ordinal) && !c.After!.Contains("\"ClosedAt\":null", StringComparison.Ordinal));
        }
        foreach (var session in sold)
        {
            var source = $"market-lot:{session.LotId}";
            var contracts = await app.WithDbAsync(db => db.Set<Kechuang.Modules.Contracts.TechContract>().IgnoreQueryFilters().CountAsync(c => c.SourceKey == source));
            Assert.Equal(1, contracts);
        }
    }

    private WebApplicationFactory<Program> Node() => app.WithWebHostBuilder(b => b.UseSetting("Market:SweepSeconds", "0"));

    /// <summary>One pass of the sweep as <see cref="LotCloser"/>'s background job runs it, with its system scope.</summary>
    private static async Task<int> SweepAsync(WebApplicationFactory<Program> node, string who)
    {
        await using var scope = node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope(who);
        return await scope.ServiceProvider.GetRequiredService<LotCloser>().CloseDueAsync(null);
    }
}
