using System.Net.Http.Json;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Platform;

public abstract class AuditTests(KechuangApp app)
{
    private async Task<ChainReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope("test");
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    [Fact]
    public async Task Chain_AfterDemoAndWrites_IsIntact_AndEveryEntryLinksToThePrevious()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name = "审计链测试公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" })).CreatedIdAsync();

        var report = await VerifyAsync();

        Assert.Null(report.BrokenAt);
        Assert.True(report.Checked > 20);
    }

    [Fact]
    public async Task Update_RecordsValuesBeforeAndAfter()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = KechuangApp.NewCreditCode();
        var id = await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name = "改名前公司", kind = "enterprise", creditCode = code, regionCode = "330723" })).CreatedIdAsync();

        await staff.PutAsJsonAsync($"/api/v1/organizations/{id}", new { name = "改名后公司", kind = "enterprise", creditCode = code, regionCode = "330723" });

        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityKey == id.ToString() && e.Action == "update").SingleAsync());
        Assert.Contains("改名前公司", entry.Before);
        Assert.Contains("改名后公司", entry.After);
        Assert.Equal("wuyi.staff", entry.Account);
    }

    public sealed class OnSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
}

/// <summary>Tampering is tested on its own database, since it breaks the chain for good.</summary>
public abstract class AuditTamperTests(KechuangApp app)
{
    [Fact]
    public async Task Verify_ChangedEntry_ReportsThatEntry()
    {
        var target = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Seq).Skip(5).Select(e => e.Seq).FirstAsync());
        // Someone with the database owner's rights first removes the append-only guard, then edits.
        var unguard = app.Provider == Provider.Sqlite
            ? "DROP TRIGGER audit_entry_no_update"
            : "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_guard";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(unguard));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET account = 'intruder' WHERE seq = {0}", target));

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope("test");
        var report = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();

        Assert.Equal(target, report.BrokenAt);
        Assert.Equal(target - 1, report.Checked);
    }

    public sealed class OnSqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>;
}

/// <summary>The append-only guard, on its own database because its clock is set to real time.</summary>
public abstract class AuditGuardTests(KechuangApp app)
{
    private async Task<ChainReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope("test");
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    [Fact]
    public async Task Database_RefusesToChangeOrDeleteRecentEntries()
    {
        // The database's own clock decides the 180 days, so this fixture's entry is written at real time.
        app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var seq = await app.WithDbAsync(async db =>
        {
            db.AuditEvent("test", "guard", "probe");
            await db.SaveChangesAsync();
            return await db.AuditEntries.OrderByDescending(e => e.Seq).Select(e => e.Seq).FirstAsync();
        });

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET account = 'x' WHERE seq = {0}", seq)));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entry WHERE seq = {0}", seq)));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Null((await VerifyAsync()).BrokenAt);
    }

    public sealed class OnSqlite(SqliteApp app) : AuditGuardTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditGuardTests(app), IClassFixture<PostgresApp>;
}
