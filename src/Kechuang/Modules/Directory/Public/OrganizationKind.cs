namespace Kechuang.Modules.Directory.Public;

/// <summary>组织类型: 企业 / 高校院所 / 政府部门 / 服务机构 / 运营方.</summary>
public enum OrganizationKind
{
    Enterprise = 1,
    Institution = 2,
    Government = 3,
    Service = 4,
    Operator = 5,
}

public static class OrganizationKinds
{
    public static readonly IReadOnlyDictionary<OrganizationKind, string> Names = new Dictionary<OrganizationKind, string>
    {
        [OrganizationKind.Enterprise] = "企业",
        [OrganizationKind.Institution] = "高校院所",
        [OrganizationKind.Government] = "政府部门",
        [OrganizationKind.Service] = "服务机构",
        [OrganizationKind.Operator] = "园区运营方",
    };
}
