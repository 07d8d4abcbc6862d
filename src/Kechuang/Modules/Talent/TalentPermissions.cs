using Kechuang.Platform.Access;

namespace Kechuang.Modules.Talent;

/// <summary>人才工作's rows of the role-permission table: the bureau recommends talents and keeps the 百博入企 records.</summary>
internal sealed class TalentPermissions : IPermissionContribution
{
    public static readonly Permission ChangeApplications = new("talent.applications.change", "登记、修改高层次人才项目申报及评审结果，导入申报", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangePhds = new("talent.phds.change", "登记百博入企博士档案、企业需求和推荐上报，导入推荐", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeIntroductions = new("talent.introductions.change", "登记、修改引进人才", PermissionKind.Change, RoleSets.Staff);

    public string Module => "人才工作";

    public int Order => 60;

    public IEnumerable<Permission> Permissions => [ChangeApplications, ChangePhds, ChangeIntroductions];
}
