using System.Globalization;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

/// <summary>Home figures: stations and open demands now, and the cooperations signed in the year shown, from the records in the viewer's scope.</summary>
internal sealed class TransferDashboard : IDashboardCard
{
    public int Order => 550;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        var stations = await db.Set<TransferStation>().CountAsync();
        var open = await db.Set<Demand>().CountAsync(d => d.Status == DemandStatus.Open || d.Status == DemandStatus.Matched);
        var cooperations = await db.Set<Cooperation>().CountAsync(c => c.SignedOn >= period.From && c.SignedOn < period.To);
        var last = period.To.AddDays(-1);
        return
        [
            new("技术转移工作站", stations, "家", "/transfer/stations", DashboardPeriod.Now),
            new("待对接企业需求", open, "条", "/transfer/demands?status=open", DashboardPeriod.Now),
            new("校企合作", cooperations, "项",
                $"/transfer/cooperations?from={period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                period.SpanText),
        ];
    }

    public async Task<int?> LatestYearAsync(KechuangDb db) =>
        (await db.Set<Cooperation>().MaxAsync(c => (DateOnly?)c.SignedOn))?.Year;
}
