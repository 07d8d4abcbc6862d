using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

public sealed record EventDto(Guid Id, string Title, string Mode, string ModeName, DateOnly HeldOn, string RegionCode, string RegionName, string? Place, string? Organizers,
    Guid? StationId, string? StationName, string? Summary, int ExpertCount, int EnterpriseCount);

public sealed record AttendanceDto(Guid Id, Guid EventId, string EventTitle, DateOnly HeldOn, string ExpertName, Guid? InstitutionId, string? InstitutionName, string? Title);

public sealed record EventDetailDto(EventDto Event, IReadOnlyList<AttendanceDto> Experts, IReadOnlyList<OrganizationInfo> Enterprises);

/// <summary>Events held in [from, to) within a region: the events list, and with attendances the records of transfer.expert-attendances.</summary>
public sealed record EventQuery(string? RegionCode = null, DateOnly? From = null, DateOnly? To = null, string? Mode = null, Guid? StationId = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed class CreateMatchmakingHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(EventInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeEvents);
        var (facts, enterprises) = await EventChecks.ValidateAsync(db, directory, input, cancellationToken);
        var matchmaking = new MatchmakingEvent(facts, db.UtcNow);
        db.Add(matchmaking);
        foreach (var enterprise in enterprises)
        {
            db.Add(new EventEnterprise(matchmaking, enterprise, db.UtcNow));
        }
        await db.SaveChangesAsync(cancellationToken);
        return matchmaking.Id;
    }
}

/// <summary>Changes an event's facts; with enterprises given, the attending enterprises become exactly those.</summary>
public sealed class UpdateMatchmakingHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, EventInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeEvents);
        var matchmaking = await db.Set<MatchmakingEvent>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("对接活动不存在或不在您的数据范围内");
        var (facts, enterprises) = await EventChecks.ValidateAsync(db, directory, input, cancellationToken);
        matchmaking.Update(facts, db.UtcNow);
        var experts = await db.Set<ExpertAttendance>().Where(a => a.EventId == id).ToListAsync(cancellationToken);
        experts.ForEach(a => a.MoveTo(facts.RegionCode));
        var attending = await db.Set<EventEnterprise>().Where(a => a.EventId == id).ToListAsync(cancellationToken);
        if (input.EnterpriseIds is not null)
        {
            db.RemoveRange(attending.Where(a => !enterprises.Contains(a.OrganizationId)));
            foreach (var added in enterprises.Where(e => attending.All(a => a.OrganizationId != e)))
            {
                db.Add(new EventEnterprise(matchmaking, added, db.UtcNow));
            }
        }
        attending.Where(a => enterprises.Contains(a.OrganizationId) || input.EnterpriseIds is null).ToList().ForEach(a => a.MoveTo(facts.RegionCode));
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class EventChecks
{
    public static async Task<(EventFacts Facts, HashSet<Guid> Enterprises)> ValidateAsync(KechuangDb db, IOrganizationDirectory directory, EventInput input,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = EventRules.Validate(input, await TransferQueries.RegionExistsAsync(directory, cancellationToken), db.Today(), errors);
        TransferQueries.CheckScope(db, facts?.RegionCode, "regionCode", errors);
        if (input.StationId is { } station && !await db.Set<TransferStation>().AnyAsync(s => s.Id == station, cancellationToken))
        {
            errors.Add("stationId", "工作站不存在或不在您的数据范围内");
        }
        var enterprises = (input.EnterpriseIds ?? []).ToHashSet();
        if (enterprises.Count > 0)
        {
            var found = await directory.FindManyAnywhereAsync(enterprises, cancellationToken);
            if (enterprises.FirstOrDefault(e => !found.TryGetValue(e, out var o) || o.Kind != OrganizationKind.Enterprise) is { } bad && bad != Guid.Empty)
            {
                errors.Add("enterpriseIds", "参加企业须为组织名录中的企业");
            }
        }
        errors.ThrowIfAny();
        return (facts!, enterprises);
    }
}

