using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Kechuang.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Kechuang.Platform.Operations;

/// <summary>An operator's mistake or a backup that cannot be used: the message says what, and the command ends with 1.</summary>
internal sealed class BackupException(string message) : Exception(message)
{
    /// <summary>
    /// The one line an operator reads for what went wrong, or null for a fault of the program (which keeps its trace):
    /// a database that cannot be reached or read, a file that cannot be written, a tool that is not installed.
    /// </summary>
    public static string? Explain(Exception e) => e switch
    {
        BackupException => e.Message,
        System.Data.Common.DbException => $"数据库无法连接或读取：{e.Message}（database unreachable or unreadable）",
        IOException or UnauthorizedAccessException => $"文件无法读写：{e.Message}（file error）",
        System.ComponentModel.Win32Exception => $"无法运行 PostgreSQL 工具：{e.Message}（pg_dump/pg_restore not installed? see docs/operations.md）",
        _ => null,
    };
}

internal sealed record BackupFile(string Name, long Bytes, string Sha256);

/// <summary>What a backup folder holds: <c>manifest.json</c> is written last, so a folder without it is an unfinished backup.</summary>
/// <param name="LastMigration">The newest migration of the copied database: a newer one than this version knows cannot be restored by it.</param>
internal sealed record BackupManifest(string Format, string Provider, DateTime CreatedAt, string? LastMigration, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const string CurrentFormat = "kechuang-backup/1";
    public const string SqliteFile = "kechuang.db";
    public const string PostgresFile = "kechuang.dump";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupFile> DescribeAsync(string folder, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new BackupFile(name, stream.Length, Convert.ToHexStringLower(hash));
    }

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(this, Options), cancellationToken);
        File.Move(path + ".tmp", path);
    }

    /// <summary>Reads the manifest and checks every file it lists against its size and SHA-256 before anything is restored.</summary>
    public static async Task<BackupManifest> ReadVerifiedAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{folder} 中没有 {FileName}：不是备份目录，或备份没有完成（no {FileName}: not a backup folder, or an unfinished backup）");
        }
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, cancellationToken), Options);
        }
        catch (JsonException)
        {
            manifest = null;
        }
        if (manifest is not { Format: CurrentFormat, Files.Count: > 0 })
        {
            throw new BackupException($"{FileName} 无法读取或格式不是 {CurrentFormat}（unreadable manifest）");
        }
        foreach (var file in manifest.Files)
        {
            if (file.Name != Path.GetFileName(file.Name) || !File.Exists(Path.Combine(folder, file.Name)))
            {
                throw new BackupException($"备份缺少文件 {file.Name}，拒绝恢复（backup file {file.Name} is missing; nothing restored）");
            }
            var actual = await DescribeAsync(folder, file.Name, cancellationToken);
            if (actual.Bytes != file.Bytes || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupException(
                    $"备份文件 {file.Name} 已被改动或损坏：SHA-256 与 {FileName} 不符，拒绝恢复，数据库未作任何改动"
                    + $"（backup file {file.Name} does not match its SHA-256 in {FileName}: refused, nothing restored）");
            }
        }
        return manifest;
    }
}

/// <summary>Where the configuration puts the database, read without opening the application's context (which would load keys).</summary>
internal sealed record DatabaseTarget(bool IsPostgres, string ConnectionString)
{
    public string ProviderName => IsPostgres ? "postgres" : "sqlite";

    public string Describe => IsPostgres && new NpgsqlConnectionStringBuilder(ConnectionString) is var pg
        ? $"PostgreSQL {pg.Host}/{pg.Database}"
        : $"SQLite {SqliteFile}";

    public string SqliteFile => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    public static DatabaseTarget From(IConfiguration configuration) => DataSetup.IsPostgres(configuration)
        ? new DatabaseTarget(true, configuration.GetConnectionString("Kechuang")
            ?? throw new BackupException("Database:Provider=Postgres 需要 ConnectionStrings:Kechuang"))
        : new DatabaseTarget(false, DataSetup.SqliteConnection(configuration));

    /// <summary>The migrations this executable knows for the provider, oldest first.</summary>
    public IReadOnlyList<string> KnownMigrations()
    {
        var context = IsPostgres ? typeof(PostgresKechuangDb) : typeof(SqliteKechuangDb);
        return [.. typeof(DatabaseTarget).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
    }
}

/// <summary>
/// <c>kechuang backup --to 目录</c>: a consistent copy of the configured database while the server keeps serving —
/// SQLite through its online backup API, PostgreSQL through <c>pg_dump</c> (custom format, one snapshot) — and a
/// manifest with every file's SHA-256, written last.
/// </summary>
internal sealed class BackupCommand(IConfiguration configuration) : ICommand
{
    public string Name => "backup";

