using Kechuang.Platform.Access;

namespace Kechuang.Modules.Directory;

/// <summary>
/// 组织与人员's rows of the role-permission table. Bureau staff keep the directory; an enterprise or institution corrects
/// its own entry and keeps its own people (the data scope limits it to them). Imports are the bureau's.
/// </summary>
internal sealed class DirectoryPermissions : IPermissionContribution
{
    public static readonly Permission CreateOrganization = new("directory.organizations.create", "新增、导入组织", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission ChangeOrganization = new("directory.organizations.change", "修改组织", PermissionKind.Change, RoleSets.StaffAndOrganizations);

    public static readonly Permission CreatePerson = new("directory.people.create", "新增人员", PermissionKind.Create, RoleSets.StaffAndOrganizations);

    public static readonly Permission ImportPeople = new("directory.people.import", "导入人员", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission ChangePerson = new("directory.people.change", "修改人员", PermissionKind.Change, RoleSets.StaffAndOrganizations);

    public string Module => "组织与人员";

    public int Order => 10;

    public IEnumerable<Permission> Permissions => [CreateOrganization, ChangeOrganization, CreatePerson, ImportPeople, ChangePerson];
}
