using System.Net;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

public abstract class HostTests(KechuangApp app)
{
    [Fact]
    public async Task Health_AnswersOnceDatabaseAnswers()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndReferencePageIsServedLocally()
    {
        using var client = app.CreateClient();

        var spec = await client.GetStringAsync("/openapi/v1.json");
        var page = await client.GetAsync("/scalar/v1");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("/api/v1/organizations", spec);
        Assert.Contains("/api/v1/auth/token", spec);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("https://", html.Replace("https://github.com/scalar", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_WithoutExternalSources()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/account/login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("http", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        // The hash admitted for AntDesign's remove icon is the hash of exactly that handler.
        var handler = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("event.stopPropagation()"u8));
        Assert.Contains($"'unsafe-hashes' 'sha256-{handler}'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("用户名", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DataProtectionKeys_LiveInTheDatabase_SoEveryNodeReadsTheSameCookies()
    {
        using var client = app.CreateClient();

        await client.GetStringAsync("/account/login"); // the anti-forgery token needs the key ring

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == "platform_data_protection_key"));
        Assert.Equal(0, audited);
    }

    [Fact]
    public async Task Model_HasNoChangesWithoutMigration()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The model changed without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Database_HoldsEveryTableColumnAndIndexOfTheModel()
    {
        // Branches that each add a migration can merge into a chain where one migration undoes another's change
        // while the snapshot still holds it; no pending change shows it, only the migrated database does.
        var missing = await app.WithDbAsync(async db =>
        {
            var postgres = db.Database.IsNpgsql();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var found = new List<string>();
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                var columns = await NamesAsync(connection, postgres
                    ? $"SELECT column_name, 0 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table.Name}'"
                    : $"SELECT name, 0 FROM pragma_table_info('{table.Name}')");
                var indexes = await NamesAsync(connection, postgres
                    ? $"SELECT indexname, CASE WHEN indexdef LIKE 'CREATE UNIQUE%' THEN 1 ELSE 0 END FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '{table.Name}'"
                    : $"SELECT name, \"unique\" FROM pragma_index_list('{table.Name}')");
                found.AddRange(table.Columns.Where(c => !columns.ContainsKey(c.Name)).Select(c => $"{table.Name}.{c.Name}"));
                found.AddRange(table.Indexes.Where(i => !indexes.TryGetValue(i.Name, out var unique) || unique != i.IsUnique)
                    .Select(i => $"{i.Name}{(i.IsUnique ? " (unique)" : "")}"));
            }

            return found;
        });

        Assert.True(missing.Count == 0, "The migrated database lacks: " + string.Join(", ", missing));
    }

    private static async Task<Dictionary<string, bool>> NamesAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new Dictionary<string, bool>();
        while (await reader.ReadAsync())
        {
            names[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }

        return names;
    }

    public sealed class OnSqlite(SqliteApp app) : HostTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HostTests(app), IClassFixture<PostgresApp>;
}
