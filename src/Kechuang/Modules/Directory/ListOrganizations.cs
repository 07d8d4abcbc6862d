using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

public sealed record OrganizationQuery(string? RegionCode = null, string? Kind = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Lists organisations within the caller's data scope; the page, the API and the export share it.</summary>
public sealed class ListOrganizationsHandler(KechuangDb db, RegionCatalog regionCatalog)
{
    /// <summary>Sortable columns by the list's property names; the default is region, then name.</summary>
    internal static readonly SortMap<Organization> Sorts = new SortMap<Organization>(o => o.Id, o => o.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", o => o.Name)
        .Add("kindName", o => o.Kind)
        .Add("creditCode", o => o.CreditCode)
        .Add("regionName", o => o.RegionCode)
        .Add("address", o => o.Address)
        .Add("contactName", o => o.ContactName);

    public async Task<Paged<OrganizationDto>> HandleAsync(OrganizationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        var regions = await DirectoryQueries.RegionNamesAsync(regionCatalog, cancellationToken);
        return new Paged<OrganizationDto>(rows.Select(o => OrganizationDto.From(o, regions, db.User.SeesPersonalNumbers)).ToList(), total);
    }

    /// <summary>Every row of the list as filtered and sorted, for the export.</summary>
    public async Task<List<OrganizationDto>> AllAsync(OrganizationQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        var regions = await DirectoryQueries.RegionNamesAsync(regionCatalog, cancellationToken);
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
        return OrganizationSearch.Matching(organizations, query.List);
    }
}

/// <summary>The directory's one search rule: name, credit code, address, or the pinyin initials of the name.</summary>
internal static class OrganizationSearch
{
    public static IQueryable<Organization> Matching(IQueryable<Organization> organizations, ListQuery list)
    {
        if (list.Text is not { } q)
        {
            return organizations;
        }
        var upper = q.ToUpperInvariant();
        if (list.Initials is { } initials)
        {
            return organizations.Where(o => o.Name.Contains(q) || o.CreditCode.Contains(upper) || o.NameInitials.Contains(initials));
        }
        return organizations.Where(o => o.Name.Contains(q) || o.CreditCode.Contains(upper) || (o.Address != null && o.Address.Contains(q)));
    }
}

/// <summary>The caller's organisations (of one kind, when given) in name order, for a pick list.</summary>
public sealed class ListOrganizationOptionsHandler(KechuangDb db)
{
    public async Task<IReadOnlyList<OrganizationOption>> HandleAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        var organizations = db.Set<Organization>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var errors = new FieldErrors();
            var parsed = errors.Enum("kind", "组织类型", kind, OrganizationKinds.Names);
            errors.ThrowIfAny();
            organizations = organizations.Where(o => o.Kind == parsed);
        }
        var rows = await organizations.OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return rows.Select(o => new OrganizationOption(o.Id, o.Name, Kebab.From(o.Kind), OrganizationKinds.Names[o.Kind], o.RegionCode)).ToList();
    }
}

public sealed class GetOrganizationHandler(KechuangDb db, RegionCatalog regionCatalog)
{
    public async Task<OrganizationDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("组织不存在或不在您的数据范围内");
        var regions = await DirectoryQueries.RegionNamesAsync(regionCatalog, cancellationToken);
        return OrganizationDto.From(organization, regions, db.User.SeesPersonalNumbers);
    }
}
