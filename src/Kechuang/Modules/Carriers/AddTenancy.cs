using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// A new tenancy (the API body and the form's input alike): the enterprise by id or by credit code; a resident one may name
/// the carrier's units it occupies.
/// </summary>
public sealed record TenancyInput(Guid? EnterpriseId, string? CreditCode, string? Kind, DateOnly? EnteredOn, DateOnly? LeftOn = null,
    IReadOnlyList<Guid>? UnitIds = null);

/// <summary>The day a tenancy ends.</summary>
public sealed record EndTenancyInput(DateOnly? LeftOn);

/// <summary>
/// 登记入驻/注册: adds an enterprise to a carrier. The tenant may be registered in any county (a park takes enterprises
/// from anywhere), so it is looked up across regions; the carrier must be in the caller's scope.
/// </summary>
public sealed class AddTenancyHandler(KechuangDb db, IOrganizationDirectory directory)
{
    // Registrations racing for one unit each lose at most one round to every winner; the rest is margin.
    private const int Attempts = 10;

    public async Task<Guid> HandleAsync(Guid carrierId, TenancyInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeTenancies);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAsync(carrierId, input, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another tenancy claimed one of the units meanwhile: check again, now against it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Guid> TryAsync(Guid carrierId, TenancyInput input, CancellationToken cancellationToken)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == carrierId, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var enterprise = input.EnterpriseId is { } id ? await directory.FindAnywhereAsync(id, cancellationToken)
            : !string.IsNullOrWhiteSpace(input.CreditCode) ? await directory.FindByCreditCodeAnywhereAsync(input.CreditCode, cancellationToken)
            : null;
        TenancyRules.CheckTenant(enterprise, input.EnterpriseId is not null || !string.IsNullOrWhiteSpace(input.CreditCode), errors);
        var (kind, entered, left) = TenancyRules.Validate(input.Kind, input.EnteredOn, input.LeftOn, db.Today(), errors);
        var units = await UnitsAsync(carrierId, kind, entered, input.UnitIds, errors, cancellationToken);
        errors.ThrowIfAny();
        var stays = await db.Set<Tenancy>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.CarrierId == carrierId && t.OrganizationId == enterprise!.Id && t.Kind == kind)
            .Select(t => new { t.EnteredOn, t.LeftOn }).ToListAsync(cancellationToken);
        if (stays.Any(s => TenancyRules.Overlap(s.EnteredOn, s.LeftOn, entered!.Value, left)))
        {
            throw TenancyRules.OverlapProblem(enterprise!.Name, kind!.Value);
        }
        await EnsureFreeAsync(units, entered!.Value, left, cancellationToken);
        var tenancy = new Tenancy(carrier.Id, carrier.RegionCode, enterprise!.Id, kind!.Value, entered.Value, left, db.UtcNow);
        db.Add(tenancy);
        foreach (var unit in units)
        {
            unit.Claim();
            db.Add(new TenancyUnit(tenancy, unit.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
        return tenancy.Id;
    }

    /// <summary>The named units: the carrier's own, handed over by the entry day, and only for a resident tenancy.</summary>
    private async Task<List<CarrierUnit>> UnitsAsync(Guid carrierId, TenancyKind? kind, DateOnly? entered, IReadOnlyList<Guid>? unitIds, FieldErrors errors,
        CancellationToken cancellationToken)
    {
        var ids = unitIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            return [];
        }
        if (kind == TenancyKind.Registered)
        {
            errors.Add("unitIds", "注册记录不占用单元，只有入驻记录可选择单元");
            return [];
        }
        // Tracked: the units are claimed with the tenancy (CarrierUnit.Claims).
        var units = await db.Set<CarrierUnit>().Where(u => ids.Contains(u.Id) && u.CarrierId == carrierId).ToListAsync(cancellationToken);
        if (units.Count < ids.Count)
        {
            errors.Add("unitIds", "所选单元不属于该载体");
        }
        foreach (var unit in units.Where(u => entered is { } day && !u.IsAvailableOn(day)).OrderBy(u => u.Number, StringComparer.Ordinal))
        {
            errors.Add("unitIds", unit.AvailableFrom is { } from
                ? $"单元 {unit.Number} 于 {from:yyyy-MM-dd} 交付，入驻日期不能早于交付日期"
                : $"单元 {unit.Number} 尚未交付，不能登记入驻");
        }
        return units;
    }

    /// <summary>One unit holds one resident enterprise at a time: no resident tenancy naming it may share a day with [entered, left].</summary>
    private async Task EnsureFreeAsync(List<CarrierUnit> units, DateOnly entered, DateOnly? left, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }
        var ids = units.Select(u => u.Id).ToList();
        var holders = await (from link in db.Set<TenancyUnit>().IgnoreQueryFilters().AsNoTracking()
                             join tenancy in db.Set<Tenancy>().IgnoreQueryFilters().AsNoTracking() on link.TenancyId equals tenancy.Id
                             where ids.Contains(link.UnitId) && tenancy.Kind == TenancyKind.Resident
                             select new { link.UnitId, tenancy.OrganizationId, tenancy.EnteredOn, tenancy.LeftOn }).ToListAsync(cancellationToken);
        var clash = holders.Where(h => TenancyRules.Overlap(h.EnteredOn, h.LeftOn, entered, left)).OrderBy(h => h.EnteredOn).FirstOrDefault();
        if (clash is not null)
        {
            var occupant = (await directory.NamesAnywhereAsync([clash.OrganizationId!.Value], cancellationToken)).GetValueOrDefault(clash.OrganizationId.Value, "（已删除的企业）");
            throw UnitRules.Occupied(units.First(u => u.Id == clash.UnitId).Number, occupant, clash.EnteredOn, clash.LeftOn);
        }
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
        var leftOn = TenancyRules.ValidateEnd(input.LeftOn, db.Today(), errors);
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
