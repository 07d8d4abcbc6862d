using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// 企业档案: the cultivation facts of an organisation of kind enterprise. <see cref="OrganizationId"/> is the
/// directory organisation; <see cref="RegionCode"/> its region, so enterprises edit only their own and county staff their county.
/// </summary>
public sealed class EnterpriseProfile : IOrganizationScoped
{
    private EnterpriseProfile()
    {
    }

    public EnterpriseProfile(Guid organizationId, string regionCode, string name, ProfileFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Name = name;
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>The directory name when the profile was last saved (for lists without a cross-module join).</summary>
    public string Name { get; private set; } = "";

    /// <summary>国民经济行业分类 GB/T 4754 code, e.g. C3973.</summary>
    public string IndustryCode { get; private set; } = "";
    public TaxCollectionMode TaxCollection { get; private set; }
    public DateOnly RegistrationDate { get; private set; }
    public bool ResidentEnterprise { get; private set; }
    public bool RestrictedOrEliminated { get; private set; }
    public bool InSupportedField { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsIndustrial => EnterpriseRules.IsIndustrial(IndustryCode);

    public void Update(ProfileFacts facts, DateTime now)
    {
        IndustryCode = facts.IndustryCode;
        TaxCollection = facts.TaxCollection;
        RegistrationDate = facts.RegistrationDate;
        ResidentEnterprise = facts.ResidentEnterprise;
        RestrictedOrEliminated = facts.RestrictedOrEliminated;
        InSupportedField = facts.InSupportedField;
        UpdatedAt = now;
    }

    public void Rename(string name) => Name = name;
}

public sealed record ProfileFacts(string IndustryCode, TaxCollectionMode TaxCollection, DateOnly RegistrationDate, bool ResidentEnterprise, bool RestrictedOrEliminated, bool InSupportedField);
