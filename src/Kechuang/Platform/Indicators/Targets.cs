using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Indicators;

/// <summary>POST /targets body: value in the indicator's unit (yuan for amounts).</summary>
public sealed record TargetInput(string? RegionCode, int? Year, string? IndicatorCode, string? Comparator, decimal? Target);

/// <summary>A target beside its actual value: completion as a fraction (1.119) and as text (111.9%).</summary>
public sealed record TargetProgress(Guid Id, string RegionCode, int Year, string IndicatorCode, string IndicatorName, string Unit, string Comparator,
    decimal Target, decimal Actual, decimal? CompletionRate, string CompletionText, bool Met, string RecordsUrl, string RecordsApiUrl,
    decimal? Forecast = null, bool ForecastShort = false);

/// <summary>Targets in the caller's scope, each with its actual computed now from records.</summary>
public sealed class TargetsHandler(KechuangDb db, IndicatorCatalogue catalogue, IDirectoryLookup directory, Reference.RegionCatalog regions)
{
    internal static readonly SortMap<Target> Sorts =
        new SortMap<Target>(t => t.Id, t => t.OrderBy(x => x.RegionCode).ThenBy(x => x.Year).ThenBy(x => x.IndicatorCode))
            .Add("regionCode", t => t.RegionCode)
            .Add("year", t => t.Year)
            .Add("indicatorName", t => t.IndicatorCode);

    /// <summary>One page of targets; the search matches an indicator's name or code.</summary>
    public async Task<Paged<TargetProgress>> ListAsync(string? regionCode, int? year, string? indicatorCode = null, ListQuery? list = null,
        CancellationToken cancellationToken = default)
    {
        list ??= new ListQuery();
        var targets = Filter(regionCode, year, indicatorCode, list);
        var total = await targets.CountAsync(cancellationToken);
        // Actuals are computed from records per target, so only the page shown is computed.
        var rows = await targets.ApplySort(Sorts, list).ApplyPaging(list).ToListAsync(cancellationToken);
        return new Paged<TargetProgress>(await ProgressAsync(rows, cancellationToken), total);
    }

    /// <summary>Every target of the filtered, sorted list, for the export.</summary>
    public async Task<List<TargetProgress>> AllAsync(string? regionCode, int? year, string? indicatorCode, ListQuery list, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(regionCode, year, indicatorCode, list).ApplySort(Sorts, list).ToListAsync(cancellationToken);
        return await ProgressAsync(rows, cancellationToken);
    }

    private IQueryable<Target> Filter(string? regionCode, int? year, string? indicatorCode, ListQuery list)
    {
        var targets = db.Set<Target>().AsNoTracking().UnderRegion(regionCode);
        if (year is { } y)
        {
            targets = targets.Where(t => t.Year == y);
        }
        if (!string.IsNullOrWhiteSpace(indicatorCode))
        {
            targets = targets.Where(t => t.IndicatorCode == indicatorCode);
        }
        // A removed module's targets stay stored but have nothing to compare with; they are not listed.
        var known = catalogue.All.Select(i => i.Code).ToList();
        targets = targets.Where(t => known.Contains(t.IndicatorCode));
        if (list.Text is { } text)
        {
            // Indicator names live in the catalogue, not the table: the search picks the codes whose name or code matches.
            var matching = catalogue.All.Where(i => i.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || i.Code.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(i => i.Code).ToList();
            targets = targets.Where(t => matching.Contains(t.IndicatorCode));
        }
        return targets;
    }

    internal async Task<List<TargetProgress>> ProgressAsync(List<Target> rows, CancellationToken cancellationToken)
    {
        var items = new List<TargetProgress>();
        foreach (var t in rows)
        {
            var indicator = catalogue.Find(t.IndicatorCode)!;
            var period = Period.Year(t.Year);
            var actual = await indicator.ComputeAsync(db, t.RegionCode, period, cancellationToken);
            var url = indicator.RecordsUrl(t.RegionCode, period);
            var forecast = await TargetForecast.YearEndAsync(db, indicator, t.RegionCode, t.Year, actual, cancellationToken);
            items.Add(new TargetProgress(t.Id, t.RegionCode, t.Year, t.IndicatorCode, indicator.Name, indicator.Unit, t.Comparator, t.Value, actual,
                Target.CompletionRate(actual, t.Value), Target.CompletionText(actual, t.Value), Target.IsMet(t.Comparator, actual, t.Value), url, indicator.RecordsApiUrl(t.RegionCode, period),
                forecast, TargetForecast.FallsShort(t.Comparator, forecast, t.Value)));
        }
        return items;
    }

    /// <summary>An indicator's value in each month of a year, for the target's chart.</summary>
    public Task<IReadOnlyList<decimal>> MonthlyAsync(string indicatorCode, string regionCode, int year, CancellationToken cancellationToken = default) =>
        catalogue.MonthlyAsync(db, indicatorCode, regionCode, year, cancellationToken);

    /// <summary>
    /// Sets (creates or replaces) the target of a region, year and indicator. City bureau staff set targets. A value that
    /// would stop a breakdown adding up is refused (<see cref="TargetCascade.EnsureBreakdownsStillAddUpAsync"/>).
    /// </summary>
    public async Task<(Guid Id, bool Created)> SetAsync(TargetInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(IndicatorsPermissions.SetTarget);
        var errors = new FieldErrors();
        var region = await TargetInputs.RegionAndYearAsync(errors, directory, input.RegionCode, input.Year, cancellationToken);
        var code = errors.Text("indicatorCode", "指标", input.IndicatorCode, 80);
        if (code.Length > 0 && catalogue.Find(code) is null)
        {
            errors.Add("indicatorCode", $"指标 {code} 不存在，可选：{string.Join("、", catalogue.All.Select(i => $"{i.Code}（{i.Name}）"))}");
        }
        var comparator = string.IsNullOrWhiteSpace(input.Comparator) ? ">=" : input.Comparator.Trim();
        if (comparator is not (">=" or "<="))
        {
            errors.Add("comparator", "比较方式只能是 >=（力争…以上）或 <=（不超过）");
        }
        if (input.Target is not { } value || value <= 0)
        {
            errors.Add("target", "请填写大于0的目标值");
        }
        else if (decimal.Round(value, 4) != value || value >= 900_000_000_000_000m)
        {
            errors.Add("target", "目标值最多保留四位小数");
        }
        errors.ThrowIfAny();
        var existing = await db.Set<Target>().FirstOrDefaultAsync(t => t.RegionCode == region && t.Year == input.Year && t.IndicatorCode == code, cancellationToken);
        await TargetCascade.EnsureBreakdownsStillAddUpAsync(db, await regions.GetAsync(cancellationToken), catalogue.Get(code).Unit, region, input.Year!.Value, code,
            existing?.Value, input.Target!.Value, checkParent: true, checkOwnParts: true, cancellationToken);
        if (existing is not null)
        {
            existing.Change(comparator, input.Target!.Value, db.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            return (existing.Id, false);
        }
        var target = new Target(region, input.Year!.Value, code, comparator, input.Target!.Value, db.UtcNow);
        db.Add(target);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RuleException("indicators.target-exists", "该地区该年度的此项目标已由他人同时设定，请刷新后修改");
        }
        return (target.Id, true);
    }
}
