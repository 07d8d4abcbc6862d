using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory.Public;

/// <summary>
/// Several organisations by id in one query, wherever they are registered: a park's tenants come from any county
/// and their name and credit code are public registration data. Like <see cref="OrganizationCounterparts"/>,
/// use it only to identify the organisations of one's own records, never to list another region's.
/// </summary>
public static class OrganizationBatch
{
    public static async Task<Dictionary<Guid, OrganizationInfo>> FindAsync(KechuangDb db, IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        var result = new Dictionary<Guid, OrganizationInfo>();
        // Chunks keep the IN list within every provider's parameter limit.
        foreach (var chunk in list.Chunk(500))
        {
            var rows = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.Id] = row;
            }
        }
        return result;
    }
}
