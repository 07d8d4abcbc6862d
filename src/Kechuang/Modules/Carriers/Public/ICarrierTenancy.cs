using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Carriers.Public;

/// <summary>
/// Which enterprises are registered in or resident in the carriers of a region, from the tenancy records.
/// The methods take the caller's <see cref="KechuangDb"/> (so an indicator, which is handed one, counts
/// under the same data scope as its caller); the implementation keeps no state and is a singleton.
/// </summary>
public interface ICarrierTenancy
{
    /// <summary>
    /// Enterprise (directory organisation) ids with a tenancy of <paramref name="kind"/> in a carrier of
    /// <paramref name="regionCode"/> (and its towns) that was current at some day of <paramref name="period"/>.
    /// With <paramref name="parksOnly"/>, only carriers that are parks (园区) or lie inside one (a building, a space in it).
    /// </summary>
    Task<IReadOnlyList<Guid>> EnterprisesAsync(KechuangDb db, string regionCode, Period period, TenancyKind kind, bool parksOnly, CancellationToken cancellationToken = default);

    /// <summary>The same on one day: enterprises whose tenancy had begun and not ended on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<Guid>> EnterprisesOnAsync(KechuangDb db, string regionCode, DateOnly day, TenancyKind kind, bool parksOnly, CancellationToken cancellationToken = default);
}
