using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kechuang.Modules.Enterprises;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Kechuang.Bench;

/// <summary>
/// Issue 4: N enterprises (default 500,000) of 武义县 with the fiscal years 2020–2022 (the demo population's generator,
/// names numbered), written with the database's fastest path (SQLite: prepared INSERTs in one transaction; PostgreSQL:
/// binary COPY), then screened for 2023 through <see cref="RunScreeningHandler.HandleAsync"/> — the path of
/// <c>kechuang screen</c> and the staff page: chunked reads of the columns the engines use on a connection of their own, both
/// engines on a worker, one stored result per enterprise through the bulk writer, one audit event for the run (ADR 009) —
/// against a raw read of the same rows in the same run: a data reader over the same per-chunk queries (every column of every
/// profile, year record, patent, qualification and institution), no evaluation.
/// Usage: scripts/bench.sh screening [--provider Sqlite|Postgres] [--enterprises N] [--breakdown]
/// </summary>
internal static class ScreeningBench
{
    private const string Region = "330723";
    private const int Year = 2023;
    private const int WriteChunk = 10_000;

    private static readonly string[] ProfileColumns =
        ["id", "organization_id", "region_code", "name", "industry_code", "tax_collection", "registration_date", "resident_enterprise",
         "restricted_or_eliminated", "in_supported_field", "created_at", "updated_at"];

    private static readonly string[] YearColumns =
        ["id", "organization_id", "region_code", "year", "sales_revenue_fen", "total_income_fen", "non_taxable_income_fen", "high_tech_revenue_fen",
         "total_assets_fen", "liabilities_fen", "rd_in_house_domestic_fen", "rd_commissioned_domestic_fen", "rd_commissioned_overseas_fen",
         "total_costs_and_expenses_fen", "employees", "tech_staff", "transformations", "serious_incidents", "on_credit_blacklist", "created_at", "updated_at"];

    private static readonly string[] QualificationColumns = ["id", "organization_id", "region_code", "kind", "number", "year", "valid_from", "valid_until", "created_at"];

    private static readonly string[] InstitutionColumns = ["id", "organization_id", "region_code", "name", "kind", "level", "year", "created_at"];

