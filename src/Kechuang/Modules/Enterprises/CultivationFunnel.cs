using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

public sealed class GetCultivationFunnelHandler(KechuangDb db)
{
    /// <summary>梯次培育漏斗 by year from the records: 科小 entries, valid 高企 certificates, 规上 industrial enterprises, enterprises with an R&amp;D institution.</summary>
    public async Task<IReadOnlyList<FunnelYear>> HandleAsync(string? regionCode, int fromYear, int toYear, CancellationToken ct)
    {
        var qualifications = await db.Set<Qualification>().AsNoTracking().Confirmed().UnderRegion(regionCode).ToListAsync(ct);
        var industrial = (await db.Set<EnterpriseProfile>().AsNoTracking().UnderRegion(regionCode).Select(p => new { p.OrganizationId, p.IndustryCode }).ToListAsync(ct))
            .Where(p => EnterpriseRules.IsIndustrial(p.IndustryCode)).Select(p => p.OrganizationId).ToHashSet();
        var threshold = Money.ToFen(EnterpriseRules.AboveScaleRevenue);
        var large = await db.Set<EnterpriseYearRecord>().AsNoTracking().UnderRegion(regionCode)
            .Where(r => r.Year >= fromYear && r.Year <= toYear && r.SalesRevenueFen >= threshold)
            .Select(r => new { r.OrganizationId, r.Year }).ToListAsync(ct);
        var institutions = await db.Set<RdInstitution>().AsNoTracking().UnderRegion(regionCode).Select(i => new { i.OrganizationId, i.Year }).ToListAsync(ct);
        var funnel = new List<FunnelYear>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var end = new DateOnly(year, 12, 31);
            funnel.Add(new FunnelYear(year,
                qualifications.Where(q => q.Kind == QualificationKind.TechSme && q.Year == year).Select(q => q.OrganizationId).Distinct().Count(),
                qualifications.Where(q => q.Kind == QualificationKind.HighTechEnterprise && q.ValidFrom <= end && q.ValidUntil >= new DateOnly(year, 1, 1)).Select(q => q.OrganizationId).Distinct().Count(),
                large.Where(r => r.Year == year && industrial.Contains(r.OrganizationId)).Select(r => r.OrganizationId).Distinct().Count(),
                institutions.Where(i => i.Year <= year).Select(i => i.OrganizationId).Distinct().Count()));
        }
        return funnel;
    }
}

/// <summary>
/// The evaluation year the screening page opens on: the year after the fiscal year most enterprises in scope have reported
/// (the latest such year on a tie), at most this year. Early in a year few have filed last year's figures, and screening on
/// them would leave most unevaluated.
/// </summary>
public sealed class GetScreeningYearHandler(KechuangDb db, TimeProvider clock)
{
    public async Task<int> HandleAsync(string? regionCode, CancellationToken ct = default)
    {
        var thisYear = clock.GetLocalNow().Year;
        var years = await db.Set<EnterpriseYearRecord>().UnderRegion(regionCode).Where(r => r.Year < thisYear)
            .GroupBy(r => r.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        return years.Count == 0 ? thisYear : years.OrderByDescending(y => y.Count).ThenByDescending(y => y.Year).First().Year + 1;
    }
}
