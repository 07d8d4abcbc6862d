using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;
using Npgsql;

namespace Kechuang.BrowserTests;

/// <summary>
/// Two nodes behind nginx, brought up by <c>scripts/cluster.sh</c> as an operator does (on PostgreSQL and Redis, over the
/// solution's build output: publishing would take minutes here). A bidder signs in through nginx and bids on the live
/// lot page; the node serving the page is killed (SIGKILL) right after a bid was acknowledged. The page comes back on the
/// other node by itself, the history has every bid with no gap in its numbers, the acknowledged bid among them, and
/// bidding goes on — the other bidder's bids still arrive live.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ClusterJourney(BrowserApp app)
{
    private const string BidderA = "浙江寿仙谷医药股份有限公司"; // demo account shouxiangu
    private const string BidderB = "武义县恒达电动工具有限公司"; // an account is created below

    private static readonly string PostgresServer =
        Environment.GetEnvironmentVariable("KECHUANG_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=kechuang;Password=kechuang";

    [Fact]
    public async Task KilledNode_PageComesBackOnTheOther_WithEveryAcknowledgedBid()
    {
        var port = FreePorts(3);
        var database = $"kechuang_cluster_j{Guid.NewGuid():N}"[..30];
        var log = Path.Combine(Repository.Artifacts("browser-tests"), $"cluster-{DateTime.Now:HHmmss}.log");
        var started = Stopwatch.StartNew();
        try
        {
            var (exit, up) = await ScriptAsync(log, TimeSpan.FromMinutes(4), "up", "--port", $"{port}", "--nodes", "2", "--database", database,
                "--app", "build:" + Repository.Configuration);
            Assert.True(exit == 0, $"cluster.sh up exited {exit} (log: {log})");
            Assert.Equal($"cluster: http://127.0.0.1:{port}", up[^1]);
            var baseUrl = $"http://127.0.0.1:{port}";
            var upSeconds = started.Elapsed.TotalSeconds;

            // Arranged through the API, through nginx (each request may reach either node).
            using var staff = await Api.ClientAsync(baseUrl, "wuyi.staff");
            var achievement = (await Api.GetAsync(staff, "/api/v1/achievements?status=listed&pageSize=50")).GetProperty("items").EnumerateArray().First();
            var organizationA = await OrganizationIdAsync(staff, BidderA);
            var organizationB = await OrganizationIdAsync(staff, BidderB);
            using (var admin = await Api.ClientAsync(baseUrl, "admin"))
            {
                await Api.PostAsync(admin, "/api/v1/admin/users", new
                {
                    userName = "hengda.cluster",
                    password = BrowserApp.Password,
                    displayName = "恒达电动工具 竞买人",
                    role = "enterprise",
                    regionCode = "330723101",
                    organizationId = organizationB,
                    mustChangePassword = false,
                });
            }
            var startsAt = DateTime.UtcNow.AddSeconds(5);
            var auctionId = (await Api.PostAsync(staff, "/api/v1/auctions", new
            {
                title = "武义县科技成果竞价（双节点演示）",
                organizer = "武义县科学技术局",
                regionCode = "330723",
                startsAt,
                endsAt = startsAt.AddMinutes(20),
                softCloseSeconds = 30,
                depositRequired = true,
                deposit = 50_000m,
            })).GetProperty("id").GetGuid();
            var lotId = (await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/lots", new
            {
                achievementId = achievement.GetProperty("id").GetGuid(),
                startingPrice = 800_000m,
                increment = 20_000m,
            })).GetProperty("id").GetGuid();
            foreach (var organizationId in new[] { organizationA, organizationB })
            {
                await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/bidders", new { organizationId, depositPaid = true });
            }
            using var bidderB = await Api.ClientAsync(baseUrl, "hengda.cluster");

            // Bidder A signs in through nginx and opens the live lot; nginx's kc_node cookie keeps the page, its Blazor
            // circuit and its later requests on one node, which the answer names.
            var page = await Chromium.NewPageAsync(app.Browser, baseUrl);
            await Journey.SignInAsync(page, "shouxiangu");
            var lotPath = $"/market/lots/{lotId}";
            var opened = await page.GotoAsync(lotPath);
            var servingNode = NodeOf(opened!);
            await Journey.WaitInteractiveAsync(page);
            await Journey.CheckAccessibilityAsync(page);
            await page.Locator("#live-state", new PageLocatorOptions { HasText = "实时连接正常" }).WaitForAsync();
            var wait = startsAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            // A bids on the page; B's bid through the API (either node) reaches the page live, through Redis.
            await BidOnPageAsync(page, 800_000m, 1);
            await BidThroughApiAsync(bidderB, lotId, 820_000m);
            await page.Locator("#current-price", new PageLocatorOptions { HasText = "82万元" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
            await Journey.ScreenshotAsync(page, "cluster-01-live-lot-on-one-node");

            var before = await StatusAsync(log, port);
            Assert.Equal(2, before.Count(l => l.EndsWith(" ready", StringComparison.Ordinal)));
            var victim = before.Single(l => l.Contains($" port {servingNode} ", StringComparison.Ordinal));
            var victimPid = int.Parse(victim.Split(' ')[3], CultureInfo.InvariantCulture);

            // A's third bid is acknowledged; at once the node that acknowledged it dies without a word (kill -9).
            await BidOnPageAsync(page, 840_000m, 3);
            var reloaded = page.WaitForResponseAsync(
                r => r.Request.ResourceType == "document" && r.Url.EndsWith(lotPath, StringComparison.Ordinal), new PageWaitForResponseOptions { Timeout = 60_000 });
            // What Blazor's script logs when its node vanishes and the other node does not know its circuit: the
            // reload that follows is the recovery this journey shows.
            Journey.ExpectError(page, "WebSocket closed with status code: 1006");
            Journey.ExpectError(page, "Error: Circuit not initialized.");
            var killedAt = Stopwatch.StartNew();
            using (var node = Process.GetProcessById(victimPid))
            {
                node.Kill();
                await node.WaitForExitAsync();
            }

            // Blazor's reconnection reaches the other node through nginx, which does not know the circuit: the page
            // reloads itself there, from the database.
            var again = await reloaded;
            var reconnectSeconds = killedAt.Elapsed.TotalSeconds;
            Assert.NotEqual(servingNode, NodeOf(again));
            await Journey.WaitInteractiveAsync(page);
            await page.Locator("#live-state", new PageLocatorOptions { HasText = "实时连接正常" }).WaitForAsync();
            await page.Locator("#current-price", new PageLocatorOptions { HasText = "84万元" }).WaitForAsync();
            Assert.Equal(["3", "2", "1"], await SeqColumnAsync(page));
            var after = await StatusAsync(log, port);
            Assert.Contains(after, l => l.Contains($" pid {victimPid} port {servingNode} not-ready", StringComparison.Ordinal));
            Assert.Contains(after, l => !l.Contains($" port {servingNode} ", StringComparison.Ordinal) && l.EndsWith(" ready", StringComparison.Ordinal));
            await Journey.ScreenshotAsync(page, "cluster-02-back-on-the-other-node");

            // Bidding goes on with one node: B's bid arrives live, A's bid is acknowledged.
            await BidThroughApiAsync(bidderB, lotId, 860_000m);
            await page.Locator("#current-price", new PageLocatorOptions { HasText = "86万元" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
            await BidOnPageAsync(page, 880_000m, 5);
            Assert.Equal(["5", "4", "3", "2", "1"], await SeqColumnAsync(page));
            var bids = (await Api.GetAsync(staff, $"/api/v1/lots/{lotId}/bids")).GetProperty("items").EnumerateArray()
                .Select(b => (Seq: b.GetProperty("seq").GetInt32(), Amount: b.GetProperty("amount").GetDecimal())).OrderBy(b => b.Seq).ToList();
            Assert.Equal([(1, 800_000m), (2, 820_000m), (3, 840_000m), (4, 860_000m), (5, 880_000m)], bids);
            await Journey.ScreenshotAsync(page, "cluster-03-bidding-goes-on");
            await Journey.EndAsync(page);
            await File.AppendAllTextAsync(log, $"cluster up in {upSeconds:0} s; page back on the other node {reconnectSeconds:0.0} s after the kill{Environment.NewLine}");
        }
        finally
        {
            await ScriptAsync(log, TimeSpan.FromMinutes(1), "down", "--port", $"{port}");
            NpgsqlConnection.ClearAllPools();
            await PostgresAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            // The run folder (pid files, nginx's configuration, node logs, matching indexes) goes; its logs are kept.
            var run = Path.Combine(Repository.Root, ".cluster", $"{port}");
            foreach (var file in Directory.Exists(run) ? Directory.GetFiles(run, "*.log") : [])
            {
                File.Copy(file, Path.Combine(Repository.Artifacts("browser-tests"), $"cluster-{port}-{Path.GetFileName(file)}"), overwrite: true);
            }
            if (Directory.Exists(run))
            {
                Directory.Delete(run, recursive: true);
            }
            File.Delete(Path.Combine(Repository.Root, ".cluster", "secrets", $"{database}.first-start.txt"));
        }
    }

    /// <summary>The port of the node that answered (<c>X-Kechuang-Node</c>: the nodes nginx tried, the last one answered).</summary>
    private static int NodeOf(IResponse response)
    {
        var tried = response.Headers["x-kechuang-node"];
        return int.Parse(tried.Split(',')[^1].Trim().Split(':')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task BidOnPageAsync(IPage page, decimal amount, int seq)
    {
        await page.Locator("#bid-amount").FillAsync(amount.ToString("0.00", CultureInfo.InvariantCulture));
        await page.Locator("#bid-submit").ClickAsync();
        await page.Locator("#bid-message", new PageLocatorOptions { HasText = $"出价成功：第 {seq} 次出价" }).WaitForAsync();
    }

    private static Task<System.Text.Json.JsonElement> BidThroughApiAsync(HttpClient bidder, Guid lotId, decimal amount) =>
        Api.PostAsync(bidder, $"/api/v1/lots/{lotId}/bids", new { amount, idempotencyKey = Guid.NewGuid().ToString("N") });

    private static async Task<string[]> SeqColumnAsync(IPage page) =>
        [.. (await page.Locator("#history tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim())];

    private static async Task<Guid> OrganizationIdAsync(HttpClient client, string name)
    {
        var found = await Api.GetAsync(client, $"/api/v1/organizations?q={Uri.EscapeDataString(name)}");
        return found.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private static async Task<string[]> StatusAsync(string log, int port) =>
        (await ScriptAsync(log, TimeSpan.FromSeconds(30), "status", "--port", $"{port}")).Lines.Where(l => l.StartsWith("node ", StringComparison.Ordinal)).ToArray();

    /// <summary>Runs scripts/cluster.sh as an operator would, with the journeys' administrator password; returns its exit code and standard output.</summary>
    private static async Task<(int Exit, string[] Lines)> ScriptAsync(string log, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add("scripts/cluster.sh");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // As AppProcess: the test runner's settings must not reach the nodes, which run in Production.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["Admin__Password"] = BrowserApp.Password;
        start.Environment["Demo__Seed"] = "true";
        // Every sign-in comes from 127.0.0.1 (see BrowserApp).
        start.Environment["Access__SignInPerClientPerMinute"] = "100000";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {string.Join(' ', arguments)} took longer than {timeout} (log: {log})");
        }
        var text = await output;
        await File.AppendAllTextAsync(log, $"$ scripts/cluster.sh {string.Join(' ', arguments)}  (exit {process.ExitCode}){Environment.NewLine}{text}{await errors}");
        return (process.ExitCode, text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>A port whose next <paramref name="count"/> − 1 ports are free too (nginx's, then one per node).</summary>
    private static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 40_000);
            if (Enumerable.Range(first, count).All(Free))
            {
                return first;
            }
        }
        throw new InvalidOperationException("no free range of ports found");
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task PostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
