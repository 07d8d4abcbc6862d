using System.Globalization;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Indicators;

/// <summary>One part of a breakdown: a direct sub-region and its share of the target, in the indicator's unit.</summary>
public sealed record BreakdownPart(string? RegionCode, decimal? Target);

/// <summary>
/// POST /targets/{id}/breakdown body: the complete set of parts (sub-regions left out lose their share) and, to change the
/// whole in the same step, its new value (left out: the whole stays).
/// </summary>
public sealed record BreakdownInput(IReadOnlyList<BreakdownPart>? Parts, decimal? Target = null);

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

    /// <summary>
    /// Refuses a new value of one target that would leave a breakdown that adds up no longer adding up: its parent's (the
    /// target is one of the parts) and its own (the target was split into parts). A breakdown that did not add up before is
    /// left alone: its page names the difference, and the breakdown is where it is put right.
    /// </summary>
    /// <param name="existing">The target's value before the change; null for a new target.</param>
    public static async Task EnsureBreakdownsStillAddUpAsync(KechuangDb db, RegionTable table, string unit, string region, int year, string indicatorCode,
        decimal? existing, decimal value, bool checkParent, bool checkOwnParts, CancellationToken cancellationToken)
    {
        if (!IsAdditive(unit) || existing == value)
        {
            return;
        }
        // Read across scopes: a county's target is a part of the city's, which a county account cannot list.
        var targets = db.Set<Target>().IgnoreQueryFilters().AsNoTracking().Where(t => t.Year == year && t.IndicatorCode == indicatorCode);
        if (checkParent && table.Find(region)?.ParentCode is { } parentCode
            && await targets.FirstOrDefaultAsync(t => t.RegionCode == parentCode, cancellationToken) is { } parentTarget)
        {
            var parent = parentTarget.Value;
            var siblings = table.Children(parentCode).Select(r => r.Code).ToList();
            // The value is stored scaled (ValueScaled) and read through the entity, so it is summed here.
            var before = (await targets.Where(t => siblings.Contains(t.RegionCode)).ToListAsync(cancellationToken)).Sum(t => t.Value);
            var after = before - (existing ?? 0m) + value;
            if (before == parent && Difference(parent, after, unit) is { } broken)
            {
                throw new RuleException("indicators.breakdown-not-adding-up",
                    $"{table.Name(parentCode)}的目标已分解到下级地区，按此修改后{broken}；请在{table.Name(parentCode)}目标的“分解”中一并调整");
            }
        }
        if (checkOwnParts && existing is { } whole)
        {
            var children = table.Children(region).Select(r => r.Code).ToList();
            var parts = (await targets.Where(t => children.Contains(t.RegionCode)).ToListAsync(cancellationToken)).Select(t => t.Value).ToList();
            if (parts.Count > 0 && parts.Sum() == whole && Difference(value, parts.Sum(), unit) is { } broken)
            {
                throw new RuleException("indicators.breakdown-not-adding-up",
                    $"{table.Name(region)}的目标已分解到下级地区，按此修改后{broken}；请在本目标的“分解”中同时修改本级目标和下级目标");
            }
        }
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
        var whole = await db.Set<Target>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("年度目标不存在");
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
        if (input.Target is { } newWhole && (newWhole <= 0 || decimal.Round(newWhole, 4) != newWhole || newWhole >= 900_000_000_000_000m))
        {
            errors.Add("target", "请填写大于0、最多保留四位小数的上级目标");
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
        var wholeValue = input.Target ?? whole.Value;
        if (TargetCascade.Difference(wholeValue, total, indicator.Unit) is { } difference)
        {
            throw new RuleException("indicators.breakdown-not-adding-up", difference);
        }
        var existing = await db.Set<Target>()
            .Where(t => t.Year == whole.Year && t.IndicatorCode == whole.IndicatorCode && children.Contains(t.RegionCode))
            .ToListAsync(cancellationToken);
        if (wholeValue != whole.Value)
        {
            // The whole is itself a part of its parent's breakdown, which must still add up.
            await TargetCascade.EnsureBreakdownsStillAddUpAsync(db, table, indicator.Unit, whole.RegionCode, whole.Year, whole.IndicatorCode, whole.Value, wholeValue,
                checkParent: true, checkOwnParts: false, cancellationToken);
            whole.Change(whole.Comparator, wholeValue, db.UtcNow);
        }
        foreach (var part in parts)
        {
            var region = part.RegionCode!.Trim();
            if (existing.FirstOrDefault(t => t.RegionCode == region) is { } kept)
            {
                // A part split further (a county over its towns) keeps its own breakdown adding up.
                await TargetCascade.EnsureBreakdownsStillAddUpAsync(db, table, indicator.Unit, region, whole.Year, whole.IndicatorCode, kept.Value, part.Target!.Value,
                    checkParent: false, checkOwnParts: true, cancellationToken);
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
