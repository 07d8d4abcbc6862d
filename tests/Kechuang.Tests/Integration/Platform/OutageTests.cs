using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// One node whose PostgreSQL or Redis goes away for a while, through a relay of the test's own (<see cref="FaultProxy"/>)
/// so the shared servers keep serving every other test. Loopback only, bounded in time.
/// </summary>
public sealed class OutageTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DatabaseUnreachable_Answers503InChineseWithATraceId_ThenRecoversByItself_LosingNothingAcknowledged()
    {
        var direct = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        await using var proxy = new FaultProxy(direct.Host!, direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Port = proxy.Port };
        using var node = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Market:SweepSeconds", "0");
            b.UseSetting("ConnectionStrings:Kechuang", relayed.ConnectionString);
        });
        var session = await SessionAsync(app, bidders: 1, length: TimeSpan.FromHours(2));
        AdvanceTo(app, session.StartsAt.AddMinutes(1));
        using var staff = On(node, await app.ClientAsync("wuyi.staff"));
        using var bidder = On(node, session.Bidders[0]);
        using var anonymous = node.CreateClient();
        var acknowledged = new List<(int Seq, decimal Amount)>();
        var refusedKeys = new List<string>();
        var step = 0m;

        async Task<HttpResponseMessage> BidAsync(string key)
        {
            step += 10_000m;
            var response = await bidder.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 2_000_000m + step, idempotencyKey = key });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.ReadJsonAsync();
                acknowledged.Add((body.GetProperty("seq").GetInt32(), body.GetProperty("price").GetDecimal()));
            }
            return response;
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BidAsync("before")).StatusCode);

        proxy.Cut();
        var answers = new List<(string What, HttpResponseMessage Response, string Body)>();
        var until = DateTime.UtcNow + Outage;
        for (var i = 0; DateTime.UtcNow < until && i < 60; i++)
        {
            var list = await staff.GetAsync("/api/v1/auctions");
            answers.Add(("list", list, await list.Content.ReadAsStringAsync()));
            var key = $"during-{i}";
            var bid = await BidAsync(key);
            answers.Add(("bid", bid, await bid.Content.ReadAsStringAsync()));
            refusedKeys.Add(key);
            var ready = await anonymous.GetAsync("/health/ready");
            answers.Add(("ready", ready, await ready.Content.ReadAsStringAsync()));
            await Task.Delay(1000);
        }
        proxy.Restore();
        var recovered = false;
        for (var i = 0; i < 60 && !recovered; i++)
        {
            recovered = (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
            if (!recovered)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(answers.Count >= 30, $"only {answers.Count} requests during the outage");
        Assert.All(answers, a => Assert.True(a.Response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{a.What}: {(int)a.Response.StatusCode} {a.Body}"));
        foreach (var (what, response, body) in answers.Where(a => a.What != "ready"))
        {
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("database.unavailable", problem.GetProperty("code").GetString());
            Assert.StartsWith("数据库暂时无法连接", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()), what);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        }
        Assert.True(recovered, "not ready again within 30 seconds of the database coming back");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/auctions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BidAsync("after")).StatusCode);
        // A bid refused with 503 was not acknowledged: sent again under its key it is decided now, once.
        Assert.Equal(HttpStatusCode.OK, (await BidAsync(refusedKeys[0])).StatusCode);
        var stored = await BidsAsync(await app.ClientAsync("wuyi.staff"), session.LotId);
        foreach (var bid in acknowledged)
        {
            Assert.Contains(stored, s => s.Seq == bid.Seq && s.Amount == bid.Amount);
        }
        Assert.Equal(acknowledged.Count, stored.Count);
    }

    [Fact]
    public async Task RedisUnreachable_BidsAreStillDecidedAndStored()
    {
        var redis = (Environment.GetEnvironmentVariable("KECHUANG_TEST_REDIS") ?? "127.0.0.1:6390").Split(',')[0].Split(':');
        await using var proxy = new FaultProxy(redis[0], redis.Length > 1 ? int.Parse(redis[1], System.Globalization.CultureInfo.InvariantCulture) : 6379);
        using var node = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Market:SweepSeconds", "0");
            b.UseSetting("Redis:Connection", $"127.0.0.1:{proxy.Port},abortConnect=false,connectTimeout=2000");
        });
        var session = await SessionAsync(app, bidders: 2, length: TimeSpan.FromHours(2));
        AdvanceTo(app, session.StartsAt.AddMinutes(1));
        using var anonymous = node.CreateClient();
        var bidders = session.Bidders.Select(b => On(node, b)).ToList();
        var redisReachable = (await anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;

        proxy.Cut();
        var accepted = new List<(int Seq, decimal Amount)>();
        for (var i = 0; i < 6; i++)
        {
            var response = await bidders[i % 2].PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 2_000_000m + (i * 10_000m), idempotencyKey = $"redis-down-{i}" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            accepted.Add((body.GetProperty("seq").GetInt32(), body.GetProperty("price").GetDecimal()));
        }
        var readyWhileDown = await anonymous.GetAsync("/health/ready");
        proxy.Restore();

        Assert.True(redisReachable, "Redis was not reachable through the relay before the cut");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown.StatusCode);
        var stored = await BidsAsync(await app.ClientAsync("wuyi.staff"), session.LotId);
        Assert.Equal(accepted, stored.Select(s => (s.Seq, s.Amount)));
        foreach (var client in bidders)
        {
            client.Dispose();
        }
    }

    /// <summary>A client of <paramref name="node"/> signed in as <paramref name="signedIn"/> is (bearer tokens are in the database).</summary>
    private static HttpClient On(WebApplicationFactory<Program> node, HttpClient signedIn)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }
}
