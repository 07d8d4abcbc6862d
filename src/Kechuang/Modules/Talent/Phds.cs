using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>A PhD profile as shown; the phone masked unless the viewer's role may see personal numbers.</summary>
public sealed record PhdDto(Guid Id, Guid PersonId, string Name, Guid InstitutionId, string InstitutionName, string RegionCode, string RegionName,
    string Discipline, string? TechFields, string? Phone, int Recommendations);

/// <summary>An enterprise's PhD demand as shown.</summary>
public sealed record PhdDemandDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string RegionCode, string RegionName, int Year, string Discipline,
    int Headcount, string Description);

/// <summary>Records a PhD profile (百博入企博士库).</summary>
public sealed class CreatePhdHandler(KechuangDb db, TalentChecks checks)
{
    public async Task<Guid> HandleAsync(PhdInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangePhds);
        var facts = await PhdChecks.ValidateAsync(db, checks, input, null, cancellationToken);
        var phd = new PhdProfile(facts, db.UtcNow);
        db.Add(phd);
        await db.SaveUniqueAsync(PhdChecks.Duplicate, cancellationToken);
        return phd.Id;
    }
}

/// <summary>Changes a PhD profile; a phone sent back in its masked form keeps the stored number.</summary>
public sealed class UpdatePhdHandler(KechuangDb db, TalentChecks checks)
{
    public async Task HandleAsync(Guid id, PhdInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangePhds);
        var phd = await db.Set<PhdProfile>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw PhdChecks.NotFound();
        input = input with { Phone = Masking.Unchanged(input.Phone, phd.Phone, Masking.Phone) };
        var facts = await PhdChecks.ValidateAsync(db, checks, input, id, cancellationToken);
        phd.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(PhdChecks.Duplicate, cancellationToken);
    }
}

public sealed record PhdQuery(string? RegionCode = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>PhD profiles within the caller's scope, with how many times each was recommended.</summary>
public sealed class ListPhdsHandler(KechuangDb db, TalentNames names, IPersonDirectory people, IOrganizationDirectory organizations)
{
    internal static readonly SortMap<PhdProfile> Sorts = new SortMap<PhdProfile>(p => p.Id, p => p.OrderBy(x => x.Discipline).ThenBy(x => x.CreatedAt))
        .Add("discipline", p => p.Discipline)
        .Add("regionName", p => p.RegionCode);

    public async Task<Paged<PhdDto>> HandleAsync(PhdQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<PhdDto>(await PhdChecks.DtosAsync(db, names, rows, cancellationToken), total);
    }

    public async Task<List<PhdDto>> AllAsync(PhdQuery query, CancellationToken cancellationToken = default) =>
        await PhdChecks.DtosAsync(db, names, await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<PhdProfile>> FilterAsync(PhdQuery query, CancellationToken cancellationToken)
    {
        var phds = db.Set<PhdProfile>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.List.Text is { } q)
        {
            var personIds = (await people.SearchIdsAsync(q, cancellationToken)).ToList();
            var orgIds = (await organizations.SearchAsync(q, cancellationToken)).ToList();
            phds = phds.Where(p => p.Discipline.Contains(q) || (p.TechFields != null && p.TechFields.Contains(q)) || personIds.Contains(p.PersonId)
                || orgIds.Contains(p.InstitutionId));
        }
        return phds;
    }
}

public sealed class GetPhdHandler(KechuangDb db, TalentNames names)
{
    public async Task<PhdDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var phd = await db.Set<PhdProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw PhdChecks.NotFound();
        return (await PhdChecks.DtosAsync(db, names, [phd], cancellationToken))[0];
    }
}

/// <summary>Records an enterprise's PhD demand.</summary>
public sealed class CreatePhdDemandHandler(KechuangDb db, TalentChecks checks)
{
    public async Task<Guid> HandleAsync(PhdDemandInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangePhds);
        var facts = await PhdChecks.ValidateDemandAsync(checks, input, cancellationToken);
        var demand = new PhdDemand(facts, db.UtcNow);
        db.Add(demand);
        await db.SaveChangesAsync(cancellationToken);
        return demand.Id;
    }
}

