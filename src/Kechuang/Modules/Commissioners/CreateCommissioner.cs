using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Commissioners;

/// <summary>Registers a commissioner's dispatch (派驻) to a town within the caller's data scope.</summary>
public sealed class CreateCommissionerHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    public async Task<Guid> HandleAsync(CommissionerInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.Change);
        var facts = await CommissionerChecks.ValidateAsync(db, directory, people, input, null, cancellationToken);
        var commissioner = new Commissioner(facts, db.UtcNow);
        db.Add(commissioner);
        await db.SaveChangesAsync(cancellationToken);
        return commissioner.Id;
    }
}

/// <summary>Changes a commissioner's dispatch; it must be in the caller's scope before and after.</summary>
public sealed class UpdateCommissionerHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    public async Task HandleAsync(Guid id, CommissionerInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.Change);
        var commissioner = await db.Set<Commissioner>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技特派员不存在或不在您的数据范围内");
        var facts = await CommissionerChecks.ValidateAsync(db, directory, people, input, id, cancellationToken);
        // Service records fall within the term: a shortened term may not leave any outside it.
        if (await db.Set<ServiceRecord>().AnyAsync(s => s.CommissionerId == id && (s.ServedOn < facts.TermStart || s.ServedOn > facts.TermEnd), cancellationToken))
        {
            throw new RuleException("commissioners.services-outside-term", "已有服务记录的日期不在新的派驻期内，请先核对派驻期或服务记录");
        }
        commissioner.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class CommissionerChecks
{
    /// <summary>Field rules, then what needs records: the person, the dispatching unit, the town in scope, no overlapping term.</summary>
    public static async Task<CommissionerFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people,
        CommissionerInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = CommissionerRules.Validate(input, await CommissionerQueries.TownsAsync(directory, cancellationToken), errors);
        if (facts?.RegionCode is { } region && !db.User.Scope.Covers(region))
        {
            errors.Add("regionCode", "该乡镇（街道）不在您的数据范围内");
        }
        PersonInfo? person = null;
        if (input.PersonId is { } personId)
        {
            person = await people.FindAsync(personId, cancellationToken);
            if (person is null)
            {
                errors.Add("personId", "人员不存在或不在您的数据范围内，请先在人员名录中登记");
            }
            else if (!person.IsCommissioner)
            {
                errors.Add("personId", $"{person.Name}在人员名录中不是“科技特派员”类别，请先修改其人员类别");
            }
        }
        if (input.DispatchingUnitId is { } unit && await directory.FindAnywhereAsync(unit, cancellationToken) is null)
        {
            errors.Add("dispatchingUnitId", "派出单位不存在，请先在组织名录中登记");
        }
        errors.ThrowIfAny();
        await EnsureNoOverlapAsync(db, facts!, person!.Name, self, cancellationToken);
        return facts!;
    }

    public static async Task EnsureNoOverlapAsync(KechuangDb db, CommissionerFacts facts, string name, Guid? self, CancellationToken cancellationToken)
    {
        // One person holds one dispatch of a level at a time, wherever the other one is recorded.
        if (await db.Set<Commissioner>().IgnoreQueryFilters().AnyAsync(c => c.PersonId == facts.PersonId && c.Level == facts.Level && c.Id != self
                && c.TermStart <= facts.TermEnd && facts.TermStart <= c.TermEnd, cancellationToken))
        {
            throw CommissionerRules.OverlapProblem(name);
        }
    }
}
