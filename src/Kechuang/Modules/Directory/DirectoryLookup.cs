using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class DirectoryLookup(KechuangDb db) : IDirectoryLookup
{
    public Task<bool> RegionExistsAsync(string regionCode, CancellationToken cancellationToken) =>
        db.Set<Region>().AnyAsync(r => r.Code == regionCode, cancellationToken);

    public Task<bool> OrganizationExistsAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Set<Organization>().IgnoreQueryFilters().AnyAsync(o => o.Id == organizationId, cancellationToken);
}