    private static readonly string[] IpColumns =
        ["id", "organization_id", "region_code", "kind", "title", "number", "status", "applied_on", "granted_on", "self_developed", "created_at"];

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = false;
        var count = 500_000;
        var breakdown = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Length:
                    postgres = args[++i].Equals("Postgres", StringComparison.OrdinalIgnoreCase);
                    break;
                case "--breakdown":
                    breakdown = true;
                    break;
                case "--enterprises" when i + 1 < args.Length:
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: scripts/bench.sh screening [--provider Sqlite|Postgres] [--enterprises N] [--breakdown]");
                    return 2;
            }
        }
        var provider = postgres ? "Postgres" : "Sqlite";
        await using var host = new BenchHost(postgres);
        await host.MigrateAsync();

        var generate = Stopwatch.StartNew();
        var rows = await WriteAsync(host, count);
        generate.Stop();
        Console.WriteLine($"generated {count} enterprises, {rows} rows in {generate.Elapsed.TotalSeconds:0.0} s ({(postgres ? "binary COPY" : "prepared INSERT, one transaction")})");

        // Raw read: the same chunks of enterprises and the same five queries, through a data reader, nothing evaluated.
        IReadOnlyList<Guid> enterprises;
        var raw = Stopwatch.StartNew();
        long rawRows;
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            enterprises = await ScreenEnterprisesHandler.EnterprisesAsync(db, Region, CancellationToken.None);
            rawRows = await RawReadAsync(db, enterprises, postgres);
        }
        raw.Stop();
        Console.WriteLine($"raw read: {enterprises.Count} enterprises, {rawRows} rows in {raw.Elapsed.TotalSeconds:0.0} s");

        // --breakdown: the same chunks read and evaluated by the engines, nothing stored.
        if (breakdown)
        {
            var evaluate = Stopwatch.StartNew();
            var evaluated = 0;
            await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
            {
                await foreach (var chunk in ScreenEnterprisesHandler.ScreenAsync(db, enterprises, Year, CancellationToken.None))
                {
                    evaluated += chunk.Count;
                }
            }
            evaluate.Stop();
            Console.WriteLine($"read and evaluate only (nothing stored): {evaluated} enterprises in {evaluate.Elapsed.TotalSeconds:0.0} s");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResetPeak();
        var screen = Stopwatch.StartNew();
        ScreeningSummary summary;
        // As the services create the handler for `kechuang screen` and the staff page: with the context factory of the same scope
        // (the same caller), so its reader has a connection of its own.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("screen");
            var handler = new RunScreeningHandler(scope.ServiceProvider.GetRequiredService<KechuangDb>(),
                scope.ServiceProvider.GetRequiredService<IDbContextFactory<KechuangDb>>());
            summary = await handler.HandleAsync(Region, Year, null, CancellationToken.None);
        }
        screen.Stop();
        double peakMb;
        using (var self = Process.GetCurrentProcess())
        {
            self.Refresh();
            peakMb = self.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var stored = await db.Set<ScreeningRecord>().CountAsync(r => r.Year == Year);
            if (summary.Total != count || stored != count)
            {
                throw new InvalidOperationException($"screened {summary.Total}, stored {stored} of {count}");
            }
            Console.WriteLine($"screening: {summary.Total} enterprises in {screen.Elapsed.TotalSeconds:0.0} s, {stored} results stored, "
                + $"{await db.AuditEntries.CountAsync()} audit entries; pools: "
                + string.Join("，", summary.Pools.Select(p => $"{CultivationPools.Names[p.Key]} {p.Value}")));
        }
        var screenRate = count / screen.Elapsed.TotalSeconds;
        var rawRate = enterprises.Count / raw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"screening {provider}: {screenRate:0} enterprises/s vs raw read {rawRate:0} rows/s = {screenRate / rawRate:0.000}, peak {peakMb:0} MB"));
        return 0;
    }

    /// <summary>Reads every column of the rows the screening reads, chunk by chunk as it does; returns the number of rows.</summary>
    private static async Task<long> RawReadAsync(KechuangDb db, IReadOnlyList<Guid> enterprises, bool postgres)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var fiscal = Year - 1;
        (string Table, string[] Columns, string Extra)[] queries =
        [
            ("enterprises_profile", ProfileColumns, ""),
            ("enterprises_year_record", YearColumns, $" AND year >= {fiscal - 2} AND year <= {fiscal}"),
            ("enterprises_intellectual_property", IpColumns, ""),
            ("enterprises_qualification", QualificationColumns, ""),
            ("enterprises_rd_institution", InstitutionColumns, $" AND year <= {Year}"),
        ];
        long rows = 0;
        foreach (var chunk in enterprises.Chunk(ScreenEnterprisesHandler.ChunkSize))
        {
            foreach (var (table, columns, extra) in queries)
            {
                await using var command = connection.CreateCommand();
                var filter = postgres ? "organization_id = ANY(@ids)" : "organization_id IN (SELECT value FROM json_each(@ids))";
                command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table} WHERE {filter}{extra}";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "ids";
                parameter.Value = postgres ? chunk : JsonSerializer.Serialize(chunk.Select(id => id.ToString().ToUpperInvariant()));
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync();
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static async Task<long> WriteAsync(BenchHost host, int count)
    {
        await using var db = await host.OpenAsync(u => u.UseSystemScope("bench"));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        long rows = 0;
        var writer = host.IsPostgres ? (ITableWriter)new CopyWriter((NpgsqlConnection)connection) : await SqliteWriter.StartAsync((Microsoft.Data.Sqlite.SqliteConnection)connection);
        foreach (var chunk in EnterprisePopulation.Enumerate(count, EnterprisePopulationDemoData.Seed, uniqueSuffix: true).Chunk(WriteChunk))
        {
            var ids = chunk.Select(_ => Guid.CreateVersion7()).ToArray();
            rows += await writer.WriteAsync("enterprises_profile", ProfileColumns, chunk.Select((e, i) => new object?[]
            {
                Guid.CreateVersion7(), ids[i], e.RegionCode, e.Name, e.Facts.IndustryCode, e.Facts.TaxCollection.ToString(), e.Facts.RegistrationDate,
                e.Facts.ResidentEnterprise, e.Facts.RestrictedOrEliminated, e.Facts.InSupportedField, now, now,
            }));
            rows += await writer.WriteAsync("enterprises_year_record", YearColumns, chunk.SelectMany((e, i) => e.Years.Select(y => new object?[]
            {
                Guid.CreateVersion7(), ids[i], e.RegionCode, y.Year, Money.ToFen(y.Figures.SalesRevenue), Money.ToFen(y.Figures.TotalIncome),
                Money.ToFen(y.Figures.NonTaxableIncome), Money.ToFen(y.Figures.HighTechRevenue), Money.ToFen(y.Figures.TotalAssets), Money.ToFen(y.Figures.Liabilities),
                Money.ToFen(y.Figures.RdInHouseDomestic), Money.ToFen(y.Figures.RdCommissionedDomestic), Money.ToFen(y.Figures.RdCommissionedOverseas),
                Money.ToFen(y.Figures.TotalCostsAndExpenses), y.Figures.Employees, y.Figures.TechStaff, y.Figures.Transformations,
                y.Figures.SeriousIncidents, y.Figures.OnCreditBlacklist, now, now,
            })));
            rows += await writer.WriteAsync("enterprises_qualification", QualificationColumns, chunk.SelectMany((e, i) =>
                e.TechSmeEntries.Select(q => Qualification.TechSme(ids[i], e.RegionCode, q.Year, q.Number, now))
                    .Concat(e.Certificate is { } c ? [Qualification.HighTech(ids[i], e.RegionCode, c.Issued, c.Number, now)] : [])
                    .Select(q => new object?[] { q.Id, q.OrganizationId, q.RegionCode, q.Kind.ToString(), q.Number, q.Year, q.ValidFrom, q.ValidUntil, now })));
            rows += await writer.WriteAsync("enterprises_rd_institution", InstitutionColumns, chunk.SelectMany((e, i) => e.Institutions.Select(r => new object?[]
            {
                Guid.CreateVersion7(), ids[i], e.RegionCode, r.Name, r.Kind.ToString(), r.Level.ToString(), r.Year, now,
            })));
            rows += await writer.WriteAsync("enterprises_intellectual_property", IpColumns, chunk.SelectMany((e, i) => e.Patents.Select(p => new object?[]
            {
                Guid.CreateVersion7(), ids[i], e.RegionCode, p.Kind.ToString(), p.Title, p.Number, p.Status.ToString(), p.AppliedOn, p.GrantedOn, p.SelfDeveloped, now,
            })));
        }
        await writer.CompleteAsync();
        return rows;
    }

    private interface ITableWriter
    {
        Task<int> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows);

        Task CompleteAsync();
    }

    /// <summary>SQLite: one prepared INSERT per table, every row in one transaction, values as EF Core stores them.</summary>
    private sealed class SqliteWriter : ITableWriter
    {
        private readonly Microsoft.Data.Sqlite.SqliteConnection _connection;
        private readonly Microsoft.Data.Sqlite.SqliteTransaction _transaction;
        private readonly Dictionary<string, (Microsoft.Data.Sqlite.SqliteCommand Command, Microsoft.Data.Sqlite.SqliteParameter[] Parameters)> _commands = [];

        private SqliteWriter(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;
        }

        public static async Task<SqliteWriter> StartAsync(Microsoft.Data.Sqlite.SqliteConnection connection) =>
            new(connection, (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync());

        public async Task<int> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            if (!_commands.TryGetValue(table, out var prepared))
            {
                var command = _connection.CreateCommand();
                command.Transaction = _transaction;
                command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
                var parameters = columns.Select(c => command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$" + c, null))).ToArray();
                command.Prepare();
                _commands[table] = prepared = (command, parameters);
            }
            var written = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    prepared.Parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                        bool b => b ? 1 : 0,
                        var v => v,
                    };
                }
                await prepared.Command.ExecuteNonQueryAsync();
                written++;
            }
            return written;
        }

        public async Task CompleteAsync()
        {
            await _transaction.CommitAsync();
            foreach (var (command, _) in _commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>PostgreSQL: one binary COPY per table and chunk.</summary>
    private sealed class CopyWriter(NpgsqlConnection connection) : ITableWriter
    {
        public async Task<int> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            var written = 0;
            await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null:
                            await writer.WriteNullAsync();
                            break;
                        case Guid g:
                            await writer.WriteAsync(g, NpgsqlDbType.Uuid);
                            break;
                        case string s:
                            await writer.WriteAsync(s, NpgsqlDbType.Varchar);
                            break;
                        case int n:
                            await writer.WriteAsync(n, NpgsqlDbType.Integer);
                            break;
                        case long n:
                            await writer.WriteAsync(n, NpgsqlDbType.Bigint);
                            break;
                        case bool b:
                            await writer.WriteAsync(b, NpgsqlDbType.Boolean);
                            break;
                        case DateOnly d:
                            await writer.WriteAsync(d, NpgsqlDbType.Date);
                            break;
                        case DateTime t:
                            await writer.WriteAsync(t, NpgsqlDbType.TimestampTz);
                            break;
                        default:
                            throw new InvalidOperationException($"{table}: no COPY type for {value.GetType()}");
                    }
                }
                written++;
            }
            await writer.CompleteAsync();
            return written;
        }

        public Task CompleteAsync() => Task.CompletedTask;
    }

    /// <summary>Linux: writing 5 to clear_refs resets the process's peak resident set (VmHWM), which PeakWorkingSet64 reads.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Console.WriteLine("(peak working set not reset: it includes the generation)");
        }
    }
}
