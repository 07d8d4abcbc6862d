using Kechuang.Modules.Transfer.Public;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

internal sealed class DemandCatalog(KechuangDb db) : IDemandCatalog
{
    public async Task<DemandText?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Set<Demand>().AsNoTracking().Where(d => d.Id == id).ToListAsync(cancellationToken)).Select(Text).FirstOrDefault();

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Set<Demand>().AsNoTracking().Where(d => wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyList<DemandText>> PageAnywhereAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Demand>().IgnoreQueryFilters().AsNoTracking();
        return (await query.OrderBy(d => d.Id).Skip(skip).Take(Math.Clamp(take, 1, 5000)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    public async Task<IReadOnlyList<DemandText>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Set<Demand>().IgnoreQueryFilters().AsNoTracking().Where(d => wanted.Contains(d.Id)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    private static DemandText Text(Demand d) =>
        new(d.Id, d.Title, d.Description, d.Field, d.Kind == DemandKind.Talent, d.OrganizationId, d.Status == DemandStatus.Open);
}
