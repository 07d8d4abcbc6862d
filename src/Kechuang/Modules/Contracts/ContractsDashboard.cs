using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// Home cards for bureau staff: 技术交易额 of the viewer's region in the year shown, with its completion where the year has a
/// target, linked to the records counted.
/// </summary>
internal sealed class ContractsDashboard : IDashboardCard
{
    public int Order => 200;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        if (!ContractAccess.IsStaff(db.User))
        {
            return [];
        }
        var region = IndicatorCatalogue.DefaultRegion(db.User);
        var year = period.Year;
        var amount = new TransactionAmountIndicator();
        var span = Period.Year(year);
        var actual = await amount.ComputeAsync(db, region, span, CancellationToken.None);
        var (value, unit) = IndicatorFormat.Scaled(actual);
        var figures = new List<DashboardFigure> { new($"{year}年技术交易额", (double)value, unit, amount.RecordsUrl(region, span), period.SpanText) };
        var target = await db.Set<Target>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.RegionCode == region && t.IndicatorCode == TransactionAmountIndicator.IndicatorCode && t.Year == year);
        if (target is not null)
        {
            var rate = decimal.Round(actual / target.Value * 100m, 1, MidpointRounding.AwayFromZero);
            figures.Add(new DashboardFigure($"{year}年技术交易额目标完成率（目标{IndicatorFormat.Sign(target.Comparator)}{IndicatorFormat.Show(target.Value, "元")}）",
                (double)rate, "%", $"/indicators/targets?year={year}&regionCode={region}", period.SpanText));
        }
        return figures;
    }

    public async Task<int?> LatestYearAsync(KechuangDb db)
    {
        if (!ContractAccess.IsStaff(db.User))
        {
            return null;
        }
        var latest = await db.Set<TechContract>().AsNoTracking().UnderRegion(IndicatorCatalogue.DefaultRegion(db.User))
            .Where(c => c.Status == ContractStatus.Registered).MaxAsync(c => (DateOnly?)c.RegisteredOn);
        return latest?.Year;
    }
}
