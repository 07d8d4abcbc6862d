using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Events;

/// <summary>The audit log's names for the events tables and their fields.</summary>
internal sealed class EventsAuditNames : IAuditVocabulary
{
    public int Order => 650;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("events_event", "主题活动"),
        new("events_media_report", "媒体报道"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Title"] = "标题",
        ["HeldOn"] = "活动日期",
        ["Organisers"] = "主办单位",
        ["Partners"] = "承办、协办单位",
        ["Place"] = "活动地点",
        ["Description"] = "活动简介",
        ["Outlet"] = "媒体名称",
        ["Medium"] = "媒体类型",
        ["PublishedOn"] = "报道日期",
        ["Link"] = "报道链接",
        ["EventId"] = "报道的活动",
        ["Subject"] = "报道对象",
    };
}
