using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kechuang.Tests.Support;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The whole application over HTTP on a fresh database of one provider, with the demo dataset and a
/// controllable clock. Integration tests run once per provider (see <see cref="SqliteApp"/> and <see cref="PostgresApp"/>).
/// </summary>
public class KechuangApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Pass-2026!";
    public static readonly string PostgresServer =
        Environment.GetEnvironmentVariable("KECHUANG_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=kechuang;Password=kechuang";

    private readonly Dictionary<string, string> _tokens = [];
    private readonly string _database;
    private readonly string _environment;

    public KechuangApp(Provider provider, string environment = "Production")
    {
        Provider = provider;
        _environment = environment;
        _database = provider == Provider.Sqlite
            ? Path.Combine(Path.GetTempPath(), $"kechuang-test-{Guid.NewGuid():N}.db")
            : $"kechuang_test_{Guid.NewGuid():N}";
    }

    public Provider Provider { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public string ConnectionString => Provider == Provider.Sqlite
        ? $"Data Source={_database}"
        : $"{PostgresServer};Database={_database}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Kechuang", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Admin:Password", Password);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task InitializeAsync()
    {
        if (Provider == Provider.Postgres)
        {
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _ = Server; // starts the host: migrations, reference and demo data
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Provider == Provider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_database + suffix);
            }
        }
    }

    // A plain DROP waits out an autovacuum worker that is still on the database; WITH (FORCE) would
    // try to terminate that worker and fail with 42501 (it belongs to no role the test user is in),
    // which CI saw as a class clean-up failure. FORCE stays as the fallback for our own leftover
    // sessions, and a few retries cover a worker that starts between the two.
    private async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            var sql = attempt % 2 == 1
                ? $"DROP DATABASE IF EXISTS {_database}"
                : $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            try
            {
                await using var drop = new NpgsqlCommand(sql, connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    /// <summary>An HTTP client with a bearer token of a demo account (admin, wuyi.staff, panan.staff, shouxiangu, …).</summary>
    public async Task<HttpClient> ClientAsync(string userName, string password = Password)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            _tokens[userName] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A database context with the system scope, to arrange or inspect records directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<KechuangDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        var db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
        return await work(db);
    }

    public static string NewCreditCode(string region = "330723") =>
        DemoCodes.CreditCode(region, Random.Shared.Next(1_000_000, 9_999_999));

    private sealed record TokenBody(string AccessToken, DateTime ExpiresAt);
}

public sealed class SqliteApp() : KechuangApp(Provider.Sqlite);

public sealed class PostgresApp() : KechuangApp(Provider.Postgres);
