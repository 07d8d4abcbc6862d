using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// Home cards for bureau staff: 技术交易额 of the viewer's region for the two latest years that have a
/// target (or the latest year with registrations), each with its completion, linked to the records counted.
/// </summary>
internal sealed class ContractsDashboard(TimeProvider clock) : IDashboardCard
{
    public int Order => 200;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db)
    {
        if (!ContractAccess.IsStaff(db.User))
        {
            return [];
        }
        var region = IndicatorCatalogue.DefaultRegion(db.User);
        var thisYear = ContractsRules.LocalDate(clock.GetUtcNow().UtcDateTime).Year;
        var targets = await db.Set<Target>().AsNoTracking()
            .Where(t => t.RegionCode == region && t.IndicatorCode == TransactionAmountIndicator.IndicatorCode && t.Year <= thisYear)
            .OrderByDescending(t => t.Year).Take(2).ToListAsync();
        var years = targets.Select(t => t.Year).ToList();
        if (years.Count == 0)
        {
            var latest = await db.Set<TechContract>().AsNoTracking().UnderRegion(region)
                .Where(c => c.Status == ContractStatus.Registered)
                .MaxAsync(c => (DateOnly?)c.RegisteredOn);
            years.Add(latest?.Year ?? thisYear);
        }
        var amount = new TransactionAmountIndicator();
        var figures = new List<DashboardFigure>();
        foreach (var year in years.Order())
        {
            var period = Period.Year(year);
            var actual = await amount.ComputeAsync(db, region, period, CancellationToken.None);
            var link = amount.RecordsUrl(region, period);
            var (value, unit) = Scaled(actual);
            figures.Add(new DashboardFigure($"{year}年技术交易额", (double)value, unit, link));
            if (targets.FirstOrDefault(t => t.Year == year) is { } target)
            {
                var rate = decimal.Round(actual / target.Value * 100m, 1, MidpointRounding.AwayFromZero);
                figures.Add(new DashboardFigure($"{year}年技术交易额目标完成率（目标{Sign(target.Comparator)}{Money.Format(Money.ToFen(target.Value))}）",
                    (double)rate, "%", $"/indicators/targets?year={year}&regionCode={region}"));
            }
        }
        return figures;
    }

    /// <summary>The comparator as a reader writes it on a card (≥, not the stored "&gt;=").</summary>
    private static string Sign(string comparator) => comparator switch
    {
        ">=" => "≥",
        "<=" => "≤",
        _ => comparator,
    };

    private static (decimal Value, string Unit) Scaled(decimal yuan) =>
        Math.Abs(yuan) >= 100_000_000m ? (decimal.Round(yuan / 100_000_000m, 2), "亿元")
        : Math.Abs(yuan) >= 10_000m ? (decimal.Round(yuan / 10_000m, 2), "万元")
        : (yuan, "元");
}
