using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>Regions and organisations for pick lists on the platform's pages and the directory's own forms.</summary>
internal sealed class DirectoryOptions(KechuangDb db) : IDirectoryOptions
{
    // Level is stored as text: read the rows, then number the level in memory (a SQL cast of the text gives 0).
    public async Task<IReadOnlyList<RegionOption>> RegionsAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken))
            .Select(r => new RegionOption(r.Code, r.Name, r.ParentCode, (int)r.Level)).ToList();

    public async Task<IReadOnlyList<OrganizationOption>> OrganizationsAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        var organizations = db.Set<Organization>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var errors = new FieldErrors();
            var parsed = errors.Enum("kind", "组织类型", kind, OrganizationKinds.Names);
            errors.ThrowIfAny();
            organizations = organizations.Where(o => o.Kind == parsed);
        }
        var rows = await organizations.OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return rows.Select(o => new OrganizationOption(o.Id, o.Name, Kebab.From(o.Kind), OrganizationKinds.Names[o.Kind], o.RegionCode)).ToList();
    }

    public async Task<string?> OrganizationNameAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
}
