using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Records a land parcel (地块) within the caller's data scope.</summary>
public sealed class CreateParcelHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(ParcelInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeParcels);
        var facts = await ParcelChecks.ValidateAsync(db, directory, input, null, cancellationToken);
        var parcel = new LandParcel(facts, db.UtcNow);
        db.Add(parcel);
        await db.SaveChangesAsync(cancellationToken);
        return parcel.Id;
    }
}

/// <summary>Changes a parcel's facts; its steps follow it into a new region.</summary>
public sealed class UpdateParcelHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, ParcelInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeParcels);
        var parcel = await db.Set<LandParcel>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("地块不存在或不在您的数据范围内");
        var facts = await ParcelChecks.ValidateAsync(db, directory, input, id, cancellationToken);
        if (facts.RegionCode != parcel.RegionCode)
        {
            foreach (var step in await db.Set<ParcelStep>().Where(s => s.ParcelId == id).ToListAsync(cancellationToken))
            {
                step.MoveTo(facts.RegionCode);
            }
        }
        parcel.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Records one approval step of a parcel; a parcel has each kind of step once.</summary>
public sealed class AddParcelStepHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid parcelId, ParcelStepInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeParcels);
        var parcel = await db.Set<LandParcel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == parcelId, cancellationToken)
            ?? throw new NotFoundException("地块不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var (kind, facts) = ParcelRules.ValidateStep(input, db.Today(), errors);
        errors.ThrowIfAny();
        var steps = await db.Set<ParcelStep>().AsNoTracking().Where(s => s.ParcelId == parcelId).ToListAsync(cancellationToken);
        if (steps.Any(s => s.Kind == kind))
        {
            throw ParcelRules.StepExists(kind!.Value);
        }
        var after = steps.ToDictionary(s => s.Kind, s => new ParcelStepFacts(s.SubmittedOn, s.CompletedOn, s.Note));
        after[kind!.Value] = facts!;
        if (ParcelRules.CheckOrder(after) is { } broken)
        {
            throw broken;
        }
        var step = new ParcelStep(parcel.Id, parcel.RegionCode, kind.Value, facts!, db.UtcNow);
        db.Add(step);
        await db.SaveUniqueAsync(() => ParcelRules.StepExists(kind.Value), cancellationToken);
        return step.Id;
    }
}

/// <summary>Changes the dates or note of a parcel's step; its kind stays.</summary>
public sealed class UpdateParcelStepHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid parcelId, Guid stepId, ParcelStepInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeParcels);
        var steps = await db.Set<ParcelStep>().Where(s => s.ParcelId == parcelId).ToListAsync(cancellationToken);
        var step = steps.FirstOrDefault(s => s.Id == stepId) ?? throw new NotFoundException("审批环节记录不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var (kind, facts) = ParcelRules.ValidateStep(input with { Kind = string.IsNullOrWhiteSpace(input.Kind) ? Kebab.From(step.Kind) : input.Kind },
            db.Today(), errors);
        if (kind is { } k && k != step.Kind)
        {
            errors.Add("kind", "已登记的审批环节不能改为其他环节");
        }
        errors.ThrowIfAny();
        var after = steps.ToDictionary(s => s.Kind, s => new ParcelStepFacts(s.SubmittedOn, s.CompletedOn, s.Note));
        after[step.Kind] = facts!;
        if (ParcelRules.CheckOrder(after) is { } broken)
        {
            throw broken;
        }
        step.Update(facts!, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class ParcelChecks
{
    public static async Task<ParcelFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, ParcelInput input, Guid? self, CancellationToken cancellationToken)
    {
        var regions = (await directory.RegionNamesAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var errors = new FieldErrors();
        var facts = ParcelRules.Validate(input, regions.Contains, errors);
        if (facts?.RegionCode is { } region && !db.User.Scope.Covers(region))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        if (input.CarrierId is { } carrierId && !await db.Set<Carrier>().AnyAsync(c => c.Id == carrierId, cancellationToken))
        {
            errors.Add("carrierId", "所在园区（载体）不存在或不在您的数据范围内");
        }
        errors.ThrowIfAny();
        var county = facts!.RegionCode[..Math.Min(6, facts.RegionCode.Length)];
        if (await db.Set<LandParcel>().IgnoreQueryFilters().AnyAsync(p => p.Name == facts.Name && p.RegionCode.StartsWith(county) && p.Id != self, cancellationToken))
        {
            throw new RuleException("carriers.duplicate-parcel-name", $"本县（市、区）已有名为“{facts.Name}”的地块");
        }
        return facts;
    }
}
