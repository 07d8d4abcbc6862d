using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

public sealed class CreateOrganizationHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(OrganizationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(DirectoryPermissions.CreateOrganization);
        var regions = await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var errors = new FieldErrors();
        var valid = OrganizationRules.Validate(input, regions.Contains, errors);
        errors.ThrowIfAny();
        await EnsureUniqueAsync(db, valid!.CreditCode, null, cancellationToken);
        var organization = new Organization(valid.Name, valid.Kind, valid.CreditCode, valid.RegionCode, valid.Address, valid.ContactName, valid.ContactPhone, db.UtcNow);
        db.Add(organization);
        await SaveUniqueAsync(db, cancellationToken);
        return organization.Id;
    }

    /// <summary>A credit code is unique across every region, so the check looks past the caller's scope.</summary>
    internal static async Task EnsureUniqueAsync(KechuangDb db, string creditCode, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Set<Organization>().IgnoreQueryFilters().AnyAsync(o => o.CreditCode == creditCode && o.Id != except, cancellationToken))
        {
            throw Duplicate(creditCode);
        }
    }

    internal static async Task SaveUniqueAsync(KechuangDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<Organization>().Any())
        {
            // Two requests with the same new code at once: the unique index decides, the loser gets 409.
            throw Duplicate(db.ChangeTracker.Entries<Organization>().First().Entity.CreditCode);
        }
    }

    internal static RuleException Duplicate(string creditCode) =>
        new("directory.duplicate-credit-code", $"统一社会信用代码 {creditCode} 已被其他组织使用");
}

public sealed class UpdateOrganizationHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(DirectoryPermissions.ChangeOrganization);
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("组织不存在或不在您的数据范围内");
        input = input with { ContactPhone = Masking.Unchanged(input.ContactPhone, organization.ContactPhone, Masking.Phone) };
        var regions = await db.Set<Region>().AsNoTracking().Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var errors = new FieldErrors();
        var valid = OrganizationRules.Validate(input, regions.Contains, errors);
        errors.ThrowIfAny();
        await CreateOrganizationHandler.EnsureUniqueAsync(db, valid!.CreditCode, id, cancellationToken);
        organization.Update(valid.Name, valid.Kind, valid.CreditCode, valid.RegionCode, valid.Address, valid.ContactName, valid.ContactPhone, db.UtcNow);
        await CreateOrganizationHandler.SaveUniqueAsync(db, cancellationToken);
    }
}
