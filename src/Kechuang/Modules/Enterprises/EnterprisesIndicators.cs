using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

internal static class IndicatorQueries
{
    public static string Records(string type, string regionCode, Period period, string extra = "") =>
        $"/enterprises/records?type={type}&regionCode={regionCode}&year={period.From.Year}{extra}";
}

/// <summary>科技型中小企业数: enterprises with a 入库登记 of a year in the period.</summary>
internal sealed class TechSmeCountIndicator : IIndicator
{
    public string Code => "enterprises.tech-sme-count";
    public string Name => "科技型中小企业";
    public string Unit => "家";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var last = period.To.AddDays(-1);
        return await db.Set<Qualification>().Confirmed().UnderRegion(regionCode).Where(q => q.Kind == QualificationKind.TechSme
                && q.ValidFrom <= last && q.ValidUntil >= period.From)
            .Select(q => q.OrganizationId).Distinct().CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => IndicatorQueries.Records("qualifications", regionCode, period, "&kind=tech-sme");
}

/// <summary>高新技术企业数: enterprises holding a certificate valid at some time in the period.</summary>
internal sealed class HighTechCountIndicator : IIndicator
{
    public string Code => "enterprises.high-tech-count";
    public string Name => "高新技术企业";
    public string Unit => "家";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var last = period.To.AddDays(-1);
        return await db.Set<Qualification>().Confirmed().UnderRegion(regionCode).Where(q => q.Kind == QualificationKind.HighTechEnterprise
                && q.ValidFrom <= last && q.ValidUntil >= period.From)
            .Select(q => q.OrganizationId).Distinct().CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => IndicatorQueries.Records("qualifications", regionCode, period, "&kind=high-tech-enterprise");
}

/// <summary>市级以上研发机构: institutions recognised at city level or above by the end of the period (T15).</summary>
internal sealed class RdInstitutionCountIndicator : IIndicator
{
    /// <summary>市级以上. Levels are stored as text: compare by membership, never with >= in SQL.</summary>
    internal static readonly Level[] CityPlus = [Level.City, Level.Provincial, Level.National];

    public string Code => "enterprises.rd-institution-count";
    public string Name => "市级以上研发机构";
    public string Unit => "家";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var lastYear = period.To.AddDays(-1).Year;
        return await db.Set<RdInstitution>().UnderRegion(regionCode).CountAsync(i => CityPlus.Contains(i.Level) && i.Year <= lastYear, cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => IndicatorQueries.Records("rd-institutions", regionCode, period, "&level=city-plus");
}

/// <summary>重点企业研究院: recognised by the end of the period (T17).</summary>
internal sealed class KeyInstituteCountIndicator : IIndicator
{
    public string Code => "enterprises.key-institute-count";
    public string Name => "重点企业研究院";
    public string Unit => "家";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var lastYear = period.To.AddDays(-1).Year;
        return await db.Set<RdInstitution>().UnderRegion(regionCode).CountAsync(i => i.Kind == RdInstitutionKind.KeyEnterpriseInstitute && i.Year <= lastYear, cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => IndicatorQueries.Records("rd-institutions", regionCode, period, "&kind=key-enterprise-institute");
}

/// <summary>
/// 亿元以上规上工业企业研发机构设立覆盖率 (T18), in percent: industrial enterprises whose sales in the period's last year
/// reached 1亿元, and the share of them with an R&amp;D institution of any level recognised by then. 100 when there are none.
/// </summary>
internal sealed class RdCoverageIndicator : IIndicator
{
    public string Code => "enterprises.rd-coverage-100m";
    public string Name => "亿元以上规上工业企业研发机构覆盖率";
    public string Unit => "%";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var year = period.To.AddDays(-1).Year;
        var threshold = Money.ToFen(EnterpriseRules.HundredMillion);
        var large = await db.Set<EnterpriseYearRecord>().UnderRegion(regionCode).Where(r => r.Year == year && r.SalesRevenueFen >= threshold)
            .Select(r => r.OrganizationId).ToListAsync(cancellationToken);
        var industrial = (await db.Set<EnterpriseProfile>().Where(p => large.Contains(p.OrganizationId)).Select(p => new { p.OrganizationId, p.IndustryCode }).ToListAsync(cancellationToken))
            .Where(p => EnterpriseRules.IsIndustrial(p.IndustryCode)).Select(p => p.OrganizationId).ToList();
        if (industrial.Count == 0)
        {
            return 100m;
        }
        var covered = await db.Set<RdInstitution>().Where(i => industrial.Contains(i.OrganizationId) && i.Year <= year).Select(i => i.OrganizationId).Distinct().CountAsync(cancellationToken);
        return decimal.Round(100m * covered / industrial.Count, 2, MidpointRounding.AwayFromZero);
    }

