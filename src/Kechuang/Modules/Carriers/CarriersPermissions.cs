using Kechuang.Platform.Access;

namespace Kechuang.Modules.Carriers;

/// <summary>创新载体's rows of the role-permission table: the bureau keeps carriers and their tenants.</summary>
internal sealed class CarriersPermissions : IPermissionContribution
{
    public static readonly Permission Create = new("carriers.create", "新增创新载体", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission Change = new("carriers.change", "修改创新载体", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeTenancies = new("carriers.tenancies.change", "登记企业入驻、迁出，导入入驻企业", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeUnits = new("carriers.units.change", "登记、修改楼宇和空间的单元", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeParcels = new("carriers.parcels.change", "登记、修改供地地块及其办理环节", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeProjects = new("carriers.projects.change", "登记、修改建设项目，填报里程碑和形象进度", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission RecordPayments = new("carriers.payments.create", "登记飞地资金拨付、收回", PermissionKind.Create, RoleSets.Staff);

    public string Module => "创新载体";

    public int Order => 50;

    public IEnumerable<Permission> Permissions => [Create, Change, ChangeTenancies, ChangeUnits, ChangeParcels, ChangeProjects, RecordPayments];
}
