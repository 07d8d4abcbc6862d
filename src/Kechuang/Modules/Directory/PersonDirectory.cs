using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class PersonDirectory(KechuangDb db) : IPersonDirectory
{
    public async Task<PersonInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Set<Person>().AsNoTracking().Where(p => p.Id == id).ToListAsync(cancellationToken)).Select(Info).FirstOrDefault();

    public async Task<IReadOnlyList<PersonInfo>> SearchAsync(string? text, int take, CancellationToken cancellationToken = default)
    {
        var people = db.Set<Person>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var q = text.Trim();
            people = people.Where(p => p.Name.Contains(q) || (p.Title != null && p.Title.Contains(q)) || (p.Fields != null && p.Fields.Contains(q)));
        }
        return (await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken)).Select(Info).ToList();
    }

    public async Task<IReadOnlyList<Guid>> SearchIdsAsync(string text, CancellationToken cancellationToken = default)
    {
        var q = text.Trim();
        return await db.Set<Person>().AsNoTracking().Where(p => p.Name.Contains(q)).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PersonInfo>> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        return (await db.Set<Person>().AsNoTracking().Where(p => p.Name == trimmed).OrderBy(p => p.Id).ToListAsync(cancellationToken)).Select(Info).ToList();
    }

    public async Task<IReadOnlyList<PersonInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<Person>().AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken)).Select(Info).ToList();

    public async Task<IReadOnlyList<PersonInfo>> ListCommissionersAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<Person>().AsNoTracking().Where(p => p.Kind == PersonKind.Commissioner).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken)).Select(Info).ToList();

    public async Task<IReadOnlyDictionary<Guid, PersonInfo>> FindManyAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, PersonInfo>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var person in await db.Set<Person>().IgnoreQueryFilters().AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                result[person.Id] = Info(person);
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<Guid, PersonInfo>> ByAccountsAnywhereAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, PersonInfo>();
        foreach (var chunk in accountIds.Distinct().Chunk(500))
        {
            foreach (var person in await db.Set<Person>().IgnoreQueryFilters().AsNoTracking().Where(p => p.AccountId != null && chunk.Contains(p.AccountId.Value))
                .ToListAsync(cancellationToken))
            {
                result[person.AccountId!.Value] = Info(person);
            }
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAnywhereAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var row in await db.Set<Person>().IgnoreQueryFilters().AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            {
                result[row.Id] = row.Name;
            }
        }
        return result;
    }

    public async Task<Guid> AddAsync(NewPerson person, CancellationToken cancellationToken = default)
    {
        var valid = await CreatePersonHandler.ValidateAsync(db,
            new PersonInput(person.Name, person.Kind, person.OrganizationId, person.Phone, null, person.Title, person.Fields, person.RegionCode), cancellationToken);
        var entity = new Person(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, db.UtcNow);
        db.Add(entity);
        return entity.Id;
    }

    private PersonInfo Info(Person p) => new(p.Id, p.Name, PersonKinds.Names[p.Kind], p.Kind == PersonKind.Commissioner, p.OrganizationId, p.RegionCode,
        p.Title, p.Fields, db.User.SeesPersonalNumbers ? p.Phone : Masking.Phone(p.Phone));
}
