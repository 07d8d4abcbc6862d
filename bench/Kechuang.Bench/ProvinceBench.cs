using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Kechuang.Bench;

/// <summary>
/// A province on one installation: 浙江's 11 cities and 90 counties from the region reference data, 1,000,000
/// contracts, 500,000 enterprises with three yearly records each, 100,000 achievements and the audit entries of their
/// creation, generated once by binary COPY into a database of its own and reused. Then staff accounts of many counties
/// and of the cities (created through the account API as an administrator does) browse lists with filters, open
/// details and the home dashboard and export, through nginx to two nodes (scripts/cluster.sh), for a minute.
/// Last line: province: list p95 … ms, detail p95 … ms, dashboard … ms, city … ms, scope …x, errors n
/// </summary>
internal static class ProvinceBench
{
    private const int Years = 3;
    private const int FirstYear = 2023;

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = 1.0;
        var users = 200;
        var seconds = 60;
        var port = 8090;
        var app = "build:Release";
        var thinkMs = 1000;
        string? database = null;
        var keepCluster = false;
        var pool = 30;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows-scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--users": users = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--port": port = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--app": app = args[++i]; break;
                case "--think-ms": thinkMs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--database": database = args[++i]; break;
                case "--keep-cluster": keepCluster = true; break;
                case "--pool": pool = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: scripts/bench.sh province [--rows-scale 0.05] [--users 200] [--seconds 60] [--think-ms 1000] [--port 8090] [--app build:Release|publish] [--database NAME] [--pool 30] [--keep-cluster]");
                    return 2;
            }
        }
        // One database per scale, so a quick run never throws away the full province.
        database ??= scale >= 1.0 ? "kechuang_province" : $"kechuang_province_{(int)Math.Round(scale * 1000):D3}";
        var counts = new Counts((int)(1_000_000 * scale), (int)(500_000 * scale), (int)(100_000 * scale));

        await using var host = new BenchHost(keepDatabase: database);
        var regions = await GenerateAsync(host, counts, database);

        var scope = await ScopeRatioAsync(host, regions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scope filter: county list page {scope.Scoped:0.00} ms with the county's data scope vs {scope.Unscoped:0.00} ms unscoped (system scope, the county as the list's region filter) = {scope.Scoped / scope.Unscoped:0.00}x"));

        var cluster = await ClusterAsync("up", port, database, app, pool);
        if (cluster != 0)
        {
            return cluster;
        }
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var accounts = await AccountsAsync(host, baseAddress, regions, users);
            var result = await LoadAsync(baseAddress, accounts, regions, seconds, thinkMs);
            Console.WriteLine($"load: {users} users ({accounts.Count(a => a.City)} city, {accounts.Count(a => !a.City)} county), {seconds} s, think {thinkMs} ms, {result.Total} requests ({result.Total / (double)seconds:0.0}/s), {result.Errors} errors");
            foreach (var (kind, h) in result.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {kind,-10} n={h.Count,6}  p50 {h.Percentile(0.50),7:0.0} ms  p95 {h.Percentile(0.95),7:0.0} ms  p99 {h.Percentile(0.99),7:0.0} ms  max {h.Percentile(1.0),7:0.0} ms"));
            }
            foreach (var error in result.ErrorSamples.Take(5))
            {
                Console.WriteLine($"  error: {error}");
            }
            double P95(string kind) => result.Kinds.TryGetValue(kind, out var h) ? h.Percentile(0.95) : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"province: list p95 {P95("list"):0} ms, detail p95 {P95("detail"):0} ms, dashboard {P95("dashboard"):0} ms, city {P95("city"):0} ms, scope {scope.Scoped / scope.Unscoped:0.00}x, errors {result.Errors}"));
            return 0;
        }
        finally
        {
            if (!keepCluster)
            {
                await ClusterAsync("down", port, database, app, pool);
            }
        }
    }

    private sealed record Counts(int Contracts, int Enterprises, int Achievements);

    internal sealed record Region(string Code, string Name, string CityCode);

    private sealed record Regions(IReadOnlyList<Region> Counties, IReadOnlyList<Region> Cities);

    // ---- generation -------------------------------------------------------------------------------------------------

    private static async Task<Regions> GenerateAsync(BenchHost host, Counts counts, string database)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await ExecAsync(connection, "CREATE TABLE IF NOT EXISTS bench_province (contracts int, enterprises int, achievements int, seconds double precision, generated_at timestamptz)");
        var done = await ScalarAsync(connection, "SELECT count(*) FROM bench_province");
        if ((long)done! == 0)
        {
            await host.MigrateAsync();
        }
        var regions = await RegionsAsync(connection);
        Console.WriteLine($"province: 浙江, {regions.Cities.Count} cities, {regions.Counties.Count} counties (database {database})");
        if ((long)done! > 0)
        {
            await using var read = new NpgsqlCommand("SELECT contracts, enterprises, achievements, seconds FROM bench_province", connection);
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generation: reused ({reader.GetInt32(0):N0} contracts, {reader.GetInt32(1):N0} enterprises, {reader.GetInt32(2):N0} achievements, generated in {reader.GetDouble(3):0.0} s)"));
            return regions;
        }

        var now = DateTime.UtcNow;
        var random = new Random(20261206);
        var orgIds = new Guid[counts.Enterprises];
        var orgRegion = new int[counts.Enterprises];
        var audit = new AuditWriter(connection);
        await audit.StartAsync();

        // Enterprises: directory organisation, 企业档案 and three yearly records each.
        var step = Stopwatch.StartNew();
        await using (var orgs = await connection.BeginBinaryImportAsync(
            "COPY directory_organization (id, name, kind, credit_code, region_code, address, is_shared_with_all, created_at, updated_at, name_initials) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < counts.Enterprises; i++)
            {
                var county = i % regions.Counties.Count;
                var region = regions.Counties[county];
                var id = Guid.CreateVersion7();
                orgIds[i] = id;
                orgRegion[i] = county;
                var name = $"{region.Name}{Words[i % Words.Length]}{Words[(i / Words.Length) % Words.Length]}科技有限公司{i:D6}";
                await orgs.StartRowAsync();
                await orgs.WriteAsync(id, NpgsqlDbType.Uuid);
                await orgs.WriteAsync(name, NpgsqlDbType.Varchar);
                await orgs.WriteAsync("Enterprise", NpgsqlDbType.Varchar);
                await orgs.WriteAsync(DemoCodes.CreditCode(region.Code, 2_000_000 + i), NpgsqlDbType.Varchar);
                await orgs.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                await orgs.WriteAsync($"{region.Name}科创路{i % 999 + 1}号", NpgsqlDbType.Varchar);
                await orgs.WriteAsync(false, NpgsqlDbType.Boolean);
                await orgs.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await orgs.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await orgs.WriteAsync($"kj{i:D6}", NpgsqlDbType.Varchar);
                audit.Add(now, "directory_organization", id, $"{{\"Id\":\"{id}\",\"Kind\":\"Enterprise\",\"Name\":\"{name}\",\"RegionCode\":\"{region.Code}\"}}");
            }
            await orgs.CompleteAsync();
        }
        await using (var profiles = await connection.BeginBinaryImportAsync(
            "COPY enterprises_profile (id, organization_id, region_code, name, industry_code, tax_collection, registration_date, resident_enterprise, restricted_or_eliminated, in_supported_field, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < counts.Enterprises; i++)
            {
                var region = regions.Counties[orgRegion[i]];
                await profiles.StartRowAsync();
                await profiles.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await profiles.WriteAsync(orgIds[i], NpgsqlDbType.Uuid);
                await profiles.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                await profiles.WriteAsync($"{region.Name}{Words[i % Words.Length]}{Words[(i / Words.Length) % Words.Length]}科技有限公司{i:D6}", NpgsqlDbType.Varchar);
                await profiles.WriteAsync(Industries[i % Industries.Length], NpgsqlDbType.Varchar);
                await profiles.WriteAsync("ActualProfit", NpgsqlDbType.Varchar);
                await profiles.WriteAsync(new DateOnly(1995 + (i % 28), 1 + (i % 12), 1 + (i % 28)), NpgsqlDbType.Date);
                await profiles.WriteAsync(true, NpgsqlDbType.Boolean);
                await profiles.WriteAsync(false, NpgsqlDbType.Boolean);
                await profiles.WriteAsync(i % 3 != 0, NpgsqlDbType.Boolean);
                await profiles.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await profiles.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await profiles.CompleteAsync();
        }
        await using (var years = await connection.BeginBinaryImportAsync(
            "COPY enterprises_year_record (id, organization_id, region_code, year, sales_revenue_fen, total_income_fen, non_taxable_income_fen, high_tech_revenue_fen, total_assets_fen, liabilities_fen, rd_in_house_domestic_fen, rd_commissioned_domestic_fen, rd_commissioned_overseas_fen, total_costs_and_expenses_fen, employees, tech_staff, transformations, serious_incidents, on_credit_blacklist, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < counts.Enterprises; i++)
            {
                var region = regions.Counties[orgRegion[i]];
                var sales = (long)random.Next(1_000, 500_000) * 100_000;
                for (var y = 0; y < Years; y++)
                {
                    var revenue = sales + (sales / 10 * y);
                    await years.StartRowAsync();
                    await years.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await years.WriteAsync(orgIds[i], NpgsqlDbType.Uuid);
                    await years.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                    await years.WriteAsync(FirstYear + y, NpgsqlDbType.Integer);
                    await years.WriteAsync(revenue, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue + (revenue / 20), NpgsqlDbType.Bigint);
                    await years.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue * 6 / 10, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue * 2, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue * 4 / 100, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue / 100, NpgsqlDbType.Bigint);
                    await years.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await years.WriteAsync(revenue * 9 / 10, NpgsqlDbType.Bigint);
                    var employees = 20 + (i % 400);
                    await years.WriteAsync(employees, NpgsqlDbType.Integer);
                    await years.WriteAsync(employees / 8, NpgsqlDbType.Integer);
                    await years.WriteAsync(i % 5, NpgsqlDbType.Integer);
                    await years.WriteAsync(false, NpgsqlDbType.Boolean);
                    await years.WriteAsync(false, NpgsqlDbType.Boolean);
                    await years.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await years.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
            }
            await years.CompleteAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generation: {counts.Enterprises:N0} enterprises, profiles and {counts.Enterprises * Years:N0} yearly records in {step.Elapsed.TotalSeconds:0.0} s"));

        // Contracts: the seller an enterprise of the county, the buyer anywhere in the province; most registered.
        step.Restart();
        var perCounty = Math.Max(1, counts.Enterprises / regions.Counties.Count);
        await using (var contracts = await connection.BeginBinaryImportAsync(
            "COPY contracts_contract (id, title, type, seller_id, buyer_id, sign_date, amount_fen, transaction_amount_fen, region_code, status, registration_number, registered_on, submitted_on, created_at, updated_at, version, organization_id, tech_field, plan_category, seller_country, seller_division, seller_nature, buyer_country, buyer_division, buyer_nature) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < counts.Contracts; i++)
            {
                var county = i % regions.Counties.Count;
                var region = regions.Counties[county];
                var seller = Math.Min(county + (regions.Counties.Count * random.Next(perCounty)), counts.Enterprises - 1);
                var buyer = random.Next(counts.Enterprises);
                var signed = new DateOnly(FirstYear, 1, 1).AddDays(random.Next(365 * Years - 40));
                var registered = i % 10 < 8;
                var status = registered ? "Registered" : Statuses[i % Statuses.Length];
                var amount = (long)random.Next(10, 5_000) * 1_000_000;
                var id = Guid.CreateVersion7();
                var title = $"{Words[i % Words.Length]}{Topics[(i / 7) % Topics.Length]}技术{Types[i % Types.Length].Name}合同";
                await contracts.StartRowAsync();
                await contracts.WriteAsync(id, NpgsqlDbType.Uuid);
                await contracts.WriteAsync(title, NpgsqlDbType.Varchar);
                await contracts.WriteAsync(Types[i % Types.Length].Code, NpgsqlDbType.Varchar);
                await contracts.WriteAsync(orgIds[seller], NpgsqlDbType.Uuid);
                await contracts.WriteAsync(orgIds[buyer], NpgsqlDbType.Uuid);
                await contracts.WriteAsync(signed, NpgsqlDbType.Date);
                await contracts.WriteAsync(amount, NpgsqlDbType.Bigint);
                await contracts.WriteAsync(amount * 9 / 10, NpgsqlDbType.Bigint);
                await contracts.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                await contracts.WriteAsync(status, NpgsqlDbType.Varchar);
                if (registered)
                {
                    await contracts.WriteAsync($"{signed.Year % 100:D2}{region.Code}{i:D8}", NpgsqlDbType.Varchar);
                    await contracts.WriteAsync(signed.AddDays(20), NpgsqlDbType.Date);
                    await contracts.WriteAsync(signed.AddDays(5), NpgsqlDbType.Date);
                }
                else
                {
                    await contracts.WriteNullAsync();
                    await contracts.WriteNullAsync();
                    if (status == "Draft")
                    {
                        await contracts.WriteNullAsync();
                    }
                    else
                    {
                        await contracts.WriteAsync(signed.AddDays(5), NpgsqlDbType.Date);
                    }
                }
                await contracts.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await contracts.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await contracts.WriteAsync(1, NpgsqlDbType.Integer);
                await contracts.WriteAsync(orgIds[seller], NpgsqlDbType.Uuid);
                await contracts.WriteAsync($"{1 + (i % 9):D2}", NpgsqlDbType.Varchar);
                await contracts.WriteAsync("00", NpgsqlDbType.Varchar);
                await contracts.WriteAsync("156", NpgsqlDbType.Varchar);
                await contracts.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                await contracts.WriteAsync("150", NpgsqlDbType.Varchar);
                await contracts.WriteAsync("156", NpgsqlDbType.Varchar);
                await contracts.WriteAsync(regions.Counties[orgRegion[buyer]].Code, NpgsqlDbType.Varchar);
                await contracts.WriteAsync("160", NpgsqlDbType.Varchar);
                audit.Add(now, "contracts_contract", id, $"{{\"AmountFen\":{amount},\"Id\":\"{id}\",\"RegionCode\":\"{region.Code}\",\"Status\":\"{status}\",\"Title\":\"{title}\"}}");
            }
            await contracts.CompleteAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generation: {counts.Contracts:N0} contracts in {step.Elapsed.TotalSeconds:0.0} s"));

        step.Restart();
        await using (var achievements = await connection.BeginBinaryImportAsync(
            "COPY market_achievement (id, title, owner_organization_id, owner_name, owner_region_code, field, keywords, maturity, description, status, created_at, updated_at, listing_region_code) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < counts.Achievements; i++)
            {
                var owner = random.Next(counts.Enterprises);
                var region = regions.Counties[orgRegion[owner]];
                var id = Guid.CreateVersion7();
                var title = $"{Words[i % Words.Length]}{Topics[(i / 3) % Topics.Length]}成果{i:D6}";
                await achievements.StartRowAsync();
                await achievements.WriteAsync(id, NpgsqlDbType.Uuid);
                await achievements.WriteAsync(title, NpgsqlDbType.Varchar);
                await achievements.WriteAsync(orgIds[owner], NpgsqlDbType.Uuid);
                await achievements.WriteAsync($"{region.Name}企业{owner:D6}", NpgsqlDbType.Varchar);
                await achievements.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                await achievements.WriteAsync(Fields[i % Fields.Length], NpgsqlDbType.Varchar);
                await achievements.WriteAsync($"{Topics[i % Topics.Length]};{Topics[(i + 3) % Topics.Length]}", NpgsqlDbType.Varchar);
                await achievements.WriteAsync("Pilot", NpgsqlDbType.Varchar);
                await achievements.WriteAsync("省内企业研发的可转化技术成果。", NpgsqlDbType.Varchar);
                await achievements.WriteAsync(i % 4 == 0 ? "Sold" : "Listed", NpgsqlDbType.Varchar);
                await achievements.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await achievements.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await achievements.WriteAsync(region.Code, NpgsqlDbType.Varchar);
                audit.Add(now, "market_achievement", id, $"{{\"Id\":\"{id}\",\"OwnerRegionCode\":\"{region.Code}\",\"Title\":\"{title}\"}}");
            }
            await achievements.CompleteAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generation: {counts.Achievements:N0} achievements in {step.Elapsed.TotalSeconds:0.0} s"));

        step.Restart();
        var entries = await audit.CompleteAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generation: {entries:N0} audit entries (chained) in {step.Elapsed.TotalSeconds:0.0} s"));

        step.Restart();
        await ExecAsync(connection, "ANALYZE");
        await using (var mark = new NpgsqlCommand("INSERT INTO bench_province VALUES (@c, @e, @a, @s, now())", connection))
        {
            mark.Parameters.AddWithValue("c", counts.Contracts);
            mark.Parameters.AddWithValue("e", counts.Enterprises);
            mark.Parameters.AddWithValue("a", counts.Achievements);
            mark.Parameters.AddWithValue("s", watch.Elapsed.TotalSeconds);
            await mark.ExecuteNonQueryAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generation: analyze {step.Elapsed.TotalSeconds:0.0} s; total {watch.Elapsed.TotalSeconds:0.0} s"));
        return regions;
    }

    /// <summary>Audit entries as the recorder chains them (SM3 over the previous hash), written after the records by COPY.</summary>
    private sealed class AuditWriter(NpgsqlConnection connection)
    {
        private readonly List<(DateTime At, string Entity, Guid Key, string After)> _pending = [];
        private long _seq;
        private string _prev = AuditEntry.GenesisHash;

        public async Task StartAsync()
        {
            await using var last = new NpgsqlCommand("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1", connection);
            await using var reader = await last.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                _seq = reader.GetInt64(0);
                _prev = reader.GetString(1);
            }
        }

        public void Add(DateTime at, string entity, Guid key, string after) => _pending.Add((at, entity, key, after));

        public async Task<int> CompleteAsync()
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY audit_entry (seq, at, account, entity, entity_key, action, after, prev_hash, hash) FROM STDIN (FORMAT BINARY)");
            foreach (var (at, entity, key, after) in _pending)
            {
                var entry = new AuditEntry
                {
                    Seq = ++_seq,
                    At = AuditEntry.Truncate(at),
                    Account = "system:province-bench",
                    Entity = entity,
                    EntityKey = key.ToString(),
                    Action = "create",
                    After = after,
                    PrevHash = _prev,
                };
                entry.Hash = entry.ComputeHash();
                _prev = entry.Hash;
                await copy.StartRowAsync();
                await copy.WriteAsync(entry.Seq, NpgsqlDbType.Bigint);
                await copy.WriteAsync(entry.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(entry.Account, NpgsqlDbType.Varchar);
                await copy.WriteAsync(entry.Entity, NpgsqlDbType.Varchar);
                await copy.WriteAsync(entry.EntityKey, NpgsqlDbType.Varchar);
                await copy.WriteAsync(entry.Action, NpgsqlDbType.Varchar);
                await copy.WriteAsync(entry.After, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.PrevHash, NpgsqlDbType.Varchar);
                await copy.WriteAsync(entry.Hash, NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
            var count = _pending.Count;
            _pending.Clear();
            return count;
        }
    }

    private static async Task<Regions> RegionsAsync(NpgsqlConnection connection)
    {
        var counties = new List<Region>();
        var cities = new List<Region>();
        await using var command = new NpgsqlCommand(
            "SELECT code, name, parent_code, level FROM directory_region WHERE code LIKE '33%' AND level IN ('City', 'County') ORDER BY code", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var region = new Region(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2));
            (reader.GetString(3) == "City" ? cities : counties).Add(region);
        }
        return new Regions(counties, cities);
    }

    // ---- the scope filter's cost ------------------------------------------------------------------------------------

    private static async Task<(double Scoped, double Unscoped)> ScopeRatioAsync(BenchHost host, Regions regions)
    {
        const int Queries = 60;
        var counties = regions.Counties.Take(10).Select(c => c.Code).ToArray();
        async Task<double> TimeAsync(bool scoped)
        {
            var total = 0.0;
            foreach (var county in counties)
            {
                await using var db = await host.OpenAsync(u =>
                {
                    if (scoped)
                    {
                        u.Set(SignInHandler.Principal(new Account("bench", "基准", Role.CountyStaff, county, null, "", false, DateTime.UtcNow), "bench"));
                    }
                    else
                    {
                        u.UseSystemScope("bench");
                    }
                });
                // The list's shape: registered contracts of the county, latest signed first, a page and the count.
                async Task<int> PageAsync()
                {
                    var query = db.Set<TechContract>().AsNoTracking().Where(c => c.Status == ContractStatus.Registered);
                    if (!scoped)
                    {
                        // The same rows filtered the way the list's region filter does (a county's towns included),
                        // so the two differ only by the scope's own predicate.
                        query = query.UnderRegion(county);
                    }
                    return (await query.OrderByDescending(c => c.SignDate).Take(20).ToListAsync()).Count + await query.CountAsync();
                }
                await PageAsync();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < Queries / counties.Length + 1; i++)
                {
                    await PageAsync();
                }
                total += watch.Elapsed.TotalMilliseconds / (Queries / counties.Length + 1);
            }
            return total / counties.Length;
        }
        // Alternated and repeated so neither side has the cold cache alone.
        var unscoped = await TimeAsync(false);
        var scoped = await TimeAsync(true);
        unscoped = Math.Min(unscoped, await TimeAsync(false));
        scoped = Math.Min(scoped, await TimeAsync(true));
        return (scoped, unscoped);
    }

    // ---- the cluster, the accounts and the load ---------------------------------------------------------------------

    // Two nodes of 100 connections each would exceed the server's 100 (max_connections): the pool is capped per node.
    private static async Task<int> ClusterAsync(string action, int port, string database, string app, int pool)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var script = Path.Combine(root, "scripts", "cluster.sh");
        if (!File.Exists(script))
        {
            root = Directory.GetCurrentDirectory();
            script = Path.Combine(root, "scripts", "cluster.sh");
        }
        var start = new ProcessStartInfo("bash", [script, action, "--port", port.ToString(CultureInfo.InvariantCulture), "--database", database, "--app", app, "--pool", pool.ToString(CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = root,
        };
        // The generated province is the data: no demo dataset on top of it.
        start.Environment["Demo__Seed"] = "false";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Console.WriteLine($"cluster {action}: exit {process.ExitCode} in {watch.Elapsed.TotalSeconds:0.0} s");
        return process.ExitCode;
    }

    internal sealed record StaffAccount(string UserName, string Token, bool City, Region Region);

    private static async Task<IReadOnlyList<StaffAccount>> AccountsAsync(BenchHost host, Uri baseAddress, Regions regions, int users)
    {
        using var admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
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

        // About one in nine a city's staff (all its counties), the others county staff spread over every county.
        var cityUsers = Math.Max(1, users / 9);
        var wanted = new List<(string UserName, bool City, Region Region)>();
        for (var i = 0; i < users; i++)
        {
            var city = i < cityUsers;
            var region = city ? regions.Cities[i % regions.Cities.Count] : regions.Counties[(i - cityUsers) % regions.Counties.Count];
            wanted.Add(($"province-{(city ? "city" : "county")}-{i:D3}", city, region));
        }
        HashSet<string> existing;
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var names = wanted.Select(w => w.UserName).ToList();
            existing = [.. await db.Accounts.Where(a => names.Contains(a.UserName)).Select(a => a.UserName).ToListAsync()];
        }
        var created = Stopwatch.StartNew();
        var toCreate = wanted.Where(w => !existing.Contains(w.UserName)).ToList();
        await Parallel.ForEachAsync(toCreate, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (w, ct) =>
        {
            var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
            {
                userName = w.UserName,
                password = "Province-Bench-2026!",
                displayName = $"{w.Region.Name}压测{(w.City ? "市局" : "县局")}人员",
                role = w.City ? "city-staff" : "county-staff",
                regionCode = w.Region.Code,
                mustChangePassword = false,
            }, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"creating {w.UserName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        Console.WriteLine($"accounts: {toCreate.Count} created through /api/v1/admin/users, {existing.Count} reused, in {created.Elapsed.TotalSeconds:0.0} s");

        // Bearer tokens straight into the database, hashed as sign-in stores them: signing 200 accounts in would only
        // measure the password hash.
        var accounts = new List<StaffAccount>();
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var names = wanted.Select(w => w.UserName).ToList();
            var rows = await db.Accounts.Where(a => names.Contains(a.UserName)).ToDictionaryAsync(a => a.UserName);
            var now = DateTime.UtcNow;
            foreach (var w in wanted)
            {
                var account = rows[w.UserName];
                var bearer = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
                db.AccessTokens.Add(new AccessToken
                {
                    AccountId = account.Id,
                    TokenHash = SignInHandler.HashToken(bearer),
                    CreatedAt = now,
                    ExpiresAt = now.AddHours(4),
                    SecurityStamp = account.SecurityStamp,
                });
                accounts.Add(new StaffAccount(w.UserName, bearer, w.City, w.Region));
            }
            await db.SaveChangesAsync();
        }
        return accounts;
    }

    private sealed record LoadResult(long Total, long Errors, IReadOnlyDictionary<string, AuctionBench.Histogram> Kinds, IReadOnlyList<string> ErrorSamples);

    private static async Task<LoadResult> LoadAsync(Uri baseAddress, IReadOnlyList<StaffAccount> accounts, Regions regions, int seconds, int thinkMs)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var kinds = new ConcurrentDictionary<string, AuctionBench.Histogram>(StringComparer.Ordinal);
        var errors = 0L;
        var total = 0L;
        var samples = new ConcurrentQueue<string>();
        var end = DateTime.UtcNow.AddSeconds(seconds);

        async Task<JsonElement?> SendAsync(StaffAccount account, string kind, string url, bool json = true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Token);
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                Interlocked.Increment(ref total);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    if (samples.Count < 20)
                    {
                        samples.Enqueue($"{kind} {url}: {(int)response.StatusCode} {Head(System.Text.Encoding.UTF8.GetString(body))}");
                    }
                    return null;
                }
                kinds.GetOrAdd(kind, _ => new AuctionBench.Histogram()).Add(watch.Elapsed.TotalMilliseconds);
                return json ? JsonDocument.Parse(body).RootElement.Clone() : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref total);
                Interlocked.Increment(ref errors);
                if (samples.Count < 20)
                {
                    samples.Enqueue($"{kind} {url}: {e.GetType().Name} {e.Message}");
                }
                return null;
            }
        }

        static List<Guid> Ids(JsonElement? page) =>
            page is { } p && p.TryGetProperty("items", out var items)
                ? [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid())]
                : [];

        async Task UserAsync(StaffAccount account, int index)
        {
            var random = new Random(index);
            var region = account.Region.Code;
            // A city user filters by one of its counties half the time; a county user by its own region.
            var countiesOfCity = regions.Counties.Where(c => c.CityCode == region).ToList();
            var contractIds = new List<Guid>();
            var enterpriseIds = new List<Guid>();
            // Staggered start: 200 people do not all click at the same instant.
            await Task.Delay(random.Next(Math.Max(1, thinkMs)));
            while (DateTime.UtcNow < end)
            {
                var filterRegion = account.City && countiesOfCity.Count > 0 && random.Next(2) == 0
                    ? countiesOfCity[random.Next(countiesOfCity.Count)].Code : region;
                var year = FirstYear + random.Next(Years);
                var roll = random.Next(100);
                if (roll < 25)
                {
                    var status = Statuses2[random.Next(Statuses2.Length)];
                    var q = random.Next(4) == 0 ? $"&q={Uri.EscapeDataString(Topics[random.Next(Topics.Length)])}" : "";
                    contractIds = Ids(await SendAsync(account, "list",
                        $"/api/v1/contracts?year={year}&status={status}&regionCode={filterRegion}&page={1 + random.Next(3)}&pageSize=20{q}")) is { Count: > 0 } c ? c : contractIds;
                }
                else if (roll < 45)
                {
                    enterpriseIds = Ids(await SendAsync(account, "list",
                        $"/api/v1/organizations?kind=enterprise&regionCode={filterRegion}&page={1 + random.Next(5)}&pageSize=20")) is { Count: > 0 } e ? e : enterpriseIds;
                }
                else if (roll < 55)
                {
                    await SendAsync(account, "list", $"/api/v1/enterprises?regionCode={filterRegion}&year={year}&page={1 + random.Next(3)}&pageSize=20");
                }
                else if (roll < 75)
                {
                    if (contractIds.Count > 0)
                    {
                        await SendAsync(account, "detail", $"/api/v1/contracts/{contractIds[random.Next(contractIds.Count)]}");
                    }
                    else
                    {
                        contractIds = Ids(await SendAsync(account, "list", $"/api/v1/contracts?regionCode={filterRegion}&pageSize=20"));
                    }
                }
                else if (roll < 88)
                {
                    if (enterpriseIds.Count > 0)
                    {
                        var id = enterpriseIds[random.Next(enterpriseIds.Count)];
                        await SendAsync(account, "detail", random.Next(2) == 0 ? $"/api/v1/organizations/{id}" : $"/api/v1/enterprises/{id}");
                    }
                    else
                    {
                        enterpriseIds = Ids(await SendAsync(account, "list", $"/api/v1/organizations?kind=enterprise&regionCode={filterRegion}&pageSize=20"));
                    }
                }
                else if (roll < 96)
                {
                    await SendAsync(account, account.City ? "city" : "dashboard", "/api/v1/dashboard");
                }
                else
                {
                    // A month's registrations of the filtered region, as a spreadsheet.
                    var month = 1 + random.Next(12);
                    var from = new DateOnly(year, month, 1);
                    await SendAsync(account, "export",
                        $"/api/v1/contracts/export?status=registered&regionCode={filterRegion}&registeredFrom={from:yyyy-MM-dd}&registeredTo={from.AddMonths(1).AddDays(-1):yyyy-MM-dd}", json: false);
                }
                await Task.Delay(thinkMs / 2 + random.Next(Math.Max(1, thinkMs)));
            }
        }

        // Each node warmed a little first (JIT, pools, plans) so the minute measures the steady state.
        foreach (var account in accounts.Take(4))
        {
            await SendAsync(account, "warmup", "/api/v1/dashboard");
            await SendAsync(account, "warmup", $"/api/v1/contracts?regionCode={account.Region.Code}&pageSize=20");
        }
        kinds.TryRemove("warmup", out _);
        Interlocked.Exchange(ref total, 0);
        await Task.WhenAll(accounts.Select((a, i) => Task.Run(() => UserAsync(a, i))));
        return new LoadResult(total, errors, kinds, [.. samples]);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private static string Head(string text) => text.Length <= 300 ? text : text[..300];

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static readonly string[] Words = ["华创", "金科", "智联", "恒通", "永盛", "新锐", "博远", "天工", "达成", "远景", "瑞丰", "宏图", "精诚", "众合", "启明", "卓越"];
    private static readonly string[] Topics = ["智能制造", "新材料", "生物医药", "节能环保", "电子信息", "现代农业", "新能源", "高端装备", "数字经济", "中药材"];
    private static readonly string[] Fields = ["智能装备", "先进制造", "生命健康", "新材料", "电子信息"];
    private static readonly string[] Industries = ["C2740", "C3465", "C3911", "C2614", "C3824", "C1761"];
    private static readonly string[] Statuses = ["Draft", "Submitted", "UnderReview", "Returned", "Refused"];
    private static readonly string[] Statuses2 = ["registered", "registered", "registered", "submitted", "draft"];
    private static readonly (string Code, string Name)[] Types = [("DevelopmentCooperative", "开发"), ("Service", "服务"), ("Consulting", "咨询")];
}
