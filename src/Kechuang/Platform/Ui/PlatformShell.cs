using Kechuang.Platform.Access;
using Kechuang.Platform.Ui.Resources;

namespace Kechuang.Platform.Ui;

/// <summary>
/// The platform's own menu group, last in the menu: accounts for the city and the security administrator, the audit
/// log for the audit administrator (separation of duties).
/// </summary>
internal sealed class SystemNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("system", 900, "setting", "Menu_System", Roles.Administrators, typeof(Shell),
        [
            new("accounts", "/admin/accounts", "Menu_Accounts", Roles.AccountAdmins),
            new("audit", "/admin/audit", "Menu_Audit", Roles.Auditors),
        ]),
    ];

    public IEnumerable<QuickLink> QuickLinks =>
    [
        new(910, "/admin/accounts", "safety", "Quick_Accounts", typeof(Shell), Roles.AccountAdmins),
        new(920, "/admin/audit", "audit", "Quick_Audit", typeof(Shell), Roles.Auditors),
    ];
}

/// <summary>
/// What the platform records: the generic actions of every module (create, update, delete, export), sign-in and
/// account events, the account table, and the fields of accounts and of those events' details. First in every filter.
/// </summary>
internal sealed class PlatformAuditVocabulary : IAuditVocabulary
{
    public int Order => 0;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } = [new("access_account", "账号")];

    public IReadOnlyList<KeyValuePair<string, string>> Actions { get; } =
    [
        new("create", "新增"),
        new("update", "修改"),
        new("delete", "删除"),
        new("export", "导出"),
        new("sign-in", "登录成功"),
        new("sign-in-failure", "登录失败"),
        new("sign-in-locked", "锁定期间尝试登录"),
        new("sign-in-throttled", "登录过于频繁（限速）"),
        new("lockout", "账号锁定"),
        new("sign-out", "退出登录"),
        new("unlock", "解锁"),
        new("password-reset", "重置密码"),
        new("password-change", "修改密码"),
        new("second-factor-enrol", "绑定动态口令"),
        new("second-factor-reset", "重置动态口令"),
        new("recovery-code-used", "使用恢复码"),
    ];

    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Id"] = "标识",
        ["RegionCode"] = "行政区划代码",
        ["OrganizationId"] = "所属组织",
        ["UserName"] = "用户名",
        ["DisplayName"] = "姓名",
        ["Role"] = "角色",
        ["Disabled"] = "已停用",
        ["FailedSignIns"] = "连续失败次数",
        ["LockedUntil"] = "锁定截止",
        ["MustChangePassword"] = "须修改密码",
        ["PasswordChangedAt"] = "密码修改时间",
        ["PasswordHash"] = "密码（哈希）",
        ["SecurityStamp"] = "安全戳",
        ["TotpSecret"] = "动态口令密钥",
        ["TotpLastStep"] = "动态口令最近时间步",
        ["SecondFactorSince"] = "绑定动态口令时间",
        ["attempts"] = "尝试次数",
        ["LastSignInAt"] = "最近登录时间",
        ["CreatedAt"] = "创建时间",
        ["UpdatedAt"] = "更新时间",
        ["reason"] = "原因",
        ["rows"] = "行数",
        ["failures"] = "失败次数",
        ["until"] = "截至",
    };
}

/// <summary>The audit log's own entries (its exports): listed after every module's tables.</summary>
internal sealed class AuditLogVocabulary : IAuditVocabulary
{
    public int Order => 1000;

    public IReadOnlyList<KeyValuePair<string, string>> Entities { get; } = [new("audit_entry", "审计日志")];
}
