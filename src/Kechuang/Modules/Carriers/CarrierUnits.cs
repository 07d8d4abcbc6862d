using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>One unit with whoever is resident in it on <paramref name="CountedOn"/>.</summary>
public sealed record UnitDto(Guid Id, Guid CarrierId, int Floor, string Number, decimal Area, string Use, string UseName, DateOnly? AvailableFrom,
    bool Available, Guid? TenancyId, Guid? OccupantId, string? OccupantName, DateOnly CountedOn);

/// <summary>A carrier's units, floor by floor, each with its occupant on a day (today when not given).</summary>
public sealed class ListUnitsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<UnitDto>> HandleAsync(Guid carrierId, DateOnly? at, CancellationToken cancellationToken = default)
    {
        var day = CarrierQueries.CountDay(db, at);
        if (!await db.Set<Carrier>().AsNoTracking().AnyAsync(c => c.Id == carrierId, cancellationToken))
        {
            throw new NotFoundException("载体不存在或不在您的数据范围内");
        }
        var units = await db.Set<CarrierUnit>().AsNoTracking().Where(u => u.CarrierId == carrierId).ToListAsync(cancellationToken);
        var occupants = await UnitOccupancy.OccupantsAsync(db, units.Select(u => u.Id).ToList(), day, cancellationToken);
        var names = await directory.NamesAnywhereAsync(occupants.Values.Select(o => o.EnterpriseId).Distinct(), cancellationToken);
        var items = units.OrderBy(u => u.Floor).ThenBy(u => u.Number, StringComparer.Ordinal).Select(u =>
        {
            var occupant = occupants.GetValueOrDefault(u.Id);
            return new UnitDto(u.Id, u.CarrierId, u.Floor, u.Number, u.Area, Kebab.From(u.Use), UnitRules.UseNames[u.Use], u.AvailableFrom,
                u.IsAvailableOn(day), occupant?.TenancyId, occupant?.EnterpriseId, occupant is null ? null : names.GetValueOrDefault(occupant.EnterpriseId, "（已删除的企业）"), day);
        }).ToList();
        return new Paged<UnitDto>(items, items.Count);
    }
}

/// <summary>登记单元: adds a unit to a building or space.</summary>
public sealed class CreateUnitHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid carrierId, UnitInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeUnits);
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == carrierId, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = UnitRules.Validate(input, errors);
        errors.ThrowIfAny();
        if (!UnitRules.HoldsUnits(carrier.Kind))
        {
            throw new RuleException("carriers.units-of-a-park", $"{CarrierKinds.Names[carrier.Kind]}不登记单元，请在其楼宇或空间下登记");
        }
        await EnsureUniqueAsync(db, carrierId, facts!.Number, null, cancellationToken);
        var unit = new CarrierUnit(carrier.Id, carrier.RegionCode, facts, db.UtcNow);
        db.Add(unit);
        await db.SaveUniqueAsync(() => UnitRules.Duplicate(facts.Number), cancellationToken);
        return unit.Id;
    }

    internal static async Task EnsureUniqueAsync(KechuangDb db, Guid carrierId, string number, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Set<CarrierUnit>().IgnoreQueryFilters().AnyAsync(u => u.CarrierId == carrierId && u.Number == number && u.Id != except, cancellationToken))
        {
            throw UnitRules.Duplicate(number);
        }
    }
}

