using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Events;

/// <summary>媒体报道 (letter S5, S12): reports published in the period.</summary>
internal sealed class MediaReportsIndicator : IIndicator
{
    public const string IndicatorCode = "events.media-reports";

    public string Code => IndicatorCode;
    public string Name => "媒体报道";
    public string Unit => "篇";
    public string Module => "events";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await MediaReportsIndicator.Published(db, regionCode, period).CountAsync(cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/events/media-reports?regionCode={regionCode}&year={period.From.Year}";

    internal static IQueryable<MediaReport> Published(KechuangDb db, string regionCode, Period period)
    {
        return db.Set<MediaReport>().AsNoTracking().UnderRegion(regionCode).Where(r => r.PublishedOn >= period.From && r.PublishedOn < period.To);
    }
}

/// <summary>报道媒体 (letter S5, S12: 学习强国、浙江新闻、金华日报…): distinct outlets that reported in the period.</summary>
internal sealed class MediaOutletsIndicator : IIndicator
{
    public const string IndicatorCode = "events.media-outlets";

    public string Code => IndicatorCode;
    public string Name => "报道媒体";
    public string Unit => "家";
    public string Module => "events";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await MediaReportsIndicator.Published(db, regionCode, period).Select(r => r.Outlet).Distinct().CountAsync(cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/events/media-reports?regionCode={regionCode}&year={period.From.Year}";
}
