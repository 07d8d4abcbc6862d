using Kechuang.Platform.Access;

namespace Kechuang.Modules.Transfer;

/// <summary>技术转移's rows of the role-permission table: the bureau keeps stations, events, cooperations and projects; an enterprise posts its own demands.</summary>
internal sealed class TransferPermissions : IPermissionContribution
{
    private static readonly IReadOnlyList<Role> StaffAndEnterprises = [.. RoleSets.Staff, Role.Enterprise];

    public static readonly Permission CreateStations = new("transfer.stations.create", "新增、导入技术转移中心（工作站）", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission ChangeStations = new("transfer.stations.change", "修改技术转移中心（工作站）", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission Assess = new("transfer.assessments.change", "设置考核办法，登记工作站年度考核", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission RecordPayments = new("transfer.payments.create", "登记工作站工作经费、考核奖励兑现", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission ChangeEvents = new("transfer.events.change", "登记、修改对接活动及参加的专家", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission CreateDemands = new("transfer.demands.create", "发布、登记、导入技术和人才需求（企业仅限本企业）", PermissionKind.Create, StaffAndEnterprises);

    public static readonly Permission ChangeDemands = new("transfer.demands.change", "修改需求（企业仅限本企业）", PermissionKind.Change, StaffAndEnterprises);

    public static readonly Permission MoveDemands = new("transfer.demands.status", "变更需求状态（对接、合作、关闭），组织需求征集", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission CreateCooperations = new("transfer.cooperations.create", "登记、导入校企合作", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission ChangeCooperations = new("transfer.cooperations.change", "修改校企合作", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeProjects = new("transfer.projects.change", "登记、修改院县科技合作项目", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission ChangeKeyLabs = new("transfer.key-labs.change", "登记、修改重点实验室和产业研究院及其认定环节", PermissionKind.Change, RoleSets.Staff);

    public string Module => "技术转移";

    public int Order => 60;

    public IEnumerable<Permission> Permissions =>
        [CreateStations, ChangeStations, Assess, RecordPayments, ChangeEvents, CreateDemands, ChangeDemands, MoveDemands, CreateCooperations, ChangeCooperations,
            ChangeProjects, ChangeKeyLabs];
}
