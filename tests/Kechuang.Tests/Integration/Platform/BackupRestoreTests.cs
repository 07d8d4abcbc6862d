using System.Diagnostics;
using System.Globalization;
using Kechuang.Tests.Integration.Contracts;
using Kechuang.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The restore drill, with the real executable: <c>kechuang backup --to</c> while the server writes, <c>kechuang restore
/// --from</c> into a fresh database, then counts, sums and <c>kechuang audit verify</c> on the restored copy.
/// </summary>
public abstract class BackupRestoreTests(KechuangApp app) : IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private readonly List<string> _databases = [];

    [Fact]
    public async Task Drill_BackupWhileTheServerWrites_RestoresOneConsistentMoment()
    {
        using var client = await app.ClientAsync("admin");
        var prefix = $"drill-{Guid.NewGuid():N}"[..14];
        var written = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Titles numbered in writing order: a consistent copy holds exactly the first n of them.
                await ContractApi.CreateAsync(client, await ContractApi.BodyAsync(app, $"{prefix}-{written:D4}", amount: 1000m + written));
                Interlocked.Increment(ref written);
            }
        });
        await WaitForAsync(() => Volatile.Read(ref written) >= 3, writer);
        var before = Volatile.Read(ref written);

        var folder = NewFolder();
        var (backupExit, backupOutput) = await RunAsync(app.ConnectionString, "backup", "--to", folder);
        var after = Volatile.Read(ref written);
        await WaitForAsync(() => Volatile.Read(ref written) >= after + 2, writer);
        await stop.CancelAsync();
        await writer;

        Assert.True(backupExit == 0, backupOutput);
        var target = await NewDatabaseAsync();
        var (restoreExit, restoreOutput) = await RunAsync(target, "restore", "--from", folder);
        Assert.True(restoreExit == 0, restoreOutput);

        var titles = await ColumnAsync(target, $"SELECT title FROM contracts_contract WHERE title LIKE '{prefix}-%' ORDER BY title");
        var n = titles.Count;
        Assert.InRange(n, before, after + 1);
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"{prefix}-{i:D4}"), titles);
        var sum = await ScalarAsync(target, $"SELECT sum(amount_fen) FROM contracts_contract WHERE title LIKE '{prefix}-%'");
        Assert.Equal(Enumerable.Range(0, n).Sum(i => (1000L + i) * 100), sum);
        Assert.Equal(await ScalarAsync(target, "SELECT count(*) FROM audit_entry"), await ScalarAsync(target, "SELECT max(seq) FROM audit_entry"));
        var (verifyExit, verifyOutput) = await RunAsync(target, "audit", "verify");
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("审计链完整", verifyOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundTrip_IntoAFreshDatabase_KeepsEveryTable_AndRefusesToOverwriteWithoutForce()
    {
        var folder = NewFolder();
        var (backupExit, backupOutput) = await RunAsync(app.ConnectionString, "backup", "--to", folder);
        Assert.True(backupExit == 0, backupOutput);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));

        var target = await NewDatabaseAsync();
        var (restoreExit, restoreOutput) = await RunAsync(target, "restore", "--from", folder);

        Assert.True(restoreExit == 0, restoreOutput);
        var source = await TableCountsAsync(app.ConnectionString);
        Assert.Equal(source, await TableCountsAsync(target));
        Assert.True(source["audit_entry"] > 100 && source["contracts_contract"] > 10, "the demo data is there to compare");
        const string Sums = "SELECT sum(amount_fen) + sum(transaction_amount_fen) FROM contracts_contract";
        Assert.Equal(await ScalarAsync(app.ConnectionString, Sums), await ScalarAsync(target, Sums));
        var (verifyExit, verifyOutput) = await RunAsync(target, "audit", "verify");
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains($"已核对 {source["audit_entry"]} 条", verifyOutput, StringComparison.Ordinal);

        // Holds records now: refused as it stands, replaced with --force (the flag before another option keeps that option).
        var (againExit, againOutput) = await RunAsync(target, "restore", "--from", folder);
        Assert.Equal(1, againExit);
        Assert.Contains("已有记录", againOutput, StringComparison.Ordinal);
        Assert.Contains("--force", againOutput, StringComparison.Ordinal);
        var (forcedExit, forcedOutput) = await RunAsync(target, ["restore", "--from", folder, "--force"]);
        Assert.True(forcedExit == 0, forcedOutput);
        Assert.Equal(source, await TableCountsAsync(target));
    }

    [Fact]
    public async Task TamperedBackup_OneByteChanged_IsRefused_AndNothingIsWritten()
    {
        var folder = NewFolder();
        var (backupExit, backupOutput) = await RunAsync(app.ConnectionString, "backup", "--to", folder);
        Assert.True(backupExit == 0, backupOutput);
        var data = System.IO.Directory.GetFiles(folder).Single(f => Path.GetFileName(f) != "manifest.json");
        var bytes = await File.ReadAllBytesAsync(data);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(data, bytes);

        var target = await NewDatabaseAsync(create: false);
        var (exit, output) = await RunAsync(target, "restore", "--from", folder);

        Assert.Equal(1, exit);
        Assert.Contains("SHA-256", output, StringComparison.Ordinal);
        Assert.Contains("拒绝恢复", output, StringComparison.Ordinal);
        Assert.Contains("nothing restored", output, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(target), "the refused restore wrote the database");
    }

    [Fact]
    public async Task UnreadableOrUnreachableDatabase_EndsWithOneLine_NotAStackTrace()
    {
        int exit;
        string output;
        if (app.Provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"kechuang-broken-{Guid.NewGuid():N}.db");
            _databases.Add(file);
            await File.WriteAllTextAsync(file, new string('x', 8192));
            (exit, output) = await RunAsync($"Data Source={file}", "backup", "--to", NewFolder());
        }
        else
        {
            var folder = NewFolder();
            var (backupExit, backupOutput) = await RunAsync(app.ConnectionString, "backup", "--to", folder);
            Assert.True(backupExit == 0, backupOutput);
            (exit, output) = await RunAsync("Host=127.0.0.1;Port=1;Username=kechuang;Password=kechuang;Database=kechuang_nowhere;Timeout=3", "restore", "--from", folder);
        }

        Assert.Equal(1, exit);
        Assert.Contains("数据库无法连接或读取", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kechuang-backup-{Guid.NewGuid():N}");
        _folders.Add(folder);
        return folder;
    }

    /// <summary>A database no one uses yet: a SQLite path with no file, or a PostgreSQL database (created unless asked not to).</summary>
    private async Task<string> NewDatabaseAsync(bool create = true)
    {
        if (app.Provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"kechuang-restored-{Guid.NewGuid():N}.db");
            _databases.Add(file);
            return $"Data Source={file}";
        }
        var name = $"kechuang_test_{Guid.NewGuid():N}";
        _databases.Add(name);
        if (create)
        {
            await using var admin = new NpgsqlConnection(KechuangApp.PostgresServer + ";Database=postgres");
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await command.ExecuteNonQueryAsync();
        }
        return $"{KechuangApp.PostgresServer};Database={name}";
    }

    private async Task<bool> ExistsAsync(string connection)
    {
        if (app.Provider == Provider.Sqlite)
        {
            return File.Exists(new SqliteConnectionStringBuilder(connection).DataSource);
        }
        await using var admin = new NpgsqlConnection(KechuangApp.PostgresServer + ";Database=postgres");
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", admin);
        command.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(connection).Database!);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForAsync(Func<bool> condition, Task writer)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            if (writer.IsFaulted)
            {
                await writer;
            }
            await Task.Delay(50);
        }
        Assert.True(condition(), "the writer did not get on");
    }

    private Task<(int Exit, string Output)> RunAsync(string connection, params string[] args) => RunAsync(connection, (IReadOnlyList<string>)args);

    private async Task<(int Exit, string Output)> RunAsync(string connection, IReadOnlyList<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kechuang.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add($"--Database:Provider={app.Provider}");
        start.ArgumentList.Add($"--ConnectionStrings:Kechuang={connection}");
        foreach (var key in KechuangApp.PersonalDataArguments)
        {
            start.ArgumentList.Add(key);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private async Task<Dictionary<string, long>> TableCountsAsync(string connection)
    {
        var tables = await ColumnAsync(connection, app.Provider == Provider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await ScalarAsync(connection, $"SELECT count(*) FROM \"{table}\"");
        }
        return counts;
    }

    private async Task<List<string>> ColumnAsync(string connection, string sql)
    {
        var values = new List<string>();
        await using var db = Open(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var db = Open(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private System.Data.Common.DbConnection Open(string connection) => app.Provider == Provider.Sqlite
        ? new SqliteConnection(connection + ";Pooling=False")
        : new NpgsqlConnection(connection + ";Pooling=False");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var folder in _folders.Where(System.IO.Directory.Exists))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        foreach (var database in _databases)
        {
            if (app.Provider == Provider.Sqlite)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(database + suffix);
                }
                continue;
            }
            await using var admin = new NpgsqlConnection(KechuangApp.PostgresServer + ";Database=postgres");
            await admin.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database}", admin);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (attempt < 10 && e.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    await Task.Delay(200 * attempt);
                }
            }
        }
    }

    public sealed class OnSqlite(SqliteApp app) : BackupRestoreTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : BackupRestoreTests(app), IClassFixture<PostgresApp>;
}
