using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Suggestions;

/// <summary>The audit log's names for the suggestion tables and their fields.</summary>
internal sealed class SuggestionsAuditNames : IAuditVocabulary
{
    public int Order => 700;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("suggestions_suggestion", "人大代表建议"),
        new("suggestions_co_handler", "会办单位"),
        new("suggestions_contact", "与代表面商"),
        new("suggestions_step", "建议办理过程"),
        new("suggestions_reply_template", "答复函模板"),
        new("suggestions_reply_version", "答复函版本"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Number"] = "建议编号",
        ["Title"] = "建议标题",
        ["suggestions_reply_version.Number"] = "版本号",
        ["suggestions_reply_version.Title"] = "答复函标题",
        ["suggestions_reply_template.Title"] = "答复函标题",
        ["Representatives"] = "提出建议的代表",
        ["RepresentativePhone"] = "代表联系电话",
        ["Session"] = "会议",
        ["Summary"] = "内容摘要",
        ["ReceivedOn"] = "收到日期",
        ["Status"] = "办理状态",
        ["AssignedOn"] = "交办日期",
        ["LeadUnitId"] = "主办单位",
        ["Deadline"] = "答复期限",
        ["Extended"] = "已延期",
        ["ExtensionReason"] = "延期理由",
        ["SignedForOn"] = "签收日期",
        ["RepliedOn"] = "答复日期",
        ["FirstRepliedOn"] = "首次答复日期",
        ["FirstReplyOnTime"] = "首次答复按期",
        ["Classification"] = "答复分类",
        ["ReplyNumber"] = "答复文号",
        ["ReplyContactName"] = "答复联系人",
        ["ReplyContactPhone"] = "答复联系电话",
        ["Satisfaction"] = "代表意见",
        ["FeedbackOn"] = "反馈日期",
        ["RehandleCount"] = "重新办理次数",
        ["PublishedOn"] = "公开日期",
        ["SuggestionId"] = "建议",
        ["OpinionDueOn"] = "会办意见期限",
        ["OpinionOn"] = "会办意见日期",
        ["Opinion"] = "会办意见",
        ["Stage"] = "面商时机",
        ["ContactedOn"] = "面商日期",
        ["Way"] = "面商方式",
        ["Note"] = "面商情况",
        ["Action"] = "办理环节",
        ["Day"] = "日期",
        ["Text"] = "说明",
        ["RecordedBy"] = "记录人",
        ["RecordedAt"] = "记录时间",
        ["Body"] = "正文",
        ["UpdatedBy"] = "修改人",
        ["Signatory"] = "落款单位",
        ["LetterDate"] = "成文日期",
        ["FiguresJson"] = "数字及其来源",
        ["GeneratedBy"] = "生成人",
        ["GeneratedAt"] = "生成时间",
    };
}