public sealed class ListEventsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<MatchmakingEvent> Sorts = new SortMap<MatchmakingEvent>(e => e.Id, e => e.OrderByDescending(x => x.HeldOn))
        .Add("heldOn", e => e.HeldOn)
        .Add("title", e => e.Title)
        .Add("modeName", e => e.Mode);

    public async Task<Paged<EventDto>> HandleAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<EventDto>(await EventDtos.ManyAsync(db, directory, rows, cancellationToken), total);
    }

    public async Task<List<EventDto>> AllAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        await EventDtos.ManyAsync(db, directory, await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    internal IQueryable<MatchmakingEvent> Filter(EventQuery query)
    {
        TransferQueries.CheckRange(query.From, query.To);
        var events = db.Set<MatchmakingEvent>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        var mode = string.IsNullOrWhiteSpace(query.Mode) ? null : errors.Enum("mode", "活动形式", query.Mode, EventRules.ModeNames);
        errors.ThrowIfAny();
        if (mode is { } m)
        {
            events = events.Where(e => e.Mode == m);
        }
        if (query.From is { } from)
        {
            events = events.Where(e => e.HeldOn >= from);
        }
        if (query.To is { } to)
        {
            events = events.Where(e => e.HeldOn < to);
        }
        if (query.StationId is { } station)
        {
            events = events.Where(e => e.StationId == station);
        }
        if (query.List.Text is { } q)
        {
            events = events.Where(e => e.Title.Contains(q) || (e.Organizers != null && e.Organizers.Contains(q)) || (e.Place != null && e.Place.Contains(q)));
        }
        return events;
    }
}

public sealed class GetMatchmakingHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<EventDetailDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var matchmaking = await db.Set<MatchmakingEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("对接活动不存在或不在您的数据范围内");
        var dto = (await EventDtos.ManyAsync(db, directory, [matchmaking], cancellationToken))[0];
        var experts = await db.Set<ExpertAttendance>().AsNoTracking().Where(a => a.EventId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var enterpriseIds = await db.Set<EventEnterprise>().AsNoTracking().Where(a => a.EventId == id).Select(a => a.OrganizationId).ToListAsync(cancellationToken);
        var enterprises = await directory.FindManyAnywhereAsync(enterpriseIds, cancellationToken);
        return new EventDetailDto(dto, await EventDtos.AttendancesAsync(directory, experts, new Dictionary<Guid, MatchmakingEvent> { [id] = matchmaking }, cancellationToken),
            enterprises.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToList());
    }
}

/// <summary>Records one expert at one event (one 人次).</summary>
public sealed class AddAttendanceHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(Guid eventId, AttendanceInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(TransferPermissions.ChangeEvents);
        var matchmaking = await db.Set<MatchmakingEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken)
            ?? throw new NotFoundException("对接活动不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = EventRules.ValidateAttendance(input, errors);
        await TransferQueries.InstitutionAsync(directory, input.InstitutionId, "institutionId", errors, cancellationToken);
        errors.ThrowIfAny();
        if (EventRules.CheckHeld(matchmaking.HeldOn, db.Today()) is { } notHeld)
        {
            throw notHeld;
        }
        var (name, title) = facts!.Value;
        if (await db.Set<ExpertAttendance>().AnyAsync(a => a.EventId == eventId && a.ExpertName == name && a.InstitutionId == input.InstitutionId, cancellationToken))
        {
            throw EventRules.DuplicateAttendance(name);
        }
        var attendance = new ExpertAttendance(matchmaking, name, input.InstitutionId, title, db.UtcNow);
        db.Add(attendance);
        await db.SaveUniqueAsync(() => EventRules.DuplicateAttendance(name), cancellationToken);
        return attendance.Id;
    }
}

