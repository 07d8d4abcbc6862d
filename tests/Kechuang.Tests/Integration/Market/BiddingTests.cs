using System.Collections.Concurrent;
using System.Net;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

public abstract class BiddingTests(KechuangApp app)
{
    [Fact]
    public async Task PlaceBid_ManyParallelBidders_KeepOneHistoryWithItsInvariants()
    {
        var session = await SessionAsync(app, bidders: 8, length: TimeSpan.FromHours(2));
        AdvanceTo(app, session.StartsAt.AddMinutes(1));
        var answers = new ConcurrentBag<(int Bidder, string Key, int Status, int Seq, decimal Price, string? Code)>();

        // Each bidder bids 12 times as fast as it can, at the minimum it last saw or a few increments above,
        // and repeats every third key at once (a client retrying a bid whose answer it lost).
        await Task.WhenAll(session.Bidders.Select((client, b) => Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                var lot = await LotAsync(client, session.LotId);
                var amount = lot.GetProperty("minimumBid").GetDecimal() + (10_000m * ((b + i) % 3));
                var key = $"k-{b}-{i}";
                var response = await client.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount, idempotencyKey = key });
                answers.Add(await AnswerAsync(b, key, response));
                if (i % 3 == 0)
                {
                    var repeat = await client.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount, idempotencyKey = key });
                    answers.Add(await AnswerAsync(b, key, repeat));
                }
            }
        })));

        var staff = await app.ClientAsync("wuyi.staff");
        var bids = await BidsAsync(staff, session.LotId);
        var lotState = await LotAsync(staff, session.LotId);
        Assert.NotEmpty(bids);
        Assert.Equal(Enumerable.Range(1, bids.Count), bids.Select(b => b.Seq));
        Assert.True(bids[0].Amount >= 1_000_000m);
        for (var i = 1; i < bids.Count; i++)
        {
            Assert.True(bids[i].Amount >= bids[i - 1].Amount + 10_000m, $"bid {bids[i].Seq} {bids[i].Amount} after {bids[i - 1].Amount}");
        }
        Assert.Equal(bids.Count, lotState.GetProperty("seq").GetInt32());
        Assert.Equal(bids.Max(b => b.Amount), lotState.GetProperty("currentPrice").GetDecimal());
        Assert.All(bids, b => Assert.Contains(b.Bidder!.Value, session.BidderOrganizations));
        // Every 200 answer is a committed bid, and a key accepted twice answers with the same bid both times.
        var accepted = answers.Where(a => a.Status == 200).ToList();
        Assert.Equal(bids.Count, accepted.Select(a => (a.Bidder, a.Key)).Distinct().Count());
        foreach (var group in accepted.GroupBy(a => (a.Bidder, a.Key)))
        {
            Assert.Single(group.Select(a => (a.Seq, a.Price)).Distinct());
            var bid = bids.Single(b => b.Seq == group.First().Seq);
            Assert.Equal(group.First().Price, bid.Amount);
            Assert.Equal(session.BidderOrganizations[group.Key.Bidder], bid.Bidder);
        }
        Assert.All(answers.Where(a => a.Status != 200), a => Assert.Equal((409, "auction.bid-too-low"), (a.Status, a.Code)));
        Assert.Contains(answers, a => a.Status == 409);
    }

    [Fact]
    public async Task PlaceBid_AtTheBoundaries_AcceptsExactlyTheMinimumAndNotOneFenLess()
    {
        var session = await SessionAsync(app, bidders: 2);
        var (first, second) = (session.Bidders[0], session.Bidders[1]);

        var early = await first.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "early" });
        AdvanceTo(app, session.StartsAt);
        var below = await first.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 999_999.99m, idempotencyKey = "below" });
        var exact = await first.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "exact" });
        var lowRaise = await second.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_009_999.99m, idempotencyKey = "low-raise" });
        var raise = await second.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_010_000m, idempotencyKey = "raise" });

        await AssertCodeAsync(early, "auction.not-started");
        await AssertCodeAsync(below, "auction.bid-too-low");
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        await AssertCodeAsync(lowRaise, "auction.bid-too-low");
        Assert.Equal(HttpStatusCode.OK, raise.StatusCode);
        var body = await raise.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("seq").GetInt32());
        Assert.Equal(1_010_000m, body.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task PlaceBid_AtOrAfterTheEnd_IsClosed()
    {
        var session = await SessionAsync(app, bidders: 1, softCloseSeconds: 0);
        AdvanceTo(app, session.EndsAt);

        var response = await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "late" });

        await AssertCodeAsync(response, "auction.closed");
        Assert.Empty(await BidsAsync(session.Bidders[0], session.LotId));
    }

    [Fact]
    public async Task PlaceBid_WithinSoftClose_MovesTheEndToReceiveTimePlusSoftClose()
    {
        var session = await SessionAsync(app, bidders: 2, softCloseSeconds: 300);
        var url = $"/api/v1/lots/{session.LotId}/bids";
        AdvanceTo(app, session.EndsAt.AddSeconds(-301));
        var outside = await (await session.Bidders[0].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "a" })).ReadJsonAsync();
        AdvanceTo(app, session.EndsAt.AddSeconds(-100));
        var inside = await (await session.Bidders[1].PostJsonAsync(url, new { amount = 1_010_000m, idempotencyKey = "b" })).ReadJsonAsync();
        var extendedEnd = session.EndsAt.AddSeconds(200);
        AdvanceTo(app, extendedEnd.AddSeconds(-1));
        var beforeNewEnd = await session.Bidders[0].PostJsonAsync(url, new { amount = 1_020_000m, idempotencyKey = "c" });
        var lastEnd = Now(app).AddSeconds(300);
        AdvanceTo(app, lastEnd);
        var atNewEnd = await session.Bidders[1].PostJsonAsync(url, new { amount = 1_030_000m, idempotencyKey = "d" });

        Assert.Equal(session.EndsAt, outside.GetProperty("endsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(extendedEnd, inside.GetProperty("endsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(HttpStatusCode.OK, beforeNewEnd.StatusCode);
        Assert.Equal(lastEnd, (await beforeNewEnd.ReadJsonAsync()).GetProperty("endsAt").GetDateTime().ToUniversalTime());
        await AssertCodeAsync(atNewEnd, "auction.closed");
        Assert.Equal(3, (await BidsAsync(session.Bidders[0], session.LotId)).Count);
    }

    [Fact]
    public async Task PlaceBid_RepeatedKey_ReturnsTheOriginalOutcomeWithoutANewBid()
    {
        var session = await SessionAsync(app, bidders: 2);
        AdvanceTo(app, session.StartsAt);
        var url = $"/api/v1/lots/{session.LotId}/bids";
        var first = await (await session.Bidders[0].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "same" })).ReadJsonAsync();
        await session.Bidders[1].PostJsonAsync(url, new { amount = 1_100_000m, idempotencyKey = "same" });

        var repeat = await session.Bidders[0].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "same" });

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var body = await repeat.ReadJsonAsync();
        Assert.Equal(first.GetProperty("bidId").GetGuid(), body.GetProperty("bidId").GetGuid());
        Assert.Equal(1, body.GetProperty("seq").GetInt32());
        Assert.Equal(2, (await BidsAsync(session.Bidders[0], session.LotId)).Count);
    }

    [Fact]
    public async Task PlaceBid_SameKeyManyTimesAtOnce_StoresOneBidAndAnswersItEveryTime()
    {
        var session = await SessionAsync(app, bidders: 3);
        AdvanceTo(app, session.StartsAt);
        var url = $"/api/v1/lots/{session.LotId}/bids";

        // A client retrying at once, among other bidders' bids: on PostgreSQL these meet in the same batches.
        var repeats = Enumerable.Range(0, 20).Select(_ => session.Bidders[0].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "retry" }));
        var others = Enumerable.Range(0, 10).Select(i => session.Bidders[1 + (i % 2)].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = $"o-{i}" }));
        var answers = await Task.WhenAll(repeats.Concat(others));

        var bids = await BidsAsync(session.Bidders[0], session.LotId);
        var mine = bids.Where(b => b.Bidder == session.BidderOrganizations[0]).ToList();
        var repeated = answers.Take(20).ToList();
        if (mine.Count == 1)
        {
            Assert.All(repeated, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var ids = await Task.WhenAll(repeated.Select(async r => (await r.ReadJsonAsync()).GetProperty("bidId").GetGuid()));
            Assert.Single(ids.Distinct());
        }
        else
        {
            // Another bidder's 1,000,000 went first: the retried bid is too low every time, and stored never.
            Assert.Empty(mine);
            Assert.All(repeated, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        }
        Assert.Single(bids);
        Assert.Equal(Enumerable.Range(1, bids.Count), bids.Select(b => b.Seq));
    }

    [Fact]
    public async Task PlaceBid_NotRegisteredOrDepositUnconfirmed_IsNotRegistered()
    {
        var session = await SessionAsync(app, bidders: 1, confirmDeposit: false);
        AdvanceTo(app, session.StartsAt);
        var (stranger, _) = await EnterpriseAsync(app, Guid.NewGuid().ToString("N")[..8]);
        var url = $"/api/v1/lots/{session.LotId}/bids";

        var unconfirmed = await session.Bidders[0].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "x" });
        var unregistered = await stranger.PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "y" });
        var staff = await (await app.ClientAsync("wuyi.staff")).PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "z" });

        await AssertCodeAsync(unconfirmed, "auction.not-registered");
        await AssertCodeAsync(unregistered, "auction.not-registered");
        // Bureau staff run auctions and never bid: the role-permission table refuses them before any bidding rule.
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        var wuyi = await app.ClientAsync("wuyi.staff");
        var bidders = await (await wuyi.GetAsync($"/api/v1/auctions/{session.AuctionId}/bidders")).ReadJsonAsync();
        var bidderId = bidders.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await wuyi.PostAsync($"/api/v1/auctions/{session.AuctionId}/bidders/{bidderId}/confirm-deposit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Bidders[0].PostJsonAsync(url, new { amount = 1_000_000m, idempotencyKey = "x" })).StatusCode);
    }

    [Fact]
    public async Task PrepareSession_StaffOfAnotherCounty_Is403()
    {
        var session = await SessionAsync(app, bidders: 0);
        var panan = await app.ClientAsync("panan.staff");
        var wuyi = await app.ClientAsync("wuyi.staff");
        var achievementId = await AchievementAsync(wuyi, "越权上拍成果");

        var response = await panan.PostJsonAsync($"/api/v1/auctions/{session.AuctionId}/lots", new { achievementId, startingPrice = 10_000m, increment = 1_000m });
        var enterprise = await (await app.ClientAsync("shouxiangu")).PostJsonAsync("/api/v1/auctions", new { title = "企业不能办拍卖会", regionCode = "330723" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
    }

    [Fact]
    public async Task ListBids_ShowWhoBid_OnlyToTheBureauOfTheAuctionsRegion_AndEachBidderItsOwn()
    {
        var session = await SessionAsync(app, bidders: 2);
        AdvanceTo(app, session.StartsAt.AddMinutes(1));
        await (await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "a" })).ReadJsonAsync();
        await (await session.Bidders[1].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_010_000m, idempotencyKey = "b" })).ReadJsonAsync();
        using var anonymous = app.CreateClient();

        var wuyi = await BidsAsync(await app.ClientAsync("wuyi.staff"), session.LotId);
        var city = await BidsAsync(await app.ClientAsync("city.staff"), session.LotId);
        var panan = await BidsAsync(await app.ClientAsync("panan.staff"), session.LotId);
        var enterprise = await BidsAsync(await app.ClientAsync("shouxiangu"), session.LotId);
        var expert = await BidsAsync(await app.ClientAsync("expert.chen"), session.LotId);
        var visitor = await BidsAsync(anonymous, session.LotId);
        var first = await BidsAsync(session.Bidders[0], session.LotId);

        Assert.Equal(session.BidderOrganizations, wuyi.Select(b => b.Bidder!.Value));
        Assert.Equal(session.BidderOrganizations, city.Select(b => b.Bidder!.Value));
        foreach (var stranger in new[] { panan, enterprise, expert, visitor })
        {
            Assert.Equal([1_000_000m, 1_010_000m], stranger.Select(b => b.Amount));
            Assert.All(stranger, b => Assert.Null(b.Bidder));
        }
        Assert.Equal([session.BidderOrganizations[0], null], first.Select(b => b.Bidder));
        var json = await (await anonymous.GetAsync($"/api/v1/lots/{session.LotId}/bids")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(session.BidderOrganizations[0].ToString(), json, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int, string, int, int, decimal, string?)> AnswerAsync(int bidder, string key, HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        return (int)response.StatusCode == 200
            ? (bidder, key, 200, json.GetProperty("seq").GetInt32(), json.GetProperty("price").GetDecimal(), null)
            : (bidder, key, (int)response.StatusCode, 0, 0, json.TryGetProperty("code", out var code) ? code.GetString() : null);
    }

    internal static async Task AssertCodeAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(code, (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : BiddingTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : BiddingTests(app), IClassFixture<PostgresApp>;
}
