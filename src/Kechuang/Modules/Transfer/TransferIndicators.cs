using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

internal static class PeriodText
{
    public static string Range(string regionCode, Period period) =>
        $"regionCode={regionCode}&from={TransferQueries.Day(period.From)}&to={TransferQueries.Day(period.To)}";
}

/// <summary>技术转移中心（工作站） (A2): the region's stations opened by the end of the period (or with no opening day recorded).</summary>
internal sealed class StationCountIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.stations";

    public string Code => IndicatorCode;
    public string Name => "技术转移中心（工作站）";
    public string Unit => "家";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<TransferStation>().AsNoTracking().UnderRegion(regionCode).CountAsync(s => s.OpenedOn == null || s.OpenedOn < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/stations?regionCode={regionCode}&openedBefore={TransferQueries.Day(period.To)}";
}

/// <summary>专家对接人次 (A3): expert attendances at the region's events held in the period, one per expert per event.</summary>
internal sealed class ExpertAttendanceIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.expert-attendances";

    public string Code => IndicatorCode;
    public string Name => "专家对接人次";
    public string Unit => "人次";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var events = db.Set<MatchmakingEvent>().AsNoTracking().UnderRegion(regionCode).Where(e => e.HeldOn >= period.From && e.HeldOn < period.To).Select(e => e.Id);
        return await db.Set<ExpertAttendance>().AsNoTracking().CountAsync(a => events.Contains(a.EventId), cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/attendances?{PeriodText.Range(regionCode, period)}";
}

/// <summary>征集企业技术、人才需求 (A4): demands of the region's enterprises collected (or posted) in the period.</summary>
internal sealed class DemandsCollectedIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.demands-collected";

    public string Code => IndicatorCode;
    public string Name => "征集企业技术、人才需求";
    public string Unit => "条";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<Demand>().AsNoTracking().UnderRegion(regionCode).CountAsync(d => d.CollectedOn >= period.From && d.CollectedOn < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/demands?{PeriodText.Range(regionCode, period)}";
}

/// <summary>达成校企合作 (A5, T10): cooperations of the region's enterprises signed in the period.</summary>
internal sealed class CooperationCountIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.cooperations";

    public string Code => IndicatorCode;
    public string Name => "达成校企科技合作";
    public string Unit => "项";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<Cooperation>().AsNoTracking().UnderRegion(regionCode).CountAsync(c => c.SignedOn >= period.From && c.SignedOn < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/cooperations?{PeriodText.Range(regionCode, period)}";
}

/// <summary>兑现工作经费及奖励 (A6): money paid to the region's stations in the period, in 元.</summary>
internal sealed class StationFundsIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.station-funds";

    public string Code => IndicatorCode;
    public string Name => "兑现工作站经费及奖励";
    public string Unit => "元";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        Money.ToYuan(await db.Set<StationPayment>().AsNoTracking().UnderRegion(regionCode).Where(p => p.PaidOn >= period.From && p.PaidOn < period.To)
            .SumAsync(p => p.AmountFen, cancellationToken));

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/payments?{PeriodText.Range(regionCode, period)}";
}

/// <summary>新增院县科技合作项目 (S11): projects of the region approved in the period.</summary>
internal sealed class InstituteProjectIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.institute-county-projects";

    public string Code => IndicatorCode;
    public string Name => "新增院县科技合作项目";
    public string Unit => "项";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<InstituteCountyProject>().AsNoTracking().UnderRegion(regionCode).CountAsync(p => p.ApprovedOn >= period.From && p.ApprovedOn < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/projects?{PeriodText.Range(regionCode, period)}";
}

/// <summary>其中重大院县科技合作项目 (S11).</summary>
internal sealed class MajorInstituteProjectIndicator : IIndicator
{
    public const string IndicatorCode = "transfer.major-institute-county-projects";

    public string Code => IndicatorCode;
    public string Name => "重大院县科技合作项目";
    public string Unit => "项";
    public string Module => "transfer";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await db.Set<InstituteCountyProject>().AsNoTracking().UnderRegion(regionCode)
            .CountAsync(p => p.IsMajor && p.ApprovedOn >= period.From && p.ApprovedOn < period.To, cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/transfer/projects?{PeriodText.Range(regionCode, period)}&major=true";
}
