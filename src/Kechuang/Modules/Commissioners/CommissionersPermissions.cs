using Kechuang.Platform.Access;

namespace Kechuang.Modules.Commissioners;

/// <summary>科技特派员's rows of the role-permission table: the bureau's staff keep the dispatches and enter the services.</summary>
internal sealed class CommissionersPermissions : IPermissionContribution
{
    public static readonly Permission Change = new("commissioners.change", "登记、修改、导入科技特派员派驻", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeNeeds = new("commissioners.needs.change", "登记、修改需求摸底", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeProjects = new("commissioners.projects.change", "登记、修改、导入科技特派员项目", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission RecordServices = new("commissioners.services.create", "登记、修改、导入科技特派员服务记录", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission ConfirmServices = new("commissioners.services.confirm", "凭确认码确认走访、技术帮扶记录", PermissionKind.Change, RoleSets.Staff);

    public string Module => "科技特派员";

    public int Order => 55;

    /// <summary>
    /// The served farmer or enterprise, who has no account: no role holds it; the code in the confirmation link is the
    /// credential, and it confirms that one record (docs/security.md, S12).
    /// </summary>
    public static readonly Permission ConfirmByLink = new("commissioners.services.confirm-by-link", "服务对象凭确认链接确认本次服务（无需账号）", PermissionKind.Change, []);

    public IEnumerable<Permission> Permissions => [Change, ChangeNeeds, ChangeProjects, RecordServices, ConfirmServices, ConfirmByLink];
}
