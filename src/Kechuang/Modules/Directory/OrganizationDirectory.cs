using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class OrganizationDirectory(KechuangDb db) : IOrganizationDirectory
{
    public Task<OrganizationInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FirstAsync(db.Set<Organization>().Where(o => o.Id == id), cancellationToken);

    public Task<OrganizationInfo?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        FirstAsync(db.Set<Organization>().Where(o => o.Name == name), cancellationToken);

    public Task<OrganizationInfo?> FindByCreditCodeAsync(string creditCode, CancellationToken cancellationToken = default)
    {
        var code = Platform.Validation.CreditCode.Normalize(creditCode);
        return FirstAsync(db.Set<Organization>().Where(o => o.CreditCode == code), cancellationToken);
    }

    public async Task<IReadOnlyList<OrganizationInfo>> VisibleAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Organization>().AsNoTracking().Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, OrganizationInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, OrganizationInfo>();
        // A counterpart's name is not confidential: a contract's buyer in another county is shown by name. Chunks keep
        // the IN list within every provider's parameter limit.
        foreach (var chunk in ids.Distinct().Chunk(500))
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

    public async Task<IReadOnlyList<Guid>> SearchAsync(string text, CancellationToken cancellationToken = default) =>
        await OrganizationSearch.Matching(db.Set<Organization>().AsNoTracking(), new ListQuery(text)).Select(o => o.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
        (await FindManyAsync(ids, cancellationToken)).ToDictionary(o => o.Key, o => o.Value.Name);

    private static Task<OrganizationInfo?> FirstAsync(IQueryable<Organization> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode))
            .Cast<OrganizationInfo?>().FirstOrDefaultAsync(cancellationToken);
}
