using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

namespace Kechuang.Platform.Data;

/// <summary>The filters every module's lists share, stated once so that a region or a year means the same everywhere.</summary>
public static class ListFilters
{
    /// <summary>Codes at or below a region: 330723 covers the county and its towns 330723xxx; 330700 covers the city.</summary>
    public static IQueryable<T> UnderRegion<T>(this IQueryable<T> query, string? regionCode) where T : IRegionScoped
    {
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            return query;
        }
        var prefix = DataScope.Prefix(regionCode.Trim());
        var end = PrefixEnd(prefix);
        return query.Where(e => e.RegionCode.CompareTo(prefix) >= 0 && e.RegionCode.CompareTo(end) < 0);
    }

    /// <summary>Codes outside a region: the complement of <see cref="UnderRegion{T}"/>, as the same index range.</summary>
    public static IQueryable<T> OutsideRegion<T>(this IQueryable<T> query, string regionCode) where T : IRegionScoped
    {
        var prefix = DataScope.Prefix(regionCode.Trim());
        var end = PrefixEnd(prefix);
        return query.Where(e => e.RegionCode.CompareTo(prefix) < 0 || e.RegionCode.CompareTo(end) >= 0);
    }

    /// <summary>
    /// The least digit string above every code that starts with <paramref name="prefix"/> (3307 → 3308, 330729 → 33073):
    /// code ≥ prefix and code &lt; end is "starts with" as a range a region_code index serves under any collation. Digits
    /// only on purpose: a database collated en_US ignores punctuation at the first level, but orders digit strings as C
    /// does. Nothing above (no prefix, or nines only) ends at "A", after every digit in both.
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        var end = prefix.TrimEnd('9');
        if (end.Length == 0)
        {
            return "A";
        }
        return string.Concat(end.AsSpan(0, end.Length - 1), ((char)(end[^1] + 1)).ToString());
    }

    /// <summary>A year filter: 1990–2100 or a 400 on <paramref name="field"/>.</summary>
    public static void CheckYear(int? year, string field = "year")
    {
        if (year is < 1990 or > 2100)
        {
            throw InputException.For(field, "年度须在1990至2100之间");
        }
    }

    /// <summary>Today in Asia/Shanghai, the day the bureau's dates are written in: a term that ends today still runs today.</summary>
    public static DateOnly Today(this KechuangDb db) => DateOnly.FromDateTime(UiFormat.Local(db.UtcNow));
}
