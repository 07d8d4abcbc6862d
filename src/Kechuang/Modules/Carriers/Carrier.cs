using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Data;

namespace Kechuang.Modules.Carriers;

/// <summary>认定级别: county, city, provincial or national (none for a building or a park not yet recognised).</summary>
public enum CarrierLevel
{
    County = 1,
    City = 2,
    Provincial = 3,
    National = 4,
}

/// <summary>建设运营状态.</summary>
public enum CarrierStatus
{
    Planned = 1,
    UnderConstruction = 2,
    Operating = 3,
    Closed = 4,
}

/// <summary>
/// 创新载体: a park, a building in it, or a space (众创空间, 孵化器, 联合创新中心 …). A building or space may lie in
/// another carrier (<see cref="ParentId"/>): 研发总部7#楼 in 武义科技城, 武义网易联合创新中心 in 7#楼. It belongs to the
/// region that runs it: 杭州科创飞地 is 武义县's carrier although it stands in Hangzhou.
/// </summary>
public sealed class Carrier : IRegionScoped
{
    private Carrier()
    {
    }

    public Carrier(CarrierFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public CarrierKind Kind { get; private set; }
    public CarrierLevel? Level { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? ParentId { get; private set; }

    /// <summary>运营主体: a directory organisation (often of kind 园区运营方).</summary>
    public Guid? OperatorId { get; private set; }
    public string? Address { get; private set; }

    /// <summary>面积 in ㎡ (building or usable area), two decimals. Never sorted or summed in SQL.</summary>
    public decimal? Area { get; private set; }
    public DateOnly? OpenedOn { get; private set; }

    /// <summary>
    /// 可入驻单元数: how many enterprises the carrier can house (its units, offices or workstations let to one enterprise
    /// each). Recorded only where a 入驻率 is asked for; the rate is resident enterprises ÷ this, never an official ratio.
    /// </summary>
    public int? Capacity { get; private set; }

    /// <summary>入驻率计算口径 once the carrier has units: occupied units ÷ units handed over, or the same by area.</summary>
    public OccupancyBasis OccupancyBasis { get; private set; } = OccupancyBasis.Units;
    public CarrierStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(CarrierFacts facts, DateTime now)
    {
        Name = facts.Name;
        Kind = facts.Kind;
        Level = facts.Level;
        RegionCode = facts.RegionCode;
        ParentId = facts.ParentId;
        OperatorId = facts.OperatorId;
        Address = facts.Address;
        Area = facts.Area;
        OpenedOn = facts.OpenedOn;
        Capacity = facts.Capacity;
        OccupancyBasis = facts.OccupancyBasis;
        Status = facts.Status;
        UpdatedAt = now;
    }
}

/// <summary>A carrier's validated facts (<see cref="CarrierRules.Validate"/>).</summary>
public sealed record CarrierFacts(string Name, CarrierKind Kind, CarrierLevel? Level, string RegionCode, Guid? ParentId, Guid? OperatorId,
    string? Address, decimal? Area, DateOnly? OpenedOn, CarrierStatus Status, int? Capacity = null, OccupancyBasis OccupancyBasis = OccupancyBasis.Units);
