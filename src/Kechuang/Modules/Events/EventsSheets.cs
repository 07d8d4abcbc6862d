using System.Globalization;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Excel;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Events;

/// <summary>The media-report sheet's columns, shared by import, export and template: an export imports again.</summary>
public static class MediaReportSheet
{
    public static readonly SheetColumn Outlet = new("媒体名称", "outlet");
    public static readonly SheetColumn Medium = new("媒体类型", "medium");
    public static readonly SheetColumn PublishedOn = new("报道日期", "publishedOn");
    public static readonly SheetColumn Title = new("报道标题", "title");
    public static readonly SheetColumn Link = new("报道链接", "link");
    public static readonly SheetColumn Event = new("报道的活动", "eventId", "event");
    public static readonly SheetColumn Subject = new("报道对象", "subject");
    public static readonly SheetColumn Region = new("行政区划代码", "regionCode");

    public static readonly ImportSheet Sheet = new("媒体报道导入模板.xlsx", "events_media_report", Outlet, Medium, PublishedOn, Title, Link, Event, Subject, Region);

    public static readonly ExportSheet<MediaReportDto> Export = Sheet.Export<MediaReportDto>("媒体报道.xlsx", new()
    {
        [Outlet] = r => r.Outlet,
        [Medium] = r => r.MediumName,
        [PublishedOn] = r => r.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Title] = r => r.Title,
        [Link] = r => r.Link,
        [Event] = r => r.EventTitle,
        [Subject] = r => r.Subject,
        [Region] = r => r.RegionCode,
    });
}

/// <summary>The theme-event list as shown, with its reports counted; events have no import.</summary>
public static class EventListSheet
{
    public static readonly ExportSheet<EventDto> Export = new ExportSheet<EventDto>("主题活动.xlsx", "events_event")
        .Column("活动名称", e => e.Title)
        .Column("活动日期", e => e.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Column("主办单位", e => e.Organisers)
        .Column("承办、协办单位", e => e.Partners)
        .Column("活动地点", e => e.Place)
        .Column("行政区划代码", e => e.RegionCode)
        .Column("所在地区", e => e.RegionName)
        .Column("媒体报道（篇）", e => e.Reports)
        .Column("活动简介", e => e.Description);
}

/// <summary>
/// Imports media reports, all or nothing: the event by its title among the caller's events, a report already stored
/// (same outlet, day and title) or repeated in the file refused.
/// </summary>
public sealed class ImportMediaReportsHandler(KechuangDb db, IOrganizationDirectory directory) : SheetImport<MediaReport>(db)
{
    private ILookup<string, Guid> _events = Array.Empty<Guid>().ToLookup(e => "");
    private IReadOnlyDictionary<string, string> _regions = new Dictionary<string, string>();
    private HashSet<(string, DateOnly, string)> _taken = [];
    private readonly Dictionary<(string, DateOnly, string), int> _inFile = [];
    private DateOnly _today;

    protected override ImportSheet Sheet => MediaReportSheet.Sheet;

    protected override Platform.Access.Permission Permission => EventsPermissions.Change;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _events = (await Db.Set<Event>().AsNoTracking().Select(e => new { e.Id, e.Title }).ToListAsync(cancellationToken)).ToLookup(e => e.Title, e => e.Id, StringComparer.Ordinal);
        _regions = await directory.RegionNamesAsync(cancellationToken);
        _taken = (await Db.Set<MediaReport>().IgnoreQueryFilters().AsNoTracking().Select(r => new { r.Outlet, r.PublishedOn, r.Title }).ToListAsync(cancellationToken))
            .Select(r => (r.Outlet, r.PublishedOn, r.Title)).ToHashSet();
        _today = Db.Today();
        _inFile.Clear();
    }

    protected override MediaReport? Read(SheetRow row, FieldErrors errors)
    {
        Guid? eventId = null;
        if (row.Text(MediaReportSheet.Event)?.Trim() is { Length: > 0 } title)
        {
            var matches = _events[title].ToList();
            if (matches.Count == 1)
            {
                eventId = matches[0];
            }
            else
            {
                errors.Add("eventId", matches.Count == 0 ? $"活动“{title}”不存在或不在您的数据范围内" : $"有{matches.Count}个名为“{title}”的活动，无法确定是哪一个");
            }
        }
        var input = new MediaReportInput(row.Text(MediaReportSheet.Outlet), row.Text(MediaReportSheet.Medium), row.Date(MediaReportSheet.PublishedOn, errors),
            row.Text(MediaReportSheet.Title), row.Text(MediaReportSheet.Link), eventId, row.Text(MediaReportSheet.Subject), row.Text(MediaReportSheet.Region));
        var facts = EventsRules.ValidateReport(input, _regions.ContainsKey, _today, errors);
        if (facts is not null && !Db.User.Scope.Covers(facts.RegionCode))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        if (errors.Any || facts is null)
        {
            return null;
        }
        var key = (facts.Outlet, facts.PublishedOn, facts.Title);
        if (_taken.Contains(key))
        {
            errors.Add("title", EventsRules.DuplicateReport(facts.Outlet).Message);
            return null;
        }
        if (_inFile.TryGetValue(key, out var earlier))
        {
            errors.Add("title", $"与第{earlier}行重复");
            return null;
        }
        _inFile[key] = row.Number;
        return new MediaReport(facts, Db.UtcNow);
    }
}
