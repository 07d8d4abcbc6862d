using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kechuang.Modules.Programs;
using Kechuang.Platform.Access;
using Kechuang.Platform.Demo;
using Npgsql;

namespace Kechuang.Bench;

/// <summary>
/// The expert review of a large call: 2,000 applications in review, 200 expert accounts, 5 reviewers each. The real
/// application (<c>kechuang.dll</c> in its own process, Production, PostgreSQL) takes every score through
/// <c>POST /api/v1/programs/applications/{id}/score</c>, the 200 experts scoring at once, each one application after
/// another as a reviewer at a screen does. Then the call's ranking is read through the API. The baseline is a raw
/// single-row INSERT of the same rows (every column of an assignment, into a table with the same indexes) by the same
/// number of workers through a pool of the same size, straight into the database.
/// The setup (call, applications, assignments, accounts and their bearer tokens) goes into the database directly: it is
/// not what is measured, and signing 200 experts in would only measure the password hash.
/// Both sides are measured the same way: the first fifth of each reviewer's rows is the cold phase (printed), the
/// rest the warm phase the ratio uses.
/// Usage: scripts/bench.sh programs-review [--applications N] [--reviewers R] [--per K] [--pool P]
/// </summary>
internal static class ProgramsReviewBench
{
    private const string Region = "330723";

