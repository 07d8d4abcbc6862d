using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Home figures: carriers in operation now and the enterprises resident in them on the period's day, from the records in the viewer's scope.</summary>
internal sealed class CarriersDashboard : IDashboardCard
{
    public int Order => 500;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        var operating = await db.Set<Carrier>().CountAsync(c => c.Status == CarrierStatus.Operating);
        var day = period.AsOf;
        var resident = await db.Set<Tenancy>().Where(t => t.Kind == TenancyKind.Resident).CurrentBetween(day, day)
            .Select(t => t.OrganizationId).Distinct().CountAsync();
        return
        [
            new("运营中的创新载体", operating, "个", "/carriers", DashboardPeriod.Now),
            new("载体入驻企业", resident, "家", "/carriers", period.AsOfText),
        ];
    }
}
