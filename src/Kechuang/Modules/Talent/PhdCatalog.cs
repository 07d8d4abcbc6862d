using Kechuang.Modules.Talent.Public;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

internal sealed class PhdCatalog(KechuangDb db) : IPhdCatalog
{
    public async Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Set<PhdProfile>().AsNoTracking().Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyList<PhdText>> PageAnywhereAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Set<PhdProfile>().IgnoreQueryFilters().AsNoTracking();
        return (await query.OrderBy(p => p.Id).Skip(skip).Take(Math.Clamp(take, 1, 5000)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    public async Task<IReadOnlyList<PhdText>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Set<PhdProfile>().IgnoreQueryFilters().AsNoTracking().Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    public async Task<IReadOnlyList<PhdText>> FindByPeopleAnywhereAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var wanted = personIds.Distinct().ToList();
        return (await db.Set<PhdProfile>().IgnoreQueryFilters().AsNoTracking().Where(p => wanted.Contains(p.PersonId)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    private static PhdText Text(PhdProfile p) => new(p.Id, p.PersonId, p.InstitutionId, p.Discipline, p.TechFields);
}
