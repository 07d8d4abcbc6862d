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

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        // A counterpart's name is not confidential: a contract's buyer in another county is shown by name.
        return await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private static Task<OrganizationInfo?> FirstAsync(IQueryable<Organization> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode))
            .Cast<OrganizationInfo?>().FirstOrDefaultAsync(cancellationToken);
}
