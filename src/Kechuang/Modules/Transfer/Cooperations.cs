using Kechuang.Modules.Contracts.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

public sealed record CooperationDto(Guid Id, string Title, Guid EnterpriseId, string EnterpriseName, string EnterpriseCreditCode, Guid InstitutionId, string InstitutionName,
    string RegionCode, string RegionName, string Kind, string KindName, decimal? Amount, string? AmountText, DateOnly SignedOn,
    Guid? DemandId, string? DemandTitle, Guid? EventId, string? EventTitle, Guid? StationId, string? StationName,
    Guid? ContractId, string? ContractStatusName, string? ContractNumber, string? Note, string? ContractTitle = null, string? ContractAmountText = null);

/// <summary>A registered contract the cooperation form offers: 登记号 · 合同名称 · 成交额, and whether a party of the cooperation signed it.</summary>
public sealed record CooperationContractOption(Guid Id, string Label, bool OfParties);

/// <summary>The cooperation list's filters; [from, to) on the signing day: the records of transfer.cooperations.</summary>
public sealed record CooperationQuery(string? RegionCode = null, string? Kind = null, Guid? DemandId = null, Guid? StationId = null, Guid? InstitutionId = null,
    DateOnly? From = null, DateOnly? To = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>
/// Records a cooperation; one from a demand that was open or matched moves the demand to 合作中. A registered contract is
/// named through the Contracts module's public lookup.
/// </summary>
public sealed class CreateCooperationHandler(KechuangDb db, IOrganizationDirectory directory, ITechContracts contracts)
{
    public async Task<Guid> HandleAsync(CooperationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.CreateCooperations);
        var (facts, enterprise, demand) = await CooperationChecks.ValidateAsync(db, directory, contracts, input, null, cancellationToken);
        var cooperation = new Cooperation(facts, enterprise.RegionCode, db.UtcNow);
        db.Add(cooperation);
        if (demand is { Status: DemandStatus.Open or DemandStatus.Matched })
        {
            demand.MoveTo(DemandStatus.Cooperating, db.UtcNow);
        }
        await db.SaveUniqueAsync(CooperationRules.ContractLinked, cancellationToken);
        return cooperation.Id;
    }
}

public sealed class UpdateCooperationHandler(KechuangDb db, IOrganizationDirectory directory, ITechContracts contracts)
{
    public async Task HandleAsync(Guid id, CooperationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeCooperations);
        var cooperation = await db.Set<Cooperation>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合作项目不存在或不在您的数据范围内");
        var (facts, enterprise, demand) = await CooperationChecks.ValidateAsync(db, directory, contracts, input, cooperation, cancellationToken);
        cooperation.Update(facts, enterprise.RegionCode, db.UtcNow);
        if (demand is { Status: DemandStatus.Open or DemandStatus.Matched })
        {
            demand.MoveTo(DemandStatus.Cooperating, db.UtcNow);
        }
        await db.SaveUniqueAsync(CooperationRules.ContractLinked, cancellationToken);
    }
}

