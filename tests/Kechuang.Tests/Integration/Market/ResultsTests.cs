using System.Net;
using Kechuang.Modules.Contracts.Public;
using Kechuang.Platform.Indicators;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

public abstract class ResultsTests(KechuangApp app)
{
    [Fact]
    public async Task DemoAuction_Results_ShowTheLettersFigures()
    {
        var auctions = await (await app.CreateClient().GetAsync("/api/v1/auctions?year=2022&regionCode=330723")).ReadJsonAsync();
        var auctionId = auctions.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "武义县首场科技成果竞价拍卖会").GetProperty("id").GetGuid();

        var results = await (await app.CreateClient().GetAsync($"/api/v1/auctions/{auctionId}/results")).ReadJsonAsync();

        Assert.Equal(12, results.GetProperty("lots").GetArrayLength());
        Assert.Equal(6, results.GetProperty("institutionCount").GetInt32());
        Assert.Equal(9, results.GetProperty("soldCount").GetInt32());
        Assert.Equal(19_812_000.00m, results.GetProperty("totalHammer").GetDecimal());
        Assert.Equal(0.1606m, results.GetProperty("premiumRate").GetDecimal());
        Assert.Equal("1981.2万元", results.GetProperty("totalHammerText").GetString());
        Assert.Equal("16.06%", results.GetProperty("premiumRateText").GetString());
        Assert.Equal(3, results.GetProperty("lots").EnumerateArray().Count(l => l.GetProperty("status").GetString() == "unsold"));
        var sold = results.GetProperty("lots").EnumerateArray().Where(l => l.GetProperty("status").GetString() == "sold").ToList();
        Assert.All(sold, l => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, l.GetProperty("winnerOrganizationId").ValueKind));
        Assert.Equal(17_070_000m, sold.Sum(l => l.GetProperty("startingPrice").GetDecimal()));
    }

    [Fact]
    public async Task HomeFigure_CountsTheSessionsOfTheIndicatorsYear_AndTheCalendarRefusesAYearOutOfRange()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var hammer = app.Services.GetServices<IIndicator>().Single(i => i.Code == "market.hammer-total");

        var dashboard = await (await staff.GetAsync("/api/v1/dashboard?year=2022")).ReadJsonAsync();
        var figure = dashboard.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("title").GetString() == "拍卖成交额");
        var city = await app.WithDbAsync(db => hammer.ComputeAsync(db, "330700", Period.Year(2022), CancellationToken.None));
        var badYear = await app.CreateClient().GetAsync("/api/v1/auctions?year=1");

        Assert.Equal(1981.2, figure.GetProperty("value").GetDouble());
        Assert.Equal((double)(city / 10_000m), figure.GetProperty("value").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
    }

    [Fact]
    public async Task DemoAuction_Indicators_Are12Lots6Institutions9Sold1981Point2WanAnd16Point06Percent()
    {
        var indicators = app.Services.GetServices<IIndicator>().Where(i => i.Module == "market").ToDictionary(i => i.Code);

        var values = await app.WithDbAsync(async db =>
        {
            var result = new Dictionary<string, decimal>();
            foreach (var (code, indicator) in indicators)
            {
                result[code] = await indicator.ComputeAsync(db, "330723", Period.Year(2022), CancellationToken.None);
            }
            return result;
        });
        var city = await app.WithDbAsync(db => indicators["market.sold-lots"].ComputeAsync(db, "330700", Period.Year(2022), CancellationToken.None));
        var otherCounty = await app.WithDbAsync(db => indicators["market.sold-lots"].ComputeAsync(db, "330727", Period.Year(2022), CancellationToken.None));

        Assert.Equal(12m, values["market.auction-lots"]);
        Assert.Equal(6m, values["market.auction-institutions"]);
        Assert.Equal(9m, values["market.sold-lots"]);
        Assert.Equal(19_812_000m, values["market.hammer-total"]);
        Assert.Equal("1981.2万元", Kechuang.Platform.Data.Money.Format(Kechuang.Platform.Data.Money.ToFen(values["market.hammer-total"])));
        Assert.Equal(16.06m, decimal.Round(values["market.premium-rate"], 2));
        Assert.Equal(9m, city);
        Assert.Equal(0m, otherCounty);
    }

    [Fact]
    public async Task Close_AfterTheEnd_SellsToTheHighestBidderAboveTheReserve_AndReportsThePremium()
    {
        var sold = await SessionAsync(app, bidders: 2, reservePrice: 1_010_000m, softCloseSeconds: 0);
        var unsold = await SessionAsync(app, bidders: 1, reservePrice: 1_010_000m, softCloseSeconds: 0);
        AdvanceTo(app, sold.StartsAt);
        await sold.Bidders[0].PostJsonAsync($"/api/v1/lots/{sold.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "1" });
        await sold.Bidders[1].PostJsonAsync($"/api/v1/lots/{sold.LotId}/bids", new { amount = 1_010_000m, idempotencyKey = "2" });
        await unsold.Bidders[0].PostJsonAsync($"/api/v1/lots/{unsold.LotId}/bids", new { amount = 1_009_999.99m, idempotencyKey = "3" });
        await unsold.Bidders[0].PostJsonAsync($"/api/v1/lots/{unsold.LotId}/bids", new { amount = 1_009_999m, idempotencyKey = "4" });
        var staff = await app.ClientAsync("wuyi.staff");
        var early = await staff.PostAsync($"/api/v1/auctions/{sold.AuctionId}/publish-results", null);
        AdvanceTo(app, sold.EndsAt);

        var publish = await staff.PostAsync($"/api/v1/auctions/{sold.AuctionId}/publish-results", null);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/auctions/{unsold.AuctionId}/publish-results", null)).StatusCode);

        await BiddingTests.AssertCodeAsync(early, "auction.not-ended");
        Assert.Equal(HttpStatusCode.NoContent, publish.StatusCode);
        var results = await (await app.CreateClient().GetAsync($"/api/v1/auctions/{sold.AuctionId}/results")).ReadJsonAsync();
        var lot = results.GetProperty("lots")[0];
        Assert.Equal("sold", lot.GetProperty("status").GetString());
        Assert.Equal(1_010_000m, lot.GetProperty("hammerPrice").GetDecimal());
        Assert.Equal(sold.BidderOrganizations[1], lot.GetProperty("winnerOrganizationId").GetGuid());
        Assert.Equal(0.01m, results.GetProperty("premiumRate").GetDecimal());
        var other = (await (await app.CreateClient().GetAsync($"/api/v1/auctions/{unsold.AuctionId}/results")).ReadJsonAsync()).GetProperty("lots")[0];
        Assert.Equal("unsold", other.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, other.GetProperty("hammerPrice").ValueKind);
        Assert.Equal("sold", (await LotAsync(staff, sold.LotId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Results_BeforePublishing_AreNotPublic()
    {
        var session = await SessionAsync(app, bidders: 0);

        var anonymous = await app.CreateClient().GetAsync($"/api/v1/auctions/{session.AuctionId}/results");
        var staff = await (await app.ClientAsync("wuyi.staff")).GetAsync($"/api/v1/auctions/{session.AuctionId}/results");

        await BiddingTests.AssertCodeAsync(anonymous, "auction.results-not-published");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    /// <summary>
    /// With the contracts module present (after merge), a sale becomes a draft contract seller = institution,
    /// buyer = winner, amount = hammer; without it the sale is shown as pending.
    /// </summary>
    [Fact]
    public async Task Close_SoldLot_CreatesADraftContractWhenTheContractsModuleIsPresent()
    {
        var session = await SessionAsync(app, bidders: 1, softCloseSeconds: 0);
        AdvanceTo(app, session.StartsAt);
        await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_230_000m, idempotencyKey = "c" });
        AdvanceTo(app, session.EndsAt);
        var staff = await app.ClientAsync("wuyi.staff");

        var close = await staff.PostAsync($"/api/v1/auctions/{session.AuctionId}/close", null);

        Assert.True(close.IsSuccessStatusCode, await close.Content.ReadAsStringAsync());
        var lot = (await (await staff.GetAsync($"/api/v1/auctions/{session.AuctionId}/results")).ReadJsonAsync()).GetProperty("lots")[0];
        Assert.True(lot.GetProperty("contractId").ValueKind != System.Text.Json.JsonValueKind.Null, lot.ToString());
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope("test");
        var contracts = scope.ServiceProvider.GetService<ITechContracts>();
        if (contracts is null)
        {
            Assert.Equal("pending", lot.GetProperty("contractStatus").GetString());
            return;
        }
        var contractId = lot.GetProperty("contractId").GetGuid();
        Assert.Equal("draft", lot.GetProperty("contractStatus").GetString());
        var states = await app.WithDbAsync(_ => contracts.StatesAsync([contractId]));
        Assert.Equal("draft", states[contractId].Status);
    }

    /// <summary>The draft contract made from a sale: institution sells, winner buys, hammer price is the amount.</summary>
    [Fact]
    public async Task Close_SoldLot_DraftContractHasSellerBuyerAndHammerPrice()
    {
        var session = await SessionAsync(app, bidders: 1, softCloseSeconds: 0);
        AdvanceTo(app, session.StartsAt);
        await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_240_000m, idempotencyKey = "f" });
        AdvanceTo(app, session.EndsAt);
        var staff = await app.ClientAsync("wuyi.staff");

        var close = await staff.PostAsync($"/api/v1/auctions/{session.AuctionId}/close", null);

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var lot = (await (await staff.GetAsync($"/api/v1/auctions/{session.AuctionId}/results")).ReadJsonAsync()).GetProperty("lots")[0];
        var contractId = lot.GetProperty("contractId").GetGuid();
        var contract = await app.WithDbAsync(db => db.Set<Kechuang.Modules.Contracts.TechContract>().SingleAsync(c => c.Id == contractId));
        Assert.Equal(session.BidderOrganizations[0], contract.BuyerId);
        Assert.Equal(await InstitutionAsync(staff, "浙江工业大学"), contract.SellerId);
        Assert.Equal(124_000_000L, contract.AmountFen);
        Assert.Equal(Kechuang.Modules.Contracts.ContractType.Transfer, contract.Type);
        Assert.Equal(Kechuang.Modules.Contracts.ContractStatus.Draft, contract.Status);
        Assert.Contains("第1号标的", contract.Source, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two closers (the sweep on one node, a staff member's close on another) retry the same pending sale at once:
    /// the contracts module is asked once, and the lot is linked to that one contract.
    /// </summary>
    [Fact]
    public async Task PendingContracts_RetriedByTwoNodesAtOnce_CreateOneContract()
    {
        var slow = new SlowContracts();
        using var node = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Market:SweepSeconds", "0");
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<ITechContracts>();
                s.AddSingleton<ITechContracts>(slow);
            });
        });
        var session = await SoldWithoutContractAsync(1_250_000m);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(n => Task.Run(() => PendingContractsAsync(node, session.AuctionId, $"test-closer-{n}"))));

        Assert.Equal(1, slow.Calls);
        var lot = await app.WithDbAsync(db => db.Set<Kechuang.Modules.Market.Lot>().AsNoTracking().SingleAsync(l => l.Id == session.LotId));
        Assert.Equal(Kechuang.Modules.Market.LotStatus.Sold, lot.Status);
        Assert.Equal(slow.Created.Single(), lot.ContractId);
        Assert.Null(lot.ContractClaim);
        Assert.Equal(125_000_000L, slow.Drafts.Single().Amount * 100);
    }

    /// <summary>A claim whose node died (older than the lease) is taken over; a fresh one is left alone.</summary>
    [Fact]
    public async Task PendingContracts_ClaimOfADeadNode_IsTakenOverAfterTheLease()
    {
        var slow = new SlowContracts();
        using var node = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Market:SweepSeconds", "0");
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<ITechContracts>();
                s.AddSingleton<ITechContracts>(slow);
            });
        });
        var session = await SoldWithoutContractAsync(1_260_000m);
        var now = Now(app);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE market_lot SET contract_claim = {0}, contract_claimed_at = {1} WHERE id = {2}", Guid.NewGuid(), now.AddMinutes(-4), session.LotId));

        await PendingContractsAsync(node, session.AuctionId, "test-closer-fresh");
        var whileFresh = slow.Calls;
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE market_lot SET contract_claimed_at = {0} WHERE id = {1}", now - Kechuang.Modules.Market.LotCloser.ContractClaimLease - TimeSpan.FromSeconds(1), session.LotId));
        await PendingContractsAsync(node, session.AuctionId, "test-closer-late");

        Assert.Equal(0, whileFresh); // a claim of 4 minutes ago may still be at work
        Assert.Equal(1, slow.Calls);
        var lot = await app.WithDbAsync(db => db.Set<Kechuang.Modules.Market.Lot>().AsNoTracking().SingleAsync(l => l.Id == session.LotId));
        Assert.Equal(slow.Created.Single(), lot.ContractId);
        Assert.Null(lot.ContractClaim);
    }

    /// <summary>
    /// The node that created a sale's contract died before linking it: the node taking the claim over gets the same
    /// contract back from the contracts module (one source key per lot) and links it; no second draft.
    /// </summary>
    [Fact]
    public async Task PendingContracts_NodeDiedAfterCreatingTheContract_TakeoverLinksThatContract()
    {
        using var node = app.WithWebHostBuilder(b => b.UseSetting("Market:SweepSeconds", "0"));
        var session = await SoldWithoutContractAsync(1_270_000m);
        var seller = await app.WithDbAsync(db => (from l in db.Set<Kechuang.Modules.Market.Lot>()
                                                  join a in db.Set<Kechuang.Modules.Market.Achievement>() on l.AchievementId equals a.Id
                                                  where l.Id == session.LotId
                                                  select a.OwnerOrganizationId).SingleAsync());
        Guid orphan;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope("test-dead-node");
            orphan = await scope.ServiceProvider.GetRequiredService<ITechContracts>().CreateDraftAsync(new DraftContract(
                "压测成果", "transfer", seller, session.BidderOrganizations[0], DateOnly.FromDateTime(Now(app)), 12_700m, "拍卖会：测试 第1号标的",
                $"market-lot:{session.LotId}"));
        }
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE market_lot SET contract_claim = {0}, contract_claimed_at = {1} WHERE id = {2}",
            Guid.NewGuid(), Now(app) - Kechuang.Modules.Market.LotCloser.ContractClaimLease - TimeSpan.FromSeconds(1), session.LotId));

        await PendingContractsAsync(node, session.AuctionId, "test-closer-takeover");

        var lot = await app.WithDbAsync(db => db.Set<Kechuang.Modules.Market.Lot>().AsNoTracking().SingleAsync(l => l.Id == session.LotId));
        Assert.Equal(orphan, lot.ContractId);
        Assert.Null(lot.ContractClaim);
        var drafts = await app.WithDbAsync(db => db.Set<Kechuang.Modules.Contracts.TechContract>().IgnoreQueryFilters()
            .CountAsync(c => c.SourceKey == $"market-lot:{session.LotId}" || (c.BuyerId == session.BidderOrganizations[0] && c.SellerId == seller)));
        Assert.Equal(1, drafts);
    }

    /// <summary>
    /// A lot recorded as sold whose contract is still pending. Set directly, without advancing the shared clock past
    /// its end, so the fixture's own sweep (which would create the contract through the real module) stays asleep.
    /// </summary>
    private async Task<Session> SoldWithoutContractAsync(decimal amount)
    {
        var session = await SessionAsync(app, bidders: 1, softCloseSeconds: 0);
        AdvanceTo(app, session.StartsAt);
        var bid = await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount, idempotencyKey = "sold" });
        Assert.Equal(HttpStatusCode.OK, bid.StatusCode);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE market_lot SET status = 'Sold', hammer_price_fen = current_price_fen, winner_organization_id = {0}, closed_at = {1} WHERE id = {2}",
            session.BidderOrganizations[0], Now(app), session.LotId));
        return session;
    }

    private static async Task PendingContractsAsync(WebApplicationFactory<Program> node, Guid auctionId, string who)
    {
        await using var scope = node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope(who);
        await scope.ServiceProvider.GetRequiredService<Kechuang.Modules.Market.LotCloser>().CreatePendingContractsAsync(auctionId);
    }

    /// <summary>A contracts module that takes its time (so concurrent retries overlap) and counts the drafts it is asked for.</summary>
    private sealed class SlowContracts : ITechContracts
    {
        private int _calls;

        public int Calls => _calls;

        public System.Collections.Concurrent.ConcurrentBag<Guid> Created { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<DraftContract> Drafts { get; } = [];

        public async Task<Guid> CreateDraftAsync(DraftContract draft, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(300, cancellationToken);
            var id = Guid.CreateVersion7();
            Created.Add(id);
            Drafts.Add(draft);
            return id;
        }

        public Task<IReadOnlyDictionary<Guid, ContractState>> StatesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<Guid, ContractState>>(new Dictionary<Guid, ContractState>());

        public Task<IReadOnlyList<ContractChoice>> SearchRegisteredAsync(string? text, IReadOnlyCollection<Guid> parties, int take = 20, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ContractChoice>>([]);

        public Task<IReadOnlyDictionary<Guid, ContractChoice>> ChoicesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<Guid, ContractChoice>>(new Dictionary<Guid, ContractChoice>());
    }

    public sealed class OnSqlite(SqliteApp app) : ResultsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ResultsTests(app), IClassFixture<PostgresApp>;
}
