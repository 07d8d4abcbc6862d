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
        var byKind = await db.Set<Organization>().GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var people = await db.Set<Person>().CountAsync();
        int Count(OrganizationKind kind) => byKind.FirstOrDefault(k => k.Key == kind)?.Count ?? 0;
        return
        [
            new("企业", Count(OrganizationKind.Enterprise), "家", "/directory/organizations?kind=enterprise", DashboardPeriod.Now),
            new("高校院所", Count(OrganizationKind.Institution), "家", "/directory/organizations?kind=institution", DashboardPeriod.Now),
            new("专家与人员", people, "人", "/directory/people", DashboardPeriod.Now),
        ];
    }
}
