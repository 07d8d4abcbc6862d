using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

public sealed record DemandDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string CreditCode, string RegionCode, string RegionName, string Kind, string KindName,
    string Title, string? Description, string? Field, decimal? Budget, string? BudgetText, DateOnly? Deadline, DateOnly CollectedOn, Guid? CampaignId, string? CampaignName,
    bool PostedByEnterprise, string Status, string StatusName, int CooperationCount, DateTime CreatedAt)
{
    public string SourceName => CampaignName is { } c ? $"需求征集：{c}" : PostedByEnterprise ? "企业自行发布" : "走访登记";
}

/// <summary>The demand list's filters; [from, to) on the collection day: the records of transfer.demands-collected.</summary>
public sealed record DemandQuery(string? RegionCode = null, string? Status = null, string? Kind = null, Guid? CampaignId = null, Guid? EnterpriseId = null,
    DateOnly? From = null, DateOnly? To = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed record CampaignDto(Guid Id, string Name, string RegionCode, DateOnly StartsOn, DateOnly? EndsOn, int DemandCount);

/// <summary>Registers a demand: staff for any enterprise in their scope, an enterprise account only for itself (posted by the enterprise).</summary>
public sealed class CreateDemandHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(DemandInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.CreateDemands);
        var (facts, enterprise) = await DemandChecks.ValidateAsync(db, directory, input, cancellationToken);
        var demand = new Demand(enterprise.Id, enterprise.RegionCode, facts, db.User.Scope.OrganizationId is not null, db.UtcNow);
        db.Add(demand);
        await db.SaveChangesAsync(cancellationToken);
        return demand.Id;
    }
}

/// <summary>Changes a demand that is not closed; its enterprise stays.</summary>
public sealed class UpdateDemandHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, DemandInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeDemands);
        var demand = await db.Set<Demand>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("需求不存在或不在您的数据范围内");
        var (facts, _) = await DemandChecks.ValidateAsync(db, directory, input with { EnterpriseId = demand.OrganizationId }, cancellationToken);
        if (DemandRules.CheckEditable(demand.Status) is { } closed)
        {
            throw closed;
        }
        demand.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Moves a demand to another state (对接, 合作, 关闭) as <see cref="DemandRules.CanMove"/> allows.</summary>
public sealed class UpdateDemandStatusHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, DemandStatusInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.MoveDemands);
        var demand = await db.Set<Demand>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("需求不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var status = errors.Enum("status", "需求状态", input.Status, DemandRules.StatusNames);
        errors.ThrowIfAny();
        if (DemandRules.CheckMove(demand.Status, status!.Value) is { } wrong)
        {
            throw wrong;
        }
        demand.MoveTo(status.Value, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class DemandChecks
{
    public static async Task<(DemandFacts Facts, OrganizationInfo Enterprise)> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, DemandInput input,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = DemandRules.Validate(input, db.Today(), errors);
        // An enterprise account posts for itself, whatever the body says.
        var enterpriseId = db.User.Scope.OrganizationId ?? input.EnterpriseId;
        OrganizationInfo? enterprise = null;
        if (enterpriseId is null)
        {
            errors.Add("enterpriseId", "请选择提出需求的企业");
        }
        else
        {
            enterprise = await directory.FindAsync(enterpriseId.Value, cancellationToken);
            if (enterprise is null)
            {
                errors.Add("enterpriseId", "企业不存在或不在您的数据范围内");
            }
            else if (enterprise.Kind != OrganizationKind.Enterprise)
            {
                errors.Add("enterpriseId", $"{enterprise.Name} 不是企业");
            }
        }
        if (input.CampaignId is { } campaign && !await db.Set<DemandCampaign>().AnyAsync(c => c.Id == campaign, cancellationToken))
        {
            errors.Add("campaignId", "需求征集不存在或不在您的数据范围内");
        }
        errors.ThrowIfAny();
        return (facts!, enterprise!);
    }
}

public sealed class ListDemandsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<Demand> Sorts = new SortMap<Demand>(d => d.Id, d => d.OrderByDescending(x => x.CollectedOn))
        .Add("collectedOn", d => d.CollectedOn)
        .Add("title", d => d.Title)
        .Add("statusName", d => d.Status)
        .Add("kindName", d => d.Kind)
        .Add("deadline", d => d.Deadline)
        .Add("budget", d => d.BudgetFen);

    public async Task<Paged<DemandDto>> HandleAsync(DemandQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<DemandDto>(await DemandDtos.ManyAsync(db, directory, rows, cancellationToken), total);
    }

    public async Task<List<DemandDto>> AllAsync(DemandQuery query, CancellationToken cancellationToken = default) =>
        await DemandDtos.ManyAsync(db, directory, await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<Demand>> FilterAsync(DemandQuery query, CancellationToken cancellationToken)
    {
        TransferQueries.CheckRange(query.From, query.To);
        var demands = db.Set<Demand>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : errors.Enum("status", "需求状态", query.Status, DemandRules.StatusNames);
        var kind = string.IsNullOrWhiteSpace(query.Kind) ? null : errors.Enum("kind", "需求类型", query.Kind, DemandRules.KindNames);
        errors.ThrowIfAny();
        if (status is { } s)
        {
            demands = demands.Where(d => d.Status == s);
        }
        if (kind is { } k)
        {
            demands = demands.Where(d => d.Kind == k);
        }
        if (query.CampaignId is { } campaign)
        {
            demands = demands.Where(d => d.CampaignId == campaign);
        }
        if (query.EnterpriseId is { } enterprise)
        {
            demands = demands.Where(d => d.OrganizationId == enterprise);
        }
        if (query.From is { } from)
        {
            demands = demands.Where(d => d.CollectedOn >= from);
        }
        if (query.To is { } to)
        {
            demands = demands.Where(d => d.CollectedOn < to);
        }
        if (query.List.Text is { } q)
        {
            var enterprises = await directory.SearchAsync(q, cancellationToken);
            demands = demands.Where(d => d.Title.Contains(q) || (d.Field != null && d.Field.Contains(q))
                || (d.OrganizationId != null && enterprises.Contains(d.OrganizationId.Value)));
        }
        return demands;
    }
}

public sealed class GetDemandHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<DemandDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var demand = await db.Set<Demand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("需求不存在或不在您的数据范围内");
        return (await DemandDtos.ManyAsync(db, directory, [demand], cancellationToken))[0];
    }
}