    public string RecordsUrl(string regionCode, Period period) =>
        $"/cultivation?regionCode={regionCode}&year={period.To.AddDays(-1).Year + 1}&pool={CultivationPools.RdCoverageGap}";

    public string RecordsApiUrl(string regionCode, Period period) =>
        $"/api/v1/cultivation/screening?regionCode={regionCode}&year={period.To.AddDays(-1).Year + 1}&pool={CultivationPools.RdCoverageGap}";
}

/// <summary>专利申请 (all patent kinds) and 发明专利申请 filed in the period (T9).</summary>
internal sealed class PatentApplicationsIndicator(bool inventionOnly) : IIndicator
{
    public string Code => inventionOnly ? "ip.invention-applications" : "ip.patent-applications";
    public string Name => inventionOnly ? "发明专利申请" : "专利申请";
    public string Unit => "件";
    public string Module => "ip";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var query = db.Set<IntellectualPropertyRecord>().UnderRegion(regionCode).Where(p => p.AppliedOn >= period.From && p.AppliedOn < period.To);
        query = inventionOnly ? query.Where(p => p.Kind == IntellectualPropertyKind.InventionPatent) : Patents(query);
        return await query.CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) =>
        IndicatorQueries.Records("intellectual-property", regionCode, period, inventionOnly ? "&kind=invention-patent" : "");

    /// <summary>The three patent kinds (发明、实用新型、外观设计), without the other rights.</summary>
    internal static IQueryable<IntellectualPropertyRecord> Patents(IQueryable<IntellectualPropertyRecord> query) =>
        query.Where(p => p.Kind == IntellectualPropertyKind.InventionPatent || p.Kind == IntellectualPropertyKind.UtilityModel || p.Kind == IntellectualPropertyKind.DesignPatent);
}

/// <summary>发明专利产业化备案 filed in the period (A12).</summary>
internal sealed class IndustrializationFilingsIndicator : IIndicator
{
    public string Code => "ip.industrialization-filings";
    public string Name => "发明专利产业化备案项目";
    public string Unit => "项";
    public string Module => "ip";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        return await db.Set<PatentIndustrializationFiling>().UnderRegion(regionCode).CountAsync(f => f.FiledOn >= period.From && f.FiledOn < period.To, cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => IndicatorQueries.Records("industrialization-filings", regionCode, period);
}

/// <summary>
/// 实施发明专利产业化项目 (T13): filed projects put into implementation in the period. A project filed in December and
/// started in January counts for the year it is carried out, not the year of its filing.
/// </summary>
internal sealed class IndustrializationProjectsIndicator : IIndicator
{
    public string Code => "ip.industrialization-projects";
    public string Name => "实施发明专利产业化项目";
    public string Unit => "项";
    public string Module => "ip";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<PatentIndustrializationFiling>().UnderRegion(regionCode)
            .CountAsync(f => f.ImplementationStart >= period.From && f.ImplementationStart < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) =>
        $"/enterprises/records?type=industrialization-projects&regionCode={regionCode}&year={period.From.Year}";
}

/// <summary>
/// 科技型中小企业等创新主体 (T14): enterprises that, at some time in the period, were an entered 科技型中小企业 or held a valid
/// 高新技术企业 certificate, or that had a recognised 研发机构 of any level by its end. Each enterprise counts once, whichever
/// of the three it is.
/// </summary>
internal sealed class InnovationEntitiesIndicator : IIndicator
{
    public string Code => "enterprises.innovation-entities";
    public string Name => "科技型中小企业等创新主体";
    public string Unit => "家";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await InnovationEntities.Of(db, regionCode, period).CountAsync(cancellationToken);

    public string RecordsUrl(string regionCode, Period period) =>
        $"/enterprises/records?type=innovation-entities&regionCode={regionCode}&year={period.From.Year}";
}

/// <summary>The enterprises <see cref="InnovationEntitiesIndicator"/> counts, as one query the indicator and its list share.</summary>
internal static class InnovationEntities
{
    public static IQueryable<Guid?> Of(KechuangDb db, string regionCode, Period period)
    {
        var last = period.To.AddDays(-1);
        var qualified = db.Set<Qualification>().Confirmed().UnderRegion(regionCode)
            .Where(q => q.ValidFrom <= last && q.ValidUntil >= period.From)
            .Select(q => q.OrganizationId);
        var institutions = db.Set<RdInstitution>().UnderRegion(regionCode).Where(i => i.Year <= last.Year).Select(i => i.OrganizationId);
        return qualified.Union(institutions);
    }
}
