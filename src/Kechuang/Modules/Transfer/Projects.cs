using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

public sealed record ProjectDto(Guid Id, string Name, Guid InstitutionId, string InstitutionName, Guid? EnterpriseId, string? EnterpriseName, string RegionCode, string RegionName,
    DateOnly ApprovedOn, bool IsMajor, decimal? Funding, string? FundingText, string? Note);

/// <summary>Institute–county projects approved in [from, to), only 重大 ones with <paramref name="Major"/>: the records of the two project indicators.</summary>
public sealed record ProjectQuery(string? RegionCode = null, DateOnly? From = null, DateOnly? To = null, bool? Major = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed class CreateInstituteProjectHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeProjects);
        var facts = await ProjectChecks.ValidateAsync(db, directory, input, cancellationToken);
        var project = new InstituteCountyProject(facts, db.UtcNow);
        db.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }
}

public sealed class UpdateInstituteProjectHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, ProjectInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeProjects);
        var project = await db.Set<InstituteCountyProject>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("院县合作项目不存在或不在您的数据范围内");
        project.Update(await ProjectChecks.ValidateAsync(db, directory, input, cancellationToken), db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class ProjectChecks
{
    public static async Task<ProjectFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, ProjectInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = ProjectRules.Validate(input, await TransferQueries.RegionExistsAsync(directory, cancellationToken), db.Today(), errors);
        TransferQueries.CheckScope(db, facts?.RegionCode, "regionCode", errors);
        await TransferQueries.InstitutionAsync(directory, input.InstitutionId, "institutionId", errors, cancellationToken);
        if (input.EnterpriseId is { } enterprise && await directory.FindAsync(enterprise, cancellationToken) is not { Kind: OrganizationKind.Enterprise })
        {
            errors.Add("enterpriseId", "合作企业不存在或不在您的数据范围内");
        }
        errors.ThrowIfAny();
        return facts!;
    }
}

public sealed class ListInstituteProjectsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<InstituteCountyProject> Sorts = new SortMap<InstituteCountyProject>(p => p.Id, p => p.OrderByDescending(x => x.ApprovedOn))
        .Add("approvedOn", p => p.ApprovedOn)
        .Add("name", p => p.Name)
        .Add("isMajor", p => p.IsMajor);

    public async Task<Paged<ProjectDto>> HandleAsync(ProjectQuery query, CancellationToken cancellationToken = default)
    {
        var rows = Filter(query);
        var total = await rows.CountAsync(cancellationToken);
        return new Paged<ProjectDto>(await DtosAsync(await rows.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken), cancellationToken), total);
    }

    public async Task<List<ProjectDto>> AllAsync(ProjectQuery query, CancellationToken cancellationToken = default) =>
        await DtosAsync(await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<InstituteCountyProject> Filter(ProjectQuery query)
    {
        TransferQueries.CheckRange(query.From, query.To);
        var rows = db.Set<InstituteCountyProject>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.From is { } from)
        {
            rows = rows.Where(p => p.ApprovedOn >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(p => p.ApprovedOn < to);
        }
        if (query.Major is { } major)
        {
            rows = rows.Where(p => p.IsMajor == major);
        }
        if (query.List.Text is { } q)
        {
            rows = rows.Where(p => p.Name.Contains(q));
        }
        return rows;
    }

    private Task<List<ProjectDto>> DtosAsync(IReadOnlyList<InstituteCountyProject> page, CancellationToken cancellationToken) =>
        ProjectDtos.ManyAsync(directory, page, cancellationToken);
}

/// <summary>One project, as its edit form starts from.</summary>
public sealed class GetInstituteProjectHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<ProjectDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var project = await db.Set<InstituteCountyProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("院县合作项目不存在或不在您的数据范围内");
        return (await ProjectDtos.ManyAsync(directory, [project], cancellationToken))[0];
    }
}

internal static class ProjectDtos
{
    public static async Task<List<ProjectDto>> ManyAsync(IOrganizationDirectory directory, IReadOnlyList<InstituteCountyProject> page, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var names = await directory.NamesAnywhereAsync(page.Select(p => p.InstitutionId).Concat(page.Where(p => p.EnterpriseId != null).Select(p => p.EnterpriseId!.Value)).Distinct(), cancellationToken);
        return page.Select(p => new ProjectDto(p.Id, p.Name, p.InstitutionId, names.GetValueOrDefault(p.InstitutionId, ""), p.EnterpriseId,
            p.EnterpriseId is { } e ? names.GetValueOrDefault(e) : null, p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode), p.ApprovedOn, p.IsMajor,
            p.FundingFen is { } f ? Money.ToYuan(f) : null, p.FundingFen is { } t ? Money.Format(t) : null, p.Note)).ToList();
    }
}
