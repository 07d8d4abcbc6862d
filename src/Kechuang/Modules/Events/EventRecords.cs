using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Events;

public sealed record EventDto(Guid Id, string Title, DateOnly HeldOn, string Organisers, string? Partners, string? Place, string RegionCode, string RegionName,
    string? Description, int Reports);

public sealed record MediaReportDto(Guid Id, string Outlet, string Medium, string MediumName, DateOnly PublishedOn, string Title, string? Link, Guid? EventId,
    string? EventTitle, string? Subject, string RegionCode, string RegionName);

public sealed record EventQuery(string? RegionCode = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed record MediaReportQuery(string? RegionCode = null, int? Year = null, Guid? EventId = null, string? Outlet = null, ListQuery? List = null,
    string? Medium = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Records a theme event (主题活动). "…EventRecordHandler": a name ending in EventHandler reads as a .NET delegate (CA1711).</summary>
public sealed class CreateEventRecordHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(EventInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(EventsPermissions.Change);
        var facts = await EventChecks.EventAsync(db, directory, input, cancellationToken);
        var entity = new Event(facts, db.UtcNow);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity.Id;
    }
}

public sealed class UpdateEventRecordHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, EventInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(EventsPermissions.Change);
        var entity = await db.Set<Event>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw EventChecks.EventNotFound();
        var facts = await EventChecks.EventAsync(db, directory, input, cancellationToken);
        entity.Update(facts, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Records a media report (媒体报道) of an event or of a subject in words.</summary>
public sealed class CreateMediaReportHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(MediaReportInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(EventsPermissions.Change);
        var facts = await EventChecks.ReportAsync(db, directory, input, null, cancellationToken);
        var entity = new MediaReport(facts, db.UtcNow);
        db.Add(entity);
        await db.SaveUniqueAsync(() => EventsRules.DuplicateReport(facts.Outlet), cancellationToken);
        return entity.Id;
    }
}

public sealed class UpdateMediaReportHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid id, MediaReportInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(EventsPermissions.Change);
        var entity = await db.Set<MediaReport>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw EventChecks.ReportNotFound();
        var facts = await EventChecks.ReportAsync(db, directory, input, id, cancellationToken);
        entity.Update(facts, db.UtcNow);
        await db.SaveUniqueAsync(() => EventsRules.DuplicateReport(facts.Outlet), cancellationToken);
    }
}

public sealed class ListEventsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<Event> Sorts = new SortMap<Event>(e => e.Id, e => e.OrderByDescending(x => x.HeldOn))
        .Add("heldOn", e => e.HeldOn)
        .Add("title", e => e.Title);

    public async Task<Paged<EventDto>> HandleAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var events = Filter(query);
        var total = await events.CountAsync(cancellationToken);
        var rows = await events.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<EventDto>(await EventChecks.EventDtosAsync(db, directory, rows, cancellationToken), total);
    }

    /// <summary>Every event the list shows with these filters, in its order (the export).</summary>
    public async Task<List<EventDto>> AllAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        await EventChecks.EventDtosAsync(db, directory, await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<Event> Filter(EventQuery query)
    {
        ListFilters.CheckYear(query.Year);
        var events = db.Set<Event>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            events = events.Where(e => e.HeldOn >= new DateOnly(year, 1, 1) && e.HeldOn < new DateOnly(year + 1, 1, 1));
        }
        if (query.List.Text is { } q)
        {
            events = events.Where(e => e.Title.Contains(q) || e.Organisers.Contains(q) || (e.Partners != null && e.Partners.Contains(q)));
        }
        return events;
    }
}

/// <summary>One event a media report can name: its title and day, for the report form's pick list.</summary>
public sealed record EventChoice(Guid Id, string Title, DateOnly HeldOn);

/// <summary>The events in the caller's scope, newest first, for naming the event a report is about.</summary>
public sealed class ListEventChoicesHandler(KechuangDb db)
{
    public async Task<List<EventChoice>> HandleAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Event>().AsNoTracking().OrderByDescending(e => e.HeldOn).ThenBy(e => e.Title).Select(e => new EventChoice(e.Id, e.Title, e.HeldOn))
            .ToListAsync(cancellationToken);
}

public sealed class GetEventRecordHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<EventDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw EventChecks.EventNotFound();
        return (await EventChecks.EventDtosAsync(db, directory, [row], cancellationToken))[0];
    }
}

