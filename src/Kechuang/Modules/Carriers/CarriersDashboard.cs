using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Home figures: carriers in operation and the enterprises resident in them today, from the records in the viewer's scope.</summary>
internal sealed class CarriersDashboard : IDashboardCard
{
    public int Order => 500;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db)
    {
        var operating = await db.Set<Carrier>().CountAsync(c => c.Status == CarrierStatus.Operating);
        var today = db.Today();
        var resident = await db.Set<Tenancy>().Where(t => t.Kind == TenancyKind.Resident).CurrentBetween(today, today)
            .Select(t => t.OrganizationId).Distinct().CountAsync();
        return
        [
            new("运营中的创新载体", operating, "个", "/carriers"),
            new("载体入驻企业", resident, "家", "/carriers"),
        ];
    }
}
