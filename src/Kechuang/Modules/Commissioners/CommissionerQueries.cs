using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Commissioners;

internal static class CommissionerQueries
{
    /// <summary>Today in Asia/Shanghai.</summary>
    public static DateOnly Today(KechuangDb db) => DateOnly.FromDateTime(UiFormat.Local(db.UtcNow));

    /// <summary>Codes at or below a region: 330723 covers the county and its towns 330723xxx.</summary>
    public static IQueryable<T> UnderRegion<T>(this IQueryable<T> query, string? regionCode) where T : IRegionScoped
    {
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            return query;
        }
        var prefix = Platform.Access.DataScope.Prefix(regionCode);
        return query.Where(e => e.RegionCode.StartsWith(prefix));
    }

    /// <summary>The known towns (乡镇、街道): region codes of nine digits.</summary>
    public static async Task<Func<string, bool>> TownsAsync(IOrganizationDirectory directory, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        return code => code.Length == CommissionerRules.TownCodeLength && regions.ContainsKey(code);
    }

    public static void CheckYear(int? year, string field = "year")
    {
        if (year is < 1900 or > 2199)
        {
            throw Platform.Problems.InputException.For(field, "年份应在1900至2199之间");
        }
    }
}
