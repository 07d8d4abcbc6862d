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

    public sealed class OnSqlite(SqliteApp app) : HostTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HostTests(app), IClassFixture<PostgresApp>;
}
