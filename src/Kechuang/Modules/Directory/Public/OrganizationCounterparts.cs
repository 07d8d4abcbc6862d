using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory.Public;

/// <summary>
/// Organisations as counterparts of another module's record, looked up across every region: a
/// contract's buyer or an auction's bidder is often in another county, and its name and credit code
/// are public registration data (营业执照 信息), so this deliberately reads past the caller's data
/// scope. Use it only to identify a counterpart, never to list another region's records.
/// </summary>
public static class OrganizationCounterparts
{
    /// <summary>Every organisation (id, name, kind, credit code, region), for matching imported rows by credit code or name.</summary>
    public static Task<List<OrganizationInfo>> AllAsync(KechuangDb db, CancellationToken cancellationToken = default) =>
        Project(db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()).ToListAsync(cancellationToken);

    public static Task<OrganizationInfo?> FindAsync(KechuangDb db, Guid id, CancellationToken cancellationToken = default) =>
        Project(db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == id)).Cast<OrganizationInfo?>().FirstOrDefaultAsync(cancellationToken);

    /// <summary>Organisations whose name contains <paramref name="text"/> (for a counterpart picker), at most <paramref name="take"/>.</summary>
    public static Task<List<OrganizationInfo>> SearchAsync(KechuangDb db, string? text, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Organization>().IgnoreQueryFilters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var q = text.Trim();
            query = query.Where(o => o.Name.Contains(q));
        }
        return Project(query.OrderBy(o => o.Name).Take(take)).ToListAsync(cancellationToken);
    }

    /// <summary>Names of the given organisations wherever they are (a counterpart's name is shown beside a record).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(KechuangDb db, IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        return await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private static IQueryable<OrganizationInfo> Project(IQueryable<Organization> organizations) =>
        organizations.Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode));
}
