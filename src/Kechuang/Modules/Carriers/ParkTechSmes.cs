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
    /// <summary>
    /// The counted enterprises, searched, sorted and paged in memory: the indicator decides the set (a few dozen per
    /// county), so the list is computed whole and only then cut, and its unfiltered total is the indicator's value.
    /// </summary>
    public async Task<Paged<ParkTechSmeDto>> HandleAsync(string? regionCode, int? year, ListQuery? list = null, CancellationToken cancellationToken = default)
    {
        var query = list ?? new ListQuery(PageSize: Paging.MaxPageSize);
        var rows = Sort(Search(await AllAsync(regionCode, year, cancellationToken), query), query);
        var (skip, take) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<ParkTechSmeDto>(rows.Skip(skip).Take(take).ToList(), rows.Count);
    }

    /// <summary>Every counted enterprise matching the search, in the list's order, for the export.</summary>
    public async Task<List<ParkTechSmeDto>> AllAsync(string? regionCode, int? year, ListQuery list, CancellationToken cancellationToken = default) =>
        Sort(Search(await AllAsync(regionCode, year, cancellationToken), list), list);

    private static List<ParkTechSmeDto> Search(List<ParkTechSmeDto> rows, ListQuery list) => list.Text is not { } q ? rows
        : rows.Where(r => r.EnterpriseName.Contains(q, StringComparison.Ordinal) || r.CreditCode.Contains(q, StringComparison.OrdinalIgnoreCase)
            || r.Carriers.Contains(q, StringComparison.Ordinal) || (list.Initials is { } i && PinyinInitials.Of(r.EnterpriseName).Contains(i, StringComparison.Ordinal))).ToList();

    private static List<ParkTechSmeDto> Sort(List<ParkTechSmeDto> rows, ListQuery list)
    {
        Func<ParkTechSmeDto, string> key = list.Sort?.ToLowerInvariant() switch
        {
            null or "" => r => r.Carriers,
            "enterprisename" => r => r.EnterpriseName,
            "creditcode" => r => r.CreditCode,
            "carriers" => r => r.Carriers,
            "enteredon" => r => r.EnteredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => throw InputException.For("sort", $"不能按“{list.Sort}”排序，可选：enterpriseName、creditCode、carriers、enteredOn"),
        };
        var ordered = list.Desc ? rows.OrderByDescending(key, StringComparer.Ordinal) : rows.OrderBy(key, StringComparer.Ordinal);
        return ordered.ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ThenBy(r => r.EnterpriseId).ToList();
    }

    private async Task<List<ParkTechSmeDto>> AllAsync(string? regionCode, int? year, CancellationToken cancellationToken)
    {
        var region = string.IsNullOrWhiteSpace(regionCode) ? IndicatorCatalogue.DefaultRegion(db.User) : regionCode.Trim();
        if (!db.User.Scope.Covers(region))
        {
            throw new ForbiddenException("该行政区划不在您的数据范围内");
        }
        var y = year ?? db.Today().Year;
        ListFilters.CheckYear(y);
        var period = Period.Year(y);
        var counted = await indicator.EnterprisesAsync(db, region, period, cancellationToken);
        var stays = (await CarrierTenancy.TenanciesAsync(db, region, period, TenancyKind.Resident, parksOnly: true, cancellationToken))
            .Where(t => counted.Contains(t.OrganizationId!.Value)).ToList();
        var carrierNames = await db.Set<Carrier>().AsNoTracking().UnderRegion(region)
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var enterprises = await directory.FindManyAnywhereAsync(counted, cancellationToken);
        var rows = stays.GroupBy(t => t.OrganizationId!.Value).Select(g =>
        {
            var enterprise = enterprises.GetValueOrDefault(g.Key);
            return new ParkTechSmeDto(g.Key, enterprise?.Name ?? "", enterprise?.CreditCode ?? "",
                string.Join("、", g.Select(t => carrierNames.GetValueOrDefault(t.CarrierId, "")).Distinct()), g.Min(t => t.EnteredOn));
        }).ToList();
        return rows;
    }
}
