using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Enterprises.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// 园区科技型中小企业累计 (T5): enterprises resident (入驻) in a park of the region — the park itself or a building or
/// space inside it — at some day of the period, that hold a 科技型中小企业 entry valid in the period. The letter counts it
/// under enterprise cultivation, so the module is "enterprises"; it lives here because the park dimension is this module's.
/// </summary>
public sealed class ParkTechSmeCountIndicator(ICarrierTenancy tenancy, ITechSmeRoster roster) : IIndicator
{
    public const string IndicatorCode = "enterprises.park-tech-sme-count";

    public string Code => IndicatorCode;
    public string Name => "园区科技型中小企业";
    public string Unit => "家";
    public string Module => "enterprises";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        (await EnterprisesAsync(db, regionCode, period, cancellationToken)).Count;

    /// <summary>The enterprises counted (the records page lists them).</summary>
    public async Task<HashSet<Guid>> EnterprisesAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var residents = await tenancy.EnterprisesAsync(db, regionCode, period, TenancyKind.Resident, parksOnly: true, cancellationToken);
        if (residents.Count == 0)
        {
            return [];
        }
        return (await roster.HoldersAsync(db, residents, period, cancellationToken)).ToHashSet();
    }

    public string RecordsUrl(string regionCode, Period period) => $"/carriers/park-tech-smes?regionCode={regionCode}&year={period.From.Year}";
}
