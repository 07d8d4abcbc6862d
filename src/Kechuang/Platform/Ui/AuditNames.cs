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
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return new() { ["值"] = json };
        }
    }
}
