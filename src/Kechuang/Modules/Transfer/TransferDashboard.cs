using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

/// <summary>Home figures: stations, open demands and this year's cooperations, from the records in the viewer's scope.</summary>
internal sealed class TransferDashboard : IDashboardCard
{
    public int Order => 550;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db)
    {
        var today = db.Today();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var stations = await db.Set<TransferStation>().CountAsync();
        var open = await db.Set<Demand>().CountAsync(d => d.Status == DemandStatus.Open || d.Status == DemandStatus.Matched);
        var cooperations = await db.Set<Cooperation>().CountAsync(c => c.SignedOn >= yearStart);
        return
        [
            new("技术转移工作站", stations, "家", "/transfer/stations"),
            new("待对接企业需求", open, "条", "/transfer/demands?status=open"),
            new($"{today.Year}年校企合作", cooperations, "项", "/transfer/cooperations"),
        ];
    }
}
