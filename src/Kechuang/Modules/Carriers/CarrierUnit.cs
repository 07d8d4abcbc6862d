using Kechuang.Platform.Data;

namespace Kechuang.Modules.Carriers;

/// <summary>单元用途.</summary>
public enum UnitUse
{
    Office = 1,
    Research = 2,
    Production = 3,
    Support = 4,
    Other = 5,
}

/// <summary>What a carrier's 入驻率 divides: its units or their area.</summary>
public enum OccupancyBasis
{
    Units = 1,
    Area = 2,
}

/// <summary>
/// 单元: one lettable unit of a building or space (a floor's 301, an office suite), kept so that occupancy is counted
/// from what is actually let rather than from a number typed on the carrier. It takes the carrier's region.
/// </summary>
public sealed class CarrierUnit : IRegionScoped
{
    private CarrierUnit()
    {
    }

    public CarrierUnit(Guid carrierId, string regionCode, UnitFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CarrierId = carrierId;
        RegionCode = regionCode;
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public Guid CarrierId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Floor { get; private set; }

    /// <summary>单元号 as the building numbers it ("301", "A-12"); unique within the carrier.</summary>
    public string Number { get; private set; } = "";

    /// <summary>面积 in ㎡, two decimals. Summed in memory, never in SQL.</summary>
    public decimal Area { get; private set; }
    public UnitUse Use { get; private set; }

    /// <summary>交付日期: from this day the unit can be let and counts in the rate's divisor; null while not handed over.</summary>
    public DateOnly? AvailableFrom { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// 入驻占用次数: a counter raised each time a resident tenancy names the unit (never lowered: a version, not a count of
    /// current residents). A concurrency token: two tenancies registered at the same moment for one unit both pass the
    /// check for a resident already there, but only the first save may claim it.
    /// </summary>
    public int Claims { get; private set; }

    public bool IsAvailableOn(DateOnly day) => AvailableFrom is { } from && from <= day;

    public void Update(UnitFacts facts, DateTime now)
    {
        Floor = facts.Floor;
        Number = facts.Number;
        Area = facts.Area;
        Use = facts.Use;
        AvailableFrom = facts.AvailableFrom;
        UpdatedAt = now;
    }

    public void Claim() => Claims++;
}

/// <summary>A unit's validated facts (<see cref="UnitRules.Validate"/>).</summary>
public sealed record UnitFacts(int Floor, string Number, decimal Area, UnitUse Use, DateOnly? AvailableFrom);

/// <summary>
/// 入驻单元: a unit a resident tenancy occupies, for the tenancy's days. Scoped like the tenancy: the carrier's region,
/// the enterprise as its organisation.
/// </summary>
public sealed class TenancyUnit : IOrganizationScoped
{
    private TenancyUnit()
    {
    }

    public TenancyUnit(Tenancy tenancy, Guid unitId)
    {
        Id = Guid.CreateVersion7();
        TenancyId = tenancy.Id;
        UnitId = unitId;
        RegionCode = tenancy.RegionCode;
        OrganizationId = tenancy.OrganizationId;
        CreatedAt = tenancy.CreatedAt;
    }

    public Guid Id { get; private set; }
    public Guid TenancyId { get; private set; }
    public Guid UnitId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
