using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>An application as lists, the detail page, the API and the export show it.</summary>
public sealed record ApplicationDto(Guid Id, string Programme, string Level, string LevelName, Guid PersonId, string PersonName, Guid EmployerId,
    string EmployerName, string EmployerCreditCode, string RegionCode, string RegionName, int Year, DateOnly? RecommendedOn, string Result, string ResultName, DateOnly? DecidedOn,
    string? Note, DateTime CreatedAt);

/// <summary>The application list's filters: region and towns, year (申报年度), level, result.</summary>
public sealed record ApplicationQuery(string? RegionCode = null, int? Year = null, string? Level = null, string? Result = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Records a talent-programme application (推荐申报) within the caller's data scope.</summary>
public sealed class CreateApplicationHandler(KechuangDb db, TalentChecks checks, TalentProgrammes programmes)
{
    public async Task<Guid> HandleAsync(ApplicationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangeApplications);
        var facts = await ApplicationChecks.ValidateAsync(db, checks, programmes, input, null, cancellationToken);
        var application = new TalentApplication(facts, db.UtcNow);
        db.Add(application);
        await db.SaveUniqueAsync(() => TalentRules.DuplicateApplication(facts.Programme, facts.Year), cancellationToken);
        return application.Id;
    }
}

/// <summary>Changes an application's facts, its result included (the way to correct a result).</summary>
public sealed class UpdateApplicationHandler(KechuangDb db, TalentChecks checks, TalentProgrammes programmes)
{
    public async Task HandleAsync(Guid id, ApplicationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangeApplications);
        var application = await db.Set<TalentApplication>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw NotFound();
        var facts = await ApplicationChecks.ValidateAsync(db, checks, programmes, input, id, cancellationToken);
        application.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(() => TalentRules.DuplicateApplication(facts.Programme, facts.Year), cancellationToken);
    }

    internal static NotFoundException NotFound() => new("人才项目申报不存在或不在您的数据范围内");
}

/// <summary>Records the programme's answer to a pending application (获批 or 未获批, with its day).</summary>
public sealed class DecideApplicationHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DecisionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TalentPermissions.ChangeApplications);
        var application = await db.Set<TalentApplication>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw UpdateApplicationHandler.NotFound();
        var errors = new FieldErrors();
        var decision = TalentRules.ValidateDecision(input, application.RecommendedOn, db.Today(), errors);
        errors.ThrowIfAny();
        if (TalentRules.CheckDecision(application.Result, decision!.Value.Result) is { } broken)
        {
            throw broken;
        }
        application.Decide(decision.Value.Result, decision.Value.DecidedOn, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Applications within the caller's data scope; the page, the API and the export share it.</summary>
public sealed class ListApplicationsHandler(KechuangDb db, TalentNames names, IPersonDirectory people, IOrganizationDirectory organizations)
{
    internal static readonly SortMap<TalentApplication> Sorts = new SortMap<TalentApplication>(a => a.Id,
            a => a.OrderByDescending(x => x.Year).ThenByDescending(x => x.RecommendedOn).ThenBy(x => x.Programme))
        .Add("programme", a => a.Programme)
        .Add("levelName", a => a.Level)
        .Add("year", a => a.Year)
        .Add("recommendedOn", a => a.RecommendedOn)
        .Add("resultName", a => a.Result)
        .Add("decidedOn", a => a.DecidedOn)
        .Add("regionName", a => a.RegionCode);

    public async Task<Paged<ApplicationDto>> HandleAsync(ApplicationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<ApplicationDto>(await ApplicationDtos.ManyAsync(names, rows, cancellationToken), total);
    }

    public async Task<List<ApplicationDto>> AllAsync(ApplicationQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        return await ApplicationDtos.ManyAsync(names, rows, cancellationToken);
    }

    private async Task<IQueryable<TalentApplication>> FilterAsync(ApplicationQuery query, CancellationToken cancellationToken)
    {
        ListFilters.CheckYear(query.Year);
        var errors = new FieldErrors();
        var level = string.IsNullOrWhiteSpace(query.Level) ? null : errors.Enum("level", "项目级别", query.Level, TalentRules.LevelNames);
        var result = string.IsNullOrWhiteSpace(query.Result) ? null : errors.Enum("result", "评审结果", query.Result, TalentRules.ResultNames);
        errors.ThrowIfAny();
        var applications = db.Set<TalentApplication>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            applications = applications.Where(a => a.Year == year);
        }
        if (level is { } l)
        {
            applications = applications.Where(a => a.Level == l);
        }
        if (result is { } r)
        {
            applications = applications.Where(a => a.Result == r);
        }
        if (query.List.Text is { } q)
        {
            var personIds = (await people.SearchIdsAsync(q, cancellationToken)).ToList();
            var orgIds = (await organizations.SearchAsync(q, cancellationToken)).ToList();
            applications = applications.Where(a => a.Programme.Contains(q) || personIds.Contains(a.PersonId) || orgIds.Contains(a.EmployerId));
        }
        return applications;
    }
}

public sealed class GetApplicationHandler(KechuangDb db, TalentNames names)
{
    public async Task<ApplicationDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var application = await db.Set<TalentApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw UpdateApplicationHandler.NotFound();
        return (await ApplicationDtos.ManyAsync(names, [application], cancellationToken))[0];
    }
}

internal static class ApplicationChecks
{
    public static async Task<ApplicationFacts> ValidateAsync(KechuangDb db, TalentChecks checks, TalentProgrammes programmes, ApplicationInput input, Guid? self,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = TalentRules.ValidateApplication(input, programmes, await checks.RegionExistsAsync(cancellationToken), db.Today(), errors);
        checks.RegionInScope(input.RegionCode, errors);
        await checks.PersonAsync("personId", input.PersonId, errors, cancellationToken);
        await checks.OrganizationAsync("employerId", input.EmployerId, null, errors, cancellationToken);
        errors.ThrowIfAny();
        if (await db.Set<TalentApplication>().IgnoreQueryFilters().AnyAsync(a => a.PersonId == facts!.PersonId && a.Programme == facts.Programme
            && a.Year == facts.Year && a.Id != self, cancellationToken))
        {
            throw TalentRules.DuplicateApplication(facts!.Programme, facts.Year);
        }
        return facts!;
    }
}

internal static class ApplicationDtos
{
    public static async Task<List<ApplicationDto>> ManyAsync(TalentNames names, IReadOnlyList<TalentApplication> rows, CancellationToken cancellationToken)
    {
        await names.LoadAsync(rows.Select(r => r.PersonId), rows.Select(r => r.EmployerId), cancellationToken);
        return rows.Select(a => new ApplicationDto(a.Id, a.Programme, Kebab.From(a.Level), TalentRules.LevelNames[a.Level], a.PersonId, names.Person(a.PersonId),
            a.EmployerId, names.Organization(a.EmployerId), names.CreditCode(a.EmployerId), a.RegionCode, names.Region(a.RegionCode), a.Year, a.RecommendedOn, Kebab.From(a.Result),
            TalentRules.ResultNames[a.Result], a.DecidedOn, a.Note, a.CreatedAt)).ToList();
    }
}
