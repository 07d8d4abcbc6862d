using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

internal static class CarrierQueries
{
    /// <summary>The day tenants are counted on: the one asked for (the tenancy history answers any past day), else today.</summary>
    public static DateOnly CountDay(KechuangDb db, DateOnly? at)
    {
        var today = db.Today();
        if (at > today)
        {
            throw InputException.For("at", "统计日期不能晚于今天");
        }
        return at ?? today;
    }

    /// <summary>Tenancies current at some day of [from, to] (inclusive).</summary>
    public static IQueryable<Tenancy> CurrentBetween(this IQueryable<Tenancy> query, DateOnly from, DateOnly to) =>
        query.Where(t => t.EnteredOn <= to && (t.LeftOn == null || t.LeftOn >= from));

    /// <summary>Registered and resident enterprises of each carrier on <paramref name="day"/>, counted from the tenancy records.</summary>
    public static async Task<Dictionary<Guid, TenantCounts>> CountsAsync(KechuangDb db, IReadOnlyCollection<Guid> carrierIds, DateOnly day, CancellationToken cancellationToken)
    {
        if (carrierIds.Count == 0)
        {
            return [];
        }
        var rows = await db.Set<Tenancy>().AsNoTracking().Where(t => carrierIds.Contains(t.CarrierId)).CurrentBetween(day, day)
            .GroupBy(t => new { t.CarrierId, t.Kind })
            .Select(g => new { g.Key.CarrierId, g.Key.Kind, Count = g.Select(t => t.OrganizationId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.CarrierId).ToDictionary(g => g.Key, g => new TenantCounts(
            g.Where(r => r.Kind == TenancyKind.Registered).Sum(r => r.Count),
            g.Where(r => r.Kind == TenancyKind.Resident).Sum(r => r.Count)));
    }

    /// <summary>Which of <paramref name="carriers"/> are parks or lie inside one (following parents within the list).</summary>
    public static HashSet<Guid> InParks(IReadOnlyCollection<(Guid Id, CarrierKind Kind, Guid? ParentId)> carriers)
    {
        var byId = carriers.ToDictionary(c => c.Id);
        var result = new HashSet<Guid>();
        foreach (var carrier in carriers)
        {
            var current = carrier;
            var seen = new HashSet<Guid>();
            while (true)
            {
                if (CarrierKinds.IsPark(current.Kind))
                {
                    result.Add(carrier.Id);
                    break;
                }
                if (current.ParentId is not { } parent || !seen.Add(parent) || !byId.TryGetValue(parent, out current))
                {
                    break;
                }
            }
        }
        return result;
    }
}
