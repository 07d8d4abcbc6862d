using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
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
    private readonly Dictionary<string, string> _secrets = [];
    private readonly Dictionary<string, long> _lastSteps = [];
    private readonly string _database;
    private readonly string _environment;

    private readonly bool _signInLimits;

    /// <param name="signInLimits">
    /// False (the default) raises the per-client sign-in limit: every test request comes from one address and a
    /// class signs in hundreds of times; <see cref="SignInLimitedApp"/> keeps the limits a real instance has.
    /// </param>
    /// <param name="sqliteFolder">Where the SQLite database file lies (the temporary folder unless given).</param>
    public KechuangApp(Provider provider, string environment = "Production", bool signInLimits = false, string? sqliteFolder = null)
    {
        Provider = provider;
        _environment = environment;
        _signInLimits = signInLimits;
        _database = provider == Provider.Sqlite
            ? Path.Combine(sqliteFolder ?? Path.GetTempPath(), $"kechuang-test-{Guid.NewGuid():N}.db")
            : $"kechuang_test_{Guid.NewGuid():N}";
    }

    public Provider Provider { get; }

    /// <summary>Where this instance keeps the certificate that encrypts its data-protection keys.</summary>
    public string KeyFolder { get; } = Path.Combine(Path.GetTempPath(), $"kechuang-keys-{Guid.NewGuid():N}");

    /// <summary>Sent by a test to act as a client at another network address (see <see cref="ClientAddressFilter"/>).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>The personal-data keys every test instance is configured with (tests that rotate build their own).</summary>
    public const string PersonalDataKeyId = "test1";
    public const string PersonalDataKey = "AAECAwQFBgcICQoLDA0ODw==";
    public const string PersonalDataIndexKey = "EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=";

    /// <summary>The same keys as command-line options, for a child process that works on this instance's database.</summary>
    public static IReadOnlyList<string> PersonalDataArguments { get; } =
    [
        $"--PersonalData:CurrentKeyId={PersonalDataKeyId}",
        $"--PersonalData:Keys:{PersonalDataKeyId}={PersonalDataKey}",
        $"--PersonalData:IndexKey={PersonalDataIndexKey}",
    ];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>The PostgreSQL server this instance's database lies on (the shared test server unless a fixture has its own).</summary>
    protected virtual string PostgresHost => PostgresServer;

    /// <summary>Settings a fixture adds to the host's (a standby for reports, …).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public string ConnectionString => Provider == Provider.Sqlite
        ? $"Data Source={_database}"
        : $"{PostgresHost};Database={_database}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Kechuang", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Admin:Password", Password);
        builder.UseSetting("DataProtection:Folder", KeyFolder);
        // Explicit keys: no key file is generated beside the test database.
        builder.UseSetting("PersonalData:CurrentKeyId", PersonalDataKeyId);
        builder.UseSetting($"PersonalData:Keys:{PersonalDataKeyId}", PersonalDataKey);
        builder.UseSetting("PersonalData:IndexKey", PersonalDataIndexKey);
        if (!_signInLimits)
        {
            builder.UseSetting("Access:SignInPerClientPerMinute", "100000");
        }
        Configure(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    public async Task InitializeAsync()
    {
        if (Provider == Provider.Postgres)
        {
            await using var connection = new NpgsqlConnection(PostgresHost + ";Database=postgres");
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
        if (System.IO.Directory.Exists(KeyFolder))
        {
            System.IO.Directory.Delete(KeyFolder, recursive: true);
        }
        await DisposedAsync();
    }

    /// <summary>After the host and its database are gone: what a fixture set up around them is undone here.</summary>
    protected virtual Task DisposedAsync() => Task.CompletedTask;

    /// <summary>
    /// The test server gives every request the same (empty) remote address; a test that plays several clients
    /// names each one's address in <see cref="ClientAddressHeader"/>, set here before anything else runs.
    /// </summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    // A plain DROP waits out an autovacuum worker that is still on the database; WITH (FORCE) would
    // try to terminate that worker and fail with 42501 (it belongs to no role the test user is in),
    // which CI saw as a class clean-up failure. FORCE stays as the fallback for our own leftover
    // sessions, and a few retries cover a worker that starts between the two.
    private async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresHost + ";Database=postgres");
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
            if (response.StatusCode == System.Net.HttpStatusCode.Forbidden
                && (await response.Content.ReadAsStringAsync()).Contains("auth.second-factor-enrolment-required", StringComparison.Ordinal))
            {
                await EnrolAsync(userName);
            }
            if (_secrets.ContainsKey(userName))
            {
                response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, oneTimeCode = OneTimeCode(userName) });
            }
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            _tokens[userName] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Enrols the account's second factor through the same service the sign-in page uses (the test plays the
    /// authenticator app: it keeps the secret and computes codes from the app's clock).
    /// </summary>
    public async Task<string> EnrolAsync(string userName)
    {
        var secret = SecondFactor.NewSecret();
        var step = CurrentStep;
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        var db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
        var account = await db.Accounts.SingleAsync(a => a.UserName == userName);
        var codes = await scope.ServiceProvider.GetRequiredService<SecondFactor>().EnrolAsync(account, secret, Code(secret, step));
        Assert.NotNull(codes);
        _secrets[userName] = secret;
        _lastSteps[userName] = step;
        return secret;
    }

    private long CurrentStep => Clock.GetUtcNow().ToUnixTimeSeconds() / 30;

    /// <summary>A code of the enrolled account that the server has not seen yet (a code works once), moving the clock on a step when needed.</summary>
    public string OneTimeCode(string userName)
    {
        var step = Math.Max(_lastSteps.GetValueOrDefault(userName) + 1, CurrentStep - 1);
        if (step > CurrentStep + 1)
        {
            Clock.Advance(TimeSpan.FromSeconds(30));
        }
        _lastSteps[userName] = step;
        return Code(_secrets[userName], step);
    }

    public static string Code(string secret, long step) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    /// <summary>A database context with the system scope, to arrange or inspect records directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<KechuangDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        var db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
        return await work(db);
    }

    /// <summary>One scoped service (a handler, another module's public interface) with the system scope.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static string NewCreditCode(string region = "330723") =>
        DemoCodes.CreditCode(region, Random.Shared.Next(1_000_000, 9_999_999));

    /// <summary>A valid 身份证 number no other test uses (one number belongs to one person in the directory).</summary>
    public static string NewIdNumber() =>
        DemoCodes.IdNumber("110105", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000)), Random.Shared.Next(1, 999));

    private sealed record TokenBody(string AccessToken, DateTime ExpiresAt);
}

public sealed class SqliteApp() : KechuangApp(Provider.Sqlite);

public sealed class PostgresApp() : KechuangApp(Provider.Postgres);

/// <summary>An instance with the sign-in limits a real one has, for the tests of those limits.</summary>
public class SignInLimitedApp(Provider provider) : KechuangApp(provider, signInLimits: true);

public sealed class SignInLimitedSqliteApp() : SignInLimitedApp(Provider.Sqlite);

public sealed class SignInLimitedPostgresApp() : SignInLimitedApp(Provider.Postgres);
