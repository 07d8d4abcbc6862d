using System.Diagnostics;
using Kechuang.Modules.Enterprises;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>Runs the real executable (`kechuang screen --region 330723 --year 2023`) against a test database.</summary>
public abstract class ScreenCommandLineTests(KechuangApp app)
{
    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
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
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, await errors);
    }

    [Fact]
    public async Task Screen_Wuyi2023_StoresEveryEnterpriseAndPrintsThePools()
    {
        var enterprises = await app.WithDbAsync(db => db.Set<EnterpriseProfile>().CountAsync(p => p.RegionCode.StartsWith("330723")));
        var staff = await app.ClientAsync("wuyi.staff");
        var screening = await (await staff.GetAsync("/api/v1/cultivation/screening?regionCode=330723&year=2023")).ReadJsonAsync();

        var (exit, output, errors) = await RunAsync("screen", "--region", "330723", "--year", "2023");

        Assert.True(exit == 0, output + errors);
        Assert.Contains("开始筛查：武义县（330723）2023年度", output);
        Assert.Contains($"[{enterprises}/{enterprises}]", output);
        Assert.Contains("武义县恒达电动工具有限公司：", output);
        Assert.Contains($"筛查完成：共 {enterprises} 家企业，结果已保存", output);
        foreach (var pool in screening.GetProperty("pools").EnumerateObject())
        {
            Assert.Contains($"  {CultivationPools.Names[pool.Name]}：{pool.Value.GetInt32()} 家", output);
        }
        Assert.Contains("  亿元以上规上工业企业未设研发机构：", output);
        var stored = await app.WithDbAsync(db => db.Set<ScreeningRecord>().CountAsync(r => r.Year == 2023 && r.RegionCode.StartsWith("330723")));
        Assert.Equal(enterprises, stored);
        Assert.True(enterprises > 0);
        // One audit event per run (ADR 009) naming the region, the year and how many were screened.
        var runs = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Account == "system:screen" && e.Action == "screen").ToListAsync());
        var run = Assert.Single(runs);
        Assert.Contains($"\"screened\":{enterprises}", run.After, StringComparison.Ordinal);

        // A second run replaces the year's results instead of adding to them.
        var (again, _, _) = await RunAsync("screen", "--region=330723", "--year=2023");
        Assert.Equal(0, again);
        Assert.Equal(enterprises, await app.WithDbAsync(db => db.Set<ScreeningRecord>().CountAsync(r => r.Year == 2023 && r.RegionCode.StartsWith("330723"))));
    }

    [Fact]
    public async Task Screen_WithoutRegionOrWithBadYear_ExitsTwoWithUsage()
    {
        var (missing, _, missingErrors) = await RunAsync("screen", "--year", "2023");
        var (bad, _, badErrors) = await RunAsync("screen", "--region", "999999", "--year", "20x3");

        Assert.Equal(2, missing);
        Assert.Contains("--region", missingErrors);
        Assert.Contains("用法: kechuang screen", missingErrors);
        Assert.Equal(2, bad);
        Assert.Contains("行政区划代码 999999 不存在", badErrors);
        Assert.Contains("--year", badErrors);
    }

    public sealed class OnSqlite(SqliteApp app) : ScreenCommandLineTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ScreenCommandLineTests(app), IClassFixture<PostgresApp>;
}
