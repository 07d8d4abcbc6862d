using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>An introduced talent as shown.</summary>
public sealed record IntroductionDto(Guid Id, Guid PersonId, string PersonName, string Degree, string DegreeName, Guid EmployerId, string EmployerName,
    string RegionCode, string RegionName, DateOnly IntroducedOn, string? Discipline, string? Note);

public sealed record IntroductionQuery(string? RegionCode = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Records a talent with a doctorate or above introduced to an employer of the region (引进博士及以上人才).</summary>
public sealed class CreateIntroductionHandler(KechuangDb db, TalentChecks checks)
{
    public async Task<Guid> HandleAsync(IntroductionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangeIntroductions);
        var facts = await IntroductionChecks.ValidateAsync(db, checks, input, null, cancellationToken);
        var introduction = new TalentIntroduction(facts, db.UtcNow);
        db.Add(introduction);
        await db.SaveUniqueAsync(TalentRules.DuplicateIntroduction, cancellationToken);
        return introduction.Id;
    }
}

public sealed class UpdateIntroductionHandler(KechuangDb db, TalentChecks checks)
{
    public async Task HandleAsync(Guid id, IntroductionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangeIntroductions);
        var introduction = await db.Set<TalentIntroduction>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw IntroductionChecks.NotFound();
        var facts = await IntroductionChecks.ValidateAsync(db, checks, input, id, cancellationToken);
        introduction.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(TalentRules.DuplicateIntroduction, cancellationToken);
    }
}

/// <summary>Introduced talents in the caller's scope; with a year, those introduced in it (what talent.introduced-phds counts).</summary>
public sealed class ListIntroductionsHandler(KechuangDb db, TalentNames names, IPersonDirectory people, IOrganizationDirectory organizations)
{
    internal static readonly SortMap<TalentIntroduction> Sorts = new SortMap<TalentIntroduction>(i => i.Id, i => i.OrderByDescending(x => x.IntroducedOn))
        .Add("introducedOn", i => i.IntroducedOn)
        .Add("degreeName", i => i.Degree)
        .Add("regionName", i => i.RegionCode);

    public async Task<Paged<IntroductionDto>> HandleAsync(IntroductionQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await FilterAsync(query, cancellationToken);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<IntroductionDto>(await IntroductionChecks.DtosAsync(names, page, cancellationToken), total);
    }

    public async Task<List<IntroductionDto>> AllAsync(IntroductionQuery query, CancellationToken cancellationToken = default) =>
        await IntroductionChecks.DtosAsync(names, await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<TalentIntroduction>> FilterAsync(IntroductionQuery query, CancellationToken cancellationToken)
    {
        ListFilters.CheckYear(query.Year);
        var rows = db.Set<TalentIntroduction>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            rows = rows.Where(i => i.IntroducedOn >= from && i.IntroducedOn < to);
        }
        if (query.List.Text is { } q)
        {
            var personIds = (await people.SearchIdsAsync(q, cancellationToken)).ToList();
            var orgIds = (await organizations.SearchAsync(q, cancellationToken)).ToList();
            rows = rows.Where(i => personIds.Contains(i.PersonId) || orgIds.Contains(i.EmployerId) || (i.Discipline != null && i.Discipline.Contains(q)));
        }
        return rows;
    }
}

public sealed class GetIntroductionHandler(KechuangDb db, TalentNames names)
{
    public async Task<IntroductionDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<TalentIntroduction>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw IntroductionChecks.NotFound();
        return (await IntroductionChecks.DtosAsync(names, [row], cancellationToken))[0];
    }
}

internal static class IntroductionChecks
{
    public static NotFoundException NotFound() => new("引进人才记录不存在或不在您的数据范围内");

    public static async Task<IntroductionFacts> ValidateAsync(KechuangDb db, TalentChecks checks, IntroductionInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = TalentRules.ValidateIntroduction(input, await checks.RegionExistsAsync(cancellationToken), db.Today(), errors);
        checks.RegionInScope(input.RegionCode, errors);
        await checks.PersonAsync("personId", input.PersonId, errors, cancellationToken);
        await checks.OrganizationAsync("employerId", input.EmployerId, null, errors, cancellationToken);
        errors.ThrowIfAny();
        if (await db.Set<TalentIntroduction>().IgnoreQueryFilters().AnyAsync(i => i.PersonId == facts!.PersonId && i.EmployerId == facts.EmployerId && i.Id != self,
            cancellationToken))
        {
            throw TalentRules.DuplicateIntroduction();
        }
        return facts!;
    }

    public static async Task<List<IntroductionDto>> DtosAsync(TalentNames names, IReadOnlyList<TalentIntroduction> rows, CancellationToken cancellationToken)
    {
        await names.LoadAsync(rows.Select(r => r.PersonId), rows.Select(r => r.EmployerId), cancellationToken);
        return rows.Select(i => new IntroductionDto(i.Id, i.PersonId, names.Person(i.PersonId), Kebab.From(i.Degree), TalentRules.DegreeNames[i.Degree], i.EmployerId,
            names.Organization(i.EmployerId), i.RegionCode, names.Region(i.RegionCode), i.IntroducedOn, i.Discipline, i.Note)).ToList();
    }
}
