using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class DirectoryDashboard : IDashboardCard
{
    public int Order => 100;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        // What the scope shows is its region's organisations plus the shared ones registered elsewhere: counted apart, the
        // first is a range of the list index and the second a small partial index, where "shared or in the region"
        // read every organisation of a province.
        var organizations = db.Set<Organization>();
        var scope = db.User.Scope;
        var byKind = await organizations.UnderRegion(scope.RegionPrefix).GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        if (!scope.All && scope.RegionPrefix.Length > 0)
        {
            byKind.AddRange(await organizations.Where(o => o.IsSharedWithAll).OutsideRegion(scope.RegionPrefix)
                .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        }
        var people = await db.Set<Person>().CountAsync();
        int Count(OrganizationKind kind) => byKind.Where(k => k.Key == kind).Sum(k => k.Count);
        return
        [
            new("企业", Count(OrganizationKind.Enterprise), "家", "/directory/organizations?kind=enterprise", DashboardPeriod.Now),
            new("高校院所", Count(OrganizationKind.Institution), "家", "/directory/organizations?kind=institution", DashboardPeriod.Now),
            new("专家与人员", people, "人", "/directory/people", DashboardPeriod.Now),
        ];
    }
}
