using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>One enterprise counted by T5, with the park carriers it is resident in during the year.</summary>
public sealed record ParkTechSmeDto(Guid EnterpriseId, string EnterpriseName, string CreditCode, string Carriers, DateOnly EnteredOn);

/// <summary>The records behind <c>enterprises.park-tech-sme-count</c>: exactly the enterprises it counts (provenance).</summary>
public sealed class ListParkTechSmesHandler(KechuangDb db, ParkTechSmeCountIndicator indicator, IOrganizationDirectory directory)
{
    public async Task<Paged<ParkTechSmeDto>> HandleAsync(string? regionCode, int? year, CancellationToken cancellationToken = default)
    {
        var region = string.IsNullOrWhiteSpace(regionCode) ? IndicatorCatalogue.DefaultRegion(db.User) : regionCode.Trim();
        if (!db.User.Scope.Covers(region))
        {
            throw new ForbiddenException("该行政区划不在您的数据范围内");
        }
        var y = year ?? CarrierQueries.Today(db).Year;
        if (y is < 1990 or > 2100)
        {
            throw InputException.For("year", "年度须在1990至2100之间");
        }
        var period = Period.Year(y);
        var counted = await indicator.EnterprisesAsync(db, region, period, cancellationToken);
        var stays = (await CarrierTenancy.TenanciesAsync(db, region, period, TenancyKind.Resident, parksOnly: true, cancellationToken))
            .Where(t => counted.Contains(t.OrganizationId!.Value)).ToList();
        var carrierNames = await db.Set<Carrier>().AsNoTracking().UnderRegion(region)
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var enterprises = await directory.FindManyAsync(counted, cancellationToken);
        var rows = stays.GroupBy(t => t.OrganizationId!.Value).Select(g =>
        {
            var enterprise = enterprises.GetValueOrDefault(g.Key);
            return new ParkTechSmeDto(g.Key, enterprise?.Name ?? "", enterprise?.CreditCode ?? "",
                string.Join("、", g.Select(t => carrierNames.GetValueOrDefault(t.CarrierId, "")).Distinct()), g.Min(t => t.EnteredOn));
        }).OrderBy(r => r.Carriers, StringComparer.Ordinal).ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ToList();
        return new Paged<ParkTechSmeDto>(rows, rows.Count);
    }
}
