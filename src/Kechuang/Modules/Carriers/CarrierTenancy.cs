using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Tenants of a region's carriers for other modules (<see cref="ICarrierTenancy"/>), and for the T5 indicator.</summary>
internal sealed class CarrierTenancy : ICarrierTenancy
{
    public Task<IReadOnlyList<Guid>> EnterprisesOnAsync(KechuangDb db, string regionCode, DateOnly day, TenancyKind kind, bool parksOnly, CancellationToken cancellationToken = default) =>
        EnterprisesAsync(db, regionCode, new Period(day, day.AddDays(1)), kind, parksOnly, cancellationToken);

    public async Task<IReadOnlyList<Guid>> EnterprisesAsync(KechuangDb db, string regionCode, Period period, TenancyKind kind, bool parksOnly, CancellationToken cancellationToken = default) =>
        (await TenanciesAsync(db, regionCode, period, kind, parksOnly, cancellationToken)).Select(t => t.OrganizationId!.Value).Distinct().ToList();

    /// <summary>The tenancy records themselves (the T5 records page lists them).</summary>
    internal static async Task<List<Tenancy>> TenanciesAsync(KechuangDb db, string regionCode, Period period, TenancyKind kind, bool parksOnly, CancellationToken cancellationToken)
    {
        var last = period.To.AddDays(-1);
        var tenancies = db.Set<Tenancy>().AsNoTracking().UnderRegion(regionCode).Where(t => t.Kind == kind).CurrentBetween(period.From, last);
        if (parksOnly)
        {
            var carriers = (await db.Set<Carrier>().AsNoTracking().UnderRegion(regionCode).Select(c => new { c.Id, c.Kind, c.ParentId }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.Kind, c.ParentId)).ToList();
            var inParks = CarrierQueries.InParks(carriers).ToList();
            tenancies = tenancies.Where(t => inParks.Contains(t.CarrierId));
        }
        return await tenancies.ToListAsync(cancellationToken);
    }
}
