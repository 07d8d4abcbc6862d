using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// The project list's filters. With <paramref name="Year"/>, only projects that reported progress in that year, each with
/// its last report of the year (the records and values <c>carriers.project-progress</c> averages).
/// </summary>
public sealed record ProjectQuery(string? RegionCode = null, Guid? CarrierId = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>One milestone; every kind is listed, with empty dates when the project has not recorded it.</summary>
public sealed record MilestoneDto(string Kind, string KindName, DateOnly? PlannedOn, DateOnly? ActualOn);

public sealed record ProgressReportDto(Guid Id, string Month, decimal Percent, string? Note);

/// <summary>A project with its milestones and its latest progress (of the year asked, or of all).</summary>
public sealed record ProjectDto(Guid Id, string Name, string RegionCode, string RegionName, Guid? CarrierId, string? CarrierName,
    Guid? ParcelId, string? ParcelName, IReadOnlyList<MilestoneDto> Milestones, decimal? Progress, string? ProgressMonth, DateTime CreatedAt)
{
    /// <summary>The last milestone reached, for the list: 开工 2023-09-26.</summary>
    public string? Reached => Milestones.LastOrDefault(m => m.ActualOn is not null) is { } m ? $"{m.KindName} {m.ActualOn:yyyy-MM-dd}" : null;
}

public sealed class ListProjectsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<ConstructionProject> Sorts = new SortMap<ConstructionProject>(p => p.Id, p => p.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", p => p.Name)
        .Add("regionName", p => p.RegionCode)
        .Add("createdAt", p => p.CreatedAt);

    public async Task<Paged<ProjectDto>> HandleAsync(ProjectQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<ProjectDto>(await ProjectDtos.ManyAsync(db, directory, rows, query.Year, cancellationToken), total);
    }

    public async Task<List<ProjectDto>> AllAsync(ProjectQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        return await ProjectDtos.ManyAsync(db, directory, rows, query.Year, cancellationToken);
    }

    private IQueryable<ConstructionProject> Filter(ProjectQuery query)
    {
        var projects = db.Set<ConstructionProject>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            ListFilters.CheckYear(year);
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            projects = projects.Where(p => db.Set<ProgressReport>().Any(r => r.ProjectId == p.Id && r.Month >= from && r.Month < to));
        }
        if (query.CarrierId is { } carrier)
        {
            projects = projects.Where(p => p.CarrierId == carrier);
        }
        if (query.List.Text is { } q)
        {
            projects = projects.Where(p => p.Name.Contains(q));
        }
        return projects;
    }
}

public sealed class GetProjectHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<ProjectDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var project = await db.Set<ConstructionProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("建设项目不存在或不在您的数据范围内");
        return (await ProjectDtos.ManyAsync(db, directory, [project], null, cancellationToken))[0];
    }
}

/// <summary>A project's progress history, month by month (the chart and the table of the detail page).</summary>
public sealed class ListProgressReportsHandler(KechuangDb db)
{
    public async Task<Paged<ProgressReportDto>> HandleAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<ConstructionProject>().AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            throw new NotFoundException("建设项目不存在或不在您的数据范围内");
        }
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.Month).ToListAsync(cancellationToken);
        return new Paged<ProgressReportDto>(reports.Select(ProjectDtos.Report).ToList(), reports.Count);
    }
}

internal static class ProjectDtos
{
    public static ProgressReportDto Report(ProgressReport r) =>
        new(r.Id, r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Percent, r.Note);

    public static async Task<List<ProjectDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<ConstructionProject> rows, int? year,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var milestones = (await db.Set<ProjectMilestone>().AsNoTracking().Where(m => ids.Contains(m.ProjectId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.ProjectId);
        var reports = db.Set<ProgressReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId));
        if (year is { } y)
        {
            var end = new DateOnly(y + 1, 1, 1);
            reports = reports.Where(r => r.Month < end);
        }
        var latest = (await reports.ToListAsync(cancellationToken)).GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Month)!);
        var carrierIds = rows.Where(r => r.CarrierId is not null).Select(r => r.CarrierId!.Value).Distinct().ToList();
        var carriers = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Where(c => carrierIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var parcelIds = rows.Where(r => r.ParcelId is not null).Select(r => r.ParcelId!.Value).Distinct().ToList();
        var parcels = await db.Set<LandParcel>().IgnoreQueryFilters().AsNoTracking().Where(p => parcelIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return rows.Select(p =>
        {
            var recorded = milestones[p.Id].ToDictionary(m => m.Kind);
            var last = latest.GetValueOrDefault(p.Id);
            return new ProjectDto(p.Id, p.Name, p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode),
                p.CarrierId, p.CarrierId is { } c ? carriers.GetValueOrDefault(c) : null, p.ParcelId, p.ParcelId is { } l ? parcels.GetValueOrDefault(l) : null,
                ProjectRules.MilestoneNames.Select(k => recorded.TryGetValue(k.Key, out var m)
                    ? new MilestoneDto(Kebab.From(k.Key), k.Value, m.PlannedOn, m.ActualOn)
                    : new MilestoneDto(Kebab.From(k.Key), k.Value, null, null)).ToList(),
                last?.Percent, last is null ? null : Report(last).Month, p.CreatedAt);
        }).ToList();
    }
}
