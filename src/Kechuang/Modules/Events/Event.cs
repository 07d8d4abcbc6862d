using Kechuang.Platform.Data;

namespace Kechuang.Modules.Events;

/// <summary>主题活动: an event the bureau holds or takes part in, with its organisers and partners as written.</summary>
public sealed class Event : IRegionScoped
{
    private Event()
    {
    }

    public Event(EventFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }

    /// <summary>主办单位, as written (several, separated by 、).</summary>
    public string Organisers { get; private set; } = "";

    /// <summary>承办、协办单位, as written.</summary>
    public string? Partners { get; private set; }
    public string? Place { get; private set; }
    public string? Description { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(EventFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        Title = facts.Title;
        HeldOn = facts.HeldOn;
        Organisers = facts.Organisers;
        Partners = facts.Partners;
        Place = facts.Place;
        Description = facts.Description;
        UpdatedAt = now;
    }
}

public sealed record EventFacts(string RegionCode, string Title, DateOnly HeldOn, string Organisers, string? Partners, string? Place, string? Description);

/// <summary>媒体类型: 网络 / 报纸 / 电视 / 新媒体.</summary>
public enum MediaKind
{
    Online = 1,
    Newspaper = 2,
    Television = 3,
    NewMedia = 4,
}

/// <summary>
/// 媒体报道: one report by one outlet on one day, about an event of the register or a subject described in words (a
/// commissioner's demonstration work, until that module's records can be named).
/// </summary>
public sealed class MediaReport : IRegionScoped
{
    private MediaReport()
    {
    }

    public MediaReport(MediaReportFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Outlet { get; private set; } = "";
    public MediaKind Medium { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public string Title { get; private set; } = "";
    public string? Link { get; private set; }
    public Guid? EventId { get; private set; }

    /// <summary>报道对象 in words, when the report is not about an event of the register.</summary>
    public string? Subject { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(MediaReportFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        Outlet = facts.Outlet;
        Medium = facts.Medium;
        PublishedOn = facts.PublishedOn;
        Title = facts.Title;
        Link = facts.Link;
        EventId = facts.EventId;
        Subject = facts.Subject;
        UpdatedAt = now;
    }
}

public sealed record MediaReportFacts(string RegionCode, string Outlet, MediaKind Medium, DateOnly PublishedOn, string Title, string? Link, Guid? EventId, string? Subject);
