using System.Collections.Concurrent;
using System.Net.Sockets;
using Kechuang.Modules.Market;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

/// <summary>
/// Two application instances over one PostgreSQL database (and one Redis, when reachable at
/// <c>KECHUANG_TEST_REDIS</c>, default 127.0.0.1:6390): bids sent to either node make one history, and a
/// viewer on each node receives every bid, including those accepted by the other node.
/// </summary>
public sealed class TwoNodeTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task PlaceBid_ThroughTwoNodes_GivesOneHistory_AndEveryViewerHearsEveryBid()
    {
        var redis = Environment.GetEnvironmentVariable("KECHUANG_TEST_REDIS") ?? "127.0.0.1:6390";
        var withRedis = await ReachableAsync(redis);
        using var nodeA = Node(withRedis ? redis : null);
        using var nodeB = Node(withRedis ? redis : null);
        var session = await SessionAsync(app, bidders: 6, length: TimeSpan.FromHours(2));
        AdvanceTo(app, session.StartsAt.AddMinutes(1));
        var heard = new[] { new ConcurrentDictionary<int, decimal>(), new ConcurrentDictionary<int, decimal>() };
        await using var viewerA = await ViewerAsync(nodeA, session.LotId, heard[0]);
        await using var viewerB = await ViewerAsync(nodeB, session.LotId, heard[1]);

        await Task.WhenAll(session.Bidders.Select((bidder, b) => Task.Run(async () =>
        {
            using var client = (b % 2 == 0 ? nodeA : nodeB).CreateClient();
            client.DefaultRequestHeaders.Authorization = bidder.DefaultRequestHeaders.Authorization;
            for (var i = 0; i < 10; i++)
            {
                var lot = await LotAsync(client, session.LotId);
                await client.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = lot.GetProperty("minimumBid").GetDecimal(), idempotencyKey = $"n-{b}-{i}" });
            }
        })));

        var bids = await BidsAsync(await app.ClientAsync("wuyi.staff"), session.LotId);
        Assert.True(bids.Count >= 10, $"only {bids.Count} bids");
        Assert.Equal(Enumerable.Range(1, bids.Count), bids.Select(b => b.Seq));
        for (var i = 1; i < bids.Count; i++)
        {
            Assert.True(bids[i].Amount >= bids[i - 1].Amount + 10_000m);
        }
        Assert.Contains(bids, b => session.BidderOrganizations.ToList().IndexOf(b.Bidder!.Value) % 2 == 0);
        Assert.Contains(bids, b => session.BidderOrganizations.ToList().IndexOf(b.Bidder!.Value) % 2 == 1);
        if (!withRedis)
        {
            return; // without a backplane each node's viewers hear only that node's bids (and refill from the API)
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (heard.Any(h => h.Count < bids.Count) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        foreach (var viewer in heard)
        {
            Assert.Equal(bids.Select(b => (b.Seq, b.Amount)), viewer.OrderBy(h => h.Key).Select(h => (h.Key, h.Value)));
        }
    }

    private WebApplicationFactory<Program> Node(string? redis) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Market:SweepSeconds", "0");
            if (redis is not null)
            {
                b.UseSetting("Redis:Connection", redis);
            }
        });

    private static async Task<HubConnection> ViewerAsync(WebApplicationFactory<Program> node, Guid lotId, ConcurrentDictionary<int, decimal> heard)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, AuctionHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        connection.On<BidEvent[]>(AuctionHub.BidsMessage, bids => Array.ForEach(bids, e => heard[e.Seq] = e.Price));
        await connection.StartAsync();
        await connection.InvokeAsync(nameof(AuctionHub.Watch), lotId);
        return connection;
    }

    private static async Task<bool> ReachableAsync(string hostPort)
    {
        var parts = hostPort.Split(',')[0].Split(':');
        try
        {
            using var tcp = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await tcp.ConnectAsync(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 6379, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
