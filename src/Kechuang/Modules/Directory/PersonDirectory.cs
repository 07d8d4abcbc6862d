using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class PersonDirectory(KechuangDb db) : IPersonDirectory
{
    public Task<PersonInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Project(db.Set<Person>().AsNoTracking().Where(p => p.Id == id)).Cast<PersonInfo?>().FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonInfo>> ListCommissionersAsync(CancellationToken cancellationToken = default) =>
        await Project(db.Set<Person>().AsNoTracking().Where(p => p.Kind == PersonKind.Commissioner).OrderBy(p => p.Name).ThenBy(p => p.Id))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> SearchAsync(string text, CancellationToken cancellationToken = default)
    {
        var q = text.Trim();
        return await db.Set<Person>().AsNoTracking().Where(p => p.Name.Contains(q)).Select(p => p.Id).ToListAsync(cancellationToken);
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

    public async Task<Guid> AddCommissionerAsync(NewCommissionerPerson person, CancellationToken cancellationToken = default)
    {
        var input = new PersonInput(person.Name, PersonKinds.Names[PersonKind.Commissioner], person.OrganizationId, null, null, person.Title, person.Fields, person.RegionCode);
        var valid = await CreatePersonHandler.ValidateAsync(db, input, cancellationToken);
        var entity = new Person(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, null, null, db.UtcNow);
        db.Add(entity);
        return entity.Id;
    }

    private static IQueryable<PersonInfo> Project(IQueryable<Person> people) =>
        people.Select(p => new PersonInfo(p.Id, p.Name, p.Kind == PersonKind.Commissioner, p.OrganizationId, p.RegionCode, p.Title, p.Fields));
}
