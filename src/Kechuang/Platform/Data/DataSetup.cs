using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kechuang.Platform.Data;

public static class DataSetup
{
    /// <summary>
    /// Chooses the provider from <c>Database:Provider</c> (Sqlite default, Postgres) and the connection
    /// from <c>ConnectionStrings:Kechuang</c> (default <c>data/kechuang.db</c>).
    /// </summary>
    public static IServiceCollection AddKechuangData(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Kechuang");
        string? sqliteFile = null;
        if (IsPostgres(configuration))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Kechuang.");
            }
            // One pool for EF and for the few hot paths that talk to Npgsql directly (bearer tokens, bids).
            // Named: the pool's metrics carry this name instead of the connection string (host, database, user).
            var dataSource = new Npgsql.NpgsqlDataSourceBuilder(PostgresConnection(connection)) { Name = "kechuang" }.Build();
            services.AddSingleton(dataSource);
            services.AddDbContextFactory<PostgresKechuangDb>(o => o.UseNpgsql(dataSource).UseSnakeCaseNamingConvention(), ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<KechuangDb>, KechuangDbFactory<PostgresKechuangDb>>();
        }
        else
        {
            connection = SqliteConnection(configuration);
            sqliteFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            services.AddDbContextFactory<SqliteKechuangDb>(o => o.UseSqlite(connection).UseSnakeCaseNamingConvention(), ServiceLifetime.Scoped);
            services.AddScoped<IDbContextFactory<KechuangDb>, KechuangDbFactory<SqliteKechuangDb>>();
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<KechuangDb>>().CreateDbContext());
        ReportingDb.Add(services, configuration);
        services.AddSingleton(sp => PersonalDataCipherFor(configuration, sqliteFile, sp.GetRequiredService<ILoggerFactory>()));
        services.AddScoped<PersonalDataRotation>();
        services.AddSingleton<ICommand, RotatePersonalDataKeyCommand>();
        services.AddScoped<CurrentUser>();
        // Several nodes must read each other's cookies and anti-forgery tokens: the key ring lives in the database,
        // each key encrypted with a certificate kept outside it.
        services.AddKeyProtection(configuration);
        return services;
    }

    /// <summary>True when <c>Database:Provider</c> names PostgreSQL (SQLite is the default).</summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"] ?? "Sqlite", "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SQLite connection the configuration names, <c>data/kechuang.db</c> when it names none.</summary>
    public static string SqliteConnection(IConfiguration configuration) =>
        configuration.GetConnectionString("Kechuang") ?? $"Data Source={Path.Combine("data", "kechuang.db")}";

    private static PersonalDataCipher PersonalDataCipherFor(IConfiguration configuration, string? sqliteFile, ILoggerFactory logging)
    {
        var keys = PersonalDataKeys.Load(configuration, PersonalDataKeys.DefaultFile(sqliteFile));
        if (keys is { Generated: true, File: { } file })
        {
            logging.CreateLogger("Kechuang.PersonalData").LogInformation(
                "个人信息加密密钥未在配置中提供：已生成数据库之外的密钥文件 {File}，请与数据库一同备份；生产环境请按 docs/security.md 通过配置 PersonalData 提供密钥", file);
        }
        return new PersonalDataCipher(keys);
    }

    /// <summary>
    /// The application keeps no session state on a connection (no SET, temporary tables or session-level
    /// locks; its advisory locks are transaction-level), so a pooled connection need not be reset on return
    /// — the reset's DISCARD ALL would also throw away every cached plan, those of market_place_bid
    /// included — and statements run often are prepared once per connection. Either can be overridden in
    /// the connection string.
    /// </summary>
    public static string PostgresConnection(string connection)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var given = connection.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (!given.Contains("noresetonclose=", StringComparison.Ordinal))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.Contains("maxautoprepare=", StringComparison.Ordinal))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// EF keeps a lock row while it migrates a SQLite file; a process killed mid-migration (power cut
    /// at first start) leaves the row behind and every later start would wait on it for ever. SQLite
    /// serves one node, and no migration of ours takes minutes, so a lock older than two minutes is stale.
    /// </summary>
    private static async Task ReleaseStaleSqliteMigrationLockAsync(KechuangDb db, CancellationToken cancellationToken)
    {
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
            await using var release = connection.CreateCommand();
            release.CommandText = "DELETE FROM \"__EFMigrationsLock\" WHERE \"Timestamp\" < @cutoff";
            release.Parameters.AddWithValue("@cutoff", DateTimeOffset.UtcNow.AddMinutes(-2).ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
            await release.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Creates the SQLite folder, applies migrations; returns true when the database was empty.</summary>
    public static async Task<bool> MigrateAsync(KechuangDb db, CancellationToken cancellationToken = default)
    {
        if (db.IsSqlite)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await ReleaseStaleSqliteMigrationLockAsync(db, cancellationToken);
        }
        else
        {
            // Npgsql does not look whether the history table exists (search_path makes that unreliable): its
            // Migrate reads the table and, on a new database, logs the "relation does not exist" it then
            // ignores as a failed command. Creating the table first (IF NOT EXISTS) leaves that read nothing to
            // fail on, so a fail line at start-up always means a real failure.
            // This runs before Migrate takes its lock: nodes starting together on a new database can race on the
            // CREATE, and the loser's error only says that the table now exists.
            try
            {
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.DuplicateTable)
            {
                // Another node created it.
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return !await db.Accounts.AnyAsync(cancellationToken);
    }
}
