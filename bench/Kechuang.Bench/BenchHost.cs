using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Bench;

/// <summary>
/// The application's data layer on a fresh SQLite file (default) or a scratch PostgreSQL database
/// (created here, dropped on dispose), without the web server.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    // The server is on the loopback interface: TLS would only add encryption on both sides of every
    // measurement (the application's and the raw baseline's alike).
    public const string PostgresServer = "Host=127.0.0.1;Username=kechuang;Password=kechuang;SSL Mode=Disable";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kechuang-bench-{Guid.NewGuid():N}.db");
    private readonly string? _pgDatabase;
    private readonly bool _keep;

    public BenchHost(bool postgres = false, string? keepDatabase = null)
    {
        IsPostgres = postgres || keepDatabase is not null;
        _keep = keepDatabase is not null;
        string connection;
        if (keepDatabase is not null)
        {
            // A database kept between runs (the province bench's generated data): created when missing, never dropped.
            _pgDatabase = keepDatabase;
            using (var admin = new Npgsql.NpgsqlConnection(PostgresServer + ";Database=postgres"))
            {
                admin.Open();
                using var exists = admin.CreateCommand();
                exists.CommandText = $"SELECT 1 FROM pg_database WHERE datname = '{keepDatabase}'";
                if (exists.ExecuteScalar() is null)
                {
                    using var create = admin.CreateCommand();
                    create.CommandText = $"CREATE DATABASE {keepDatabase}";
                    create.ExecuteNonQuery();
                }
            }
            connection = $"{PostgresServer};Database={_pgDatabase}";
        }
        else if (postgres)
        {
            _pgDatabase = $"kechuang_bench_{Guid.NewGuid():N}";
            using (var admin = new Npgsql.NpgsqlConnection(PostgresServer + ";Database=postgres"))
            {
                admin.Open();
                using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE {_pgDatabase}";
                create.ExecuteNonQuery();
            }
            connection = $"{PostgresServer};Database={_pgDatabase}";
        }
        else
        {
            connection = $"Data Source={_file}";
        }
        ConnectionString = connection;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = IsPostgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Kechuang"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        // The personal-data cipher reports a generated key through the log, as on a server.
        services.AddLogging();
        services.AddKechuangData(configuration);
        // The directory a module's handler reaches other modules' organisations through (the contract import's parties).
        Kechuang.Modules.Directory.DirectoryModule.AddDirectory(services);
        Services = services.BuildServiceProvider();
    }

    public bool IsPostgres { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public async Task<KechuangDb> OpenAsync(Action<CurrentUser> who)
    {
        var scope = Services.CreateAsyncScope();
        who(scope.ServiceProvider.GetRequiredService<CurrentUser>());
        return scope.ServiceProvider.GetRequiredService<KechuangDb>();
    }

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("bench");
        var db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
        await DataSetup.MigrateAsync(db);
        // Reference data as a real instance has it: the contract import checks each party's region against the national list.
        foreach (var reference in scope.ServiceProvider.GetServices<Kechuang.Platform.Demo.IReferenceData>().OrderBy(r => r.Order))
        {
            await reference.LoadAsync(db, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keep)
        {
            return;
        }
        if (_pgDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(PostgresServer + ";Database=postgres");
            await admin.OpenAsync();
            // Plain DROP first: WITH (FORCE) cannot terminate an autovacuum worker (42501).
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = admin.CreateCommand();
                    drop.CommandText = $"DROP DATABASE IF EXISTS {_pgDatabase}" + (attempt % 2 == 0 ? " WITH (FORCE)" : "");
                    await drop.ExecuteNonQueryAsync();
                    return;
                }
                catch (Npgsql.PostgresException) when (attempt < 10)
                {
                    await Task.Delay(200 * attempt);
                }
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    public static string CreditCode(int n) => DemoCodes.CreditCode("330723", n);
}
