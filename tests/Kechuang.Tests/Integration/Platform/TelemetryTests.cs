using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>Logs as JSON lines that carry the trace id a failed answer shows, and <c>/metrics</c> (docs/operations.md).</summary>
public abstract class TelemetryTests(KechuangApp app)
{
    [Fact]
    public async Task ServerError_IsLoggedAsOneJsonLine_CarryingTheTraceIdOfTheAnswer()
    {
        using var node = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Market:SweepSeconds", "0");
            b.ConfigureServices(services =>
            {
                CapturedLog.AddTo(services);
                services.AddSingleton<HealthCheckService, BrokenHealthChecks>();
            });
        });
        using var client = node.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var answerTraceId = JsonDocument.Parse(text).RootElement.GetProperty("traceId").GetString()!;
        var traceId = answerTraceId.Split('-')[1]; // W3C traceparent: version-traceid-spanid-flags
        var log = node.Services.GetRequiredService<CapturedLog>();
        var lines = log.Objects; // every line one JSON object
        Assert.NotEmpty(lines);
        var error = Assert.Single(lines, l => l.GetProperty("Category").GetString() == "Kechuang.Platform.Problems.ProblemHandler" && CapturedLog.TraceIdOf(l) == traceId);
        Assert.Equal("Error", error.GetProperty("LogLevel").GetString());
        Assert.Equal(answerTraceId, error.GetProperty("State").GetProperty("AnswerTraceId").GetString());
        Assert.Contains("故障注入", error.GetProperty("Exception").GetString(), StringComparison.Ordinal);
        Assert.Single(log.Lines, l => l.Contains(answerTraceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AreReadFromTheNodeItselfOnly()
    {
        using var client = app.CreateClient();

        var anyone = await client.GetAsync("/metrics");
        var elsewhere = await SendAsync(client, "10.1.2.3");
        var forwarded = await SendAsync(client, "127.0.0.1", forwardedFor: "10.1.2.3");
        var local = await SendAsync(client, "127.0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, anyone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forwarded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.StartsWith("text/plain", local.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    /// <summary>
    /// On a node of its own, started for this test: a test process holds several hosts whose framework meters have the
    /// same names, and the series of a host that has been stopped do not come back in the others' scrapes.
    /// </summary>
    [Fact]
    public async Task Metrics_CountRequestsPerRoute_BidsDecided_AndRowsImported()
    {
        var session = await SessionAsync(app, bidders: 1, length: TimeSpan.FromHours(2));
        AdvanceTo(app, session.StartsAt.AddMinutes(1));
        using var node = app.WithWebHostBuilder(b => b.UseSetting("Market:SweepSeconds", "0"));
        using var client = node.CreateClient();
        using var staff = On(node, await app.ClientAsync("wuyi.staff"));
        using var bidder = On(node, session.Bidders[0]);
        var before = await ScrapeAsync(client);

        for (var i = 0; i < 3; i++)
        {
            (await staff.GetAsync("/api/v1/auctions")).EnsureSuccessStatusCode();
        }
        var lot = await LotAsync(bidder, session.LotId);
        (await bidder.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids",
            new { amount = lot.GetProperty("minimumBid").GetDecimal(), idempotencyKey = "metrics-1" })).EnsureSuccessStatusCode();
        var tooLow = await bidder.PostJsonAsync($"/api/v1/lots/{session.LotId}/bids", new { amount = 1m, idempotencyKey = "metrics-2" });
        (await ImportReportsAsync(staff)).EnsureSuccessStatusCode();
        await Task.Delay(1100); // the exporter answers a scrape within its cache window from the previous one
        var after = await ScrapeAsync(client);

        Assert.Equal(HttpStatusCode.Conflict, tooLow.StatusCode);
        const string Requests = "http_server_request_duration_seconds_count";
        const string Auctions = "v1/auctions\"";
        Assert.True(Sum(after, Requests, Auctions) - Sum(before, Requests, Auctions) >= 3, after);
        Assert.True(Sum(after, "http_server_request_duration_seconds_bucket", Auctions) > 0, after);
        Assert.True(Sum(after, "kechuang_market_bids_total", "outcome=\"accepted\"") - Sum(before, "kechuang_market_bids_total", "outcome=\"accepted\"") >= 1, after);
        Assert.True(Sum(after, "kechuang_market_bids_total", "outcome=\"refused\"") - Sum(before, "kechuang_market_bids_total", "outcome=\"refused\"") >= 1, after);
        Assert.True(Sum(after, "kechuang_import_rows_total") - Sum(before, "kechuang_import_rows_total") >= 2, after);
        Assert.True(Sum(after, "dotnet_gc_heap_total_allocated_bytes_total") > 0, after);
        if (app.Provider == Provider.Postgres)
        {
            Assert.Contains(after.Split('\n'), l => l.StartsWith("db_client_connection", StringComparison.Ordinal));
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string address, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(KechuangApp.ClientAddressHeader, address);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await client.SendAsync(request);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await SendAsync(client, "127.0.0.1");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a series' samples whose labels contain every one of <paramref name="labels"/>.</summary>
    private static double Sum(string scrape, string name, params string[] labels) =>
        scrape.Split('\n')
            .Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
                && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    /// <summary>Two new media reports of 2024 through the import (a new title each run).</summary>
    private static async Task<HttpResponseMessage> ImportReportsAsync(HttpClient staff)
    {
        var export = await staff.GetAsync("/api/v1/events/media-reports/export?regionCode=330723&year=2022");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Take(2)
            .Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r.ToDictionary(k => k.Key, k => (object?)k.Value))
            {
                ["报道标题"] = $"{r["报道标题"]}（指标{suffix}）",
                ["报道日期"] = "2024-03-02",
            }).ToList();
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "reports.xlsx");
        return await staff.PostAsync("/api/v1/events/media-reports/import", content);
    }

    private static HttpClient On(WebApplicationFactory<Program> node, HttpClient signedIn)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>Health checks that fail as a defect would: the probe's answer is the application's 500.</summary>
    private sealed class BrokenHealthChecks : HealthCheckService
    {
        public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("故障注入：测试中的健康检查出错");
    }

    [Collection(nameof(TelemetryTests))]
    public sealed class OnSqlite(SqliteApp app) : TelemetryTests(app), IClassFixture<SqliteApp>;

    [Collection(nameof(TelemetryTests))]
    public sealed class OnPostgres(PostgresApp app) : TelemetryTests(app), IClassFixture<PostgresApp>;
}

/// <summary>Alone: no other test's host stops while these read the metrics of theirs.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryRunsAlone;