/// <summary>Media reports in the caller's scope; with a year, those published in it (what events.media-reports counts).</summary>
public sealed class ListMediaReportsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    internal static readonly SortMap<MediaReport> Sorts = new SortMap<MediaReport>(r => r.Id, r => r.OrderByDescending(x => x.PublishedOn))
        .Add("publishedOn", r => r.PublishedOn)
        .Add("outlet", r => r.Outlet)
        .Add("mediumName", r => r.Medium);

    public async Task<Paged<MediaReportDto>> HandleAsync(MediaReportQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<MediaReportDto>(await EventChecks.ReportDtosAsync(db, directory, rows, cancellationToken), total);
    }

    public async Task<List<MediaReportDto>> AllAsync(MediaReportQuery query, CancellationToken cancellationToken = default) =>
        await EventChecks.ReportDtosAsync(db, directory, await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<MediaReport> Filter(MediaReportQuery query)
    {
        ListFilters.CheckYear(query.Year);
        var errors = new FieldErrors();
        var medium = string.IsNullOrWhiteSpace(query.Medium) ? null : errors.Enum("medium", "媒体类型", query.Medium, EventsRules.MediumNames);
        errors.ThrowIfAny();
        var reports = db.Set<MediaReport>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.Year is { } year)
        {
            reports = reports.Where(r => r.PublishedOn >= new DateOnly(year, 1, 1) && r.PublishedOn < new DateOnly(year + 1, 1, 1));
        }
        if (query.EventId is { } eventId)
        {
            reports = reports.Where(r => r.EventId == eventId);
        }
        if (medium is { } m)
        {
            reports = reports.Where(r => r.Medium == m);
        }
        if (!string.IsNullOrWhiteSpace(query.Outlet))
        {
            reports = reports.Where(r => r.Outlet == query.Outlet.Trim());
        }
        if (query.List.Text is { } q)
        {
            reports = reports.Where(r => r.Title.Contains(q) || r.Outlet.Contains(q) || (r.Subject != null && r.Subject.Contains(q)));
        }
        return reports;
    }
}

public sealed class GetMediaReportHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<MediaReportDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<MediaReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw EventChecks.ReportNotFound();
        return (await EventChecks.ReportDtosAsync(db, directory, [row], cancellationToken))[0];
    }
}

internal static class EventChecks
{
    public static NotFoundException EventNotFound() => new("活动不存在或不在您的数据范围内");

    public static NotFoundException ReportNotFound() => new("媒体报道不存在或不在您的数据范围内");

    public static async Task<EventFacts> EventAsync(KechuangDb db, IOrganizationDirectory directory, EventInput input, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var errors = new FieldErrors();
        var facts = EventsRules.ValidateEvent(input, regions.ContainsKey, db.Today(), errors);
        InScope(db, input.RegionCode, errors);
        errors.ThrowIfAny();
        return facts!;
    }

    public static async Task<MediaReportFacts> ReportAsync(KechuangDb db, IOrganizationDirectory directory, MediaReportInput input, Guid? self,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var errors = new FieldErrors();
        var facts = EventsRules.ValidateReport(input, regions.ContainsKey, db.Today(), errors);
        InScope(db, input.RegionCode, errors);
        if (input.EventId is { } eventId && !await db.Set<Event>().AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            errors.Add("eventId", "活动不存在或不在您的数据范围内");
        }
        errors.ThrowIfAny();
        if (await db.Set<MediaReport>().IgnoreQueryFilters().AnyAsync(r => r.Outlet == facts!.Outlet && r.PublishedOn == facts.PublishedOn && r.Title == facts.Title
            && r.Id != self, cancellationToken))
        {
            throw EventsRules.DuplicateReport(facts!.Outlet);
        }
        return facts!;
    }

    private static void InScope(KechuangDb db, string? regionCode, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(regionCode) && !errors.Entries.ContainsKey("regionCode") && !db.User.Scope.Covers(regionCode.Trim()))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
    }

    public static async Task<List<EventDto>> EventDtosAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<Event> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<MediaReport>().AsNoTracking().Where(r => r.EventId != null && ids.Contains(r.EventId.Value)).GroupBy(r => r.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        return rows.Select(e => new EventDto(e.Id, e.Title, e.HeldOn, e.Organisers, e.Partners, e.Place, e.RegionCode, regions.GetValueOrDefault(e.RegionCode, e.RegionCode),
            e.Description, counts.GetValueOrDefault(e.Id))).ToList();
    }

    public static async Task<List<MediaReportDto>> ReportDtosAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<MediaReport> rows,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var eventIds = rows.Where(r => r.EventId != null).Select(r => r.EventId!.Value).Distinct().ToList();
        var titles = await db.Set<Event>().IgnoreQueryFilters().AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        return rows.Select(r => new MediaReportDto(r.Id, r.Outlet, Kebab.From(r.Medium), EventsRules.MediumNames[r.Medium], r.PublishedOn, r.Title, r.Link, r.EventId,
            r.EventId is { } e ? titles.GetValueOrDefault(e) : null, r.Subject, r.RegionCode, regions.GetValueOrDefault(r.RegionCode, r.RegionCode))).ToList();
    }
}
