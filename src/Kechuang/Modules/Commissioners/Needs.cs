using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Commissioners;

public sealed record NeedDto(Guid Id, DateOnly SurveyedOn, string RegionCode, string RegionName, Guid? EnterpriseId, string? EnterpriseName,
    string Industry, string Need, string Status, string StatusName, Guid? CommissionerId, string? CommissionerName);

public sealed record NeedQuery(string? Status = null, string? RegionCode = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Records a need surveyed (需求摸底) in a town of the caller's scope.</summary>
public sealed class CreateNeedHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(NeedInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.ChangeNeeds);
        var facts = await NeedChecks.ValidateAsync(db, directory, input, cancellationToken);
        var need = new NeedsSurvey(facts, db.UtcNow);
        db.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        return need.Id;
    }
}

/// <summary>Changes a surveyed need (its status as it is matched and resolved); a resolved need is closed.</summary>
public sealed class UpdateNeedHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, NeedInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.ChangeNeeds);
        var need = await db.Set<NeedsSurvey>().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("需求不存在或不在您的数据范围内");
        if (need.Status == NeedStatus.Resolved)
        {
            throw new RuleException("commissioners.need-resolved", "该需求已解决，不能再修改");
        }
        var facts = await NeedChecks.ValidateAsync(db, directory, input, cancellationToken);
        need.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class NeedChecks
{
    public static async Task<NeedFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, NeedInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = NeedRules.Validate(input, await CommissionerQueries.TownsAsync(directory, cancellationToken), db.Today(), errors);
        if (facts?.RegionCode is { } region && !db.User.Scope.Covers(region))
        {
            errors.Add("regionCode", "该乡镇（街道）不在您的数据范围内");
        }
        if (input.EnterpriseId is { } enterprise && await directory.FindAsync(enterprise, cancellationToken) is null)
        {
            errors.Add("enterpriseId", "企业不存在或不在您的数据范围内");
        }
        if (input.CommissionerId is { } commissioner && !await db.Set<Commissioner>().AnyAsync(c => c.Id == commissioner, cancellationToken))
        {
            errors.Add("commissionerId", "科技特派员不存在或不在您的数据范围内");
        }
        errors.ThrowIfAny();
        return facts!;
    }
}

public sealed class ListNeedsHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    internal static readonly SortMap<NeedsSurvey> Sorts = new SortMap<NeedsSurvey>(n => n.Id, n => n.OrderByDescending(x => x.SurveyedOn))
        .Add("surveyedOn", n => n.SurveyedOn)
        .Add("regionName", n => n.RegionCode)
        .Add("industry", n => n.Industry)
        .Add("statusName", n => n.Status);

    public async Task<Paged<NeedDto>> HandleAsync(NeedQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<NeedDto>(await ToDtosAsync(rows, cancellationToken), total);
    }

    public async Task<List<NeedDto>> AllAsync(NeedQuery query, CancellationToken cancellationToken = default) =>
        await ToDtosAsync(await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<NeedsSurvey>> FilterAsync(NeedQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<NeedsSurvey>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(query.Status) && errors.Enum("status", "对接状态", query.Status, NeedRules.StatusNames) is { } status)
        {
            rows = rows.Where(n => n.Status == status);
        }
        errors.ThrowIfAny();
        if (query.Year is { } year)
        {
            ListFilters.CheckYear(year);
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            rows = rows.Where(n => n.SurveyedOn >= from && n.SurveyedOn < to);
        }
        if (query.List.Text is { } q)
        {
            var enterprises = await directory.SearchAsync(q, cancellationToken);
            rows = rows.Where(n => n.Need.Contains(q) || n.Industry.Contains(q) || (n.EnterpriseId != null && enterprises.Contains(n.EnterpriseId.Value)));
        }
        return rows;
    }

    internal async Task<List<NeedDto>> ToDtosAsync(IReadOnlyList<NeedsSurvey> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var enterprises = await directory.NamesAnywhereAsync(rows.Where(r => r.EnterpriseId is not null).Select(r => r.EnterpriseId!.Value), cancellationToken);
        var commissioners = await CommissionerDtos.ByIdAsync(db, directory, people, rows.Where(r => r.CommissionerId is not null).Select(r => r.CommissionerId!.Value), cancellationToken);
        return rows.Select(n => new NeedDto(n.Id, n.SurveyedOn, n.RegionCode, regions.GetValueOrDefault(n.RegionCode, n.RegionCode),
            n.EnterpriseId, n.EnterpriseId is { } e ? enterprises.GetValueOrDefault(e) : null, n.Industry, n.Need,
            Kebab.From(n.Status), NeedRules.StatusNames[n.Status], n.CommissionerId,
            n.CommissionerId is { } c && commissioners.TryGetValue(c, out var dto) ? dto.PersonName : null)).ToList();
    }
}

public sealed class GetNeedHandler(KechuangDb db, ListNeedsHandler list)
{
    public async Task<NeedDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<NeedsSurvey>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("需求不存在或不在您的数据范围内");
        return (await list.ToDtosAsync([row], cancellationToken))[0];
    }
}

/// <summary>The enterprises of the caller's scope a need may come from.</summary>
public sealed class ListNeedEnterprisesHandler(IOrganizationDirectory directory)
{
    public Task<IReadOnlyList<OrganizationInfo>> HandleAsync(CancellationToken cancellationToken = default) =>
        directory.ListAsync(OrganizationKind.Enterprise, cancellationToken);
}