/// <summary>Expert attendances of the events held in [from, to): what transfer.expert-attendances counts.</summary>
public sealed class ListAttendancesHandler(KechuangDb db, IOrganizationDirectory directory, ListEventsHandler events)
{
    public async Task<Paged<AttendanceDto>> HandleAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var attendances = Filter(query);
        var total = await attendances.CountAsync(cancellationToken);
        return new Paged<AttendanceDto>(await DtosAsync(attendances, query.List, cancellationToken), total);
    }

    public Task<List<AttendanceDto>> AllAsync(EventQuery query, CancellationToken cancellationToken = default) => DtosAsync(Filter(query), null, cancellationToken);

    private IQueryable<ExpertAttendance> Filter(EventQuery query)
    {
        var eventIds = events.Filter(query with { List = new ListQuery() }).Select(e => e.Id);
        var attendances = db.Set<ExpertAttendance>().AsNoTracking().Where(a => eventIds.Contains(a.EventId));
        if (query.List.Text is { } q)
        {
            attendances = attendances.Where(a => a.ExpertName.Contains(q));
        }
        return attendances;
    }

    /// <summary>The rows in the order shown (latest event first), one page of them or, without <paramref name="page"/>, all.</summary>
    private async Task<List<AttendanceDto>> DtosAsync(IQueryable<ExpertAttendance> attendances, ListQuery? page, CancellationToken cancellationToken)
    {
        // Paged in the order shown, so a page never holds dates that belong to another.
        var ordered = attendances.Join(db.Set<MatchmakingEvent>().AsNoTracking(), a => a.EventId, e => e.Id, (a, e) => new { Attendance = a, e.HeldOn })
            .OrderByDescending(x => x.HeldOn).ThenBy(x => x.Attendance.EventId).ThenBy(x => x.Attendance.Id);
        var rows = await (page is null ? ordered : ordered.ApplyPaging(page)).Select(x => x.Attendance).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.EventId).Distinct().ToList();
        var byId = await db.Set<MatchmakingEvent>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return await EventDtos.AttendancesAsync(directory, rows, byId, cancellationToken);
    }
}

internal static class EventDtos
{
    public static async Task<List<EventDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<MatchmakingEvent> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var experts = await db.Set<ExpertAttendance>().AsNoTracking().Where(a => ids.Contains(a.EventId)).GroupBy(a => a.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var enterprises = await db.Set<EventEnterprise>().AsNoTracking().Where(a => ids.Contains(a.EventId)).GroupBy(a => a.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var stationIds = rows.Where(r => r.StationId != null).Select(r => r.StationId!.Value).Distinct().ToList();
        var stations = await db.Set<TransferStation>().IgnoreQueryFilters().AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return rows.Select(e => new EventDto(e.Id, e.Title, Kebab.From(e.Mode), EventRules.ModeNames[e.Mode], e.HeldOn, e.RegionCode, regions.GetValueOrDefault(e.RegionCode, e.RegionCode),
            e.Place, e.Organizers, e.StationId, e.StationId is { } s ? stations.GetValueOrDefault(s) : null, e.Summary,
            experts.GetValueOrDefault(e.Id), enterprises.GetValueOrDefault(e.Id))).ToList();
    }

    public static async Task<List<AttendanceDto>> AttendancesAsync(IOrganizationDirectory directory, IReadOnlyList<ExpertAttendance> rows,
        IReadOnlyDictionary<Guid, MatchmakingEvent> events, CancellationToken cancellationToken)
    {
        var names = await directory.NamesAnywhereAsync(rows.Where(r => r.InstitutionId != null).Select(r => r.InstitutionId!.Value).Distinct(), cancellationToken);
        return rows.Select(a => new AttendanceDto(a.Id, a.EventId, events.TryGetValue(a.EventId, out var e) ? e.Title : "", events.TryGetValue(a.EventId, out var held) ? held.HeldOn : default,
            a.ExpertName, a.InstitutionId, a.InstitutionId is { } i ? names.GetValueOrDefault(i) : null, a.Title)).ToList();
    }
}
