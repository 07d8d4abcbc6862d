using Kechuang.Modules.Enterprises.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>科技型中小企业 entries for other modules (the park's tech SMEs, T5), over <see cref="Qualification"/>.</summary>
internal sealed class TechSmeRoster : ITechSmeRoster
{
    public async Task<IReadOnlyList<Guid>> EnterprisesAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken = default)
    {
        var last = period.To.AddDays(-1);
        var ids = await db.Set<Qualification>().Confirmed().UnderRegion(regionCode)
            .Where(q => q.Kind == QualificationKind.TechSme && q.ValidFrom <= last && q.ValidUntil >= period.From)
            .Select(q => q.OrganizationId).Distinct().ToListAsync(cancellationToken);
        return ids.Where(id => id is not null).Select(id => id!.Value).ToList();
    }

    public async Task<IReadOnlyList<Guid>> HoldersAsync(KechuangDb db, IReadOnlyCollection<Guid> organizationIds, Period period, CancellationToken cancellationToken = default)
    {
        var last = period.To.AddDays(-1);
        var result = new List<Guid>();
        foreach (var chunk in organizationIds.Distinct().Select(id => (Guid?)id).Chunk(500))
        {
            var ids = await db.Set<Qualification>().Confirmed()
                .Where(q => q.Kind == QualificationKind.TechSme && chunk.Contains(q.OrganizationId) && q.ValidFrom <= last && q.ValidUntil >= period.From)
                .Select(q => q.OrganizationId!.Value).Distinct().ToListAsync(cancellationToken);
            result.AddRange(ids);
        }
        return result;
    }

    public async Task<Guid> AddEntryAsync(KechuangDb db, Guid organizationId, string regionCode, int year, string number, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var trimmed = errors.Text("number", "入库登记编号", number, 40);
        if (year is < 2017 or > 2100)
        {
            // 科技型中小企业评价 began in 2017 (国科发政〔2017〕115号).
            errors.Add("year", "年度须在2017至2100之间");
        }
        errors.ThrowIfAny();
        bool Pending(Qualification q) => q.Kind == QualificationKind.TechSme && q.Status != ClaimStatus.Rejected && (q.Number == trimmed || (q.OrganizationId == organizationId && q.Year == year));
        if (db.ChangeTracker.Entries<Qualification>().Any(e => Pending(e.Entity))
            || await db.Set<Qualification>().IgnoreQueryFilters().AnyAsync(q => q.Kind == QualificationKind.TechSme && q.Status != ClaimStatus.Rejected
                && (q.Number == trimmed || (q.OrganizationId == organizationId && q.Year == year)), cancellationToken))
        {
            throw new RuleException("enterprises.tech-sme-entry-exists", $"入库登记编号 {trimmed} 已存在，或该企业已有{year}年度的科技型中小企业入库登记");
        }
        var entry = Qualification.TechSme(organizationId, regionCode, year, trimmed, db.UtcNow);
        db.Add(entry);
        return entry.Id;
    }
}
