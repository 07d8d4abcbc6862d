using System.Diagnostics;
using System.Globalization;
using Kechuang.Modules.Contracts;
using Kechuang.Modules.Directory;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;

namespace Kechuang.Bench;

/// <summary>
/// An .xlsx of N contracts (default 200,000) between the demo organisations, imported through the import kit
/// (<see cref="ImportContractsHandler"/>, a 武义县 staff account: validation, duplicate checks, audit chain, data
/// scope), against the database's fastest raw path for the same contract rows (SQLite: one prepared INSERT in one
/// transaction; PostgreSQL: binary COPY).
/// Both sides are measured the same way: each measured run gets a database of its own, created, migrated and loaded
/// with the demo organisations the same way, the process's garbage collected before it; the clock covers opening the
/// connection (and, for the import, reading the file) to the commit. The first import and the first raw insert of the
/// process are printed as the cold figure (they carry the runtime's compilation of the code they run); then
/// <c>--rounds</c> warm rounds (default 3) run the two interleaved, alternating which goes first, so a machine shared
/// with other work weighs on both alike. The last line gives the median of the rounds' ratios.
/// Usage: scripts/bench.sh contracts-import [--provider Sqlite|Postgres] [--rows N] [--rounds R] [--warmup N] [--chunk N] [--breakdown]
/// </summary>
internal static class ContractsImportBench
{
    private static readonly string[] Columns =
    [
        "id", "title", "type", "transfer_kind", "seller_id", "buyer_id", "sign_date", "amount_fen", "transaction_amount_fen",
        "region_code", "status", "registration_number", "registered_on", "submitted_on", "refusal_reason", "review_note",
        "source", "created_at", "updated_at", "version", "organization_id",
    ];

    private sealed record Row(string Title, string Type, OrganizationInfo Seller, OrganizationInfo Buyer, DateOnly SignDate,
        decimal Amount, decimal Transaction, string? Number, DateOnly? RegisteredOn);

