using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Kechuang.Tests.Support;
using Xunit.Abstractions;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

/// <summary>
/// The real executable (<c>kechuang.dll</c>, a separate process on the real clock) serves bids on its own
/// PostgreSQL database while several bidders bid over HTTP; the process is killed (<c>kill -9</c>) in the
/// middle of the bidding and started again on the same database. Every bid it acknowledged with 200 must be
/// there afterwards, in one gap-free history whose prices rise by at least the increment; a bid whose answer
/// was lost in the crash is sent again with the same idempotency key and gets its one outcome.
/// </summary>
public sealed class KillRestartTests(PostgresApp app, ITestOutputHelper output) : IClassFixture<PostgresApp>
{
    private const int Bidders = 8;
    private const decimal Increment = 10_000m;

    [Fact]
    public async Task PlaceBid_ServerKilledMidBidding_EveryAcknowledgedBidSurvivesTheRestart()
    {
        // The session is arranged through the test host (fake clock in March) around the real time the
        // child process will decide with: it opened a minute ago and runs for an hour.
        var realNow = DateTime.UtcNow;
        var session = await SessionAsync(app, Bidders, startsIn: realNow - Now(app) - TimeSpan.FromMinutes(1), length: TimeSpan.FromHours(1),
            increment: Increment, softCloseSeconds: 0);
        var port = ChildServer.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var server = await ChildServer.StartAsync(app, port);
        var acknowledged = new ConcurrentBag<(int Bidder, string Key, int Seq, decimal Price, bool AfterRestart)>();
        var refused = new ConcurrentBag<string>();
        var lost = new ConcurrentDictionary<string, bool>(); // keys whose answer the crash took away (sent again)
        var knownPrice = 0L; // in fen: the highest price any bidder has been told about (bidders watch the lot live)
        var restarted = false;
        using var stop = new CancellationTokenSource();

        // Tokens are signed in on the child: it checks their expiry on the real clock, the test host on its fake one.
        var tokens = new List<string>();
        foreach (var account in session.BidderAccounts)
        {
            using var anonymous = new HttpClient { BaseAddress = baseAddress };
            var signIn = await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName = account, password = KechuangApp.Password });
            tokens.Add((await signIn.ReadJsonAsync()).GetProperty("accessToken").GetString()!);
        }

        var bidding = Enumerable.Range(0, Bidders).Select(b => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[b]);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"kill-{b}-{i}";
                var known = Interlocked.Read(ref knownPrice);
                var amount = known == 0 ? 1_000_000m : (known / 100m) + Increment;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount, idempotencyKey = key });
                        var body = await response.ReadJsonAsync();
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var price = body.GetProperty("price").GetDecimal();
                            acknowledged.Add((b, key, body.GetProperty("seq").GetInt32(), price, Volatile.Read(ref restarted)));
                            var fen = (long)(price * 100);
                            long seen;
                            while ((seen = Interlocked.Read(ref knownPrice)) < fen && Interlocked.CompareExchange(ref knownPrice, fen, seen) != seen)
                            {
                            }
                        }
                        else
                        {
                            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                            refused.Add(body.GetProperty("code").GetString()!);
                            var lot = await LotAsync(client, session.LotId);
                            var minimum = (long)(lot.GetProperty("minimumBid").GetDecimal() * 100) - (long)(Increment * 100);
                            long seen;
                            while ((seen = Interlocked.Read(ref knownPrice)) < minimum && Interlocked.CompareExchange(ref knownPrice, minimum, seen) != seen)
                            {
                            }
                        }
                        break;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                    {
                        // The server died under this request: its bid may or may not be committed. Same key again.
                        lost[key] = true;
                        await Task.Delay(100, CancellationToken.None);
                    }
                }
            }
        })).ToList();

        await WaitUntilAsync(() => acknowledged.Count >= 40, TimeSpan.FromSeconds(20), "bids before the kill", server);
        await server.DisposeAsync();
        var beforeKill = acknowledged.Count;
        Volatile.Write(ref restarted, true);
        server = await ChildServer.StartAsync(app, port);
        try
        {
            await WaitUntilAsync(() => acknowledged.Count(a => a.AfterRestart) >= 30, TimeSpan.FromSeconds(20), "bids after the restart", server);
            await stop.CancelAsync();
            await Task.WhenAll(bidding);
        }
        finally
        {
            await server.DisposeAsync();
        }

        var staff = await app.ClientAsync("wuyi.staff");
        var bids = await BidsAsync(staff, session.LotId);
        var lotState = await LotAsync(staff, session.LotId);
        output.WriteLine($"{beforeKill} acknowledged before the kill, {acknowledged.Count} in all, {lost.Count} answers lost to the crash, {bids.Count} bids stored, {refused.Count} refused");
        Assert.True(beforeKill >= 40, $"{beforeKill} bids acknowledged before the kill");
        Assert.Equal(Enumerable.Range(1, bids.Count), bids.Select(b => b.Seq));
        Assert.True(bids[0].Amount >= 1_000_000m);
        for (var i = 1; i < bids.Count; i++)
        {
            Assert.True(bids[i].Amount >= bids[i - 1].Amount + Increment, $"bid {bids[i].Seq} {bids[i].Amount} after {bids[i - 1].Amount}");
        }
        Assert.Equal(bids.Count, lotState.GetProperty("seq").GetInt32());
        Assert.Equal(bids[^1].Amount, lotState.GetProperty("currentPrice").GetDecimal());
        // Every 200 is in the history, as acknowledged, by the bidder it was acknowledged to; a key answered twice
        // (its first answer lost, then sent again) names the same bid both times.
        foreach (var ack in acknowledged)
        {
            var bid = bids.SingleOrDefault(b => b.Seq == ack.Seq);
            Assert.True(bid != default, $"acknowledged bid seq {ack.Seq} ({ack.Key}) is missing after the restart");
            Assert.Equal(ack.Price, bid.Amount);
            Assert.Equal(session.BidderOrganizations[ack.Bidder], bid.Bidder);
        }
        Assert.All(acknowledged.GroupBy(a => a.Seq), g => Assert.Single(g.Select(a => (a.Bidder, a.Key)).Distinct()));
        // Nothing but acknowledged bids and bids whose answer the crash swallowed: at most one per lost request.
        Assert.InRange(bids.Count - acknowledged.Select(a => a.Seq).Distinct().Count(), 0, lost.Count);
        Assert.All(refused, code => Assert.Equal("auction.bid-too-low", code));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, ChildServer server)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var text = new StringBuilder($"timed out waiting for {what}; server output:\n");
                text.Append(server.Output);
                throw new TimeoutException(text.ToString());
            }
            await Task.Delay(20);
        }
    }
}
