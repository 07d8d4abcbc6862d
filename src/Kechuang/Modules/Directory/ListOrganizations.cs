using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

public sealed record OrganizationQuery(string? RegionCode = null, string? Kind = null, string? Q = null, int? Page = null, int? PageSize = null);

/// <summary>Lists organisations within the caller's data scope; the page, the API and the export share it.</summary>
public sealed class ListOrganizationsHandler(KechuangDb db)
{
    public async Task<Paged<OrganizationDto>> HandleAsync(OrganizationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var (skip, take) = Paging.Normalize(query.Page, query.PageSize);
        var rows = await filtered.OrderBy(o => o.RegionCode).ThenBy(o => o.Name).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var regions = await DirectoryQueries.RegionNamesAsync(db, cancellationToken);
        return new Paged<OrganizationDto>(rows.Select(o => OrganizationDto.From(o, regions, db.User.SeesPersonalNumbers)).ToList(), total);
    }

    public async Task<List<OrganizationDto>> AllAsync(OrganizationQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(query).OrderBy(o => o.RegionCode).ThenBy(o => o.Name).ToListAsync(cancellationToken);
        var regions = await DirectoryQueries.RegionNamesAsync(db, cancellationToken);
        return rows.Select(o => OrganizationDto.From(o, regions, db.User.SeesPersonalNumbers)).ToList();
    }

    private IQueryable<Organization> Filter(OrganizationQuery query)
    {
        var organizations = db.Set<Organization>().AsNoTracking().UnderRegion(query.RegionCode);
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "组织类型", query.Kind, OrganizationKinds.Names);
            errors.ThrowIfAny();
            organizations = organizations.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            var upper = q.ToUpperInvariant();
            organizations = organizations.Where(o => o.Name.Contains(q) || o.CreditCode.Contains(upper) || (o.Address != null && o.Address.Contains(q)));
        }
        return organizations;
    }
}

public sealed class GetOrganizationHandler(KechuangDb db)
{
    public async Task<OrganizationDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("组织不存在或不在您的数据范围内");
        var regions = await DirectoryQueries.RegionNamesAsync(db, cancellationToken);
        return OrganizationDto.From(organization, regions, db.User.SeesPersonalNumbers);
    }
}
