using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>Records a construction project within the caller's data scope.</summary>
public sealed class CreateProjectHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeProjects);
        var facts = await ProjectChecks.ValidateAsync(db, directory, input, null, cancellationToken);
        var project = new ConstructionProject(facts, db.UtcNow);
        db.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }
}

/// <summary>Changes a project's facts; its milestones and reports follow it into a new region.</summary>
public sealed class UpdateProjectHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, ProjectInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeProjects);
        var project = await db.Set<ConstructionProject>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("建设项目不存在或不在您的数据范围内");
        var facts = await ProjectChecks.ValidateAsync(db, directory, input, id, cancellationToken);
        if (facts.RegionCode != project.RegionCode)
        {
            foreach (var milestone in await db.Set<ProjectMilestone>().Where(m => m.ProjectId == id).ToListAsync(cancellationToken))
            {
                milestone.MoveTo(facts.RegionCode);
            }
            foreach (var report in await db.Set<ProgressReport>().Where(r => r.ProjectId == id).ToListAsync(cancellationToken))
            {
                report.MoveTo(facts.RegionCode);
            }
        }
        project.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Sets a milestone's planned and actual days (recorded the first time, changed after), keeping the milestones in order.</summary>
public sealed class SaveProjectMilestoneHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid projectId, string? kind, MilestoneInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeProjects);
        var project = await db.Set<ConstructionProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("建设项目不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var milestoneKind = errors.Enum("kind", "里程碑", kind, ProjectRules.MilestoneNames);
        var dates = ProjectRules.ValidateMilestone(input, db.Today(), errors);
        errors.ThrowIfAny();
        var milestones = await db.Set<ProjectMilestone>().Where(m => m.ProjectId == projectId).ToListAsync(cancellationToken);
        var after = milestones.ToDictionary(m => m.Kind, m => new MilestoneDates(m.PlannedOn, m.ActualOn));
        after[milestoneKind!.Value] = dates!;
        if (ProjectRules.CheckOrder(after) is { } broken)
        {
            throw broken;
        }
        if (milestoneKind == MilestoneKind.Groundbreaking)
        {
            var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.ProjectId == projectId)
                .Select(r => new { r.Month, r.Percent }).ToListAsync(cancellationToken);
            if (ProjectRules.CheckStart(dates!.ActualOn, reports.Select(r => (r.Month, r.Percent))) is { } early)
            {
                throw early;
            }
        }
        if (milestones.FirstOrDefault(m => m.Kind == milestoneKind) is { } existing)
        {
            existing.Set(dates!, db.UtcNow);
        }
        else
        {
            db.Add(new ProjectMilestone(project.Id, project.RegionCode, milestoneKind.Value, dates!, db.UtcNow));
        }
        await db.SaveUniqueAsync(() => ProjectRules.MilestoneSavedMeanwhile(milestoneKind.Value), cancellationToken);
    }
}

/// <summary>Files a month's 工程形象进度 for a project.</summary>
public sealed class AddProgressReportHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid projectId, ProgressInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CarriersPermissions.ChangeProjects);
        var project = await db.Set<ConstructionProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("建设项目不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var (month, percent, note) = ProjectRules.ValidateProgress(input, db.Today(), errors);
        errors.ThrowIfAny();
        var history = (await db.Set<ProgressReport>().AsNoTracking().Where(r => r.ProjectId == projectId)
            .Select(r => new { r.Month, r.Percent }).ToListAsync(cancellationToken)).Select(r => (r.Month, r.Percent)).ToList();
        var groundbreaking = await db.Set<ProjectMilestone>().AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.Kind == MilestoneKind.Groundbreaking).Select(m => m.ActualOn).FirstOrDefaultAsync(cancellationToken);
        if (ProjectRules.CheckProgress(month!.Value, percent!.Value, history, groundbreaking) is { } broken)
        {
            throw broken;
        }
        var report = new ProgressReport(project.Id, project.RegionCode, month.Value, percent.Value, note, db.UtcNow);
        db.Add(report);
        await db.SaveUniqueAsync(() => ProjectRules.MonthExists(month.Value), cancellationToken);
        return report.Id;
    }
}

/// <summary>The parcels a project form offers: those in the caller's scope, by name.</summary>
public sealed class ListParcelOptionsHandler(KechuangDb db)
{
    public async Task<IReadOnlyList<(Guid Id, string Name)>> HandleAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<LandParcel>().AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();
}

internal static class ProjectChecks
{
    public static async Task<ProjectFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, ProjectInput input, Guid? self, CancellationToken cancellationToken)
    {
        var regions = (await directory.RegionNamesAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var errors = new FieldErrors();
        var facts = ProjectRules.Validate(input, regions.Contains, errors);
        if (facts?.RegionCode is { } region && !db.User.Scope.Covers(region))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        if (input.CarrierId is { } carrierId && !await db.Set<Carrier>().AnyAsync(c => c.Id == carrierId, cancellationToken))
        {
            errors.Add("carrierId", "建设载体不存在或不在您的数据范围内");
        }
        if (input.ParcelId is { } parcelId && !await db.Set<LandParcel>().AnyAsync(p => p.Id == parcelId, cancellationToken))
        {
            errors.Add("parcelId", "所在地块不存在或不在您的数据范围内");
        }
        errors.ThrowIfAny();
        var county = facts!.RegionCode[..Math.Min(6, facts.RegionCode.Length)];
        if (await db.Set<ConstructionProject>().IgnoreQueryFilters().AnyAsync(p => p.Name == facts.Name && p.RegionCode.StartsWith(county) && p.Id != self, cancellationToken))
        {
            throw new RuleException("carriers.duplicate-project-name", $"本县（市、区）已有名为“{facts.Name}”的建设项目");
        }
        return facts;
    }
}
