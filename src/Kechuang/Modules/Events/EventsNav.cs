using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Events;

/// <summary>The events menu group; titles in EventsNav.resx.</summary>
internal sealed class EventsNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("events", 480, "notification", "Menu_Events", null, typeof(EventsNav),
        [
            new("event-list", "/events", "Menu_EventList"),
            new("media-reports", "/events/media-reports", "Menu_MediaReports"),
        ]),
    ];
}
