using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>Regions and organisations for pick lists on the platform's pages (the directory's own forms use its handlers).</summary>
internal sealed class DirectoryOptions(KechuangDb db) : IDirectoryOptions
{
    // Level is stored as text: read the rows, then number the level in memory (a SQL cast of the text gives 0).
    public async Task<IReadOnlyList<RegionOption>> RegionsAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken))
            .Select(r => new RegionOption(r.Code, r.Name, r.ParentCode, (int)r.Level)).ToList();

    public Task<IReadOnlyList<OrganizationOption>> OrganizationsAsync(string? kind = null, CancellationToken cancellationToken = default) =>
        new ListOrganizationOptionsHandler(db).HandleAsync(kind, cancellationToken);

    public async Task<string?> OrganizationNameAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
}
