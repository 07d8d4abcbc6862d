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
}