    public string Usage => "backup --to 目录   在线备份数据库到新的空目录（含 SHA-256 清单）";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var folder = CommandOptions.Value(args, "to");
        if (string.IsNullOrWhiteSpace(folder))
        {
            Console.Error.WriteLine("用法: kechuang backup --to 目录");
            return 2;
        }
        folder = Path.GetFullPath(folder);
        try
        {
            var target = DatabaseTarget.From(configuration);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new BackupException($"目录 {folder} 不为空：请备份到新的或空的目录（folder not empty）");
            }
            Directory.CreateDirectory(folder);
            var watch = Stopwatch.StartNew();
            string file;
            string? lastMigration;
            if (target.IsPostgres)
            {
                file = BackupManifest.PostgresFile;
                await PostgresTools.DumpAsync(target.ConnectionString, Path.Combine(folder, file), cancellationToken);
                lastMigration = await PostgresTools.LastMigrationAsync(target.ConnectionString, cancellationToken);
            }
            else
            {
                file = BackupManifest.SqliteFile;
                lastMigration = SqliteCopy.Backup(target, Path.Combine(folder, file));
            }
            var described = await BackupManifest.DescribeAsync(folder, file, cancellationToken);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, target.ProviderName, DateTime.UtcNow, lastMigration, [described]);
            await manifest.WriteAsync(folder, cancellationToken);
            Console.WriteLine($"已备份 {target.Describe} 到 {folder}：{file} {described.Bytes:N0} 字节，SHA-256 {described.Sha256}，用时 {watch.Elapsed.TotalSeconds:0.0} 秒");
            Console.WriteLine("个人信息加密密钥（PersonalData）和数据保护证书（DataProtection:Folder）不在备份中，请另行保管（见 docs/operations.md）");
            return 0;
        }
        catch (Exception e) when (BackupException.Explain(e) is { } reason)
        {
            Console.Error.WriteLine($"备份失败：{reason}");
            return 1;
        }
    }
}

/// <summary>
/// <c>kechuang restore --from 目录 [--force]</c>: checks every file of the backup against its SHA-256, then writes it
/// into the database the configuration names. A database that already holds records is refused unless <c>--force</c>.
/// </summary>
internal sealed class RestoreCommand(IConfiguration configuration) : ICommand
{
    public string Name => "restore";

    public string Usage => "restore --from 目录 [--force]   校验备份后恢复到配置的数据库（数据库已有记录时须 --force）";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var folder = CommandOptions.Value(args, "from");
        if (string.IsNullOrWhiteSpace(folder))
        {
            Console.Error.WriteLine("用法: kechuang restore --from 目录 [--force]");
            return 2;
        }
        folder = Path.GetFullPath(folder);
        var force = CommandOptions.Value(args, "force") is { } flag && (flag.Length == 0 || string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase));
        try
        {
            if (!Directory.Exists(folder))
            {
                throw new BackupException($"备份目录 {folder} 不存在（no such folder）");
            }
            var manifest = await BackupManifest.ReadVerifiedAsync(folder, cancellationToken);
            var target = DatabaseTarget.From(configuration);
            if (manifest.Provider != target.ProviderName)
            {
                throw new BackupException($"备份来自 {manifest.Provider}，而配置的数据库是 {target.ProviderName}：不能跨数据库恢复（provider mismatch）");
            }
            var known = target.KnownMigrations();
            if (manifest.LastMigration is { } last && !known.Contains(last, StringComparer.Ordinal))
            {
                throw new BackupException($"备份来自较新的版本（迁移 {last} 为本程序所不知）：请用该版本或更新的版本恢复");
            }
            var tables = target.IsPostgres
                ? await PostgresTools.TablesWithRecordsAsync(target.ConnectionString, cancellationToken)
                : SqliteCopy.TablesWithRecords(target);
            if (tables.Count > 0 && !force)
            {
                throw new BackupException(
                    $"{target.Describe} 已有记录（{string.Join("、", tables.Take(5))}{(tables.Count > 5 ? " 等" : "")}）：拒绝覆盖。"
                    + "确需用备份替换其全部内容时加 --force（the database holds records: refused without --force）");
            }
            var file = manifest.Files.Single();
            if (target.IsPostgres)
            {
                await PostgresTools.RestoreAsync(target.ConnectionString, Path.Combine(folder, file.Name), clean: tables.Count > 0, cancellationToken);
            }
            else
            {
                SqliteCopy.Restore(Path.Combine(folder, file.Name), target);
            }
            var newer = manifest.LastMigration is null ? known.Count : known.Count(m => string.CompareOrdinal(m, manifest.LastMigration) > 0);
            Console.WriteLine($"已从 {folder}（{manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC 备份）恢复到 {target.Describe}");
            if (newer > 0)
            {
                Console.WriteLine($"备份比本版本少 {newer} 个迁移：启动服务或运行 kechuang migrate 时应用");
            }
            Console.WriteLine("请用 kechuang audit verify 核对恢复后的审计链");
            return 0;
        }
        catch (Exception e) when (BackupException.Explain(e) is { } reason)
        {
            Console.Error.WriteLine($"恢复失败：{reason}");
            return 1;
        }
    }
}

