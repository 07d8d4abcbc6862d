using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class OrganizationDirectory(KechuangDb db, RegionCatalog regions) : IOrganizationDirectory
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

    public async Task<IReadOnlyList<Guid>> SearchAsync(string text, CancellationToken cancellationToken = default) =>
        await OrganizationSearch.Matching(db.Set<Organization>().AsNoTracking(), new ListQuery(text)).Select(o => o.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganizationInfo>> ListAsync(OrganizationKind? kind = null, CancellationToken cancellationToken = default)
    {
        var organizations = db.Set<Organization>().AsNoTracking();
        if (kind is { } k)
        {
            organizations = organizations.Where(o => o.Kind == k);
        }
        return await Project(organizations.OrderBy(o => o.Name).ThenBy(o => o.Id)).ToListAsync(cancellationToken);
    }

    public async Task<Guid> AddAsync(NewOrganization organization, CancellationToken cancellationToken = default)
    {
        var table = await regions.GetAsync(cancellationToken);
        var errors = new FieldErrors();
        var input = new OrganizationInput(organization.Name, OrganizationKinds.Names[organization.Kind], organization.CreditCode,
            organization.RegionCode, organization.Address, organization.ContactName, organization.ContactPhone);
        var valid = OrganizationRules.Validate(input, code => table.Find(code) is not null, errors);
        errors.ThrowIfAny();
        // Organisations added earlier in the same unit of work are not in the database yet.
        if (db.ChangeTracker.Entries<Organization>().Any(e => e.Entity.CreditCode == valid!.CreditCode))
        {
            throw CreateOrganizationHandler.Duplicate(valid!.CreditCode);
        }
        await CreateOrganizationHandler.EnsureUniqueAsync(db, valid!.CreditCode, null, cancellationToken);
        var entity = new Organization(valid.Name, valid.Kind, valid.CreditCode, valid.RegionCode, valid.Address, valid.ContactName, valid.ContactPhone, db.UtcNow);
        db.Add(entity);
        return entity.Id;
    }

    public Task<OrganizationInfo?> FindAnywhereAsync(Guid id, CancellationToken cancellationToken = default) =>
        FirstAsync(Anywhere().Where(o => o.Id == id), cancellationToken);

    public Task<OrganizationInfo?> FindByCreditCodeAnywhereAsync(string creditCode, CancellationToken cancellationToken = default)
    {
        var code = Platform.Validation.CreditCode.Normalize(creditCode);
        return FirstAsync(Anywhere().Where(o => o.CreditCode == code), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, OrganizationInfo>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, OrganizationInfo>();
        // Chunks keep the IN list within every provider's parameter limit.
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var row in await Project(Anywhere().Where(o => chunk.Contains(o.Id))).ToListAsync(cancellationToken))
            {
                result[row.Id] = row;
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
        (await FindManyAnywhereAsync(ids, cancellationToken)).ToDictionary(o => o.Key, o => o.Value.Name);

    public async Task<IReadOnlyList<OrganizationInfo>> ListAnywhereAsync(CancellationToken cancellationToken = default) =>
        await Project(Anywhere()).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganizationInfo>> SearchAnywhereAsync(string? text, int take, CancellationToken cancellationToken = default)
    {
        var query = Anywhere();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var q = text.Trim();
            query = query.Where(o => o.Name.Contains(q));
        }
        return await Project(query.OrderBy(o => o.Name).Take(take)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(CancellationToken cancellationToken = default) =>
        await DirectoryQueries.RegionNamesAsync(regions, cancellationToken);

    /// <summary>Every organisation past the data scope: only the methods named <c>…Anywhere…</c> use it.</summary>
    private IQueryable<Organization> Anywhere() => db.Set<Organization>().IgnoreQueryFilters().AsNoTracking();

    private static Task<OrganizationInfo?> FirstAsync(IQueryable<Organization> query, CancellationToken cancellationToken) =>
        Project(query.AsNoTracking()).Cast<OrganizationInfo?>().FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<OrganizationInfo> Project(IQueryable<Organization> organizations) =>
        organizations.Select(o => new OrganizationInfo(o.Id, o.Name, o.Kind, o.CreditCode, o.RegionCode));
}