internal static class CooperationChecks
{
    public static async Task<(CooperationFacts Facts, OrganizationInfo Enterprise, Demand? Demand)> ValidateAsync(KechuangDb db, IOrganizationDirectory directory,
        ITechContracts contracts, CooperationInput input, Cooperation? self, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = CooperationRules.Validate(input, db.Today(), errors);
        OrganizationInfo? enterprise = null;
        if (input.EnterpriseId is { } enterpriseId)
        {
            enterprise = await directory.FindAsync(enterpriseId, cancellationToken);
            if (enterprise is null)
            {
                errors.Add("enterpriseId", "企业不存在或不在您的数据范围内");
            }
            else if (enterprise.Kind != OrganizationKind.Enterprise)
            {
                errors.Add("enterpriseId", $"{enterprise.Name} 不是企业");
            }
        }
        await TransferQueries.InstitutionAsync(directory, input.InstitutionId, "institutionId", errors, cancellationToken);
        Demand? demand = null;
        if (input.DemandId is { } demandId)
        {
            demand = await db.Set<Demand>().FirstOrDefaultAsync(d => d.Id == demandId, cancellationToken);
            if (demand is null)
            {
                errors.Add("demandId", "需求不存在或不在您的数据范围内");
            }
            else if (input.EnterpriseId is { } e && demand.OrganizationId != e)
            {
                errors.Add("demandId", "来源需求须为合作企业提出的需求");
            }
        }
        if (input.EventId is { } eventId && !await db.Set<MatchmakingEvent>().AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            errors.Add("eventId", "对接活动不存在或不在您的数据范围内");
        }
        if (input.StationId is { } stationId && !await db.Set<TransferStation>().AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            errors.Add("stationId", "工作站不存在或不在您的数据范围内");
        }
        if (input.ContractId is { } contractId)
        {
            var state = (await contracts.StatesAsync([contractId], cancellationToken)).GetValueOrDefault(contractId);
            if (state is null)
            {
                errors.Add("contractId", "技术合同不存在或不在您的数据范围内");
            }
            // A link already recorded stays whatever became of the contract; a new one names a contract the bureau has registered.
            else if (!state.IsRegistered && contractId != self?.ContractId)
            {
                errors.Add("contractId", $"只能关联已登记的技术合同，该合同当前为“{state.StatusName}”");
            }
        }
        errors.ThrowIfAny();
        // A demand already linked keeps its link whatever its state; a new link to a closed demand is refused.
        if (demand is not null && demand.Id != self?.DemandId && CooperationRules.CheckDemand(demand.Status) is { } closed)
        {
            throw closed;
        }
        if (input.ContractId is { } contract && await db.Set<Cooperation>().IgnoreQueryFilters().AnyAsync(c => c.ContractId == contract && c.Id != (self == null ? Guid.Empty : self.Id), cancellationToken))
        {
            throw CooperationRules.ContractLinked();
        }
        return (facts!, enterprise!, demand);
    }
}

public sealed class ListCooperationsHandler(KechuangDb db, IOrganizationDirectory directory, ITechContracts contracts)
{
    internal static readonly SortMap<Cooperation> Sorts = new SortMap<Cooperation>(c => c.Id, c => c.OrderByDescending(x => x.SignedOn))
        .Add("signedOn", c => c.SignedOn)
        .Add("title", c => c.Title)
        .Add("kindName", c => c.Kind)
        .Add("amount", c => c.AmountFen);

    public async Task<Paged<CooperationDto>> HandleAsync(CooperationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<CooperationDto>(await CooperationDtos.ManyAsync(db, directory, contracts, rows, cancellationToken), total);
    }

