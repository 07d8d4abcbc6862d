using Kechuang.Platform.Access;

namespace Kechuang.Modules.Matching.Engine;

/// <summary>
/// The names of administrative divisions a query is not matched on: every province and prefecture (浙江省 and 浙江,
/// 上海市 and 上海, 金华市 and 金华), every county by its full name (武义县), and the counties of the provinces the platform
/// works in — those whose towns the region table holds — also by their short name (武义, 永康).
/// </summary>
/// <remarks>
/// Short county names are kept to the home province because across China some are ordinary words of a demand
/// (新兴县, 平原县), while the home province's short names are exactly what its enterprises are called after.
/// </remarks>
public static class PlaceNames
{
    // RegionOption.Level: 1 province, 2 prefecture, 3 county, 4 town.
    private const int TownLevel = 4;

    private static readonly string[] ProvinceSuffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"];
    private static readonly string[] CitySuffixes = ["地区", "市", "盟"];
    private static readonly string[] CountySuffixes = ["县", "市"];

    public static IReadOnlyList<string> Of(IEnumerable<RegionOption> regions)
    {
        var all = regions.ToList();
        var byCode = all.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var homeProvinces = all.Where(r => r.Level == TownLevel)
            .Select(r => ProvinceOf(r, byCode)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in all)
        {
            switch (region.Level)
            {
                case 1:
                    names.Add(region.Name);
                    names.Add(Short(region.Name, ProvinceSuffixes));
                    break;
                case 2:
                    names.Add(region.Name);
                    names.Add(Short(region.Name, CitySuffixes));
                    break;
                case 3:
                    names.Add(region.Name);
                    if (ProvinceOf(region, byCode) is { } province && homeProvinces.Contains(province) && !region.Name.EndsWith("自治县", StringComparison.Ordinal))
                    {
                        names.Add(Short(region.Name, CountySuffixes));
                    }
                    break;
            }
        }
        return [.. names.Where(n => n.Length > 1)];
    }

    private static string Short(string name, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    private static string? ProvinceOf(RegionOption region, Dictionary<string, RegionOption> byCode)
    {
        var current = region;
        while (current.Level > 1 && current.ParentCode is not null && byCode.TryGetValue(current.ParentCode, out var parent))
        {
            current = parent;
        }
        return current.Level == 1 ? current.Code : null;
    }
}
