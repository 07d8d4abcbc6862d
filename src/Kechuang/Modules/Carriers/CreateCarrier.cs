using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Creates a carrier (创新载体) within the caller's data scope.</summary>
public sealed class CreateCarrierHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(CarrierInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.Create);
        var facts = await CarrierChecks.ValidateAsync(db, directory, input, null, cancellationToken);
        var carrier = new Carrier(facts, db.UtcNow);
        db.Add(carrier);
        await db.SaveChangesAsync(cancellationToken);
        return carrier.Id;
    }
}

/// <summary>Changes a carrier's facts; the carrier must be in the caller's scope before and after.</summary>
public sealed class UpdateCarrierHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, CarrierInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.Change);
        var carrier = await db.Set<Carrier>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        var facts = await CarrierChecks.ValidateAsync(db, directory, input, id, cancellationToken);
        // A caller that does not name the basis (an older client, a script) keeps the one chosen before.
        carrier.Update(input.OccupancyBasis is null ? facts with { OccupancyBasis = carrier.OccupancyBasis } : facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class CarrierChecks
{
    /// <summary>Field rules, then the checks that need records: region, parent carrier, operator, a name unique in its county.</summary>
    public static async Task<CarrierFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, CarrierInput input, Guid? self, CancellationToken cancellationToken)
    {
        var regions = (await directory.RegionNamesAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var errors = new FieldErrors();
        var facts = CarrierRules.Validate(input, regions.Contains, db.Today(), errors);
        if (facts?.RegionCode is { } region && !db.User.Scope.Covers(region))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        if (input.ParentId is { } parentId)
        {
            if (parentId == self)
            {
                errors.Add("parentId", "上级载体不能是载体本身");
            }
            else if (!await db.Set<Carrier>().AnyAsync(c => c.Id == parentId, cancellationToken))
            {
                errors.Add("parentId", "上级载体不存在或不在您的数据范围内");
            }
            else if (self is { } id && await IsBelowAsync(db, parentId, id, cancellationToken))
            {
                errors.Add("parentId", "上级载体不能是本载体的下级载体");
            }
        }
        if (input.OperatorId is { } operatorId && await directory.FindAnywhereAsync(operatorId, cancellationToken) is null)
        {
            errors.Add("operatorId", "运营主体不存在，请先在组织名录中登记");
        }
        errors.ThrowIfAny();
        // Imports match carriers by name, so a name is unique within its county (across the caller's scope too).
        var county = facts!.RegionCode[..Math.Min(6, facts.RegionCode.Length)];
        if (await db.Set<Carrier>().IgnoreQueryFilters().AnyAsync(c => c.Name == facts.Name && c.RegionCode.StartsWith(county) && c.Id != self, cancellationToken))
        {
            throw new RuleException("carriers.duplicate-name", $"本县（市、区）已有名为“{facts.Name}”的载体");
        }
        return facts;
    }

    /// <summary>True when <paramref name="candidate"/> lies (at any depth) inside <paramref name="ancestor"/>.</summary>
    private static async Task<bool> IsBelowAsync(KechuangDb db, Guid candidate, Guid ancestor, CancellationToken cancellationToken)
    {
        var parents = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.ParentId })
            .ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
        var seen = new HashSet<Guid>();
        for (Guid? current = candidate; current is { } id && seen.Add(id); current = parents.GetValueOrDefault(id))
        {
            if (id == ancestor)
            {
                return true;
            }
        }
        return false;
    }
}
