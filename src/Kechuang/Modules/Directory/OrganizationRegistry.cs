using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

internal sealed class OrganizationRegistry(KechuangDb db) : IOrganizationRegistry
{
    private HashSet<string>? _regions;

    public async Task<Guid> AddAsync(NewOrganization organization, CancellationToken cancellationToken = default)
    {
        // Loaded once per unit of work: a module adding hundreds of organisations asks once.
        _regions ??= await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var errors = new FieldErrors();
        var input = new OrganizationInput(organization.Name, OrganizationKinds.Names[organization.Kind], organization.CreditCode,
            organization.RegionCode, organization.Address, organization.ContactName, organization.ContactPhone);
        var valid = OrganizationRules.Validate(input, _regions.Contains, errors);
        errors.ThrowIfAny();
        // Organisations added earlier in the same unit of work are not in the database yet.
        if (db.ChangeTracker.Entries<Organization>().Any(e => e.Entity.CreditCode == valid!.CreditCode))
        {
            throw CreateOrganizationHandler.Duplicate(valid!.CreditCode);
        }
        await CreateOrganizationHandler.EnsureUniqueAsync(db, valid!.CreditCode, null, cancellationToken);
        var entity = new Organization(valid.Name, valid.Kind, valid.CreditCode, valid.RegionCode, valid.Address, valid.ContactName, valid.ContactPhone, db.UtcNow);
        db.Add(entity);
        return entity.Id;
    }
}
