using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

/// <summary>A station as lists and the API show it, with its latest assessment and what it was paid in all.</summary>
public sealed record StationDto(Guid Id, string Name, Guid InstitutionId, string InstitutionName, string InstitutionCreditCode, string InstitutionRegionName, string RegionCode, string RegionName,
    DateOnly? OpenedOn, string? Staff, string? Fields, string? Contact, int? LastYear, decimal? LastScore, string? LastGradeName, decimal PaidTotal, string PaidText);

/// <summary>The station list's filters; <paramref name="OpenedBefore"/> keeps stations opened before that day (or with no day), the records of transfer.stations.</summary>
public sealed record StationQuery(string? RegionCode = null, Guid? InstitutionId = null, DateOnly? OpenedBefore = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Registers a station (技术转移中心/工作站) in the caller's scope.</summary>
public sealed class CreateStationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(StationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.CreateStations);
        var facts = await StationChecks.ValidateAsync(db, directory, input, null, cancellationToken);
        var station = new TransferStation(facts, db.UtcNow);
        db.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        return station.Id;
    }
}

public sealed class UpdateStationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, StationInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeStations);
        var station = await db.Set<TransferStation>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("工作站不存在或不在您的数据范围内");
        var facts = await StationChecks.ValidateAsync(db, directory, input, id, cancellationToken);
        station.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class StationChecks
{
    public static async Task<StationFacts> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, StationInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = StationRules.Validate(input, await TransferQueries.RegionExistsAsync(directory, cancellationToken), db.Today(), errors);
        TransferQueries.CheckScope(db, facts?.RegionCode, "regionCode", errors);
        await TransferQueries.InstitutionAsync(directory, input.InstitutionId, "institutionId", errors, cancellationToken);
        errors.ThrowIfAny();
        // The import matches stations by name: a name is unique within its county.
        var county = facts!.RegionCode[..Math.Min(6, facts.RegionCode.Length)];
        if (await db.Set<TransferStation>().IgnoreQueryFilters().AnyAsync(s => s.Name == facts.Name && s.RegionCode.StartsWith(county) && s.Id != self, cancellationToken))
        {
            throw new RuleException("transfer.duplicate-station", $"本县（市、区）已有名为“{facts.Name}”的工作站");
        }
        return facts;
    }
}

public sealed class ListStationsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<TransferStation> Sorts = new SortMap<TransferStation>(s => s.Id, s => s.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", s => s.Name)
        .Add("regionName", s => s.RegionCode)
        .Add("openedOn", s => s.OpenedOn);

    public async Task<Paged<StationDto>> HandleAsync(StationQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<StationDto>(await StationDtos.ManyAsync(db, directory, rows, cancellationToken), total);
    }

    public async Task<List<StationDto>> AllAsync(StationQuery query, CancellationToken cancellationToken = default) =>
        await StationDtos.ManyAsync(db, directory, await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<TransferStation>> FilterAsync(StationQuery query, CancellationToken cancellationToken)
    {
        var stations = db.Set<TransferStation>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.InstitutionId is { } institution)
        {
            stations = stations.Where(s => s.InstitutionId == institution);
        }
        if (query.OpenedBefore is { } before)
        {
            stations = stations.Where(s => s.OpenedOn == null || s.OpenedOn < before);
        }
        if (query.List.Text is { } q)
        {
            var institutions = (await directory.SearchAnywhereAsync(q, 200, cancellationToken)).Select(o => o.Id).ToList();
            stations = stations.Where(s => s.Name.Contains(q) || (s.Fields != null && s.Fields.Contains(q)) || institutions.Contains(s.InstitutionId));
        }
        return stations;
    }
}

public sealed class GetStationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<StationDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var station = await db.Set<TransferStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("工作站不存在或不在您的数据范围内");
        return (await StationDtos.ManyAsync(db, directory, [station], cancellationToken))[0];
    }
}

/// <summary>Choices for the module's forms: stations, institutions (any region), enterprises and campaigns in the caller's scope.</summary>
public sealed record TransferOptions(IReadOnlyList<(Guid Id, string Name)> Stations, IReadOnlyList<OrganizationInfo> Institutions, IReadOnlyList<OrganizationInfo> Enterprises,
    IReadOnlyList<(Guid Id, string Name)> Campaigns, IReadOnlyList<(Guid Id, string Name)> Events);

public sealed class ListTransferOptionsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<TransferOptions> HandleAsync(CancellationToken cancellationToken = default)
    {
        var stations = await db.Set<TransferStation>().AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var campaigns = await db.Set<DemandCampaign>().AsNoTracking().OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var events = await db.Set<MatchmakingEvent>().AsNoTracking().OrderByDescending(e => e.HeldOn).Select(e => new { e.Id, e.Title, e.HeldOn }).ToListAsync(cancellationToken);
        return new TransferOptions(stations.Select(s => (s.Id, s.Name)).ToList(), await directory.ListAsync(OrganizationKind.Institution, cancellationToken),
            await directory.ListAsync(OrganizationKind.Enterprise, cancellationToken), campaigns.Select(c => (c.Id, c.Name)).ToList(),
            events.Select(e => (e.Id, $"{e.HeldOn:yyyy-MM-dd} {e.Title}")).ToList());
    }
}

internal static class StationDtos
{
    public static async Task<List<StationDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<TransferStation> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var institutions = await directory.FindManyAnywhereAsync(rows.Select(r => r.InstitutionId).Distinct(), cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var assessments = (await db.Set<StationAssessment>().AsNoTracking().Where(a => ids.Contains(a.StationId))
                .Select(a => new { a.StationId, a.Year, a.Score, a.Grade }).ToListAsync(cancellationToken))
            .GroupBy(a => a.StationId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).First());
        var paid = (await db.Set<StationPayment>().AsNoTracking().Where(p => ids.Contains(p.StationId)).Select(p => new { p.StationId, p.AmountFen }).ToListAsync(cancellationToken))
            .GroupBy(p => p.StationId).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountFen));
        return rows.Select(s =>
        {
            var institution = institutions.GetValueOrDefault(s.InstitutionId);
            var last = assessments.GetValueOrDefault(s.Id);
            var fen = paid.GetValueOrDefault(s.Id);
            return new StationDto(s.Id, s.Name, s.InstitutionId, institution?.Name ?? "", institution?.CreditCode ?? "", institution is null ? "" : regions.GetValueOrDefault(institution.RegionCode, institution.RegionCode),
                s.RegionCode, regions.GetValueOrDefault(s.RegionCode, s.RegionCode), s.OpenedOn, s.Staff, s.Fields, s.Contact,
                last?.Year, last?.Score, last is null ? null : AssessmentRules.GradeNames[last.Grade], Money.ToYuan(fen), Money.Format(fen));
        }).ToList();
    }
}
