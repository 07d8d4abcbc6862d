using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>A recommendation as shown, with the PhD's name and institution and the placement's state.</summary>
public sealed record PhdRecommendationDto(Guid Id, Guid PhdId, string PhdName, string InstitutionName, string Discipline, Guid EnterpriseId,
    string EnterpriseName, string EnterpriseCreditCode, Guid? DemandId, string RegionCode, string RegionName, int Year, DateOnly ReportedOn,
    DateOnly? StartedOn, DateOnly? EndedOn, string PlacementName, string? Note);

public sealed record PhdRecommendationQuery(string? RegionCode = null, int? Year = null, Guid? PhdId = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Records a PhD recommended to an enterprise (百博入企推荐上报).</summary>
public sealed class CreatePhdRecommendationHandler(KechuangDb db, TalentChecks checks)
{
    public async Task<Guid> HandleAsync(PhdRecommendationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangePhds);
        var facts = await RecommendationChecks.ValidateAsync(db, checks, input, null, cancellationToken);
        var recommendation = new PhdRecommendation(facts, db.UtcNow);
        db.Add(recommendation);
        await db.SaveUniqueAsync(() => TalentRules.DuplicateRecommendation(facts.Year), cancellationToken);
        return recommendation.Id;
    }
}

/// <summary>Changes a recommendation, its placement's start and end included.</summary>
public sealed class UpdatePhdRecommendationHandler(KechuangDb db, TalentChecks checks)
{
    public async Task HandleAsync(Guid id, PhdRecommendationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangePhds);
        var recommendation = await db.Set<PhdRecommendation>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw RecommendationChecks.NotFound();
        var facts = await RecommendationChecks.ValidateAsync(db, checks, input, id, cancellationToken);
        recommendation.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(() => TalentRules.DuplicateRecommendation(facts.Year), cancellationToken);
    }
}

public sealed class ListPhdRecommendationsHandler(KechuangDb db, TalentNames names, IPersonDirectory people, IOrganizationDirectory organizations)
{
    internal static readonly SortMap<PhdRecommendation> Sorts = new SortMap<PhdRecommendation>(r => r.Id,
            r => r.OrderByDescending(x => x.Year).ThenBy(x => x.ReportedOn))
        .Add("year", r => r.Year)
        .Add("reportedOn", r => r.ReportedOn)
        .Add("startedOn", r => r.StartedOn)
        .Add("regionName", r => r.RegionCode);

    public async Task<Paged<PhdRecommendationDto>> HandleAsync(PhdRecommendationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<PhdRecommendationDto>(await RecommendationChecks.DtosAsync(db, names, rows, cancellationToken), total);
    }

    public async Task<List<PhdRecommendationDto>> AllAsync(PhdRecommendationQuery query, CancellationToken cancellationToken = default) =>
        await RecommendationChecks.DtosAsync(db, names,
            await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<PhdRecommendation>> FilterAsync(PhdRecommendationQuery query, CancellationToken cancellationToken)
    {
        ListFilters.CheckYear(query.Year);
        var recommendations = db.Set<PhdRecommendation>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            recommendations = recommendations.Where(r => r.Year == year);
        }
        if (query.PhdId is { } phd)
        {
            recommendations = recommendations.Where(r => r.PhdId == phd);
        }
        if (query.List.Text is { } q)
        {
            var personIds = (await people.SearchIdsAsync(q, cancellationToken)).ToList();
            var orgIds = (await organizations.SearchAsync(q, cancellationToken)).ToList();
            var phds = db.Set<PhdProfile>().Where(p => personIds.Contains(p.PersonId) || p.Discipline.Contains(q) || orgIds.Contains(p.InstitutionId)).Select(p => p.Id);
            recommendations = recommendations.Where(r => phds.Contains(r.PhdId) || orgIds.Contains(r.EnterpriseId));
        }
        return recommendations;
    }
}

public sealed class GetPhdRecommendationHandler(KechuangDb db, TalentNames names)
{
    public async Task<PhdRecommendationDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<PhdRecommendation>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw RecommendationChecks.NotFound();
        return (await RecommendationChecks.DtosAsync(db, names, [row], cancellationToken))[0];
    }
}

internal static class RecommendationChecks
{
    public static NotFoundException NotFound() => new("百博入企推荐记录不存在或不在您的数据范围内");

    public static async Task<PhdRecommendationFacts> ValidateAsync(KechuangDb db, TalentChecks checks, PhdRecommendationInput input, Guid? self,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = TalentRules.ValidateRecommendation(input, await checks.RegionExistsAsync(cancellationToken), db.Today(), errors);
        checks.RegionInScope(input.RegionCode, errors);
        if (input.PhdId is { } phdId && !await db.Set<PhdProfile>().AnyAsync(p => p.Id == phdId, cancellationToken))
        {
            errors.Add("phdId", "博士档案不存在或不在您的数据范围内");
        }
        await checks.OrganizationAsync("enterpriseId", input.EnterpriseId, OrganizationKind.Enterprise, errors, cancellationToken);
        if (input.DemandId is { } demandId && !await db.Set<PhdDemand>().AnyAsync(d => d.Id == demandId && d.EnterpriseId == input.EnterpriseId, cancellationToken))
        {
            errors.Add("demandId", "所选博士需求不存在或不是该企业的需求");
        }
        errors.ThrowIfAny();
        if (await db.Set<PhdRecommendation>().IgnoreQueryFilters().AnyAsync(r => r.PhdId == facts!.PhdId && r.EnterpriseId == facts.EnterpriseId
            && r.Year == facts.Year && r.Id != self, cancellationToken))
        {
            throw TalentRules.DuplicateRecommendation(facts!.Year);
        }
        return facts!;
    }

    public static async Task<List<PhdRecommendationDto>> DtosAsync(KechuangDb db, TalentNames names,
        IReadOnlyList<PhdRecommendation> rows, CancellationToken cancellationToken)
    {
        var phdIds = rows.Select(r => r.PhdId).Distinct().ToList();
        // A recommendation the viewer sees names its PhD even when the profile is kept by another county.
        var phds = await db.Set<PhdProfile>().IgnoreQueryFilters().AsNoTracking().Where(p => phdIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        await names.LoadAsync(phds.Values.Select(p => p.PersonId), rows.Select(r => r.EnterpriseId).Concat(phds.Values.Select(p => p.InstitutionId)), cancellationToken);
        var today = db.Today();
        return rows.Select(r =>
        {
            var phd = phds.GetValueOrDefault(r.PhdId);
            return new PhdRecommendationDto(r.Id, r.PhdId, phd is null ? "（未知博士）" : names.Person(phd.PersonId), phd is null ? "" : names.Organization(phd.InstitutionId),
                phd?.Discipline ?? "", r.EnterpriseId, names.Organization(r.EnterpriseId), names.CreditCode(r.EnterpriseId),
                r.DemandId, r.RegionCode, names.Region(r.RegionCode), r.Year, r.ReportedOn, r.StartedOn, r.EndedOn, Placement(r, today), r.Note);
        }).ToList();
    }

    private static string Placement(PhdRecommendation r, DateOnly today) => r.StartedOn switch
    {
        null => "已推荐",
        _ when r.EndedOn is { } ended && ended < today => "已离企",
        _ => "在企服务",
    };
}
