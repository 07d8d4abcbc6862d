using System.Globalization;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Indicators;

/// <summary>One part of a breakdown: a direct sub-region and its share of the target, in the indicator's unit.</summary>
public sealed record BreakdownPart(string? RegionCode, decimal? Target);

/// <summary>POST /targets/{id}/breakdown body: the complete set of parts (sub-regions left out lose their share).</summary>
public sealed record BreakdownInput(IReadOnlyList<BreakdownPart>? Parts);

/// <summary>A target with the targets of its direct sub-regions: the sum of the parts and what it lacks against the whole.</summary>
public sealed record TargetBreakdown(TargetProgress Target, bool Additive, IReadOnlyList<TargetProgress> Parts, decimal PartsTotal, string? Difference);

/// <summary>
/// 目标分解: a city's target is split over its counties, a county's over its towns and parks, and the parts add up to the
/// whole. Only additive indicators (counts, amounts, areas) split: a rate of the city is not the sum of its counties' rates.
/// </summary>
public static class TargetCascade
{
    /// <summary>Counts, amounts and areas add up over regions; percentages do not.</summary>
    public static bool IsAdditive(string unit) => unit != "%";

    /// <summary>Null when the parts add up; otherwise "分解合计7.2亿元，比上级目标少0.3亿元" in the unit the whole is written in.</summary>
    public static string? Difference(decimal whole, decimal partsTotal, string unit)
    {
        if (partsTotal == whole)
        {
            return null;
        }
        var gap = Math.Abs(whole - partsTotal);
        return $"分解合计{Amount(partsTotal, unit, whole)}，比上级目标{(partsTotal < whole ? "少" : "多")}{Amount(gap, unit, whole)}";
    }

    /// <summary>A value in the magnitude of <paramref name="reference"/>: 元 in 亿元 or 万元 when the reference is that large, up to four decimals.</summary>
    public static string Amount(decimal value, string unit, decimal reference)
    {
        var (divisor, shown) = IndicatorFormat.Scale(reference, unit);
        return (value / divisor).ToString("0.####", CultureInfo.InvariantCulture) + shown;
    }
}

/// <summary>Shows and sets the breakdown of a target over the direct sub-regions of its region.</summary>
public sealed class TargetBreakdownHandler(KechuangDb db, IndicatorCatalogue catalogue, RegionCatalog regions, TargetsHandler targets)
{
    public async Task<TargetBreakdown> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var whole = await db.Set<Target>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("年度目标不存在");
        var indicator = catalogue.Get(whole.IndicatorCode);
        var children = (await regions.GetAsync(cancellationToken)).Children(whole.RegionCode).Select(r => r.Code).ToList();
        var parts = await db.Set<Target>().AsNoTracking()
            .Where(t => t.Year == whole.Year && t.IndicatorCode == whole.IndicatorCode && children.Contains(t.RegionCode))
            .OrderBy(t => t.RegionCode).ToListAsync(cancellationToken);
        var progress = await targets.ProgressAsync([whole, .. parts], cancellationToken);
        var total = parts.Sum(p => p.Value);
        var additive = TargetCascade.IsAdditive(indicator.Unit);
        return new TargetBreakdown(progress[0], additive, progress.Skip(1).ToList(), total,
            additive && parts.Count > 0 ? TargetCascade.Difference(whole.Value, total, indicator.Unit) : null);
    }

    /// <summary>
    /// Replaces the parts of a target: every part is a direct sub-region in the caller's scope, and the parts add up to the
    /// whole exactly, or nothing is stored and the difference is named.
    /// </summary>
    public async Task<TargetBreakdown> BreakDownAsync(Guid id, BreakdownInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(IndicatorsPermissions.SetTarget);
        var whole = await db.Set<Target>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("年度目标不存在");
        var indicator = catalogue.Get(whole.IndicatorCode);
        if (!TargetCascade.IsAdditive(indicator.Unit))
        {
            throw new RuleException("indicators.target-not-additive", $"{indicator.Name}是比率，各地的比率相加不等于全市的比率，不能分解");
        }
        var table = await regions.GetAsync(cancellationToken);
        var children = table.Children(whole.RegionCode).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var errors = new FieldErrors();
        var parts = input.Parts ?? [];
        if (parts.Count == 0)
        {
            errors.Add("parts", "请至少填写一个下级地区的分解目标");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var outside = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var field = $"parts[{i}]";
            var region = parts[i].RegionCode?.Trim() ?? "";
            if (!children.Contains(region))
            {
                errors.Add($"{field}.regionCode", $"{(region.Length == 0 ? "地区" : table.Name(region))}不是{table.Name(whole.RegionCode)}的直属下级地区");
            }
            else if (!seen.Add(region))
            {
                errors.Add($"{field}.regionCode", $"{table.Name(region)}重复填写");
            }
            else if (!db.User.Scope.Covers(region))
            {
                outside.Add(table.Name(region));
            }
            if (parts[i].Target is not { } value || value < 0)
            {
                errors.Add($"{field}.target", "请填写不小于0的分解目标");
            }
            else if (decimal.Round(value, 4) != value || value >= 900_000_000_000_000m)
            {
                errors.Add($"{field}.target", "分解目标最多保留四位小数");
            }
        }
        errors.ThrowIfAny();
        if (outside.Count > 0)
        {
            throw new ForbiddenException($"{string.Join("、", outside)}不在您的数据范围内");
        }
        var total = parts.Sum(p => p.Target!.Value);
        if (TargetCascade.Difference(whole.Value, total, indicator.Unit) is { } difference)
        {
            throw new RuleException("indicators.breakdown-not-adding-up", difference);
        }
        var existing = await db.Set<Target>()
            .Where(t => t.Year == whole.Year && t.IndicatorCode == whole.IndicatorCode && children.Contains(t.RegionCode))
            .ToListAsync(cancellationToken);
        foreach (var part in parts)
        {
            var region = part.RegionCode!.Trim();
            if (existing.FirstOrDefault(t => t.RegionCode == region) is { } kept)
            {
                kept.Change(whole.Comparator, part.Target!.Value, db.UtcNow);
            }
            else
            {
                db.Add(new Target(region, whole.Year, whole.IndicatorCode, whole.Comparator, part.Target!.Value, db.UtcNow));
            }
        }
        db.RemoveRange(existing.Where(t => !seen.Contains(t.RegionCode)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RuleException("indicators.target-exists", "下级目标已由他人同时修改，请刷新后重新分解");
        }
        return await GetAsync(id, cancellationToken);
    }
}
