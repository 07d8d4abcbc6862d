using Kechuang.Platform.Access;

namespace Kechuang.Modules.Programs;

/// <summary>
/// 科技计划's rows of the role-permission table: the bureau publishes calls and runs the review, approval and
/// implementation; an organisation submits its own application and asks for acceptance; an expert scores what they
/// were assigned.
/// </summary>
internal sealed class ProgramsPermissions : IPermissionContribution
{
    public static readonly Permission Calls = new("programs.calls.change", "发布、修改申报通知（指南）", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission Submit = new("programs.applications.submit", "填报、修改、导入科技计划项目申报", PermissionKind.Create, RoleSets.StaffAndOrganizations);

    public static readonly Permission Review = new("programs.review", "形式审查、指派评审专家、汇总评审结果、推荐上报", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission Decide = new("programs.decide", "立项公示、登记和处理异议、立项或不予立项", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission Implement = new("programs.implement", "签订任务书、中期检查、延期、验收结论、绩效评价", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission RequestAcceptance = new("programs.acceptance.request", "申请项目验收", PermissionKind.Create, RoleSets.StaffAndOrganizations);

    public static readonly Permission Score = new("programs.scores.submit", "专家评分、声明回避", PermissionKind.Change, [Role.Expert]);

    public string Module => "科技计划";

    public int Order => 66;

    public IEnumerable<Permission> Permissions => [Calls, Submit, Review, Decide, Implement, RequestAcceptance, Score];
}
