using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory.Public;

/// <summary>Region codes and names (行政区划, reference data visible to everyone) for other modules' lists and filters.</summary>
public static class RegionNames
{
    /// <summary>Every region: code → name (330723 → 武义县, 330723101 → 桐琴镇).</summary>
    public static Task<Dictionary<string, string>> AllAsync(KechuangDb db, CancellationToken cancellationToken = default) =>
        db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

    /// <summary>Counties (and the city) under <paramref name="parentCode"/>, for a region filter: code and name in code order.</summary>
    public static Task<List<KeyValuePair<string, string>>> ChildrenAsync(KechuangDb db, string parentCode, CancellationToken cancellationToken = default) =>
        db.Set<Region>().AsNoTracking().Where(r => r.ParentCode == parentCode).OrderBy(r => r.Code)
            .Select(r => new KeyValuePair<string, string>(r.Code, r.Name)).ToListAsync(cancellationToken);
}