/// <summary>SQLite: the online backup API copies a consistent snapshot page by page; writers carry on meanwhile (WAL).</summary>
internal static class SqliteCopy
{
    /// <returns>The newest migration in the copy.</returns>
    public static string? Backup(DatabaseTarget source, string destination)
    {
        if (!File.Exists(source.SqliteFile))
        {
            throw new BackupException($"数据库文件 {source.SqliteFile} 不存在（no database file）");
        }
        var from = new SqliteConnectionStringBuilder(source.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using (var reader = new SqliteConnection(from.ConnectionString))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ConnectionString))
        {
            reader.Open();
            copy.Open();
            reader.BackupDatabase(copy);
            // One self-contained file: no -wal beside it to forget when the folder is copied.
            Execute(copy, "PRAGMA journal_mode=DELETE");
            var check = Scalar(copy, "PRAGMA quick_check");
            if (check != "ok")
            {
                throw new BackupException($"备份副本未通过完整性检查：{check}");
            }
        }
        using var written = Open(destination, SqliteOpenMode.ReadOnly);
        return LastMigration(written);
    }

    public static void Restore(string backupFile, DatabaseTarget target)
    {
        var folder = Path.GetDirectoryName(target.SqliteFile);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        using var source = Open(backupFile, SqliteOpenMode.ReadOnly);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        destination.Open();
        // The copy replaces every page of the destination in one transaction: a failure leaves it as it was.
        source.BackupDatabase(destination);
        Execute(destination, "PRAGMA journal_mode=WAL");
    }

    public static List<string> TablesWithRecords(DatabaseTarget target)
    {
        if (!File.Exists(target.SqliteFile))
        {
            return [];
        }
        using var connection = Open(target.SqliteFile, SqliteOpenMode.ReadOnly);
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        return [.. tables.Where(t => Scalar(connection, $"SELECT EXISTS (SELECT 1 FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\")") == "1")];
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string? LastMigration(SqliteConnection connection) =>
        Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'") == "1"
            ? Scalar(connection, "SELECT max(migration_id) FROM \"__EFMigrationsHistory\"")
            : null;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// PostgreSQL: <c>pg_dump</c> and <c>pg_restore</c> of the server's major version or newer (Debian's postgresql
/// package puts them under /usr/lib/postgresql/N/bin). The connection goes to them through PG* variables, so the
/// password never appears on a command line.
/// </summary>
internal static class PostgresTools
{
    public static Task DumpAsync(string connection, string file, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", connection, ["--format=custom", "--no-owner", "--no-privileges", $"--file={file}"], cancellationToken);

    public static async Task RestoreAsync(string connection, string file, bool clean, CancellationToken cancellationToken)
    {
        await EnsureDatabaseAsync(connection, cancellationToken);
        var database = new NpgsqlConnectionStringBuilder(connection).Database!;
        // One transaction: a restore that fails part-way leaves the database as it was.
        List<string> arguments = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={database}"];
        if (clean)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }
        arguments.Add(file);
        await RunAsync("pg_restore", connection, arguments, cancellationToken);
    }

    public static async Task<string?> LastMigrationAsync(string connection, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", db);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return null;
        }
        await using var last = new NpgsqlCommand("SELECT max(migration_id) FROM \"__EFMigrationsHistory\"", db);
        return await last.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static async Task<List<string>> TablesWithRecordsAsync(string connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using var db = new NpgsqlConnection(connection);
        try
        {
            await db.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return tables; // created by the restore
        }
        var names = new List<(string Schema, string Table)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            + "AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name NOT LIKE '\\_\\_EFMigrations%' ORDER BY 1, 2", db))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (schema, table) in names)
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Quote(schema)}.{Quote(table)})", db);
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                tables.Add(table);
            }
        }
        return tables;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A database the configuration names but the server does not have yet is created (the role needs CREATEDB).</summary>
    private static async Task EnsureDatabaseAsync(string connection, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var database = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var db = new NpgsqlConnection(builder.ConnectionString);
        await db.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", db);
        exists.Parameters.AddWithValue("name", database);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database)}", db);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task RunAsync(string tool, string connection, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var builder = new NpgsqlConnectionStringBuilder(connection);
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database;
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGPASSWORD"] = builder.Password;
        start.Environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGCONNECT_TIMEOUT"] = "15";
        using var process = Process.Start(start) ?? throw new BackupException($"无法启动 {tool}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} 以 {process.ExitCode} 结束：{(await errors).Trim()}{(await output).Trim()}");
        }
    }

    /// <summary>The newest installed version's tool (a pg_dump older than the server refuses to dump it), else the one on PATH.</summary>
    private static string Find(string tool)
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Folder, "bin", tool)))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin", tool))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        return tool;
    }
}
