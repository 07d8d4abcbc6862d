using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Matching;

/// <summary>The audit log's names for the matching tables and their fields.</summary>
internal sealed class MatchingAuditNames : IAuditVocabulary
{
    public int Order => 680;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new(MatchingEntities.Synonym, "同义词组"),
        new(MatchingEntities.Word, "领域词"),
        new(MatchingEntities.Feedback, "匹配反馈"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Words"] = "同义词",
        ["Note"] = "说明",
        ["Word"] = "领域词",
        ["Industry"] = "所属产业",
        ["TargetId"] = "匹配结果",
        ["DemandId"] = "需求",
        ["QueryText"] = "需求内容",
        ["Terms"] = "需求词",
        ["Useful"] = "是否有用",
        ["Account"] = "标记人",
    };
}
