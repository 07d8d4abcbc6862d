using Kechuang.Platform.Access;
using Kechuang.Platform.Crypto;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>Adds a person; the page, the API and the command line share it.</summary>
public sealed class CreatePersonHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(DirectoryPermissions.CreatePerson);
        var valid = await ValidateAsync(db, input, cancellationToken);
        await EnsureIdNumberFreeAsync(db, valid.IdNumber, null, cancellationToken);
        var person = new Person(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, db.UtcNow);
        db.Add(person);
        await db.SaveUniqueAsync(DuplicateIdNumber, cancellationToken);
        return person.Id;
    }

    /// <summary>The region a person without an enterprise-like organisation falls under when none is given: the entering account's.</summary>
    internal static string DefaultRegion(KechuangDb db) => db.User.RegionCode.Length > 0 ? db.User.RegionCode : "330700";

    /// <summary>
    /// One 身份证 number belongs to one person in the whole directory, so the check looks past the caller's scope.
    /// The number is encrypted with a fresh nonce each time: the lookup goes through its blind index.
    /// </summary>
    internal static async Task EnsureIdNumberFreeAsync(KechuangDb db, string? idNumber, Guid? except, CancellationToken cancellationToken)
    {
        // Under the index key, and the one before it while the index key is being replaced.
        var indexes = db.PersonalData.BlindIndexes(PersonalDataKind.IdNumber, idNumber);
        if (indexes.Count == 0)
        {
            return;
        }
        var column = PersonalDataMapping.IndexOf(nameof(Person.IdNumber));
        if (await db.Set<Person>().IgnoreQueryFilters().AnyAsync(p => indexes.Contains(EF.Property<string>(p, column)) && p.Id != except, cancellationToken))
        {
            throw DuplicateIdNumber();
        }
    }

    internal static RuleException DuplicateIdNumber() =>
        new("directory.duplicate-id-number", "该身份证号码已登记在其他人员名下，同一人不能重复登记");

    /// <summary>Loads what <see cref="PersonRules.Validate"/> needs (the organisation in scope, the known regions), then applies it.</summary>
    internal static async Task<ValidPerson> ValidateAsync(KechuangDb db, PersonInput input, CancellationToken cancellationToken)
    {
        Organization? organization = null;
        if (input.OrganizationId is { } orgId)
        {
            organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken);
        }
        var regions = await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var errors = new FieldErrors();
        var valid = PersonRules.Validate(input, organization, DefaultRegion(db), regions.Contains, errors);
        errors.ThrowIfAny();
        return valid!;
    }
}

/// <summary>Changes a person within the caller's data scope.</summary>
public sealed class UpdatePersonHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, PersonInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(DirectoryPermissions.ChangePerson);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("人员不存在或不在您的数据范围内");
        // A viewer who may not see the numbers edits the masked form; sent back unchanged, it keeps the stored number.
        input = input with
        {
            Phone = Masking.Unchanged(input.Phone, person.Phone, Masking.Phone),
            IdNumber = Masking.Unchanged(input.IdNumber, person.IdNumber, Masking.IdNumber),
        };
        var valid = await CreatePersonHandler.ValidateAsync(db, input, cancellationToken);
        await CreatePersonHandler.EnsureIdNumberFreeAsync(db, valid.IdNumber, person.Id, cancellationToken);
        person.Update(valid.Name, valid.Kind, valid.OrganizationId, valid.RegionCode, valid.Title, valid.Fields, valid.Phone, valid.IdNumber, db.UtcNow);
        await db.SaveUniqueAsync(CreatePersonHandler.DuplicateIdNumber, cancellationToken);
    }
}