    private sealed record Run(double Seconds, double PeakMb = 0, double StartMb = 0, double ManagedMb = 0);

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = false;
        var rows = 200_000;
        var rounds = 3;
        var breakdown = false;
        var warmup = 0;
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
                case "--rows" when i + 1 < args.Length:
                    rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rounds" when i + 1 < args.Length:
                    rounds = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--chunk" when i + 1 < args.Length:
                    _chunk = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup" when i + 1 < args.Length:
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: scripts/bench.sh contracts-import [--provider Sqlite|Postgres] [--rows N] [--rounds R] [--warmup N] [--chunk N] [--breakdown]");
                    return 2;
            }
        }
        var provider = postgres ? "Postgres" : "Sqlite";
        List<Row> data;
        await using (var prep = new BenchHost(postgres))
        {
            var (sellers, organizations) = await PrepareAsync(prep);
            data = Generate(rows, sellers, organizations, "基准技术合同", "BJ").ToList();
            Console.WriteLine($"{rows} rows, {sellers.Count} sellers, {organizations.Count} organisations");
        }
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-bench-contracts-{Guid.NewGuid():N}.xlsx");
        try
        {
            await MiniExcel.SaveAsAsync(file, data.Select(Sheet));
            Console.WriteLine($"file {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB; load average {LoadAverage()}");

            var coldImport = await ImportOnceAsync(postgres, file, rows, null);
            var coldRaw = await RawOnceAsync(postgres, data);
            Console.WriteLine(Line("cold", rows, coldImport, coldRaw));
            if (warmup > 0)
            {
                await WarmUpAsync(postgres, warmup);
            }
            // Lets the runtime's background compilation of what the cold runs made hot finish before the warm rounds.
            await Task.Delay(2000);

            var ratios = new List<double>();
            // The peak is the cold import's: the process then holds one application host, as a server does. Every host
            // disposed in this process leaves memory behind (the start of each warm round is higher, managed and native),
            // so a warm round's own cost is its peak over its start.
            var (importSeconds, rawSeconds, peak, added) = (0.0, 0.0, coldImport.PeakMb, coldImport.PeakMb - coldImport.StartMb);
            for (var round = 1; round <= rounds; round++)
            {
                var stages = breakdown ? Breakdown() : null;
                Run import, raw;
                if (round % 2 == 1)
                {
                    raw = await RawOnceAsync(postgres, data, breakdown);
                    import = await ImportOnceAsync(postgres, file, rows, stages);
                }
                else
                {
                    import = await ImportOnceAsync(postgres, file, rows, stages);
                    raw = await RawOnceAsync(postgres, data, breakdown);
                }
                if (stages is not null)
                {
                    Console.WriteLine($"breakdown: {stages}");
                }
                Console.WriteLine(Line($"warm round {round} ({(round % 2 == 1 ? "raw first" : "import first")})", rows, import, raw));
                ratios.Add(raw.Seconds / import.Seconds);
                importSeconds += import.Seconds;
                rawSeconds += raw.Seconds;
                added = Math.Max(added, import.PeakMb - import.StartMb);
            }
            ratios.Sort();
            var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm, all rounds: {rows * rounds / importSeconds:0} rows/s vs raw {rows * rounds / rawSeconds:0} rows/s = {rawSeconds / importSeconds:0.000}; load average {LoadAverage()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"contracts-import {provider}: median of {rounds} interleaved warm rounds = {median:0.000} (rounds {string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}), cold {coldRaw.Seconds / coldImport.Seconds:0.000}, peak {peak:0} MB (an import adds at most {added:0} MB)"));
        }
        finally
        {
            File.Delete(file);
        }
        return 0;
    }

    private static string Line(string label, int rows, Run import, Run raw) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: import {rows / import.Seconds:0} rows/s ({import.Seconds:0.00} s, peak {import.PeakMb:0} MB from {import.StartMb:0} MB, {import.ManagedMb:0} MB of it managed) vs raw {rows / raw.Seconds:0} rows/s ({raw.Seconds:0.00} s) = {raw.Seconds / import.Seconds:0.000}");

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static ImportStages Breakdown()
    {
        if (OperatingSystem.IsLinux())
        {
            // The reading side's stages in thread CPU time, which does not depend on how busy the machine is (the
            // writer's are wall time: it awaits the server).
            ImportStages.Clock = ThreadCpu;
        }
        return new ImportStages();
    }

    /// <summary>One measured import into a database of its own; the rows are checked afterwards, off the clock.</summary>
    private static async Task<Run> ImportOnceAsync(bool postgres, string file, int rows, ImportStages? stages)
    {
        await using var host = new BenchHost(postgres);
        await PrepareAsync(host);
        // The peak is the import's: memory the earlier rounds left committed (the raw side's copies of the rows) is given
        // back first, so the resident set the peak starts from is what the process holds now.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ResetPeak();
        double startMb;
        using (var self = Process.GetCurrentProcess())
        {
            startMb = self.WorkingSet64 / 1024.0 / 1024.0;
        }
        var managedMb = GC.GetTotalMemory(false) / 1024.0 / 1024.0;
        var threads = stages is null ? null : ThreadsCpu();
        var (gc0, gc1, gc2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        double backendCpu = 0;
        var clock = Stopwatch.StartNew();
        int imported;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handler = StaffImporter(scope, stages);
            var backend = stages is null ? null : await BackendAsync(scope.ServiceProvider.GetRequiredService<KechuangDb>());
            var backendBefore = ProcessCpu(backend);
            await using var stream = File.OpenRead(file);
            try
            {
                imported = await handler.HandleAsync(stream);
            }
            catch (Kechuang.Platform.Problems.ImportRowsException refused)
            {
                // The generated file no longer matches the import's rules: say which, instead of a bare count.
                throw new InvalidOperationException($"{refused.Message}: " + string.Join("; ", refused.Rows.Take(5).Select(e => $"row {e.Row} {e.Column}: {e.Message}")), refused);
            }
            backendCpu = ProcessCpu(backend) - backendBefore;
        }
        clock.Stop();
        if (threads is not null)
        {
            var after = ThreadsCpu();
            Console.WriteLine("breakdown: import threads CPU " + string.Join(", ", after.Select(t => (t.Key, Seconds: t.Value - threads.GetValueOrDefault(t.Key)))
                .Where(t => t.Seconds > 0.005).OrderByDescending(t => t.Seconds).Select(t => $"{t.Key} {t.Seconds:0.00} s")));
            Console.WriteLine($"breakdown: import process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s (PostgreSQL backend {backendCpu:0.00} s) in {clock.Elapsed.TotalSeconds:0.00} s; "
                + $"GC {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2} (gen0/1/2), pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.00} s, "
                + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:0} MB allocated");
        }
        double peakMb;
        using (var self = Process.GetCurrentProcess())
        {
            self.Refresh();
            peakMb = self.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var stored = await db.Set<TechContract>().CountAsync();
            if (imported != rows || stored != rows || await db.AuditEntries.CountAsync(e => e.Entity == "contracts_contract" && e.Action == "create") != rows)
            {
                throw new InvalidOperationException($"imported {imported} of {rows}, {stored} stored");
            }
        }
        return new Run(clock.Elapsed.TotalSeconds, peakMb, startMb, managedMb);
    }

    /// <summary>One measured raw insert of the same rows into a database of its own (rows pointed at its organisations off the clock).</summary>
    private static async Task<Run> RawOnceAsync(bool postgres, List<Row> data, bool breakdown = false)
    {
        await using var host = new BenchHost(postgres);
        var (_, organizations) = await PrepareAsync(host);
        var byCode = organizations.ToDictionary(o => o.CreditCode, StringComparer.Ordinal);
        var rows = data.Select(r => r with { Seller = byCode[r.Seller.CreditCode], Buyer = byCode[r.Buyer.CreditCode] }).ToList();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        double backendCpu = 0;
        var clock = Stopwatch.StartNew();
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var backend = breakdown ? await BackendAsync(db) : null;
            var backendBefore = ProcessCpu(backend);
            await RawAsync(db, postgres, rows);
            backendCpu = ProcessCpu(backend) - backendBefore;
        }
        clock.Stop();
        if (breakdown)
        {
            Console.WriteLine($"breakdown: raw process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s (PostgreSQL backend {backendCpu:0.00} s) in {clock.Elapsed.TotalSeconds:0.00} s");
        }
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            if (await db.Set<TechContract>().CountAsync() != rows.Count)
            {
                throw new InvalidOperationException("raw insert lost rows");
            }
        }
        return new Run(clock.Elapsed.TotalSeconds);
    }

    /// <summary>The directory demo's organisations in a fresh database; sellers are 武义县's (the staff account's scope).</summary>
    private static async Task<(List<OrganizationInfo> Sellers, List<OrganizationInfo> Organizations)> PrepareAsync(BenchHost host)
    {
        await host.MigrateAsync();
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            await new DirectoryDemoData(new PasswordHasher<Account>()).LoadAsync(new DemoContext(db, "Bench-Passw0rd!", false), CancellationToken.None);
        }
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var organizations = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()
                .Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode)).ToListAsync();
            var sellers = organizations.Where(o => o.RegionCode.StartsWith("330723", StringComparison.Ordinal) && o.Kind != OrganizationKind.Government).ToList();
            return (sellers, organizations);
        }
    }

    /// <summary>Rows per chunk for this run (<c>--chunk</c>), instead of the handler's own choice.</summary>
    private static int? _chunk;

    /// <summary>
    /// The import handler of a 武义县 staff account, created as the services create it for the import endpoint:
    /// with the directory and the context factory of the same scope (the same caller).
    /// </summary>
    private static ImportContractsHandler StaffImporter(AsyncServiceScope scope, ImportStages? stages = null)
    {
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(SignInHandler.Principal(
            new Account("bench.staff", "基准", Role.CountyStaff, "330723", null, "", false, DateTime.UtcNow), "bench"));
        return new ImportContractsHandler(scope.ServiceProvider.GetRequiredService<KechuangDb>(),
            scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>(), scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Reference.RegionCatalog>(),
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<KechuangDb>>())
        { Stages = stages, ChunkSizeOverride = _chunk };
    }

    /// <summary>
    /// Warm-up in a scratch database of its own (so the measured tables start as empty as the raw path's):
    /// other contracts imported in eight files with pauses, then raw-inserted. The runtime counts calls for
    /// tier-up only once new methods stop being compiled, and with dynamic PGO a hot method goes tier 0 →
    /// instrumented → optimized, each step on a later pass; per-chunk code (the database checks, the COPY
    /// set-up) needs some sixty chunks to get there. Fewer passes left 1–2 s of that compilation inside the
    /// measured run.
    /// </summary>
    private static async Task WarmUpAsync(bool postgres, int rows)
    {
        var clock = Stopwatch.StartNew();
        await using var host = new BenchHost(postgres);
        var (sellers, organizations) = await PrepareAsync(host);
        var data = Generate(rows, sellers, organizations, "预热技术合同", "YR").ToList();
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-bench-warmup-{Guid.NewGuid():N}.xlsx");
        try
        {
            foreach (var part in data.Chunk((data.Count + 7) / 8))
            {
                await MiniExcel.SaveAsAsync(file, part.Select(Sheet), overwriteFile: true);
                await using (var scope = host.Services.CreateAsyncScope())
                await using (var stream = File.OpenRead(file))
                {
                    await StaffImporter(scope).HandleAsync(stream);
                }
                await Task.Delay(500);
            }
            await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM contracts_contract");
                await RawAsync(db, postgres, data);
            }
            await Task.Delay(1000);
        }
        finally
        {
            File.Delete(file);
        }
        Console.WriteLine($"warm-up: {rows} other rows imported in eight files and raw-inserted, in a scratch database, in {clock.Elapsed.TotalSeconds:0.0} s (extra, before the warm rounds)");
    }

    private static Task RawAsync(KechuangDb db, bool postgres, List<Row> data) => postgres
        ? CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), data)
        : InsertAsync((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection(), data);

    /// <summary>Valid rows: 武义县 sellers (the staff account's scope), any other organisation as buyer, half of them registered.</summary>
    private static IEnumerable<Row> Generate(int rows, List<OrganizationInfo> sellers, List<OrganizationInfo> organizations, string title, string number)
    {
        string[] types = ["委托开发", "合作开发", "技术咨询", "技术服务"];
        var start = new DateOnly(2022, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var seller = sellers[i % sellers.Count];
            var buyers = organizations.Where(o => o.Id != seller.Id).ToList();
            var buyer = buyers[i / sellers.Count % buyers.Count];
            var sign = start.AddDays(i % 1000);
            var amount = 10_000m + (i % 5000) * 100.25m;
            var registered = i % 2 == 0;
            yield return new Row($"{title}{i:D7}", types[i % types.Length], seller, buyer, sign, amount, decimal.Round(amount * 0.8m, 2),
                registered ? $"{number}{i:D10}" : null, registered ? sign.AddDays(20) : null);
        }
    }

    private static Dictionary<string, object?> Sheet(Row r) => new()
    {
        [ContractSheet.Title.Header] = r.Title,
        [ContractSheet.Type.Header] = r.Type,
        [ContractSheet.TransferKind.Header] = null,
        [ContractSheet.SellerName.Header] = r.Seller.Name,
        [ContractSheet.SellerCreditCode.Header] = r.Seller.CreditCode,
        [ContractSheet.BuyerName.Header] = r.Buyer.Name,
        [ContractSheet.BuyerCreditCode.Header] = r.Buyer.CreditCode,
        [ContractSheet.SignDate.Header] = r.SignDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [ContractSheet.Amount.Header] = r.Amount,
        [ContractSheet.TransactionAmount.Header] = r.Transaction,
        [ContractSheet.RegistrationNumber.Header] = r.Number,
        [ContractSheet.RegisteredOn.Header] = r.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [ContractSheet.Status.Header] = null,
        [ContractSheet.Region.Header] = null,
    };

    private static string TypeCode(string name) => ContractsRules.TypeNames.First(t => t.Value == name).Key.ToString();

    private static async Task InsertAsync(Microsoft.Data.Sqlite.SqliteConnection connection, List<Row> data)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO contracts_contract ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var parameters = Columns.ToDictionary(c => c, c => command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$" + c, null)));
        command.Prepare();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        foreach (var r in data)
        {
            object? Nullable(object? v) => v ?? DBNull.Value;
            parameters["id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            parameters["title"].Value = r.Title;
            parameters["type"].Value = TypeCode(r.Type);
            parameters["transfer_kind"].Value = DBNull.Value;
            parameters["seller_id"].Value = r.Seller.Id.ToString().ToUpperInvariant();
            parameters["buyer_id"].Value = r.Buyer.Id.ToString().ToUpperInvariant();
            parameters["sign_date"].Value = r.SignDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters["amount_fen"].Value = (long)(r.Amount * 100);
            parameters["transaction_amount_fen"].Value = (long)(r.Transaction * 100);
            parameters["region_code"].Value = r.Seller.RegionCode;
            parameters["status"].Value = r.Number is null ? "Submitted" : "Registered";
            parameters["registration_number"].Value = Nullable(r.Number);
            parameters["registered_on"].Value = Nullable(r.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            parameters["submitted_on"].Value = r.SignDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            parameters["refusal_reason"].Value = DBNull.Value;
            parameters["review_note"].Value = DBNull.Value;
            parameters["source"].Value = "Excel 导入";
            parameters["created_at"].Value = now;
            parameters["updated_at"].Value = now;
            parameters["version"].Value = 0;
            parameters["organization_id"].Value = r.Seller.Id.ToString().ToUpperInvariant();
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Row> data)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        var now = DateTime.UtcNow;
        await using var writer = await connection.BeginBinaryImportAsync($"COPY contracts_contract ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in data)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(r.Title, NpgsqlDbType.Varchar);
            await writer.WriteAsync(TypeCode(r.Type), NpgsqlDbType.Varchar);
            await writer.WriteNullAsync();
            await writer.WriteAsync(r.Seller.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(r.Buyer.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(r.SignDate, NpgsqlDbType.Date);
            await writer.WriteAsync((long)(r.Amount * 100), NpgsqlDbType.Bigint);
            await writer.WriteAsync((long)(r.Transaction * 100), NpgsqlDbType.Bigint);
            await writer.WriteAsync(r.Seller.RegionCode, NpgsqlDbType.Varchar);
            await writer.WriteAsync(r.Number is null ? "Submitted" : "Registered", NpgsqlDbType.Varchar);
            if (r.Number is null)
            {
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
            }
            else
            {
                await writer.WriteAsync(r.Number, NpgsqlDbType.Varchar);
                await writer.WriteAsync(r.RegisteredOn!.Value, NpgsqlDbType.Date);
            }
            await writer.WriteAsync(r.SignDate, NpgsqlDbType.Date);
            await writer.WriteNullAsync();
            await writer.WriteNullAsync();
            await writer.WriteAsync("Excel 导入", NpgsqlDbType.Varchar);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(r.Seller.Id, NpgsqlDbType.Uuid);
        }
        await writer.CompleteAsync();
    }

    /// <summary>The PostgreSQL backend process of the context's connection (opened here and kept open), or null on SQLite.</summary>
    private static async Task<int?> BackendAsync(KechuangDb db)
    {
        if (db.IsSqlite)
        {
            return null;
        }
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT pg_backend_pid()";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID) in Stopwatch ticks.</summary>
    private static long ThreadCpu()
    {
        if (ClockGetTime(3, out var time) != 0)
        {
            return Stopwatch.GetTimestamp();
        }
        return (long)(((time.Seconds * 1_000_000_000.0) + time.Nanoseconds) * Stopwatch.Frequency / 1_000_000_000.0);
    }

    /// <summary>CPU seconds of this process's threads, summed by thread name.</summary>
    private static Dictionary<string, double> ThreadsCpu()
    {
        var result = new Dictionary<string, double>();
        try
        {
            foreach (var task in Directory.GetDirectories("/proc/self/task"))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result[name] = result.GetValueOrDefault(name) + ((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
            }
        }
        catch (IOException)
        {
        }
        return result;
    }

    /// <summary>CPU seconds (user + system) of a process, from /proc (0 when unknown).</summary>
    private static double ProcessCpu(int? pid)
    {
        try
        {
            if (pid is null)
            {
                return 0;
            }
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
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
            Console.WriteLine("(peak working set not reset: it includes the file generation)");
        }
    }
}
