using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

public sealed record TenancyQuery(Guid? CarrierId = null, string? RegionCode = null, bool? CurrentOnly = null, string? Kind = null,
    string? Q = null, int? Page = null, int? PageSize = null);

/// <summary>Tenancies of a carrier or of a region's carriers, with the enterprises' names; the detail page, the API and the export share it.</summary>
public sealed class ListTenanciesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<TenancyDto>> HandleAsync(TenancyQuery query, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(query, cancellationToken);
        var (skip, take) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<TenancyDto>(all.Skip(skip).Take(take).ToList(), all.Count);
    }

    /// <summary>
    /// Every matching tenancy, current ones first, then by entry. Filtering by name happens after the directory look-up
    /// (names live in the directory), so this reads the carrier's or region's tenancies whole: hundreds, not millions.
    /// </summary>
    public async Task<List<TenancyDto>> AllAsync(TenancyQuery query, CancellationToken cancellationToken = default)
    {
        var tenancies = db.Set<Tenancy>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.CarrierId is { } carrierId)
        {
            tenancies = tenancies.Where(t => t.CarrierId == carrierId);
        }
        var today = db.Today();
        if (query.CurrentOnly == true)
        {
            tenancies = tenancies.CurrentBetween(today, today);
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "入驻类型", query.Kind, TenancyKinds.Names);
            errors.ThrowIfAny();
            tenancies = tenancies.Where(t => t.Kind == kind);
        }
        var rows = await tenancies.ToListAsync(cancellationToken);
        var carrierIds = rows.Select(r => r.CarrierId).Distinct().ToList();
        var carriers = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Where(c => carrierIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var ids = rows.Select(r => r.OrganizationId!.Value).ToHashSet();
        var enterprises = await directory.FindManyAnywhereAsync(ids, cancellationToken);
        var result = rows.Select(t =>
        {
            var enterprise = enterprises.GetValueOrDefault(t.OrganizationId!.Value);
            return new TenancyDto(t.Id, t.CarrierId, carriers.GetValueOrDefault(t.CarrierId, ""), t.OrganizationId!.Value,
                enterprise?.Name ?? "（已删除的企业）", enterprise?.CreditCode ?? "", Kebab.From(t.Kind), TenancyKinds.Names[t.Kind],
                t.EnteredOn, t.LeftOn, t.IsCurrentOn(today));
        });
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            result = result.Where(t => t.EnterpriseName.Contains(q, StringComparison.Ordinal) || t.CreditCode.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        return result.OrderBy(t => t.CarrierName, StringComparer.Ordinal).ThenByDescending(t => t.Current)
            .ThenBy(t => t.EnteredOn).ThenBy(t => t.EnterpriseName, StringComparer.Ordinal).ThenBy(t => t.Kind, StringComparer.Ordinal).ToList();
    }
}