    public async Task<List<CooperationDto>> AllAsync(CooperationQuery query, CancellationToken cancellationToken = default) =>
        await CooperationDtos.ManyAsync(db, directory, contracts, await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<Cooperation>> FilterAsync(CooperationQuery query, CancellationToken cancellationToken)
    {
        TransferQueries.CheckRange(query.From, query.To);
        var rows = db.Set<Cooperation>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        var kind = string.IsNullOrWhiteSpace(query.Kind) ? null : errors.Enum("kind", "合作方式", query.Kind, CooperationRules.KindNames);
        errors.ThrowIfAny();
        if (kind is { } k)
        {
            rows = rows.Where(c => c.Kind == k);
        }
        if (query.DemandId is { } demand)
        {
            rows = rows.Where(c => c.DemandId == demand);
        }
        if (query.StationId is { } station)
        {
            rows = rows.Where(c => c.StationId == station);
        }
        if (query.InstitutionId is { } institution)
        {
            rows = rows.Where(c => c.InstitutionId == institution);
        }
        if (query.From is { } from)
        {
            rows = rows.Where(c => c.SignedOn >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(c => c.SignedOn < to);
        }
        if (query.List.Text is { } q)
        {
            var parties = (await directory.SearchAsync(q, cancellationToken)).Concat((await directory.SearchAnywhereAsync(q, 200, cancellationToken)).Select(o => o.Id)).Distinct().ToList();
            rows = rows.Where(c => c.Title.Contains(q) || (c.OrganizationId != null && parties.Contains(c.OrganizationId.Value)) || parties.Contains(c.InstitutionId));
        }
        return rows;
    }
}

public sealed class GetCooperationHandler(KechuangDb db, IOrganizationDirectory directory, ITechContracts contracts)
{
    public async Task<CooperationDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var cooperation = await db.Set<Cooperation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("合作项目不存在或不在您的数据范围内");
        return (await CooperationDtos.ManyAsync(db, directory, contracts, [cooperation], cancellationToken))[0];
    }
}

internal static class CooperationDtos
{
    public static async Task<List<CooperationDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, ITechContracts contracts, IReadOnlyList<Cooperation> rows,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var parties = await directory.FindManyAnywhereAsync(rows.SelectMany(r => new[] { r.OrganizationId!.Value, r.InstitutionId }).Distinct(), cancellationToken);
        var demandIds = rows.Where(r => r.DemandId != null).Select(r => r.DemandId!.Value).Distinct().ToList();
        var demands = await db.Set<Demand>().IgnoreQueryFilters().AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var eventIds = rows.Where(r => r.EventId != null).Select(r => r.EventId!.Value).Distinct().ToList();
        var events = await db.Set<MatchmakingEvent>().IgnoreQueryFilters().AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        var stationIds = rows.Where(r => r.StationId != null).Select(r => r.StationId!.Value).Distinct().ToList();
        var stations = await db.Set<TransferStation>().IgnoreQueryFilters().AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var states = await contracts.ChoicesAsync(rows.Where(r => r.ContractId != null).Select(r => r.ContractId!.Value), cancellationToken);
        return rows.Select(c =>
        {
            var enterprise = parties.GetValueOrDefault(c.OrganizationId!.Value);
            var state = c.ContractId is { } contract ? states.GetValueOrDefault(contract) : null;
            return new CooperationDto(c.Id, c.Title, c.OrganizationId.Value, enterprise?.Name ?? "", enterprise?.CreditCode ?? "", c.InstitutionId,
                parties.GetValueOrDefault(c.InstitutionId)?.Name ?? "", c.RegionCode, regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
                Kebab.From(c.Kind), CooperationRules.KindNames[c.Kind], c.AmountFen is { } a ? Money.ToYuan(a) : null, c.AmountFen is { } t ? Money.Format(t) : null, c.SignedOn,
                c.DemandId, c.DemandId is { } d ? demands.GetValueOrDefault(d) : null, c.EventId, c.EventId is { } e ? events.GetValueOrDefault(e) : null,
                c.StationId, c.StationId is { } s ? stations.GetValueOrDefault(s) : null, c.ContractId, state?.StatusName, state?.RegistrationNumber, c.Note, state?.Title, state?.AmountText);
        }).ToList();
    }
}

/// <summary>
/// The registered contracts the cooperation form offers as the user types (title or registration number, within the data scope):
/// those signed by the cooperation's enterprise or institution first, and with nothing typed only those. The contract already
/// chosen stays offered, first, whatever its state, so that a new search does not unselect it.
/// </summary>
public sealed class FindCooperationContractsHandler(ITechContracts contracts)
{
    public async Task<IReadOnlyList<CooperationContractOption>> HandleAsync(string? text, Guid? enterpriseId, Guid? institutionId, Guid? chosen = null,
        CancellationToken cancellationToken = default)
    {
        var parties = new[] { enterpriseId, institutionId }.Where(p => p != null).Select(p => p!.Value).ToList();
        var found = (await contracts.SearchRegisteredAsync(text, parties, 20, cancellationToken)).ToList();
        if (chosen is { } id && found.All(c => c.Id != id) && (await contracts.ChoicesAsync([id], cancellationToken)).GetValueOrDefault(id) is { } kept)
        {
            found.Insert(0, kept);
        }
        return [.. found.Select(c => new CooperationContractOption(c.Id, c.Label, parties.Contains(c.SellerId) || parties.Contains(c.BuyerId)))];
    }
}
