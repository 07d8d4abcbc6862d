using Kechuang.Platform.Excel;

namespace Kechuang.Platform.Access;

/// <summary>The account list's export, as the account page lists them.</summary>
public static class AccountSheet
{
    public static readonly ExportSheet<AccountDto> Export = new ExportSheet<AccountDto>("账号清单.xlsx", "access_account")
        .Column("用户名", a => a.UserName)
        .Column("姓名", a => a.DisplayName)
        .Column("角色", a => a.RoleName)
        .Column("行政区划代码", a => a.RegionCode)
        .Column("状态", a => a.Disabled ? "已停用" : a.Locked ? "已锁定" : "正常")
        .Column("最近登录", a => a.LastSignInAt is { } at ? Ui.UiFormat.Time(at) : null);
}
