using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Enterprises.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

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

/// <summary>科创飞地招引入驻企业 (T6): enterprises resident in an enclave (科创飞地) of the region at some day of the period.</summary>
internal sealed class EnclaveResidentCountIndicator : IIndicator
{
    public const string IndicatorCode = "carriers.enclave-resident-count";

    public string Code => IndicatorCode;
    public string Name => "科创飞地入驻企业";
    public string Unit => "家";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var enclaves = await db.Set<Carrier>().AsNoTracking().UnderRegion(regionCode).Where(c => c.Kind == CarrierKind.Enclave).Select(c => c.Id).ToListAsync(cancellationToken);
        if (enclaves.Count == 0)
        {
            return 0m;
        }
        var last = period.To.AddDays(-1);
        return await db.Set<Tenancy>().AsNoTracking().Where(t => enclaves.Contains(t.CarrierId) && t.Kind == TenancyKind.Resident)
            .CurrentBetween(period.From, last).Select(t => t.OrganizationId).Distinct().CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/carriers?kind=enclave&regionCode={regionCode}";
}

/// <summary>
/// 市级以上众创空间 (T7): maker spaces of the region recognised at city level or above and opened by the end of the period.
/// A recognition date is not recorded, so a space recognised later counts from its opening (a known limit).
/// </summary>
internal sealed class CityMakerSpaceCountIndicator : IIndicator
{
    // Levels are stored as text: compare by membership, never with >= in SQL.
    private static readonly CarrierLevel[] CityPlus = [CarrierLevel.City, CarrierLevel.Provincial, CarrierLevel.National];

    public const string IndicatorCode = "carriers.city-maker-space-count";

    public string Code => IndicatorCode;
    public string Name => "市级以上众创空间";
    public string Unit => "家";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var last = period.To.AddDays(-1);
        return await db.Set<Carrier>().AsNoTracking().UnderRegion(regionCode)
            .CountAsync(c => c.Kind == CarrierKind.MakerSpace && c.Level != null && CityPlus.Contains(c.Level.Value)
                && c.OpenedOn != null && c.OpenedOn <= last && c.Status != CarrierStatus.Closed, cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/carriers?kind=maker-space&regionCode={regionCode}";
}

/// <summary>
/// 供地面积 (T1): the area in 亩 of the region's parcels whose 供地 step was completed in the period, each parcel's 亩 as
/// shown (<see cref="LandArea.ToMu"/>) summed in memory (areas are decimals, which SQLite cannot sum).
/// </summary>
internal sealed class LandSuppliedAreaIndicator : IIndicator
{
    public const string IndicatorCode = "carriers.land-supplied-area";

    public string Code => IndicatorCode;
    public string Name => "完成供地面积";
    public string Unit => "亩";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var supplied = db.Set<ParcelStep>().AsNoTracking()
            .Where(s => s.Kind == ParcelStepKind.LandSupply && s.CompletedOn >= period.From && s.CompletedOn < period.To);
        var areas = await db.Set<LandParcel>().AsNoTracking().UnderRegion(regionCode).Where(p => supplied.Any(s => s.ParcelId == p.Id))
            .Select(p => p.AreaSquareMetres).ToListAsync(cancellationToken);
        return areas.Sum(LandArea.ToMu);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/parcels?regionCode={regionCode}&step=land-supply&year={period.From.Year}";
}

/// <summary>
/// 工程形象进度 (T2): for the region's construction projects that reported progress in the period, each project's last
/// report of the period, averaged (one decimal); 0 when none reported. With one project — the county's 企业加速器 in the
/// demo — it is that project's progress at the end of the period. A level, not a flow: a month's value is that month's
/// reports, not an increase.
/// </summary>
internal sealed class ProjectProgressIndicator : IIndicator
{
    public const string IndicatorCode = "carriers.project-progress";

    public string Code => IndicatorCode;
    public string Name => "工程形象进度";
    public string Unit => "%";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var reports = await db.Set<ProgressReport>().AsNoTracking().UnderRegion(regionCode)
            .Where(r => r.Month >= period.From && r.Month < period.To).Select(r => new { r.ProjectId, r.Month, r.Percent }).ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return 0m;
        }
        return decimal.Round(reports.GroupBy(r => r.ProjectId).Average(g => g.MaxBy(r => r.Month)!.Percent), 1, MidpointRounding.AwayFromZero);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/construction-projects?regionCode={regionCode}&year={period.From.Year}";
}

