namespace Kechuang.Platform.Access;

/// <summary>
/// 账号与认证's rows of the role-permission table. Everyone signs in and changes their own password; accounts are kept by
/// the city administrator (business accounts) and the security administrator (the three administrator accounts), the
/// handler deciding which of the two a given account belongs to.
/// </summary>
internal sealed class AccessPermissions : IPermissionContribution
{
    public static readonly Permission SignIn = new("access.sign-in", "登录、修改本人密码（无需令牌）", PermissionKind.Change, RoleSets.Everyone);

    public static readonly Permission ManageAccounts = new("access.accounts.manage", "创建、修改、停用、启用、解锁账号，重置密码和动态口令", PermissionKind.Change,
        [Role.CityAdmin, Role.SecurityAdmin]);

    public string Module => "账号与认证";

    public int Order => 0;

    public IEnumerable<Permission> Permissions => [SignIn, ManageAccounts];
}
