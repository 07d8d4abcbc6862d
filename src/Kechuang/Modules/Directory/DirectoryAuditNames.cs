using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Directory;

/// <summary>The audit log's names for the directory's tables and the fields of organisations and people.</summary>
internal sealed class DirectoryAuditNames : IAuditVocabulary
{
    public int Order => 100;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } =
    [
        new("directory_organization", "组织"),
        new("directory_person", "人员"),
        new("directory_region", "行政区划"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Name"] = "名称",
        ["Kind"] = "类型",
        ["CreditCode"] = "统一社会信用代码",
        ["RegionCode"] = "行政区划代码",
        ["Address"] = "地址",
        ["ContactName"] = "联系人",
        ["ContactPhone"] = "联系电话",
        ["IsSharedWithAll"] = "全市可见",
        ["OrganizationId"] = "所属组织",
        ["Title"] = "职称/职务",
        ["Fields"] = "专业领域",
        ["Phone"] = "联系电话",
        ["IdNumber"] = "身份证号码",
        ["AccountId"] = "登录账号",
    };
}
