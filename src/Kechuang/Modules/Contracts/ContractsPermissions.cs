using Kechuang.Platform.Access;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// 技术合同登记's rows of the role-permission table. The seller registers its contract (an enterprise or institution
/// for itself, staff for paper contracts of their region's sellers); only the bureau of the seller's region decides.
/// </summary>
internal sealed class ContractsPermissions : IPermissionContribution
{
    public static readonly Permission Read = new("contracts.read", "查看技术合同", PermissionKind.Read, RoleSets.StaffAndOrganizations);

    public static readonly Permission Create = new("contracts.create", "填报、导入技术合同", PermissionKind.Create, RoleSets.StaffAndOrganizations);

    public static readonly Permission Change = new("contracts.change", "修改技术合同、上传附件", PermissionKind.Change, RoleSets.StaffAndOrganizations);

    public static readonly Permission Submit = new("contracts.submit", "提交技术合同登记", PermissionKind.Change, RoleSets.StaffAndOrganizations);

    public static readonly Permission Approve = new("contracts.approve", "受理审核、退回补正、不予登记、予以登记技术合同", PermissionKind.Approve, RoleSets.Staff);

    /// <summary>Registration points are the city body's: it sets up its counties' points and their codes.</summary>
    public static readonly Permission ChangePoints = new("contracts.points.change", "设立、修改合同登记点", PermissionKind.Change, [Role.CityAdmin, Role.CityStaff]);

    public string Module => "技术合同登记";

    public int Order => 20;

    public IEnumerable<Permission> Permissions => [Read, Create, Change, Submit, Approve, ChangePoints];
}