/// <summary>修改单元: its floor, number, area, use or handover day.</summary>
public sealed class UpdateUnitHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid carrierId, Guid unitId, UnitInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeUnits);
        var errors = new FieldErrors();
        var facts = UnitRules.Validate(input, errors);
        errors.ThrowIfAny();
        for (var attempt = 1; ; attempt++)
        {
            var unit = await db.Set<CarrierUnit>().FirstOrDefaultAsync(u => u.Id == unitId && u.CarrierId == carrierId, cancellationToken)
                ?? throw new NotFoundException("单元不存在或不在您的数据范围内");
            await CreateUnitHandler.EnsureUniqueAsync(db, carrierId, facts!.Number, unitId, cancellationToken);
            unit.Update(facts, db.UtcNow);
            try
            {
                await db.SaveUniqueAsync(() => UnitRules.Duplicate(facts.Number), cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A tenancy claimed the unit meanwhile (CarrierUnit.Claims): the correction does not depend on it, apply it again.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>Who occupies which unit on a day, and each carrier's 入驻率 from its units.</summary>
internal static class UnitOccupancy
{
    public sealed record Occupant(Guid TenancyId, Guid EnterpriseId, DateOnly EnteredOn, DateOnly? LeftOn);

    /// <summary>The resident tenancy holding each of <paramref name="unitIds"/> on <paramref name="day"/>.</summary>
    public static async Task<Dictionary<Guid, Occupant>> OccupantsAsync(KechuangDb db, IReadOnlyCollection<Guid> unitIds, DateOnly day, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            return [];
        }
        var rows = await (from link in db.Set<TenancyUnit>().AsNoTracking()
                          join tenancy in db.Set<Tenancy>().AsNoTracking().CurrentBetween(day, day) on link.TenancyId equals tenancy.Id
                          where unitIds.Contains(link.UnitId) && tenancy.Kind == TenancyKind.Resident
                          select new { link.UnitId, tenancy.Id, tenancy.OrganizationId, tenancy.EnteredOn, tenancy.LeftOn }).ToListAsync(cancellationToken);
        // The rule keeps one resident per unit and day; should two ever meet, the earlier entry shows.
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g =>
        {
            var first = g.OrderBy(r => r.EnteredOn).First();
            return new Occupant(first.Id, first.OrganizationId!.Value, first.EnteredOn, first.LeftOn);
        });
    }

    /// <summary>
    /// 入驻率 of each carrier on a day. A carrier with units divides its occupied units (or their area, by its basis) by the
    /// units handed over by that day (or their area); one without units divides its resident enterprises by its capacity.
    /// Carriers with neither are left out.
    /// </summary>
    public static async Task<Dictionary<Guid, Occupancy>> RatesAsync(KechuangDb db, IReadOnlyList<Carrier> carriers, IReadOnlyDictionary<Guid, TenantCounts> counts,
        DateOnly day, CancellationToken cancellationToken)
    {
        var ids = carriers.Select(c => c.Id).ToList();
        var units = ids.Count == 0 ? [] : await db.Set<CarrierUnit>().AsNoTracking().Where(u => ids.Contains(u.CarrierId)).ToListAsync(cancellationToken);
        var available = units.Where(u => u.IsAvailableOn(day)).ToList();
        var occupied = await OccupantsAsync(db, available.Select(u => u.Id).ToList(), day, cancellationToken);
        var byCarrier = available.ToLookup(u => u.CarrierId);
        var withUnits = units.Select(u => u.CarrierId).ToHashSet();
        var result = new Dictionary<Guid, Occupancy>();
        foreach (var carrier in carriers)
        {
            if (withUnits.Contains(carrier.Id))
            {
                var handed = byCarrier[carrier.Id].ToList();
                var taken = handed.Where(u => occupied.ContainsKey(u.Id)).ToList();
                result[carrier.Id] = carrier.OccupancyBasis == OccupancyBasis.Area
                    ? new Occupancy(OccupancyMeasure.Area, taken.Sum(u => u.Area), handed.Sum(u => u.Area))
                    : new Occupancy(OccupancyMeasure.Units, taken.Count, handed.Count);
            }
            else if (carrier.Capacity is { } capacity)
            {
                result[carrier.Id] = new Occupancy(OccupancyMeasure.Capacity, counts.GetValueOrDefault(carrier.Id).Resident, capacity);
            }
        }
        return result;
    }
}

/// <summary>What an 入驻率 counts: units, their area in ㎡, or resident enterprises against a capacity.</summary>
public enum OccupancyMeasure
{
    Units = 1,
    Area = 2,
    Capacity = 3,
}

/// <summary>An 入驻率's two terms; <see cref="Rate"/> is per cent with one decimal, none when nothing is available.</summary>
public sealed record Occupancy(OccupancyMeasure Measure, decimal Occupied, decimal Available)
{
    public decimal? Rate => Available > 0 ? decimal.Round(Occupied * 100m / Available, 1, MidpointRounding.AwayFromZero) : null;
}
