using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal static class DirectoryQueries
{
    public static async Task<Dictionary<string, string>> RegionNamesAsync(KechuangDb db, CancellationToken cancellationToken) =>
        await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

    /// <summary>Codes at or below a region: 330723 covers 330723 and its towns 330723xxx; 330700 covers the city.</summary>
    public static IQueryable<T> UnderRegion<T>(this IQueryable<T> query, string? regionCode) where T : IRegionScoped
    {
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            return query;
        }
        var prefix = Platform.Access.DataScope.Prefix(regionCode);
        return query.Where(e => e.RegionCode.StartsWith(prefix));
    }
}
