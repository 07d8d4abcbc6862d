using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>A new tenancy (the API body and the form's input alike): the enterprise by id or by credit code.</summary>
public sealed record TenancyInput(Guid? EnterpriseId, string? CreditCode, string? Kind, DateOnly? EnteredOn, DateOnly? LeftOn = null);

/// <summary>The day a tenancy ends.</summary>
public sealed record EndTenancyInput(DateOnly? LeftOn);

/// <summary>
/// 登记入驻/注册: adds an enterprise to a carrier. The tenant may be registered in any county (a park takes enterprises
/// from anywhere), so it is looked up across regions; the carrier must be in the caller's scope.
/// </summary>
public sealed class AddTenancyHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(Guid carrierId, TenancyInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeTenancies);
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == carrierId, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var enterprise = input.EnterpriseId is { } id ? await directory.FindAnywhereAsync(id, cancellationToken)
            : !string.IsNullOrWhiteSpace(input.CreditCode) ? await directory.FindByCreditCodeAnywhereAsync(input.CreditCode, cancellationToken)
            : null;
        TenancyRules.CheckTenant(enterprise, input.EnterpriseId is not null || !string.IsNullOrWhiteSpace(input.CreditCode), errors);
        var (kind, entered, left) = TenancyRules.Validate(input.Kind, input.EnteredOn, input.LeftOn, CarrierQueries.Today(db), errors);
        errors.ThrowIfAny();
        var stays = await db.Set<Tenancy>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.CarrierId == carrierId && t.OrganizationId == enterprise!.Id && t.Kind == kind)
            .Select(t => new { t.EnteredOn, t.LeftOn }).ToListAsync(cancellationToken);
        if (stays.Any(s => TenancyRules.Overlap(s.EnteredOn, s.LeftOn, entered!.Value, left)))
        {
            throw TenancyRules.OverlapProblem(enterprise!.Name, kind!.Value);
        }
        var tenancy = new Tenancy(carrier.Id, carrier.RegionCode, enterprise!.Id, kind!.Value, entered!.Value, left, db.UtcNow);
        db.Add(tenancy);
        await db.SaveChangesAsync(cancellationToken);
        return tenancy.Id;
    }
}

/// <summary>迁出: ends a current tenancy on a day.</summary>
public sealed class EndTenancyHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid carrierId, Guid tenancyId, EndTenancyInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeTenancies);
        var tenancy = await db.Set<Tenancy>().FirstOrDefaultAsync(t => t.Id == tenancyId && t.CarrierId == carrierId, cancellationToken)
            ?? throw new NotFoundException("入驻记录不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var leftOn = TenancyRules.ValidateEnd(input.LeftOn, CarrierQueries.Today(db), errors);
        errors.ThrowIfAny();
        tenancy.End(leftOn!.Value, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The enterprises the tenancy form offers: those in the caller's scope, in name order.</summary>
public sealed class ListTenantOptionsHandler(IOrganizationDirectory directory)
{
    public Task<IReadOnlyList<OrganizationInfo>> HandleAsync(CancellationToken cancellationToken = default) =>
        directory.ListAsync(OrganizationKind.Enterprise, cancellationToken);
}
