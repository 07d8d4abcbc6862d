using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>线上 or 线下.</summary>
public enum EventMode
{
    Offline = 1,
    Online = 2,
}

/// <summary>对接活动: experts of universities and institutes meet the county's enterprises (a visit, a fair, an online session).</summary>
public sealed class MatchmakingEvent : IRegionScoped
{
    private MatchmakingEvent()
    {
    }

    public MatchmakingEvent(EventFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public EventMode Mode { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string? Place { get; private set; }

    /// <summary>主办、承办单位 as written.</summary>
    public string? Organizers { get; private set; }

    /// <summary>The station that organised it, when one did.</summary>
    public Guid? StationId { get; private set; }
    public string? Summary { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(EventFacts facts, DateTime now)
    {
        Title = facts.Title;
        Mode = facts.Mode;
        HeldOn = facts.HeldOn;
        RegionCode = facts.RegionCode;
        Place = facts.Place;
        Organizers = facts.Organizers;
        StationId = facts.StationId;
        Summary = facts.Summary;
        UpdatedAt = now;
    }
}

public sealed record EventFacts(string Title, EventMode Mode, DateOnly HeldOn, string RegionCode, string? Place, string? Organizers, Guid? StationId, string? Summary);

/// <summary>
/// 专家对接: one expert at one event, one row each; 专家对接人次 is the count of these rows (an expert at three events is three
/// 人次). The expert is named as written with the institution they came from.
/// </summary>
public sealed class ExpertAttendance : IRegionScoped
{
    private ExpertAttendance()
    {
    }

    public ExpertAttendance(MatchmakingEvent matchmakingEvent, string expertName, Guid? institutionId, string? title, DateTime now)
    {
        Id = Guid.CreateVersion7();
        EventId = matchmakingEvent.Id;
        RegionCode = matchmakingEvent.RegionCode;
        ExpertName = expertName;
        InstitutionId = institutionId;
        Title = title;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string ExpertName { get; private set; } = "";
    public Guid? InstitutionId { get; private set; }

    /// <summary>职称 (教授, 研究员).</summary>
    public string? Title { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}

/// <summary>An enterprise that took part in an event.</summary>
public sealed class EventEnterprise : IRegionScoped
{
    private EventEnterprise()
    {
    }

    public EventEnterprise(MatchmakingEvent matchmakingEvent, Guid organizationId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        EventId = matchmakingEvent.Id;
        RegionCode = matchmakingEvent.RegionCode;
        OrganizationId = organizationId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid OrganizationId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}

public sealed record EventInput(string? Title, string? Mode, DateOnly? HeldOn, string? RegionCode, string? Place, string? Organizers, Guid? StationId,
    string? Summary, IReadOnlyList<Guid>? EnterpriseIds = null);

public sealed record AttendanceInput(string? ExpertName, Guid? InstitutionId, string? Title);

public static class EventRules
{
    public const int TitleMax = 100;
    public const int PlaceMax = 100;
    public const int OrganizersMax = 200;
    public const int SummaryMax = 1000;
    public const int ExpertNameMax = 30;
    public const int ExpertTitleMax = 30;

    public static readonly IReadOnlyDictionary<EventMode, string> ModeNames = new Dictionary<EventMode, string>
    {
        [EventMode.Offline] = "线下",
        [EventMode.Online] = "线上",
    };

    public static EventFacts? Validate(EventInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var title = errors.Text("title", "活动名称", input.Title, TitleMax);
        var mode = errors.Enum("mode", "活动形式", input.Mode, ModeNames);
        if (input.HeldOn is null)
        {
            errors.Add("heldOn", "请填写活动日期");
        }
        else if (input.HeldOn > today.AddYears(1))
        {
            errors.Add("heldOn", "活动日期不能晚于一年以后");
        }
        var region = TransferText.Region(input.RegionCode, "regionCode", "举办地区", regionExists, errors);
        var place = errors.Text("place", "活动地点", input.Place, PlaceMax, required: false);
        var organizers = errors.Text("organizers", "主办（承办）单位", input.Organizers, OrganizersMax, required: false);
        var summary = errors.Text("summary", "活动简介", input.Summary, SummaryMax, required: false);
        return errors.Any ? null : new EventFacts(title, mode!.Value, input.HeldOn!.Value, region, TransferText.OrNull(place), TransferText.OrNull(organizers),
            input.StationId, TransferText.OrNull(summary));
    }

    public static (string Name, string? Title)? ValidateAttendance(AttendanceInput input, FieldErrors errors)
    {
        var name = errors.Text("expertName", "专家姓名", input.ExpertName, ExpertNameMax);
        var title = errors.Text("title", "职称", input.Title, ExpertTitleMax, required: false);
        return errors.Any ? null : (name, TransferText.OrNull(title));
    }

    /// <summary>Experts attend an event once each: the same name from the same institution is the same 人次.</summary>
    public static RuleException DuplicateAttendance(string name) =>
        new("transfer.attendance-exists", $"专家“{name}”已登记参加本次活动");

    /// <summary>Attendance is recorded for an event that took place.</summary>
    public static RuleException? CheckHeld(DateOnly heldOn, DateOnly today) =>
        heldOn > today ? new RuleException("transfer.event-not-held", "活动尚未举办，不能登记专家对接") : null;
}
