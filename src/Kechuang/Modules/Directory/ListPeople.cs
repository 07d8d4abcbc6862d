using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Reference;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

public sealed record PersonQuery(string? RegionCode = null, string? Kind = null, Guid? OrganizationId = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Lists people within the caller's data scope; the page, the API and the export share it.</summary>
public sealed class ListPeopleHandler(KechuangDb db, RegionCatalog regionCatalog)
{
    internal static readonly SortMap<Person> Sorts = new SortMap<Person>(p => p.Id, p => p.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", p => p.Name)
        .Add("kindName", p => p.Kind)
        .Add("regionName", p => p.RegionCode)
        .Add("title", p => p.Title);

    public async Task<Paged<PersonDto>> HandleAsync(PersonQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<PersonDto>(await PersonDtos.ManyAsync(db, regionCatalog, rows, cancellationToken), total);
    }

    /// <summary>Every row of the list as filtered and sorted, for the export.</summary>
    public async Task<List<PersonDto>> AllAsync(PersonQuery query, CancellationToken cancellationToken = default) =>
        await PersonDtos.ManyAsync(db, regionCatalog, await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

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
            // Phone and 身份证 numbers are encrypted: no part of them can be matched in SQL. A whole number typed into
            // the search box is found through its blind index, and only for viewers who see the numbers (for the
            // others a hit would confirm a masked number by guessing).
            // (Under the index key, and the one before it while the index key is being replaced.)
            IReadOnlyList<string> phone = db.User.SeesPersonalNumbers && PersonalDataCipher.Normalise(PersonalDataKind.Phone, q).Length >= 7
                ? db.PersonalData.BlindIndexes(PersonalDataKind.Phone, q) : [];
            IReadOnlyList<string> idNumber = db.User.SeesPersonalNumbers && q.Trim().Length == 18 ? db.PersonalData.BlindIndexes(PersonalDataKind.IdNumber, q) : [];
            var phoneColumn = PersonalDataMapping.IndexOf(nameof(Person.Phone));
            var idColumn = PersonalDataMapping.IndexOf(nameof(Person.IdNumber));
            people = people.Where(p => p.Name.Contains(q) || (p.Fields != null && p.Fields.Contains(q)) || (p.Title != null && p.Title.Contains(q))
                || organizations.Contains(p.OrganizationId)
                || phone.Contains(EF.Property<string>(p, phoneColumn))
                || idNumber.Contains(EF.Property<string>(p, idColumn)));
        }
        return people;
    }
}

public sealed class GetPersonHandler(KechuangDb db, RegionCatalog regionCatalog)
{
    public async Task<PersonDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("人员不存在或不在您的数据范围内");
        return (await PersonDtos.ManyAsync(db, regionCatalog, [person], cancellationToken))[0];
    }
}

internal static class PersonDtos
{
    public static async Task<List<PersonDto>> ManyAsync(KechuangDb db, RegionCatalog regionCatalog, List<Person> people, CancellationToken cancellationToken)
    {
        var orgIds = people.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
        // Names of organisations the viewer cannot see otherwise are still shown beside their people.
        var organizations = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var regions = await DirectoryQueries.RegionNamesAsync(regionCatalog, cancellationToken);
        return people.Select(p => PersonDto.From(p, organizations, regions, db.User.SeesPersonalNumbers)).ToList();
    }
}
