using System.Globalization;
using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A carrier as lists and the API show it, with its registered and resident enterprises counted on <see cref="CountedOn"/>.</summary>
public sealed record CarrierDto(Guid Id, string Name, string Kind, string KindName, string? Level, string? LevelName,
    string RegionCode, string RegionName, Guid? ParentId, string? ParentName, Guid? OperatorId, string? OperatorName,
    string? Address, decimal? Area, DateOnly? OpenedOn, string Status, string StatusName,
    int RegisteredCount, int ResidentCount, DateOnly CountedOn, DateTime CreatedAt, int? Capacity = null, decimal? OccupancyRate = null,
    string OccupancyBasis = "units", string? OccupancyMeasure = null, decimal? Occupied = null, decimal? Available = null)
{
    /// <summary>
    /// 入驻率 in per cent (one decimal) on <see cref="CountedOn"/>: from the carrier's units where it has any (occupied ÷ handed
    /// over, by <see cref="OccupancyBasis"/>: units or ㎡), else resident enterprises ÷ <see cref="Capacity"/>; none without either.
    /// <see cref="OccupancyMeasure"/> says which (units, area or capacity); <see cref="Occupied"/> and <see cref="Available"/> are its terms.
    /// </summary>
    /// <summary>The rate's terms in words, as the detail page shows them beside it.</summary>
    public string? OccupancyTerms => OccupancyMeasure switch
    {
        "units" => string.Create(CultureInfo.InvariantCulture, $"已入驻单元 {Occupied:0} ÷ 已交付单元 {Available:0}"),
        "area" => string.Create(CultureInfo.InvariantCulture, $"已入驻面积 {Occupied:#,0.##} ㎡ ÷ 已交付面积 {Available:#,0.##} ㎡"),
        "capacity" => string.Create(CultureInfo.InvariantCulture, $"{ResidentCount} ÷ 可入驻单元 {Capacity}"),
        _ => null,
    };

    internal static CarrierDto From(Carrier c, IReadOnlyDictionary<string, string> regions, IReadOnlyDictionary<Guid, string> names,
        IReadOnlyDictionary<Guid, TenantCounts> counts, IReadOnlyDictionary<Guid, Occupancy> occupancy, DateOnly countedOn)
    {
        var count = counts.GetValueOrDefault(c.Id);
        var rate = occupancy.GetValueOrDefault(c.Id);
        return new CarrierDto(c.Id, c.Name, Kebab.From(c.Kind), CarrierKinds.Names[c.Kind],
            c.Level is { } level ? Kebab.From(level) : null, c.Level is { } l ? CarrierRules.LevelNames[l] : null,
            c.RegionCode, regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
            c.ParentId, c.ParentId is { } p ? names.GetValueOrDefault(p) : null,
            c.OperatorId, c.OperatorId is { } o ? names.GetValueOrDefault(o) : null,
            c.Address, c.Area, c.OpenedOn, Kebab.From(c.Status), CarrierRules.StatusNames[c.Status],
            count.Registered, count.Resident, countedOn, c.CreatedAt, c.Capacity, rate?.Rate,
            Kebab.From(c.OccupancyBasis), rate is null ? null : Kebab.From(rate.Measure), rate?.Occupied, rate?.Available);
    }
}

/// <summary>Current registered (注册) and resident (入驻) enterprises of one carrier.</summary>
public readonly record struct TenantCounts(int Registered, int Resident);

/// <summary>One tenancy with its enterprise's name and credit code (from the directory).</summary>
public sealed record TenancyDto(Guid Id, Guid CarrierId, string CarrierName, Guid EnterpriseId, string EnterpriseName, string CreditCode,
    string Kind, string KindName, DateOnly EnteredOn, DateOnly? LeftOn, bool Current);
