using System.Globalization;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Indicators;

/// <summary>
/// One region's figure in a comparison: its actual, its target where one is set, the records counted, and the year-end
/// forecast (<see cref="TargetForecast"/>: a past year's actual, none for a year not begun or in its first month) with
/// <see cref="ForecastShort"/> when, in the running year, it misses the target.
/// </summary>
public sealed record RegionFigure(string RegionCode, string RegionName, decimal Actual, string? Comparator, decimal? Target, decimal? CompletionRate,
    string CompletionText, bool? Met, string RecordsUrl, decimal? Forecast, bool ForecastShort);

/// <summary>
/// An indicator of one year for a region and each of its direct sub-regions (a city's counties, a county's towns and
/// parks). <see cref="Whole"/> is computed over the region itself, so records kept at the region's own level count there.
/// </summary>
public sealed record RegionComparison(string IndicatorCode, string IndicatorName, string Unit, int Year, bool Additive, RegionFigure Whole,
    IReadOnlyList<RegionFigure> Items, int Total);

/// <summary>
/// 地区对比: the city compares its counties (and a county its towns) on any indicator, each beside its target. The same
/// computation as everywhere: a figure here equals the indicator's value for that region, within the caller's scope.
/// </summary>
/// <remarks>A report: read from the standby when one is configured (<see cref="ReportingDb"/>), like the home figures.</remarks>
public sealed class CompareRegionsHandler(ReportingDb reporting, IndicatorCatalogue catalogue, RegionCatalog regions)
{
    private readonly KechuangDb _db = reporting.Db;

    public async Task<RegionComparison> HandleAsync(string code, string? regionCode, int? year, CancellationToken cancellationToken = default)
    {
        var indicator = catalogue.Find(code) ?? throw InputException.For("code", $"没有代码为“{code}”的指标");
        var region = IndicatorCatalogue.CheckRegion(_db.User, regionCode);
        var shown = year ?? _db.Today().Year;
        ListFilters.CheckYear(shown);
        var table = await regions.GetAsync(cancellationToken);
        var children = table.Children(region).Where(r => _db.User.Scope.Covers(r.Code)).ToList();
        var codes = children.Select(c => c.Code).Append(region).ToList();
        var targets = await _db.Set<Target>().AsNoTracking()
            .Where(t => t.Year == shown && t.IndicatorCode == code && codes.Contains(t.RegionCode))
            .ToDictionaryAsync(t => t.RegionCode, StringComparer.Ordinal, cancellationToken);
        var period = Period.Year(shown);
        // A finished year's forecast is its actual: it is 未完成, no longer expected to be.
        var running = shown == _db.Today().Year;

        async Task<RegionFigure> FigureAsync(string r, string name)
        {
            var actual = await indicator.ComputeAsync(_db, r, period, cancellationToken);
            var target = targets.GetValueOrDefault(r);
            var forecast = await TargetForecast.YearEndAsync(_db, indicator, r, shown, actual, cancellationToken);
            return new RegionFigure(r, name, actual, target?.Comparator, target?.Value,
                target is null ? null : Target.CompletionRate(actual, target.Value),
                target is null ? "—" : Target.CompletionText(actual, target.Value),
                target is null ? null : Target.IsMet(target.Comparator, actual, target.Value),
                indicator.RecordsUrl(r, period), forecast,
                running && target is not null && TargetForecast.FallsShort(target.Comparator, forecast, target.Value));
        }

        var items = new List<RegionFigure>(children.Count);
        foreach (var child in children)
        {
            items.Add(await FigureAsync(child.Code, child.Name));
        }
        var whole = await FigureAsync(region, table.Name(region));
        return new RegionComparison(indicator.Code, indicator.Name, indicator.Unit, shown, TargetCascade.IsAdditive(indicator.Unit), whole, items, items.Count);
    }

    /// <summary>The comparison as a sheet: one row per sub-region, then the region itself; values in the indicator's unit.</summary>
    public static readonly ExportSheet<RegionFigure> Export = new ExportSheet<RegionFigure>("地区对比.xlsx", "indicators_target")
        .Column("地区", f => f.RegionName)
        .Column("区划代码", f => f.RegionCode)
        .Column("完成", f => f.Actual.ToString(CultureInfo.InvariantCulture))
        .Column("比较", f => f.Comparator ?? "")
        .Column("目标", f => f.Target?.ToString(CultureInfo.InvariantCulture) ?? "")
        .Column("完成率", f => f.CompletionText)
        .Column("状态", f => f.Met switch { true => "已完成", false => "未完成", null => "未设目标" })
        .Column(TargetForecast.Title, f => f.Forecast?.ToString(CultureInfo.InvariantCulture) ?? "")
        .Column("预警", f => f.ForecastShort ? TargetForecast.ShortText : "");
}
