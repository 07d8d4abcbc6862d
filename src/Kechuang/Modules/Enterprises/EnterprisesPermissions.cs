using Kechuang.Platform.Access;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// 企业培育's rows of the role-permission table. An enterprise keeps its own profile, year figures and intellectual
/// property (what it declares about itself). What an authority granted it — a 科小 entry or 高企 certificate, a
/// recognised R&amp;D institution, an industrialisation filing, an award and its result — is a fact the bureau records
/// from the official list, not something the enterprise asserts: the enterprise may report its own certificate or award
/// result only as a claim (待确认), which counts once the bureau of its county or city confirms it.
/// </summary>
internal sealed class EnterprisesPermissions : IPermissionContribution
{
    private static readonly IReadOnlyList<Role> StaffAndEnterprises = [.. RoleSets.Staff, Role.Enterprise];

    public static readonly Permission ChangeProfile = new("enterprises.profiles.change", "建立、修改企业培育档案", PermissionKind.Change, StaffAndEnterprises);

    public static readonly Permission ChangeYears = new("enterprises.years.change", "填报、导入企业年度经营数据", PermissionKind.Change, StaffAndEnterprises);

    public static readonly Permission CreateIntellectualProperty = new("enterprises.intellectual-property.create", "登记知识产权", PermissionKind.Create, StaffAndEnterprises);

    public static readonly Permission CreateQualification = new("enterprises.qualifications.create", "登记企业资质（科小入库登记、高企证书）", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission CreateRdInstitution = new("enterprises.rd-institutions.create", "登记企业研发机构", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission CreateFiling = new("enterprises.filings.create", "登记发明专利产业化备案", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission CreateAwardNomination = new("enterprises.award-nominations.create", "登记科技奖励提名及其结果", PermissionKind.Approve, RoleSets.Staff);

    /// <summary>The enterprise reports its own certificate or award result; it counts only once the bureau confirms it.</summary>
    public static readonly Permission SubmitClaim = new("enterprises.claims.submit", "申报本企业的资质、奖项结果（待确认）", PermissionKind.Create, [Role.Enterprise]);

    public static readonly Permission DecideClaim = new("enterprises.claims.decide", "确认、驳回企业申报的资质、奖项结果", PermissionKind.Approve, RoleSets.Staff);

    /// <summary>The list of claims: the enterprise its own, staff those of their county or city (data scope).</summary>
    public static readonly Permission ReadClaims = new("enterprises.claims.read", "查看企业申报的资质、奖项结果", PermissionKind.Read, StaffAndEnterprises);

    public static readonly Permission RunScreening = new("enterprises.screening.run", "运行梯次培育筛选", PermissionKind.Change, RoleSets.Staff);

    public static readonly Permission Evaluate = new("enterprises.evaluations.run", "科技型中小企业、高新技术企业评价测算（不保存）", PermissionKind.Read, RoleSets.Business);

    public string Module => "企业培育";

    public int Order => 30;

    public IEnumerable<Permission> Permissions =>
        [ChangeProfile, ChangeYears, CreateIntellectualProperty, CreateQualification, CreateRdInstitution, CreateFiling, CreateAwardNomination, SubmitClaim, DecideClaim, ReadClaims, RunScreening, Evaluate];
}