/// <summary>Opens a demand campaign (需求征集) of a county.</summary>
public sealed class CreateCampaignHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(CampaignInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.MoveDemands);
        var errors = new FieldErrors();
        var name = errors.Text("name", "征集名称", input.Name, DemandRules.CampaignNameMax);
        var region = TransferText.Region(input.RegionCode, "regionCode", "征集地区", await TransferQueries.RegionExistsAsync(directory, cancellationToken), errors);
        TransferQueries.CheckScope(db, region, "regionCode", errors);
        if (input.StartsOn is null)
        {
            errors.Add("startsOn", "请填写征集开始日期");
        }
        else if (input.EndsOn is { } ends && ends < input.StartsOn)
        {
            errors.Add("endsOn", "征集截止日期不能早于开始日期");
        }
        errors.ThrowIfAny();
        var campaign = new DemandCampaign(name, region, input.StartsOn!.Value, input.EndsOn, db.UtcNow);
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign.Id;
    }
}

public sealed class ListCampaignsHandler(KechuangDb db)
{
    public async Task<Paged<CampaignDto>> HandleAsync(string? regionCode, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<DemandCampaign>().AsNoTracking().UnderRegion(regionCode).OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<Demand>().AsNoTracking().Where(d => d.CampaignId != null && ids.Contains(d.CampaignId.Value)).GroupBy(d => d.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        return new Paged<CampaignDto>(rows.Select(c => new CampaignDto(c.Id, c.Name, c.RegionCode, c.StartsOn, c.EndsOn, counts.GetValueOrDefault(c.Id))).ToList(), rows.Count);
    }
}

internal static class DemandDtos
{
    public static async Task<List<DemandDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<Demand> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var enterprises = await directory.FindManyAnywhereAsync(rows.Select(r => r.OrganizationId!.Value).Distinct(), cancellationToken);
        var campaignIds = rows.Where(r => r.CampaignId != null).Select(r => r.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Set<DemandCampaign>().IgnoreQueryFilters().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var cooperations = await db.Set<Cooperation>().IgnoreQueryFilters().AsNoTracking().Where(c => c.DemandId != null && ids.Contains(c.DemandId.Value)).GroupBy(c => c.DemandId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        return rows.Select(d =>
        {
            var enterprise = enterprises.GetValueOrDefault(d.OrganizationId!.Value);
            return new DemandDto(d.Id, d.OrganizationId.Value, enterprise?.Name ?? "", enterprise?.CreditCode ?? "", d.RegionCode, regions.GetValueOrDefault(d.RegionCode, d.RegionCode),
                Kebab.From(d.Kind), DemandRules.KindNames[d.Kind], d.Title, d.Description, d.Field, d.BudgetFen is { } b ? Money.ToYuan(b) : null,
                d.BudgetFen is { } t ? Money.Format(t) : null, d.Deadline, d.CollectedOn, d.CampaignId, d.CampaignId is { } c ? campaigns.GetValueOrDefault(c) : null,
                d.PostedByEnterprise, Kebab.From(d.Status), DemandRules.StatusNames[d.Status], cooperations.GetValueOrDefault(d.Id), d.CreatedAt);
        }).ToList();
    }
}
