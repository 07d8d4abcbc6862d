using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Directory.Pages;

/// <summary>Pick lists of the directory pages, in Chinese, limited to what the viewer's scope covers.</summary>
internal static class DirectoryChoices
{
    public static readonly IReadOnlyList<SelectOption> OrganizationKindOptions =
        OrganizationKinds.Names.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    public static readonly IReadOnlyList<SelectOption> PersonKindOptions =
        PersonKinds.Names.Select(k => new SelectOption(Kebab.From(k.Key), k.Value)).ToList();

    /// <summary>
    /// The list filter: a city account chooses among its counties and districts; a county account
    /// among its county (all) and its towns and zones.
    /// </summary>
    public static List<SelectOption> FilterRegions(IReadOnlyList<RegionOption> regions, DataScope scope)
    {
        var covered = regions.Where(r => scope.Covers(r.Code)).ToList();
        if (covered.Count == 0)
        {
            return [];
        }
        var top = covered.Min(r => r.Level);
        var county = covered.Any(r => r.Level == (int)RegionLevel.County);
        var level = top <= (int)RegionLevel.City && county ? (int)RegionLevel.County : (int)RegionLevel.Town;
        var own = covered.Where(r => r.Level == (int)RegionLevel.County && level == (int)RegionLevel.Town)
            .Select(r => new SelectOption(r.Code, $"{r.Name}（全县）"));
        return own.Concat(covered.Where(r => r.Level == level).Select(r => new SelectOption(r.Code, r.Name))).ToList();
    }

    /// <summary>The form: every region the viewer may save into, named with its county (武义县 · 桐琴镇).</summary>
    public static List<SelectOption> FormRegions(IReadOnlyList<RegionOption> regions, DataScope scope, string? current)
    {
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        return regions
            .Where(r => r.Level >= (int)RegionLevel.City && (scope.Covers(r.Code) || r.Code == current))
            .Select(r => new SelectOption(r.Code, Label(r, names)))
            .ToList();
    }

    private static string Label(RegionOption region, Dictionary<string, string> names) =>
        region.Level == (int)RegionLevel.Town && region.ParentCode is { } parent && names.TryGetValue(parent, out var county)
            ? $"{county} · {region.Name}（{region.Code}）"
            : $"{region.Name}（{region.Code}）";
}
