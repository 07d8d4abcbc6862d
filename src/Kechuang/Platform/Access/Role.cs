namespace Kechuang.Platform.Access;

/// <summary>账号角色. API spelling is kebab-case: <c>city-admin</c>, <c>county-staff</c>, ….</summary>
public enum Role
{
    CityAdmin = 1,
    CityStaff = 2,
    CountyStaff = 3,
    Enterprise = 4,
    Institution = 5,
    Expert = 6,

    /// <summary>安全管理员: manages the administrator accounts, locks and second factors; sees no business records.</summary>
    SecurityAdmin = 7,

    /// <summary>审计管理员: reads, exports and verifies the audit log, and nothing else.</summary>
    AuditAdmin = 8,
}

public static class Roles
{
    public static readonly IReadOnlyDictionary<Role, string> Names = new Dictionary<Role, string>
    {
        [Role.CityAdmin] = "市局管理员",
        [Role.CityStaff] = "市局工作人员",
        [Role.CountyStaff] = "县（市、区）科技局工作人员",
        [Role.Enterprise] = "企业用户",
        [Role.Institution] = "高校院所用户",
        [Role.Expert] = "专家（含科技特派员、博士）",
        [Role.SecurityAdmin] = "安全管理员",
        [Role.AuditAdmin] = "审计管理员",
    };

    public static bool IsStaff(this Role role) => role is Role.CityAdmin or Role.CityStaff or Role.CountyStaff;

    /// <summary>
    /// The three administrators of 等保's separation of duties: 系统管理员 (<see cref="Role.CityAdmin"/>: business accounts
    /// and data), 安全管理员 and 审计管理员. Each must use a second factor; no one of them can do another's work.
    /// </summary>
    public static bool IsAdministrator(this Role role) => role is Role.CityAdmin or Role.SecurityAdmin or Role.AuditAdmin;

    /// <summary>Only bureau staff may see full phone and 身份证 numbers.</summary>
    public static bool SeesPersonalNumbers(this Role role) => role.IsStaff();

    /// <summary>Policy names used by endpoints and pages.</summary>
    public const string Admin = "city-admin";

    /// <summary>Who opens the account list: the city administrator (business accounts) and the security administrator (administrator accounts).</summary>
    public const string AccountAdmins = "account-admins";

    /// <summary>Who reads the audit log: the audit administrator only.</summary>
    public const string Auditors = "auditors";

    /// <summary>Any of the three administrators (the 系统 menu).</summary>
    public const string Administrators = "administrators";
    public const string Staff = "staff";

    /// <summary>Bureau staff and enterprises: where an enterprise files its own claims and staff decide them.</summary>
    public const string StaffAndEnterprises = "staff-and-enterprises";

}
