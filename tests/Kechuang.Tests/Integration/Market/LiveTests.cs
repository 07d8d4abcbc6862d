using System.Net;
using System.Threading.Channels;
using Kechuang.Modules.Market;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

public abstract class LiveTests(KechuangApp app)
{
    [Fact]
    public async Task Hub_AcceptedBids_ReachEveryViewerOfTheLotInSeqOrder()
    {
        var session = await SessionAsync(app, bidders: 2);
        AdvanceTo(app, session.StartsAt);
        var received = Channel.CreateUnbounded<BidEvent>();
        await using var viewer = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, AuctionHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        viewer.On<BidEvent[]>(AuctionHub.BidsMessage, bids => Array.ForEach(bids, e => received.Writer.TryWrite(e)));
        await viewer.StartAsync();
        await viewer.InvokeAsync(nameof(AuctionHub.Watch), session.LotId);

        await session.Bidders[0].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "h1" });
        await session.Bidders[1].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_050_000m, idempotencyKey = "h2" });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await received.Reader.ReadAsync(timeout.Token);
        var second = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal((session.LotId, 1, 1_000_000m), (first.LotId, first.Seq, first.Price));
        Assert.Equal((2, 1_050_000m), (second.Seq, second.Price));
        Assert.Matches(@"^\d{2}\*\*\d{2}$", second.Leader);
        Assert.NotEqual(first.Leader, second.Leader);
        Assert.Equal(session.EndsAt, second.EndsAt.ToUniversalTime());
    }

    [Fact]
    public async Task LotPage_ForAnonymousVisitor_ShowsTheLot()
    {
        var session = await SessionAsync(app, bidders: 1);

        // Blazor encodes CJK characters as character references in the prerendered HTML.
        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/market/lots/{session.LotId}"));
        var calendar = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/market/auctions"));
        var achievements = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/market/achievements?q={Uri.EscapeDataString("灵芝")}"));

        Assert.Contains("测试成果", page, StringComparison.Ordinal);
        Assert.Contains("起拍价", page, StringComparison.Ordinal);
        Assert.Contains("武义县首场科技成果竞价拍卖会", calendar, StringComparison.Ordinal);
        Assert.Contains("灵芝孢子粉破壁及有效成分提取工艺", achievements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LotPage_OffersTheBidForm_ToTheRoleThatMayBid_AndNoOtherSignedInAccount()
    {
        var session = await SessionAsync(app, bidders: 1);
        using var enterprise = await app.ClientAsync("shouxiangu");
        using var institution = await app.ClientAsync("zjnu");

        var enterprisePage = await enterprise.GetStringAsync($"/market/lots/{session.LotId}");
        var institutionPage = await institution.GetStringAsync($"/market/lots/{session.LotId}");
        var institutionBid = await institution.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1_000_000m, idempotencyKey = "institution" });

        // Bidders are enterprises of the directory: market.bids.place is the enterprise's row, and the page follows it.
        Assert.Contains("id=\"bid-amount\"", enterprisePage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"bid-amount\"", institutionPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, institutionBid.StatusCode);
    }

    [Fact]
    public async Task ResultsPage_OfTheDemoAuction_Shows12Lots6Institutions9Sold1981Point2WanAnd16Point06Percent()
    {
        var auctions = await (await app.CreateClient().GetAsync("/api/v1/auctions?year=2022&regionCode=330723")).ReadJsonAsync();
        var auctionId = auctions.GetProperty("items")[0].GetProperty("id").GetGuid();

        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/market/auctions/{auctionId}/results"));

        Assert.Contains("id=\"lot-count\">12 项", page, StringComparison.Ordinal);
        Assert.Contains("id=\"institution-count\">6 家", page, StringComparison.Ordinal);
        Assert.Contains("id=\"sold-count\">9 项", page, StringComparison.Ordinal);
        Assert.Contains("id=\"hammer-total\">1981.2万元", page, StringComparison.Ordinal);
        Assert.Contains("id=\"premium-rate\">16.06%", page, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : LiveTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LiveTests(app), IClassFixture<PostgresApp>;
}
