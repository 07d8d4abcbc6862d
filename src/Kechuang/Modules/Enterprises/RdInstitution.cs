using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>研发机构类别: 研发中心 / 企业研究院 / 重点企业研究院 / 重点实验室 / 重点农业企业研究院.</summary>
public enum RdInstitutionKind
{
    RdCenter = 1,
    EnterpriseInstitute = 2,
    KeyEnterpriseInstitute = 3,
    KeyLab = 4,

    /// <summary>省重点农业企业研究院: an agricultural programme of its own, not counted as a 重点企业研究院.</summary>
    KeyAgriInstitute = 5,
}

/// <summary>级别: 县级 / 市级 / 省级 / 国家级.</summary>
public enum Level
{
    County = 1,
    City = 2,
    Provincial = 3,
    National = 4,
}

/// <summary>研发机构 of an enterprise, recognised at a level in a year.</summary>
public sealed class RdInstitution : IOrganizationScoped
{
    private RdInstitution()
    {
    }

    public RdInstitution(Guid organizationId, string regionCode, string name, RdInstitutionKind kind, Level level, int year, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Name = name;
        Kind = kind;
        Level = level;
        Year = year;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public RdInstitutionKind Kind { get; private set; }
    public Level Level { get; private set; }

    /// <summary>Year of recognition.</summary>
    public int Year { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
