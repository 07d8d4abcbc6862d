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
        return query.Where(e => e.RegionCode.StartsWith(prefix));
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
