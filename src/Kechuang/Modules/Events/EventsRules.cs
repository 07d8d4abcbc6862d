using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Events;

public sealed record EventInput(string? Title, DateOnly? HeldOn, string? Organisers, string? Partners, string? Place, string? RegionCode, string? Description);

public sealed record MediaReportInput(string? Outlet, string? Medium, DateOnly? PublishedOn, string? Title, string? Link, Guid? EventId, string? Subject, string? RegionCode);

/// <summary>The events module's rules, shared by the API and the import; pure functions.</summary>
public static class EventsRules
{
    public static readonly IReadOnlyDictionary<MediaKind, string> MediumNames = new Dictionary<MediaKind, string>
    {
        [MediaKind.Online] = "网络",
        [MediaKind.Newspaper] = "报纸",
        [MediaKind.Television] = "电视",
        [MediaKind.NewMedia] = "新媒体",
    };

    public static EventFacts? ValidateEvent(EventInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var title = errors.Text("title", "活动名称", input.Title, 100);
        if (input.HeldOn is not { } held)
        {
            errors.Add("heldOn", "请填写活动日期");
        }
        else if (held > today.AddYears(1))
        {
            errors.Add("heldOn", "活动日期不能晚于一年以后");
        }
        var organisers = errors.Text("organisers", "主办单位", input.Organisers, 200);
        var partners = errors.Text("partners", "承办、协办单位", input.Partners, 200, required: false);
        var place = errors.Text("place", "活动地点", input.Place, 100, required: false);
        var description = errors.Text("description", "活动简介", input.Description, 1000, required: false);
        var region = Region(input.RegionCode, regionExists, errors);
        return errors.Any ? null : new EventFacts(region, title, input.HeldOn!.Value, organisers, Empty(partners), Empty(place), Empty(description));
    }

    /// <summary>An outlet, medium, day (not after today) and title; a link that is an http(s) address; an event or a subject, not neither.</summary>
    public static MediaReportFacts? ValidateReport(MediaReportInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var outlet = errors.Text("outlet", "媒体名称", input.Outlet, 50);
        var medium = errors.Enum("medium", "媒体类型", input.Medium, MediumNames);
        if (input.PublishedOn is not { } published)
        {
            errors.Add("publishedOn", "请填写报道日期");
        }
        else if (published > today)
        {
            errors.Add("publishedOn", "报道日期不能晚于今天");
        }
        var title = errors.Text("title", "报道标题", input.Title, 200);
        var link = errors.Text("link", "报道链接", input.Link, 500, required: false);
        if (link.Length > 0 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add("link", "报道链接应以 http:// 或 https:// 开头");
        }
        var subject = errors.Text("subject", "报道对象", input.Subject, 200, required: false);
        if (input.EventId is null && subject.Length == 0)
        {
            errors.Add("subject", "请选择报道的活动或填写报道对象");
        }
        var region = Region(input.RegionCode, regionExists, errors);
        return errors.Any ? null
            : new MediaReportFacts(region, outlet, medium!.Value, input.PublishedOn!.Value, title, Empty(link), input.EventId, Empty(subject));
    }

    public static RuleException DuplicateReport(string outlet) => new("events.duplicate-report", $"已登记{outlet}同日同题的报道");

    private static string Region(string? code, Func<string, bool> regionExists, FieldErrors errors)
    {
        var region = code?.Trim() ?? "";
        if (region.Length == 0)
        {
            errors.Add("regionCode", "请选择所在行政区划");
        }
        else if (!regionExists(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        return region;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
