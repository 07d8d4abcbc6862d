using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// 入驻/注册记录: one enterprise registered in or resident in one carrier from a day until it leaves. Counts of a
/// carrier's registered and resident enterprises are computed from these, never stored. The record takes the
/// carrier's region (the county that runs the carrier sees its tenants, wherever they are registered) and the
/// enterprise as its organisation (an enterprise account sees its own tenancies).
/// </summary>
public sealed class Tenancy : IOrganizationScoped
{
    private Tenancy()
    {
    }

    public Tenancy(Guid carrierId, string regionCode, Guid organizationId, TenancyKind kind, DateOnly enteredOn, DateOnly? leftOn, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CarrierId = carrierId;
        RegionCode = regionCode;
        OrganizationId = organizationId;
        Kind = kind;
        EnteredOn = enteredOn;
        LeftOn = leftOn;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CarrierId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public TenancyKind Kind { get; private set; }
    public DateOnly EnteredOn { get; private set; }

    /// <summary>迁出日期: the last day in the carrier; null while the enterprise is there.</summary>
    public DateOnly? LeftOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsCurrentOn(DateOnly day) => EnteredOn <= day && (LeftOn is null || LeftOn >= day);

    /// <summary>Ends the tenancy on <paramref name="leftOn"/> (its last day), which may not precede the entry.</summary>
    public void End(DateOnly leftOn, DateTime now)
    {
        if (LeftOn is not null)
        {
            throw new RuleException("carriers.tenancy-ended", $"该记录已于 {LeftOn:yyyy-MM-dd} 迁出");
        }
        if (leftOn < EnteredOn)
        {
            throw InputException.For("leftOn", $"迁出日期不能早于{TenancyKinds.Names[Kind]}日期 {EnteredOn:yyyy-MM-dd}");
        }
        LeftOn = leftOn;
        UpdatedAt = now;
    }
}
