using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal static class DirectoryQueries
{
    public static async Task<Dictionary<string, string>> RegionNamesAsync(KechuangDb db, CancellationToken cancellationToken) =>
        await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);

}
