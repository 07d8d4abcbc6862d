using System.Text.Json;

namespace Kechuang.Platform.Ui;

/// <summary>Chinese names of audit actions and the platform's audited tables, and a field-by-field view of before/after.</summary>
public static class AuditNames
{
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["create"] = "新增",
        ["update"] = "修改",
        ["delete"] = "删除",
        ["export"] = "导出",
        ["sign-in"] = "登录成功",
        ["sign-in-failure"] = "登录失败",
        ["sign-in-locked"] = "锁定期间尝试登录",
        ["lockout"] = "账号锁定",
        ["sign-out"] = "退出登录",
        ["unlock"] = "解锁",
        ["password-reset"] = "重置密码",
        ["password-change"] = "修改密码",
    };

    /// <summary>Tables of the platform and the directory; other modules' tables show their own name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["access_account"] = "账号",
        ["directory_organization"] = "组织",
        ["directory_person"] = "人员",
        ["directory_region"] = "行政区划",
        ["audit_entry"] = "审计日志",
    };

    /// <summary>Chinese names of the recorded fields that the platform and the directory write.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Id"] = "标识",
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
        ["UserName"] = "用户名",
        ["DisplayName"] = "姓名",
        ["Role"] = "角色",
        ["Disabled"] = "已停用",
        ["FailedSignIns"] = "连续失败次数",
        ["LockedUntil"] = "锁定截止",
        ["MustChangePassword"] = "须修改密码",
        ["PasswordChangedAt"] = "密码修改时间",
        ["PasswordHash"] = "密码（哈希）",
        ["LastSignInAt"] = "最近登录时间",
        ["CreatedAt"] = "创建时间",
        ["UpdatedAt"] = "更新时间",
        ["reason"] = "原因",
        ["rows"] = "行数",
        ["failures"] = "失败次数",
        ["until"] = "截至",
    };

    public static string Field(string field) => Fields.GetValueOrDefault(field, field);

    /// <summary>Who acted: sign-in steps run before the session exists, start-up loads run as the system.</summary>
    public static string Account(string account) => account switch
    {
        "anonymous" => "（登录过程）",
        _ when account.StartsWith("system:", StringComparison.Ordinal) => $"系统（{(account == "system:startup" ? "启动初始化" : account[7..])}）",
        _ => account,
    };

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string Entity(string entity) => Entities.GetValueOrDefault(entity, entity);

    /// <summary>One row per field present before or after, marking the ones that changed.</summary>
    public static List<(string Field, string? Before, string? After, bool Changed)> Diff(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys).Order(StringComparer.Ordinal)
            .Select(k =>
            {
                var x = b.GetValueOrDefault(k);
                var y = a.GetValueOrDefault(k);
                return (k, x, y, before is not null && after is not null && x != y);
            })
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { ["值"] = json };
            }
            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.True => "是",
                    JsonValueKind.False => "否",
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return new() { ["值"] = json };
        }
    }
}
