using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Kechuang.Modules.Market;
using Kechuang.Platform.Access;
using Kechuang.Platform.Demo;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Kechuang.Bench;

/// <summary>
/// Issue 5: the real application (<c>kechuang.dll</c> in its own process, Production, PostgreSQL) takes bids
/// over HTTP from N concurrent bidders (default 200) on one hot lot for S seconds (default 30), each bidding
/// again as soon as it is answered, at the price it last heard of plus the increment; meanwhile V SignalR
/// viewers (default 1,000) watch the lot and the delay from each bid's commit (server time, same machine
/// clock) to its receipt is recorded. Then, with the server stopped, the same conditional update of the lot
/// row is issued directly against the database by the same number of concurrent workers through a pool of
/// the same size as the server's, for the same time.
/// Both are measured warm, as a server that has been running: before the measured phase the same bidders bid
/// on another lot (watched by the same viewers) for W seconds (default 60; the JIT had settled after about
/// 40), and the raw workers run for 5 seconds (a quarter of W when shorter; a longer raw warm-up left the hot
/// row slower for the measured raw run). A fresh server spent a third of a core on the JIT's tier-up in its
/// first minute under this load (perf, thread ".NET Tiered Compilation"), which a server that has run a while
/// does not.
/// Usage: scripts/bench.sh auction [--seconds S] [--bidders N] [--viewers V] [--pool P] [--warmup W]
/// </summary>
internal static class AuctionBench
{
    internal const string AdminPassword = "Bench-Passw0rd!";
    private const long IncrementFen = 100;
    private static readonly string[] Keywords = ["压测"];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 30;
        var bidders = 200;
        var viewers = 1000;
        var pool = 32;
        var warmup = 60;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--bidders" when i + 1 < args.Length:
                    bidders = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--viewers" when i + 1 < args.Length:
                    viewers = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--pool" when i + 1 < args.Length:
                    pool = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup" when i + 1 < args.Length:
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: scripts/bench.sh auction [--seconds S] [--bidders N] [--viewers V] [--pool P] [--warmup W]");
                    return 2;
            }
        }

        await using var host = new BenchHost(postgres: true);
        var connectionString = $"{host.ConnectionString};Maximum Pool Size={pool}";
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var server = await StartServerAsync(baseAddress, connectionString);
        Setup setup;
        Phase http;
        CpuTimes httpCpu;
        try
        {
            var clock = Stopwatch.StartNew();
            setup = await SetUpAsync(host, baseAddress, bidders);
            Console.WriteLine($"setup: {bidders} bidders registered on one lot in {clock.Elapsed.TotalSeconds:0.0} s; connecting {viewers} viewers");
            http = await RunHttpAsync(baseAddress, setup, seconds, viewers, warmup, () => CpuTimes.Take(server.Id));
            httpCpu = http.Cpu;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await Task.Delay(2000); // its pool's PostgreSQL backends exit: their CPU must not leave the raw run's figure
        }
        if (warmup > 0)
        {
            await RunRawAsync(host.ConnectionString, pool, setup.RawLotId, bidders, Math.Clamp(warmup / 4, 1, 5));
        }
        var rawBefore = CpuTimes.Take(Environment.ProcessId);
        var raw = await RunRawAsync(host.ConnectionString, pool, setup.RawLotId, bidders, seconds);
        var rawCpu = CpuTimes.Take(Environment.ProcessId) - rawBefore;

        var httpRate = (http.Accepted + http.Rejected) / http.Seconds;
        var rawRate = raw.Updates / raw.Seconds;
        Console.WriteLine($"http: {http.Accepted / http.Seconds:0} accepted/s, {http.Rejected / http.Seconds:0} rejected/s, {http.Errors} errors; " +
                          $"latency p50 {http.Latency.Percentile(0.50):0.0} ms, p99 {http.Latency.Percentile(0.99):0.0} ms ({bidders} bidders, pool {pool}, {http.Seconds:0.0} s)");
        Console.WriteLine($"history: {http.StoredBids} bids stored, seq 1..{http.StoredBids} without gaps: {http.Consistent}");
        Console.WriteLine($"broadcast: {viewers} viewers ({http.ViewersConnected} connected), {http.Broadcast.Count} receipts, " +
                          $"p50 {http.Broadcast.Percentile(0.50):0.0} ms, p99 {http.Broadcast.Percentile(0.99):0.0} ms, {http.Missed} bids missed by a viewer");
        var requests = http.Accepted + http.Rejected + http.Errors;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu per request: server {httpCpu.ProcessMs / requests:0.000} ms, postgres {httpCpu.PostgresMs / requests:0.000} ms, bench client and viewers {httpCpu.SelfMs / requests:0.000} ms; " +
            $"per raw update: postgres {rawCpu.PostgresMs / raw.Updates:0.000} ms, raw client {rawCpu.ProcessMs / raw.Updates:0.000} ms"));
        Console.WriteLine($"raw: {rawRate:0} conditional updates/s ({raw.Matched / raw.Seconds:0} matched/s) by {bidders} workers over {pool} connections");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"auction: {httpRate:0} vs raw {rawRate:0} = {httpRate / rawRate:0.00}, p99 {http.Latency.Percentile(0.99):0} ms, broadcast p99 {http.Broadcast.Percentile(0.99):0} ms"));
        return http.Consistent ? 0 : 1;
    }

    private sealed record Setup(Guid LotId, Guid RawLotId, Guid WarmupLotId, IReadOnlyList<string> Tokens);

    private sealed record Phase(double Seconds, long Accepted, long Rejected, long Errors, Histogram Latency, Histogram Broadcast, int ViewersConnected, long Missed,
        int StoredBids, bool Consistent, CpuTimes Cpu);

    private sealed record Raw(double Seconds, long Updates, long Matched);

    private static async Task<Setup> SetUpAsync(BenchHost host, Uri baseAddress, int bidders)
    {
        using var admin = new HttpClient { BaseAddress = baseAddress };
        // The administrator signs in with a second factor; the bench gives it a bearer token directly, as it does the bidders.
        var adminBearer = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var account = db.Accounts.Single(a => a.UserName == Bootstrap.AdminUserName);
            db.AccessTokens.Add(new AccessToken
            {
                AccountId = account.Id,
                TokenHash = SignInHandler.HashToken(adminBearer),
                CreatedAt = DateTime.UtcNow,
                ExpiresAt = DateTime.UtcNow.AddHours(4),
                SecurityStamp = account.SecurityStamp,
            });
            await db.SaveChangesAsync();
        }
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminBearer);

        var institution = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = "压测研究院",
            kind = "institution",
            creditCode = DemoCodes.CreditCode("330723", 900_000),
            regionCode = "330723",
            address = "武义县",
        }));
        var enterprises = new Guid[bidders];
        await Parallel.ForEachAsync(Enumerable.Range(0, bidders), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            enterprises[i] = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/organizations", new
            {
                name = $"压测竞买企业{i:000}",
                kind = "enterprise",
                creditCode = DemoCodes.CreditCode("330723", 900_001 + i),
                regionCode = "330723",
                address = "武义县",
            }, ct)));

        // Bidders' accounts and bearer tokens go straight into the database: signing 200 accounts in through
        // the password hash would only measure PBKDF2. Tokens are stored hashed exactly as sign-in stores them.
        var tokens = new List<string>();
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < bidders; i++)
            {
                var account = new Account($"bench-bidder-{i:000}", $"压测竞买人{i:000}", Role.Enterprise, "330723", enterprises[i], "", false, now);
                db.Accounts.Add(account);
                var bearer = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
                db.AccessTokens.Add(new AccessToken
                {
                    AccountId = account.Id,
                    TokenHash = SignInHandler.HashToken(bearer),
                    CreatedAt = now,
                    ExpiresAt = now.AddHours(4),
                    SecurityStamp = account.SecurityStamp,
                });
                tokens.Add(bearer);
            }
            await db.SaveChangesAsync();
        }

        // Lots can be added only before the start: 30 s covers creating them on a busy machine (3 s did not, at a
        // load average of 70), and the registrations that follow usually take longer anyway.
        var startsAt = DateTime.UtcNow.AddSeconds(30);
        var auctionId = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/auctions", new
        {
            title = "压测拍卖会",
            regionCode = "330723",
            startsAt,
            endsAt = startsAt.AddHours(2),
            softCloseSeconds = 300,
            depositRequired = true,
        }));
        var lots = new List<Guid>();
        foreach (var title in new[] { "压测成果（热门标的）", "压测成果（直连基线）", "压测成果（预热）" })
        {
            var achievementId = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/achievements", new
            {
                title,
                ownerOrganizationId = institution,
                field = "智能装备",
                keywords = Keywords,
                description = "竞价压测用成果。",
            }));
            lots.Add(await CreatedAsync(await admin.PostAsJsonAsync($"/api/v1/auctions/{auctionId}/lots", new
            {
                achievementId,
                startingPrice = 1m,
                increment = IncrementFen / 100m,
            })));
        }
        await Parallel.ForEachAsync(enterprises, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (organizationId, ct) =>
            await CreatedAsync(await admin.PostAsJsonAsync($"/api/v1/auctions/{auctionId}/bidders", new { organizationId, depositPaid = true }, ct)));
        var wait = startsAt - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        return new Setup(lots[0], lots[1], lots[2], tokens);
    }

    private static async Task<Phase> RunHttpAsync(Uri baseAddress, Setup setup, int seconds, int viewerCount, int warmup, Func<CpuTimes> cpu)
    {
        var broadcast = new Histogram();
        var heard = new ConcurrentDictionary<int, int>(); // seq → number of viewers that received it (measured lot)
        var knownPrice = 0L;
        void Heard(long fen)
        {
            long seen;
            while ((seen = Interlocked.Read(ref knownPrice)) < fen && Interlocked.CompareExchange(ref knownPrice, fen, seen) != seen)
            {
            }
        }

        var viewers = new ConcurrentBag<HubConnection>();
        await Parallel.ForEachAsync(Enumerable.Range(0, viewerCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, AuctionHub.Path), o => o.Transports = HttpTransportType.WebSockets)
                .Build();
            connection.On<BidEvent[]>(AuctionHub.BidsMessage, bids =>
            {
                var now = DateTime.UtcNow;
                foreach (var e in bids)
                {
                    if (e.LotId != setup.LotId)
                    {
                        Heard((long)(e.Price * 100)); // the warm-up lot: its bidders learn the price the same way
                        continue;
                    }
                    broadcast.Add((now - e.CommittedAt).TotalMilliseconds);
                    heard.AddOrUpdate(e.Seq, 1, (_, n) => n + 1);
                    Heard((long)(e.Price * 100));
                }
            });
            try
            {
                await connection.StartAsync(ct);
                await connection.InvokeAsync(nameof(AuctionHub.Watch), setup.LotId, ct);
                await connection.InvokeAsync(nameof(AuctionHub.Watch), setup.WarmupLotId, ct);
                viewers.Add(connection);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException)
            {
                await connection.DisposeAsync();
            }
        });

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var clients = setup.Tokens.Select(token =>
        {
            var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToList();

        // Every bidder bids again as soon as it is answered, at the price it last heard of plus the increment.
        async Task<(double Seconds, long Accepted, long Rejected, long Errors, Histogram Latency)> BidAsync(Guid lotId, int duration, string keyPrefix)
        {
            var latency = new Histogram();
            long accepted = 0, rejected = 0, errors = 0;
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var workers = clients.Select((client, b) => Task.Run(async () =>
            {
                var url = $"/api/v1/lots/{lotId}/bids";
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var known = Interlocked.Read(ref knownPrice);
                    var amount = (known == 0 ? 100 : known + IncrementFen) / 100m;
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        // The body written by hand: the benchmark's own CPU shares the machine with the server it measures.
                        using var content = new StringContent(
                            string.Create(CultureInfo.InvariantCulture, $"{{\"amount\":{amount},\"idempotencyKey\":\"{keyPrefix}{b}-{i}\"}}"),
                            System.Text.Encoding.UTF8, "application/json");
                        using var response = await client.PostAsync(url, content);
                        var body = await response.Content.ReadAsStringAsync();
                        latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref accepted);
                            Heard((long)(JsonDocument.Parse(body).RootElement.GetProperty("price").GetDecimal() * 100));
                        }
                        else if (response.StatusCode == HttpStatusCode.Conflict && body.Contains(MarketRules.BidTooLow, StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref rejected);
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(duration));
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            return (clock.Elapsed.TotalSeconds, accepted, rejected, errors, latency);
        }

        if (warmup > 0)
        {
            Console.WriteLine($"viewers: {viewers.Count} connected; warm-up: bidding on another lot for {warmup} s");
            var warm = await BidAsync(setup.WarmupLotId, warmup, "w");
            Console.WriteLine($"warm-up: {(warm.Accepted + warm.Rejected) / warm.Seconds:0} bids/s, p99 {warm.Latency.Percentile(0.99):0} ms (not counted)");
            await Task.Delay(1000); // the warm-up's last broadcasts
            Interlocked.Exchange(ref knownPrice, 0);
        }
        Console.WriteLine($"viewers: {viewers.Count} connected; bidding for {seconds} s");
        var before = cpu();
        var run = await BidAsync(setup.LotId, seconds, "b");
        var used = cpu() - before;
        await Task.Delay(1000); // the last broadcasts
        foreach (var client in clients)
        {
            client.Dispose();
        }

        using var reader = new HttpClient { BaseAddress = baseAddress };
        var bids = await JsonAsync(await reader.GetAsync($"/api/v1/lots/{setup.LotId}/bids"));
        var seqs = bids.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("seq").GetInt32()).ToList();
        var amounts = bids.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("amount").GetDecimal()).ToList();
        var consistent = seqs.SequenceEqual(Enumerable.Range(1, seqs.Count)) && seqs.Count == run.Accepted
            && amounts.Zip(amounts.Skip(1)).All(p => p.Second >= p.First + (IncrementFen / 100m));
        var missed = seqs.Sum(s => (long)viewers.Count - heard.GetValueOrDefault(s));
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }
        return new Phase(run.Seconds, run.Accepted, run.Rejected, run.Errors, run.Latency, broadcast, viewers.Count, missed, seqs.Count, consistent, used);
    }

    /// <summary>
    /// The bid's conditional update of the lot row (ADR 010's UPDATE, with the rules in its WHERE given by the same
    /// functions <c>market_place_bids</c> decides with, docs/adr/014-bid-rules-stated-once.md), each worker offering
    /// the last price it knows of plus the increment, as fast as the database takes it: no HTTP, no authentication,
    /// no reads, no bid row.
    /// </summary>
    private static async Task<Raw> RunRawAsync(string connectionString, int pool, Guid lotId, int workers, int seconds)
    {
        // The connection settings the server uses (DataSetup.PostgresConnection): the raw path as fast as it goes.
        await using var source = NpgsqlDataSource.Create(Kechuang.Platform.Data.DataSetup.PostgresConnection($"{connectionString};Maximum Pool Size={pool}"));
        long updates = 0, matched = 0, latestPrice;
        await using (var read = source.CreateCommand("SELECT current_price_fen FROM market_lot WHERE id = @id"))
        {
            // A run after the warm-up starts from the price the lot has reached, as the HTTP bidders do.
            read.Parameters.AddWithValue("id", lotId);
            latestPrice = Convert.ToInt64(await read.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
        }
        using var stop = new CancellationTokenSource();
        var leader = Guid.CreateVersion7();
        var startsAt = DateTime.UtcNow.AddMinutes(-1);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var known = Interlocked.Read(ref latestPrice);
                var amount = known == 0 ? 100 : known + IncrementFen;
                await using var connection = await source.OpenConnectionAsync();
                await using var update = new NpgsqlCommand(
                    "UPDATE market_lot l SET current_price_fen = @amount, seq = l.seq + 1, " +
                    "ends_at = market_bid_ends_after(l.status, l.seq, l.current_price_fen, l.starting_price_fen, l.increment_fen, l.ends_at, @starts, 300, @amount, @now), " +
                    "leader_bidder_id = @leader, leader_number = @number " +
                    "WHERE l.id = @id AND market_lot_refusal(l.status, l.seq, l.current_price_fen, l.starting_price_fen, l.increment_fen, l.ends_at, @starts, 300, @amount, @now) IS NULL",
                    connection);
                update.Parameters.AddWithValue("amount", amount);
                update.Parameters.AddWithValue("now", DateTime.UtcNow);
                update.Parameters.AddWithValue("starts", startsAt);
                update.Parameters.AddWithValue("leader", leader);
                update.Parameters.AddWithValue("number", "900001");
                update.Parameters.AddWithValue("id", lotId);
                var rows = await update.ExecuteNonQueryAsync();
                Interlocked.Increment(ref updates);
                if (rows == 1)
                {
                    Interlocked.Increment(ref matched);
                    long seen;
                    while ((seen = Interlocked.Read(ref latestPrice)) < amount && Interlocked.CompareExchange(ref latestPrice, amount, seen) != seen)
                    {
                    }
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        return new Raw(clock.Elapsed.TotalSeconds, updates, matched);
    }

    internal static async Task<Process> StartServerAsync(Uri baseAddress, string connectionString)
    {
        // Run from its own folder as a deployment does, so that its appsettings.json (log levels) applies:
        // from elsewhere every request would be logged to the console at Information.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kechuang.dll"));
        start.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        start.ArgumentList.Add("--Database:Provider=Postgres");
        start.ArgumentList.Add($"--ConnectionStrings:Kechuang={connectionString}");
        start.ArgumentList.Add("--Demo:Seed=false");
        start.ArgumentList.Add($"--Admin:Password={AdminPassword}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the server did not start:\n" + string.Join('\n', log));
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > 100)
        {
            log.TryDequeue(out _);
        }
    }

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<Guid> CreatedAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("id").GetGuid();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Milliseconds in 0.1 ms buckets up to 60 s; safe to add to from many threads.</summary>
    internal sealed class Histogram
    {
        private readonly long[] _buckets = new long[600_001];
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Add(double milliseconds)
        {
            var bucket = (int)Math.Clamp(milliseconds * 10, 0, _buckets.Length - 1);
            Interlocked.Increment(ref _buckets[bucket]);
            Interlocked.Increment(ref _count);
        }

        public double Percentile(double p)
        {
            var target = (long)Math.Ceiling(Count * p);
            long seen = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                seen += _buckets[i];
                if (seen >= target && seen > 0)
                {
                    return (i + 1) / 10.0;
                }
            }
            return 0;
        }
    }
}

/// <summary>CPU time (user + system, from /proc) of one process, of this benchmark process and of all PostgreSQL processes.</summary>
internal readonly record struct CpuTimes(double ProcessMs, double SelfMs, double PostgresMs)
{
    public static CpuTimes Take(int pid)
    {
        var postgres = 0.0;
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var p) && Read(p) is { Comm: "postgres" } stat)
            {
                postgres += stat.Ms;
            }
        }
        return new CpuTimes(Read(pid)?.Ms ?? 0, Read(Environment.ProcessId)?.Ms ?? 0, postgres);
    }

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) => new(a.ProcessMs - b.ProcessMs, a.SelfMs - b.SelfMs, a.PostgresMs - b.PostgresMs);

    private static (string Comm, double Ms)? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            var comm = text[(text.IndexOf('(') + 1)..close];
            var fields = text[(close + 2)..].Split(' ');
            // fields[11], fields[12]: utime, stime in clock ticks (100 per second on Linux)
            return (comm, (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
