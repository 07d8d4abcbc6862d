using System.Diagnostics;
using Kechuang.Modules.Directory;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Bench;

/// <summary>
/// Cost of the data-scope filter on a list query: a 武义县 account's first page of enterprises over
/// 20,000 organisations in nine counties, against the same query with the system scope.
/// </summary>
internal static class ScopeFilterBench
{
    private const int Organizations = 20_000;
    private const int Queries = 300;

    public static async Task<BenchResult> RunAsync()
    {
        await using var host = new BenchHost();
        await host.MigrateAsync();
        string[] counties = ["330702", "330703", "330723", "330726", "330727", "330781", "330782", "330783", "330784"];
        await using (var db = await host.OpenAsync(u => u.UseSystemScope("bench")))
        {
            var now = db.UtcNow;
            for (var i = 0; i < Organizations; i++)
            {
                var region = counties[i % counties.Length];
                db.Add(new Organization($"基准企业{i:D5}", OrganizationKind.Enterprise, DemoCodesFor(region, i), region, null, null, null, now));
            }
            await db.SaveChangesAsync();
        }

        var system = await TimeAsync(host, u => u.UseSystemScope("bench"));
        var county = await TimeAsync(host, u => u.Set(SignInHandler.Principal(
            new Account("bench", "基准", Role.CountyStaff, "330723", null, "", false, DateTime.UtcNow), "bench")));
        return new BenchResult(county, system, "ms/query", "same query, system scope (no filter)");
    }

    private static string DemoCodesFor(string region, int i) => Kechuang.Platform.Demo.DemoCodes.CreditCode(region, 1_000_000 + i);

    private static async Task<double> TimeAsync(BenchHost host, Action<CurrentUser> who)
    {
        await using var db = await host.OpenAsync(who);
        async Task<int> PageAsync() =>
            (await db.Set<Organization>().AsNoTracking().Where(o => o.Kind == OrganizationKind.Enterprise)
                .OrderBy(o => o.Name).Take(20).ToListAsync()).Count
            + await db.Set<Organization>().CountAsync();
        await PageAsync();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Queries; i++)
        {
            await PageAsync();
        }
        return watch.Elapsed.TotalMilliseconds / Queries;
    }
}