    public static async Task<int> RunAsync(string[] args)
    {
        var applications = 2000;
        var reviewers = 200;
        var per = 5;
        var pool = 32;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--applications" when i + 1 < args.Length:
                    applications = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--reviewers" when i + 1 < args.Length:
                    reviewers = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--per" when i + 1 < args.Length:
                    per = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--pool" when i + 1 < args.Length:
                    pool = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: scripts/bench.sh programs-review [--applications N] [--reviewers R] [--per K] [--pool P]");
                    return 2;
            }
        }
        if (per > reviewers || per < 3)
        {
            Console.Error.WriteLine("--per must be at least 3 (the call drops the highest and lowest score) and at most --reviewers");
            return 2;
        }

        await using var host = new BenchHost(postgres: true);
        var connectionString = $"{host.ConnectionString};Maximum Pool Size={pool}";
        var baseAddress = new Uri($"http://127.0.0.1:{AuctionBench.FreePort()}/");
        var server = await AuctionBench.StartServerAsync(baseAddress, connectionString);
        Setup setup;
        Phase cold, warm;
        Ranking ranking;
        try
        {
            var clock = Stopwatch.StartNew();
            setup = await SetUpAsync(host, baseAddress, applications, reviewers, per);
            Console.WriteLine($"setup: {applications} applications in review, {reviewers} reviewers, {per} each ({setup.Work.Sum(w => w.Count)} scores to enter) " +
                              $"in {clock.Elapsed.TotalSeconds:0.0} s");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = reviewers }) { BaseAddress = baseAddress };
            var split = ColdShare(setup.Work);
            cold = await ScoreAsync(http, setup, 0, split, server.Id);
            warm = await ScoreAsync(http, setup, split, int.MaxValue, server.Id);
            ranking = await RankAsync(http, setup);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await Task.Delay(2000); // its pool's PostgreSQL backends exit: their CPU must not leave the raw run's figure
        }

        var rawCold = await InsertRawAsync(host.ConnectionString, pool, setup, 0, ColdShare(setup.Work));
        var rawWarm = await InsertRawAsync(host.ConnectionString, pool, setup, ColdShare(setup.Work), int.MaxValue);

        Console.WriteLine(Line("api cold", cold) + $" (the first {ColdShare(setup.Work)} of each reviewer's scores)");
        Console.WriteLine(Line("api warm", warm));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu per score (warm): server {warm.Cpu.ProcessMs / warm.Requests:0.00} ms, postgres {warm.Cpu.PostgresMs / warm.Requests:0.00} ms, bench client {warm.Cpu.SelfMs / warm.Requests:0.00} ms"));
        Console.WriteLine(Line("raw cold", rawCold));
        Console.WriteLine(Line("raw warm", rawWarm) + $" (single-row INSERT, {reviewers} workers over {pool} connections)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ranking: {ranking.Rows} applications, cold {ranking.ColdMs:0} ms, warm median {ranking.WarmMs:0} ms; every application scored {per} of {per} with the expected average: {ranking.Consistent}"));
        var ratio = warm.Rate / rawWarm.Rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"programs-review: {warm.Rate:0} vs raw {rawWarm.Rate:0} = {ratio:0.00}, ranking {ranking.WarmMs:0} ms"));
        return ranking.Consistent && cold.Errors + warm.Errors == 0 ? 0 : 1;
    }

    /// <summary>One score to enter: the application, the reviewer's position among its reviewers, and the points.</summary>
    private sealed record Work(Guid ApplicationId, Guid AssignmentId, int[] Points);

    private sealed record Setup(Guid CallId, string AdminBearer, IReadOnlyList<Guid> ReviewerIds, IReadOnlyList<string> Tokens, IReadOnlyList<List<Work>> Work,
        IReadOnlyDictionary<Guid, decimal> Expected, string Comment);

    private sealed record Phase(double Seconds, long Requests, long Errors, AuctionBench.Histogram Latency, CpuTimes Cpu)
    {
        public double Rate => Requests / Seconds;
    }

    private sealed record Ranking(int Rows, double ColdMs, double WarmMs, bool Consistent);

    private static int ColdShare(IReadOnlyList<List<Work>> work) => Math.Max(1, work.Min(w => w.Count) / 5);

    private static string Line(string name, Phase phase) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {phase.Requests} rows in {phase.Seconds:0.00} s = {phase.Rate:0}/s, p50 {phase.Latency.Percentile(0.5):0.0} ms, p99 {phase.Latency.Percentile(0.99):0.0} ms, {phase.Errors} errors");

    private static async Task<Setup> SetUpAsync(BenchHost host, Uri baseAddress, int applicationCount, int reviewerCount, int per)
    {
        var now = DateTime.UtcNow;
        var adminBearer = NewBearer();
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var admin = db.Accounts.Single(a => a.UserName == Bootstrap.AdminUserName);
            db.AccessTokens.Add(Token(admin, adminBearer, now));
            await db.SaveChangesAsync();
        }

        // The applicants are real directory records, made through the API as a clerk would: the ranking names them.
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminBearer);
        var enterprises = new Guid[Math.Min(100, applicationCount)];
        await Parallel.ForEachAsync(Enumerable.Range(0, enterprises.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            enterprises[i] = await AuctionBench.CreatedAsync(await client.PostAsJsonAsync("/api/v1/organizations", new
            {
                name = $"压测申报企业{i:000}",
                kind = "enterprise",
                creditCode = DemoCodes.CreditCode(Region, 920_000 + i),
                regionCode = Region,
                address = "武义县",
            }, ct)));

        var random = new Random(20_260_302);
        var tokens = new List<string>();
        var reviewerIds = new List<Guid>();
        var work = Enumerable.Range(0, reviewerCount).Select(_ => new List<Work>()).ToList();
        var expected = new Dictionary<Guid, decimal>();
        Guid callId;
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var experts = new List<Account>();
            for (var r = 0; r < reviewerCount; r++)
            {
                var account = new Account($"bench-reviewer-{r:000}", $"压测评审专家{r:000}", Role.Expert, Region, null, "", false, now);
                db.Accounts.Add(account);
                var bearer = NewBearer();
                db.AccessTokens.Add(Token(account, bearer, now));
                tokens.Add(bearer);
                reviewerIds.Add(account.Id);
                experts.Add(account);
            }
            var call = new PlanCall(new CallFacts(Region, PlanLevel.County, 2099, "一般研发", "压测县级科技计划项目申报通知", new(2099, 3, 1), new(2099, 4, 15), null,
                true, ProgramsRules.DefaultNoticeDays, ProgramsRules.DefaultCriteria), now);
            db.Add(call);
            callId = call.Id;
            var maxima = ProgramsRules.DefaultCriteria.Select(c => c.MaxPoints).ToArray();
            for (var i = 0; i < applicationCount; i++)
            {
                var application = new PlanApplication(call.Id, new ApplicationFacts(Region, enterprises[i % enterprises.Length], $"压测项目{i:0000}", "王立新", null,
                    300_000m, 100_000m, [new DocumentInfo("项目申报书.pdf", "申报书", 36)]), new(2099, 3, 10), now);
                db.Add(application);
                application.Check(true, null, new(2099, 4, 20), now);
                application.StartReview(now);
                var totals = new List<decimal>();
                for (var k = 0; k < per; k++)
                {
                    // Reviewers in turn, so each has the same number of applications and no application has one twice.
                    var reviewer = (i * per + k) % reviewerCount;
                    var assignment = new ReviewAssignment(application, experts[reviewer].Id, experts[reviewer].DisplayName, now);
                    db.Add(assignment);
                    var points = maxima.Select(m => random.Next(m / 3, m + 1)).ToArray();
                    totals.Add(points.Sum());
                    work[reviewer].Add(new Work(application.Id, assignment.Id, points));
                }
                expected[application.Id] = ProgramsRules.AverageScore(totals, dropHighLow: true);
            }
            await db.SaveChangesAsync();
        }
        return new Setup(callId, adminBearer, reviewerIds, tokens, work, expected, "技术路线清晰，创新点明确，建议支持。");
    }

    private static async Task<Phase> ScoreAsync(HttpClient http, Setup setup, int from, int to, int serverPid)
    {
        var latency = new AuctionBench.Histogram();
        long requests = 0, errors = 0;
        var before = CpuTimes.Take(serverPid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(setup.Work.Select(async (mine, r) =>
        {
            foreach (var item in mine.Take(to).Skip(from))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/programs/applications/{item.ApplicationId}/score")
                {
                    Content = JsonContent.Create(new { points = item.Points, comment = setup.Comment }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", setup.Tokens[r]);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Phase(seconds, requests, errors, latency, CpuTimes.Take(serverPid) - before);
    }

    /// <summary>The call's ranking as the clerk opens it: the first read, then the median of five more.</summary>
    private static async Task<Ranking> RankAsync(HttpClient http, Setup setup)
    {
        async Task<(double Ms, List<RankingRow> Rows)> ReadAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/programs/calls/{setup.CallId}/ranking");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", setup.AdminBearer);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var rows = await response.Content.ReadFromJsonAsync<List<RankingRow>>() ?? [];
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows);
        }

        var (coldMs, rows) = await ReadAsync();
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            warm.Add((await ReadAsync()).Ms);
        }
        warm.Sort();
        var per = setup.Work.Sum(w => w.Count) / setup.Expected.Count;
        var consistent = rows.Count == setup.Expected.Count
            && rows.All(r => r.Scored == per && r.Score == setup.Expected[r.Id])
            && rows.Zip(rows.Skip(1)).All(p => p.First.Score >= p.Second.Score);
        return new Ranking(rows.Count, coldMs, warm[warm.Count / 2], consistent);
    }

    private static async Task<Phase> InsertRawAsync(string connectionString, int pool, Setup setup, int from, int to)
    {
        var builder = new NpgsqlDataSourceBuilder($"{connectionString};Maximum Pool Size={pool}");
        await using var source = builder.Build();
        if (from == 0)
        {
            await using var create = source.CreateCommand(
                "CREATE TABLE bench_raw_score (LIKE programs_review_assignment INCLUDING DEFAULTS INCLUDING INDEXES)");
            await create.ExecuteNonQueryAsync();
        }
        var latency = new AuctionBench.Histogram();
        long rows = 0;
        var before = CpuTimes.Take(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(setup.Work.Select(async (mine, r) =>
        {
            foreach (var item in mine.Take(to).Skip(from))
            {
                var started = Stopwatch.GetTimestamp();
                await using var insert = source.CreateCommand(
                    "INSERT INTO bench_raw_score (id, application_id, call_id, region_code, reviewer_id, reviewer_name, assigned_at, conflict, points, total, comment, scored_at) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8, $9, $10, $11)");
                var now = DateTime.UtcNow;
                insert.Parameters.Add(new NpgsqlParameter { Value = item.AssignmentId });
                insert.Parameters.Add(new NpgsqlParameter { Value = item.ApplicationId });
                insert.Parameters.Add(new NpgsqlParameter { Value = setup.CallId });
                insert.Parameters.Add(new NpgsqlParameter { Value = Region });
                insert.Parameters.Add(new NpgsqlParameter { Value = setup.ReviewerIds[r] });
                insert.Parameters.Add(new NpgsqlParameter { Value = $"压测评审专家{r:000}" });
                insert.Parameters.Add(new NpgsqlParameter { Value = now });
                insert.Parameters.Add(new NpgsqlParameter { Value = string.Join(',', item.Points) });
                insert.Parameters.Add(new NpgsqlParameter { Value = (decimal)item.Points.Sum() });
                insert.Parameters.Add(new NpgsqlParameter { Value = setup.Comment });
                insert.Parameters.Add(new NpgsqlParameter { Value = now });
                await insert.ExecuteNonQueryAsync();
                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref rows);
            }
        }));
        return new Phase(clock.Elapsed.TotalSeconds, rows, 0, latency, CpuTimes.Take(Environment.ProcessId) - before);
    }

    private static string NewBearer() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private static AccessToken Token(Account account, string bearer, DateTime now) => new()
    {
        AccountId = account.Id,
        TokenHash = SignInHandler.HashToken(bearer),
        CreatedAt = now,
        ExpiresAt = now.AddHours(4),
        SecurityStamp = account.SecurityStamp,
    };
}
