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
    };

    public static bool IsStaff(this Role role) => role is Role.CityAdmin or Role.CityStaff or Role.CountyStaff;

    /// <summary>Only bureau staff may see full phone and 身份证 numbers.</summary>
    public static bool SeesPersonalNumbers(this Role role) => role.IsStaff();

    /// <summary>Policy names used by endpoints and pages.</summary>
    public const string Admin = "city-admin";
    public const string Staff = "staff";

    /// <summary>Staff plus enterprise and institution accounts (who may edit only their own records, by data scope).</summary>
    public const string Editors = "editors";
}
