using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> only while the database answers and holds
/// every migration (and Redis answers, when configured). Both answer JSON naming the checks, never a host or account.
/// </summary>
public abstract class HealthTests(KechuangApp app)
{
    [Fact]
    public async Task Live_Answers200_WithoutTouchingTheDatabase()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_Answers200_NamingEachCheck_WithoutSecrets()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(new[] { "database:Healthy", "migrations:Healthy" }, Checks(JsonDocument.Parse(text).RootElement));
        AssertNoSecrets(text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Ready_Is503WhileAMigrationIsMissing_And200OnceItIsBack()
    {
        using var client = app.CreateClient();
        var history = await app.WithDbAsync(db => db.Database.SqlQueryRaw<HistoryRow>(
            "SELECT migration_id AS id, product_version AS version FROM \"__EFMigrationsHistory\" ORDER BY migration_id DESC").FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE migration_id = {0}", history.Id));
        try
        {
            var response = await client.GetAsync("/health/ready");
            var body = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Contains("migrations:Unhealthy", Checks(body));
            Assert.Contains("有 1 个迁移尚未应用", body.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ({0}, {1})", history.Id, history.Version));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_Is503WhileTheDatabaseCannotBeReached_WhileLiveStays200()
    {
        using var client = app.CreateClient();
        await using (var down = await DatabaseDownAsync())
        {
            var response = await client.GetAsync("/health/ready");
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("database:Unhealthy", Checks(JsonDocument.Parse(text).RootElement));
            AssertNoSecrets(text);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private sealed record HistoryRow(string Id, string Version);

    internal static string[] Checks(JsonElement body) =>
        [.. body.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("status").GetString()}")];

    private static void AssertNoSecrets(string text)
    {
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kechuang-test", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kechuang_test", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// PostgreSQL: the database stops taking connections and this instance's sessions end, as when the server stops.
    /// SQLite: the file is moved away and a folder stands in its place, so no connection can open (or create) it.
    /// Disposing brings it back.
    /// </summary>
    private async Task<IAsyncDisposable> DatabaseDownAsync()
    {
        if (app.Provider == Provider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
            await using (var admin = new NpgsqlConnection(KechuangApp.PostgresServer + ";Database=postgres"))
            {
                await admin.OpenAsync();
                await using var refuse = new NpgsqlCommand($"ALTER DATABASE {name} ALLOW_CONNECTIONS false", admin);
                await refuse.ExecuteNonQueryAsync();
                // The application's own sessions only: an autovacuum worker in the database at that moment belongs to the
                // superuser, and ending it is refused (which would leave the database closed for the tests after this one).
                await using var end = new NpgsqlCommand(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND usename = current_user",
                    admin);
                end.Parameters.AddWithValue("name", name);
                try
                {
                    await end.ExecuteNonQueryAsync();
                }
                catch (PostgresException)
                {
                    await using var allow = new NpgsqlCommand($"ALTER DATABASE {name} ALLOW_CONNECTIONS true", admin);
                    await allow.ExecuteNonQueryAsync();
                    throw;
                }
            }
            return new Undo(async () =>
            {
                await using var admin = new NpgsqlConnection(KechuangApp.PostgresServer + ";Database=postgres");
                await admin.OpenAsync();
                await using var allow = new NpgsqlCommand($"ALTER DATABASE {name} ALLOW_CONNECTIONS true", admin);
                await allow.ExecuteNonQueryAsync();
                NpgsqlConnection.ClearAllPools();
            });
        }
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var aside = file + ".aside";
        File.Move(file, aside);
        System.IO.Directory.CreateDirectory(file);
        return new Undo(() =>
        {
            System.IO.Directory.Delete(file);
            File.Move(aside, file);
            return Task.CompletedTask;
        });
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }

    public sealed class OnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
}

/// <summary>With Redis configured, ready also needs Redis: one that cannot be reached makes the instance not ready.</summary>
public sealed class RedisHealthTests(RedisHealthTests.UnreachableRedisApp app) : IClassFixture<RedisHealthTests.UnreachableRedisApp>
{
    [Fact]
    public async Task Ready_Is503WhileTheConfiguredRedisCannotBeReached()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(new[] { "database:Healthy", "migrations:Healthy", "redis:Unhealthy" }, HealthTests.Checks(body));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    public sealed class UnreachableRedisApp() : KechuangApp(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Port 1 on loopback: nothing listens there, so the connection is refused at once.
            builder.UseSetting("Redis:Connection", "127.0.0.1:1,connectTimeout=1000,abortConnect=false");
        }
    }
}
