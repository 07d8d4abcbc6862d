using System.Diagnostics;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>Runs the real executable (`kechuang audit verify`) against a test database.</summary>
public abstract class CommandLineTests(KechuangApp app)
{
    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kechuang.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add($"--Database:Provider={app.Provider}");
        start.ArgumentList.Add($"--ConnectionStrings:Kechuang={app.ConnectionString}");
        foreach (var key in KechuangApp.PersonalDataArguments)
        {
            start.ArgumentList.Add(key);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task AuditVerify_IntactThenTampered_ExitsZeroThenOne()
    {
        var count = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var (intactExit, intactOutput) = await RunAsync("audit", "verify");

        Assert.Equal(0, intactExit);
        Assert.Contains($"已核对 {count} 条", intactOutput);

        var target = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Seq).Skip(3).Select(e => e.Seq).FirstAsync());
        var unguard = app.Provider == Provider.Sqlite
            ? "DROP TRIGGER audit_entry_no_update"
            : "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_guard";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(unguard));
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET after = 'forged' WHERE seq = {0}", target));

        var (brokenExit, brokenOutput) = await RunAsync("audit", "verify");

        Assert.Equal(1, brokenExit);
        Assert.Contains($"第 {target} 条", brokenOutput);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoWithUsage()
    {
        var (exit, output) = await RunAsync("frobnicate");

        Assert.Equal(2, exit);
        Assert.Contains("用法", output);
        Assert.Contains("kechuang screen --region", output); // the modules' registered commands are listed
    }

    public sealed class OnSqlite(SqliteApp app) : CommandLineTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CommandLineTests(app), IClassFixture<PostgresApp>;
}
