using Kechuang.Modules.Market.Public;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

internal sealed class AchievementCatalog(KechuangDb db) : IAchievementCatalog
{
    public async Task<IReadOnlyList<AchievementText>> PageAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Achievement>().AsNoTracking();
        return (await query.OrderBy(x => x.Id).Skip(skip).Take(Math.Clamp(take, 1, 5000)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    public async Task<IReadOnlyList<AchievementText>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Set<Achievement>().AsNoTracking().Where(x => wanted.Contains(x.Id)).ToListAsync(cancellationToken)).Select(Text).ToList();
    }

    private static AchievementText Text(Achievement a) =>
        new(a.Id, a.Title, a.Field, a.KeywordList, a.Description, a.OwnerName, a.Status == AchievementStatus.Withdrawn);
}
