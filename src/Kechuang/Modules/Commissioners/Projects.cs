using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Commissioners;

public sealed record CommissionerProjectDto(Guid Id, Guid CommissionerId, string CommissionerName, string RegionCode, string RegionName,
    string Level, string LevelName, int Year, string Title, decimal? Funding, string? Goals, string? Results);

public sealed record ProjectQuery(string? Level = null, int? Year = null, string? RegionCode = null, Guid? CommissionerId = null, ListQuery? List = null, int? ToYear = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Registers a commissioner project (科技特派员项目) of one of the caller's commissioners.</summary>
public sealed class CreateCommissionerProjectHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.ChangeProjects);
        var (facts, commissioner) = await ProjectChecks.ValidateAsync(db, input, null, cancellationToken);
        var project = new CommissionerProject(facts, commissioner.RegionCode, db.UtcNow);
        db.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }
}

public sealed class UpdateCommissionerProjectHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, ProjectInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.ChangeProjects);
        var project = await db.Set<CommissionerProject>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("项目不存在或不在您的数据范围内");
        var (facts, commissioner) = await ProjectChecks.ValidateAsync(db, input, id, cancellationToken);
        project.Update(facts, commissioner.RegionCode, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class ProjectChecks
{
    public static async Task<(ProjectFacts Facts, Commissioner Commissioner)> ValidateAsync(KechuangDb db, ProjectInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = ProjectRules.Validate(input, errors);
        Commissioner? commissioner = null;
        if (input.CommissionerId is { } id)
        {
            commissioner = await db.Set<Commissioner>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (commissioner is null)
            {
                errors.Add("commissionerId", "科技特派员不存在或不在您的数据范围内");
            }
        }
        errors.ThrowIfAny();
        Check(facts!, commissioner!);
        if (await db.Set<CommissionerProject>().IgnoreQueryFilters().AnyAsync(p => p.Year == facts!.Year && p.Title == facts.Title && p.Id != self, cancellationToken))
        {
            throw new RuleException("commissioners.duplicate-project", $"{facts!.Year}年已有名为“{facts.Title}”的科技特派员项目");
        }
        return (facts!, commissioner!);
    }

    /// <summary>A project runs in a year of its commissioner's term (the rule the import shares).</summary>
    public static void Check(ProjectFacts facts, Commissioner commissioner)
    {
        if (facts.Year < commissioner.TermStart.Year || facts.Year > commissioner.TermEnd.Year)
        {
            throw new RuleException("commissioners.project-outside-term",
                $"立项年度{facts.Year}不在该特派员的派驻期（{commissioner.TermStart:yyyy-MM-dd}至{commissioner.TermEnd:yyyy-MM-dd}）内");
        }
    }
}

public sealed class ListCommissionerProjectsHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    internal static readonly SortMap<CommissionerProject> Sorts = new SortMap<CommissionerProject>(p => p.Id, p => p.OrderByDescending(x => x.Year).ThenBy(x => x.Title))
        .Add("year", p => p.Year)
        .Add("title", p => p.Title)
        .Add("levelName", p => p.Level)
        .Add("regionName", p => p.RegionCode)
        .Add("funding", p => p.FundingFen);

    public async Task<Paged<CommissionerProjectDto>> HandleAsync(ProjectQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<CommissionerProjectDto>(await ToDtosAsync(rows, cancellationToken), total);
    }

    public async Task<List<CommissionerProjectDto>> AllAsync(ProjectQuery query, CancellationToken cancellationToken = default) =>
        await ToDtosAsync(await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<CommissionerProject>> FilterAsync(ProjectQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<CommissionerProject>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(query.Level) && errors.Enum("level", "项目层级", query.Level, ProjectRules.LevelNames) is { } level)
        {
            rows = rows.Where(p => p.Level == level);
        }
        errors.ThrowIfAny();
        ListFilters.CheckYear(query.Year);
        ListFilters.CheckYear(query.ToYear, "toYear");
        if (query.Year is { } year)
        {
            // With toYear, the years from year to toYear (the letter counts 2022 to its date in 2023).
            var last = query.ToYear ?? year;
            rows = rows.Where(p => p.Year >= year && p.Year <= last);
        }
        if (query.CommissionerId is { } commissioner)
        {
            rows = rows.Where(p => p.CommissionerId == commissioner);
        }
        if (query.List.Text is { } q)
        {
            var persons = await people.SearchIdsAsync(q, cancellationToken);
            var ids = await db.Set<Commissioner>().AsNoTracking().Where(c => persons.Contains(c.PersonId)).Select(c => c.Id).ToListAsync(cancellationToken);
            rows = rows.Where(p => p.Title.Contains(q) || ids.Contains(p.CommissionerId));
        }
        return rows;
    }

    internal async Task<List<CommissionerProjectDto>> ToDtosAsync(IReadOnlyList<CommissionerProject> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var commissioners = await CommissionerDtos.ByIdAsync(db, directory, people, rows.Select(r => r.CommissionerId), cancellationToken);
        return rows.Select(p => new CommissionerProjectDto(p.Id, p.CommissionerId,
            commissioners.TryGetValue(p.CommissionerId, out var c) ? c.PersonName : "", p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode),
            Kebab.From(p.Level), ProjectRules.LevelNames[p.Level], p.Year, p.Title, p.FundingFen is { } fen ? Money.ToYuan(fen) : null, p.Goals, p.Results)).ToList();
    }
}

public sealed class GetCommissionerProjectHandler(KechuangDb db, ListCommissionerProjectsHandler list)
{
    public async Task<CommissionerProjectDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<CommissionerProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("项目不存在或不在您的数据范围内");
        return (await list.ToDtosAsync([row], cancellationToken))[0];
    }
}