/// <summary>
/// Money records of the region's enclaves (科创飞地) of one kind, paid in the period, in 元: C6's purchase instalments
/// (<c>carriers.enclave-purchase-paid</c>) and C7's recoveries (<c>carriers.enclave-recovered</c>).
/// </summary>
internal abstract class EnclaveMoneyIndicator(PaymentKind kind) : IIndicator
{
    public abstract string Code { get; }
    public abstract string Name { get; }
    public string Unit => "元";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var enclaves = db.Set<Carrier>().Where(c => c.Kind == CarrierKind.Enclave).Select(c => c.Id);
        var fen = await db.Set<CarrierPayment>().AsNoTracking().UnderRegion(regionCode)
            .Where(p => p.Kind == kind && enclaves.Contains(p.CarrierId) && p.PaidOn >= period.From && p.PaidOn < period.To)
            .SumAsync(p => p.AmountFen, cancellationToken);
        return Money.ToYuan(fen);
    }

    public string RecordsUrl(string regionCode, Period period) =>
        $"/carriers/payments?regionCode={regionCode}&carrierKind=enclave&kind={Platform.Problems.Kebab.From(kind)}&year={period.From.Year}";
}

/// <summary>科创飞地购房款支付 (C6).</summary>
internal sealed class EnclavePurchasePaidIndicator() : EnclaveMoneyIndicator(PaymentKind.PurchaseInstalment)
{
    public const string IndicatorCode = "carriers.enclave-purchase-paid";

    public override string Code => IndicatorCode;
    public override string Name => "科创飞地购房款支付";
}

/// <summary>科创飞地违约处置挽回资金 (C7).</summary>
internal sealed class EnclaveRecoveredIndicator() : EnclaveMoneyIndicator(PaymentKind.Recovery)
{
    public const string IndicatorCode = "carriers.enclave-recovered";

    public override string Code => IndicatorCode;
    public override string Name => "科创飞地违约处置挽回资金";
}

/// <summary>
/// 联合创新中心入驻率 (T4), in per cent, on the last day of the period (today while the period runs), over the region's
/// joint innovation centres that have an 入驻率 (<see cref="UnitOccupancy.RatesAsync"/>: from their units where recorded,
/// else resident enterprises ÷ capacity). Centres counted alike (units and capacities, or ㎡) are pooled: occupied ÷ available
/// summed; when bases differ the centres' rates are averaged, units and ㎡ not being addable.
/// A measure of the carriers' own units as the letter's target asks, not an official ratio (docs/rules/incubators.md §5).
/// </summary>
internal sealed class JointCenterOccupancyIndicator(TimeProvider clock) : IIndicator
{
    public const string IndicatorCode = "carriers.joint-center-occupancy";

    public string Code => IndicatorCode;
    public string Name => "联合创新中心入驻率";
    public string Unit => "%";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var day = Day(period);
        if (day < period.From)
        {
            return 0m;
        }
        var centres = await db.Set<Carrier>().AsNoTracking().UnderRegion(regionCode).Where(c => c.Kind == CarrierKind.JointInnovationCenter).ToListAsync(cancellationToken);
        var counts = await CarrierQueries.CountsAsync(db, centres.Select(c => c.Id).ToList(), day, cancellationToken);
        var rates = (await UnitOccupancy.RatesAsync(db, centres, counts, day, cancellationToken)).Values.Where(r => r.Available > 0).ToList();
        if (rates.Count == 0)
        {
            return 0m;
        }
        var alike = rates.Select(r => r.Measure == OccupancyMeasure.Area).Distinct().Count() == 1;
        return alike
            ? new Occupancy(rates[0].Measure, rates.Sum(r => r.Occupied), rates.Sum(r => r.Available)).Rate!.Value
            : decimal.Round(rates.Average(r => r.Rate!.Value), 1, MidpointRounding.AwayFromZero);
    }

    public string RecordsUrl(string regionCode, Period period) =>
        $"/carriers?kind=joint-innovation-center&regionCode={regionCode}&at={Day(period).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The period's last day, or today while the period runs (occupancy is counted on one day).</summary>
    private DateOnly Day(Period period)
    {
        var today = DateOnly.FromDateTime(Platform.Ui.UiFormat.Local(clock.GetUtcNow().UtcDateTime));
        var last = period.To.AddDays(-1);
        return last < today ? last : today;
    }
}

/// <summary>
/// 交付运营楼宇 (T3): buildings (楼宇) of the region handed over in the period, by their 开园（启用）日期 — the day a
/// renovated building is delivered for use. The carriers list with the same kind, region and opened year lists them.
/// </summary>
internal sealed class BuildingsDeliveredIndicator : IIndicator
{
    public const string IndicatorCode = "carriers.buildings-delivered";

    public string Code => IndicatorCode;
    public string Name => "交付运营楼宇";
    public string Unit => "栋";
    public string Module => "carriers";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<Carrier>().AsNoTracking().UnderRegion(regionCode)
            .CountAsync(c => c.Kind == CarrierKind.Building && c.OpenedOn >= period.From && c.OpenedOn < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/carriers?kind=building&regionCode={regionCode}&openedYear={period.From.Year}";
}
