using Kechuang.Platform.Access;

namespace Kechuang.Modules.Carriers;

/// <summary>创新载体's rows of the role-permission table: the bureau keeps carriers and their tenants.</summary>
internal sealed class CarriersPermissions : IPermissionContribution
{
    public static readonly Permission Create = new("carriers.create", "新增创新载体", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission Change = new("carriers.change", "修改创新载体", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeTenancies = new("carriers.tenancies.change", "登记企业入驻、迁出，导入入驻企业", PermissionKind.Change, RoleSets.Staff);

    public string Module => "创新载体";

    public int Order => 50;

    public IEnumerable<Permission> Permissions => [Create, Change, ChangeTenancies];
}