public sealed class UpdatePhdDemandHandler(KechuangDb db, TalentChecks checks)
{
    public async Task HandleAsync(Guid id, PhdDemandInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangePhds);
        var demand = await db.Set<PhdDemand>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("博士需求不存在或不在您的数据范围内");
        var facts = await PhdChecks.ValidateDemandAsync(checks, input, cancellationToken);
        demand.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record PhdDemandQuery(string? RegionCode = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed class ListPhdDemandsHandler(KechuangDb db, TalentNames names, IOrganizationDirectory organizations)
{
    internal static readonly SortMap<PhdDemand> Sorts = new SortMap<PhdDemand>(d => d.Id, d => d.OrderByDescending(x => x.Year).ThenBy(x => x.Discipline))
        .Add("year", d => d.Year)
        .Add("discipline", d => d.Discipline)
        .Add("headcount", d => d.Headcount);

    public async Task<Paged<PhdDemandDto>> HandleAsync(PhdDemandQuery query, CancellationToken cancellationToken = default)
    {
        var demands = await FilterAsync(query, cancellationToken);
        var total = await demands.CountAsync(cancellationToken);
        return new Paged<PhdDemandDto>(await DtosAsync(await demands.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken), cancellationToken), total);
    }

    public async Task<List<PhdDemandDto>> AllAsync(PhdDemandQuery query, CancellationToken cancellationToken = default) =>
        await DtosAsync(await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<PhdDemand>> FilterAsync(PhdDemandQuery query, CancellationToken cancellationToken)
    {
        ListFilters.CheckYear(query.Year);
        var demands = db.Set<PhdDemand>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            demands = demands.Where(d => d.Year == year);
        }
        if (query.List.Text is { } q)
        {
            var orgIds = (await organizations.SearchAsync(q, cancellationToken)).ToList();
            demands = demands.Where(d => d.Discipline.Contains(q) || d.Description.Contains(q) || orgIds.Contains(d.EnterpriseId));
        }
        return demands;
    }

    private async Task<List<PhdDemandDto>> DtosAsync(IReadOnlyList<PhdDemand> rows, CancellationToken cancellationToken)
    {
        await names.LoadAsync([], rows.Select(r => r.EnterpriseId), cancellationToken);
        return rows.Select(d => new PhdDemandDto(d.Id, d.EnterpriseId, names.Organization(d.EnterpriseId), d.RegionCode,
            names.Region(d.RegionCode), d.Year, d.Discipline, d.Headcount, d.Description)).ToList();
    }
}

internal static class PhdChecks
{
    public static NotFoundException NotFound() => new("博士档案不存在或不在您的数据范围内");

    public static RuleException Duplicate() => new("talent.duplicate-phd", "该博士已建档，请修改原档案");

    public static async Task<PhdFacts> ValidateAsync(KechuangDb db, TalentChecks checks, PhdInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = TalentRules.ValidatePhd(input, await checks.RegionExistsAsync(cancellationToken), errors);
        checks.RegionInScope(input.RegionCode, errors);
        await checks.PersonAsync("personId", input.PersonId, errors, cancellationToken);
        await checks.OrganizationAsync("institutionId", input.InstitutionId, OrganizationKind.Institution, errors, cancellationToken);
        errors.ThrowIfAny();
        if (await db.Set<PhdProfile>().IgnoreQueryFilters().AnyAsync(p => p.PersonId == facts!.PersonId && p.Id != self, cancellationToken))
        {
            throw Duplicate();
        }
        return facts!;
    }

    public static async Task<PhdDemandFacts> ValidateDemandAsync(TalentChecks checks, PhdDemandInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = TalentRules.ValidateDemand(input, await checks.RegionExistsAsync(cancellationToken), errors);
        checks.RegionInScope(input.RegionCode, errors);
        await checks.OrganizationAsync("enterpriseId", input.EnterpriseId, OrganizationKind.Enterprise, errors, cancellationToken);
        errors.ThrowIfAny();
        return facts!;
    }

    public static async Task<List<PhdDto>> DtosAsync(KechuangDb db, TalentNames names, IReadOnlyList<PhdProfile> rows, CancellationToken cancellationToken)
    {
        await names.LoadAsync(rows.Select(r => r.PersonId), rows.Select(r => r.InstitutionId), cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<PhdRecommendation>().AsNoTracking().Where(r => ids.Contains(r.PhdId)).GroupBy(r => r.PhdId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sees = db.User.SeesPersonalNumbers;
        return rows.Select(p => new PhdDto(p.Id, p.PersonId, names.Person(p.PersonId), p.InstitutionId, names.Organization(p.InstitutionId), p.RegionCode,
            names.Region(p.RegionCode), p.Discipline, p.TechFields, sees ? p.Phone : Masking.Phone(p.Phone), counts.GetValueOrDefault(p.Id))).ToList();
    }
}
