using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

public sealed record PersonQuery(string? RegionCode = null, string? Kind = null, Guid? OrganizationId = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Create, update, list, get, import and export of people; the page, API and command line share these.</summary>
public sealed class PeopleHandler(KechuangDb db)
{
    public async Task<Guid> CreateAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        var valid = await ValidateAsync(input, cancellationToken);
        var person = new Person(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, db.UtcNow);
        db.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }

    public async Task UpdateAsync(Guid id, PersonInput input, CancellationToken cancellationToken = default)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("人员不存在或不在您的数据范围内");
        // A viewer who may not see the numbers edits the masked form; sent back unchanged, it keeps the stored number.
        input = input with
        {
            Phone = Masking.Unchanged(input.Phone, person.Phone, Masking.Phone),
            IdNumber = Masking.Unchanged(input.IdNumber, person.IdNumber, Masking.IdNumber),
        };
        var valid = await ValidateAsync(input, cancellationToken);
        person.Update(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PersonDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("人员不存在或不在您的数据范围内");
        return (await ToDtosAsync([person], cancellationToken))[0];
    }

    internal static readonly SortMap<Person> Sorts = new SortMap<Person>(p => p.Id, p => p.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", p => p.Name)
        .Add("kindName", p => p.Kind)
        .Add("regionName", p => p.RegionCode)
        .Add("title", p => p.Title);

    public async Task<Paged<PersonDto>> ListAsync(PersonQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<PersonDto>(await ToDtosAsync(rows, cancellationToken), total);
    }

    public async Task<List<PersonDto>> AllAsync(PersonQuery query, CancellationToken cancellationToken = default) =>
        await ToDtosAsync(await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private string DefaultRegion() => db.User.RegionCode.Length > 0 ? db.User.RegionCode : "330700";

    private async Task<ValidPerson> ValidateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        Organization? organization = null;
        if (input.OrganizationId is { } orgId)
        {
            organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken);
        }
        var regions = await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var errors = new FieldErrors();
        var valid = PersonRules.Validate(input, organization, DefaultRegion(), regions.Contains, errors);
        errors.ThrowIfAny();
        return valid!;
    }

    private IQueryable<Person> Filter(PersonQuery query)
    {
        var people = db.Set<Person>().AsNoTracking().UnderRegion(query.RegionCode);
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "人员类别", query.Kind, PersonKinds.Names);
            errors.ThrowIfAny();
            people = people.Where(p => p.Kind == kind);
        }
        if (query.OrganizationId is { } org)
        {
            people = people.Where(p => p.OrganizationId == org);
        }
        if (query.List.Text is { } q)
        {
            // A person is also found by their organisation's name, credit code or initials ("zjsxg" lists 寿仙谷's people).
            var organizations = OrganizationSearch.Matching(db.Set<Organization>(), query.List).Select(o => (Guid?)o.Id);
            people = people.Where(p => p.Name.Contains(q) || (p.Fields != null && p.Fields.Contains(q)) || (p.Title != null && p.Title.Contains(q))
                || organizations.Contains(p.OrganizationId));
        }
        return people;
    }

    private async Task<List<PersonDto>> ToDtosAsync(List<Person> people, CancellationToken cancellationToken)
    {
        var orgIds = people.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
        // Names of organisations the viewer cannot see otherwise are still shown beside their people.
        var organizations = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var regions = await DirectoryQueries.RegionNamesAsync(db, cancellationToken);
        return people.Select(p => PersonDto.From(p, organizations, regions, db.User.SeesPersonalNumbers)).ToList();
    }
}
