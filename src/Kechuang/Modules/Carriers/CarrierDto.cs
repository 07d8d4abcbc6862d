using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Carriers;

/// <summary>A carrier as lists and the API show it, with its registered and resident enterprises counted on <see cref="CountedOn"/>.</summary>
public sealed record CarrierDto(Guid Id, string Name, string Kind, string KindName, string? Level, string? LevelName,
    string RegionCode, string RegionName, Guid? ParentId, string? ParentName, Guid? OperatorId, string? OperatorName,
    string? Address, decimal? Area, DateOnly? OpenedOn, string Status, string StatusName,
    int RegisteredCount, int ResidentCount, DateOnly CountedOn, DateTime CreatedAt, int? Capacity = null, decimal? OccupancyRate = null)
{
    /// <summary>入驻率 in per cent (one decimal): resident enterprises on <see cref="CountedOn"/> ÷ <see cref="Capacity"/>; none without a capacity.</summary>
    internal static decimal? Rate(int resident, int? capacity) =>
        capacity is { } units && units > 0 ? decimal.Round(resident * 100m / units, 1, MidpointRounding.AwayFromZero) : null;

    internal static CarrierDto From(Carrier c, IReadOnlyDictionary<string, string> regions, IReadOnlyDictionary<Guid, string> names,
        IReadOnlyDictionary<Guid, TenantCounts> counts, DateOnly countedOn)
    {
        var count = counts.GetValueOrDefault(c.Id);
        return new CarrierDto(c.Id, c.Name, Kebab.From(c.Kind), CarrierKinds.Names[c.Kind],
            c.Level is { } level ? Kebab.From(level) : null, c.Level is { } l ? CarrierRules.LevelNames[l] : null,
            c.RegionCode, regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
            c.ParentId, c.ParentId is { } p ? names.GetValueOrDefault(p) : null,
            c.OperatorId, c.OperatorId is { } o ? names.GetValueOrDefault(o) : null,
            c.Address, c.Area, c.OpenedOn, Kebab.From(c.Status), CarrierRules.StatusNames[c.Status],
            count.Registered, count.Resident, countedOn, c.CreatedAt, c.Capacity, Rate(count.Resident, c.Capacity));
    }
}

/// <summary>Current registered (注册) and resident (入驻) enterprises of one carrier.</summary>
public readonly record struct TenantCounts(int Registered, int Resident);

/// <summary>One tenancy with its enterprise's name and credit code (from the directory).</summary>
public sealed record TenancyDto(Guid Id, Guid CarrierId, string CarrierName, Guid EnterpriseId, string EnterpriseName, string CreditCode,
    string Kind, string KindName, DateOnly EnteredOn, DateOnly? LeftOn, bool Current);
