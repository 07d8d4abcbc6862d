using Kechuang.Platform.Data;

namespace Kechuang.Platform.Indicators;

/// <summary>A period of whole days, [From, To).</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public static Period Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));

    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime ToUtc => To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>
/// 指标: a figure computed from a module's records for a region (including its sub-regions) and a
/// period. Modules register theirs with <c>services.AddSingleton&lt;IIndicator, …&gt;()</c>; the
/// catalogue, targets, dashboards and generated letters read only through this.
/// </summary>
public interface IIndicator
{
    /// <summary>Stable dotted code, e.g. <c>contracts.transaction-amount</c>.</summary>
    string Code { get; }

    /// <summary>Chinese name shown on screens, e.g. 技术交易额.</summary>
    string Name { get; }

    /// <summary>Unit of <see cref="ComputeAsync"/>'s value: 元, 项, 人次, 家, %, 亩 ….</summary>
    string Unit { get; }

    /// <summary>Owning module, e.g. <c>contracts</c>.</summary>
    string Module { get; }

    /// <summary>
    /// Computes the value over records of <paramref name="regionCode"/> and below in <paramref name="period"/>.
    /// The context's data scope applies as everywhere; callers that need a city-wide figure use a wider scope.
    /// </summary>
    Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken);

    /// <summary>The filtered list page that shows exactly the records counted (provenance).</summary>
    string RecordsUrl(string regionCode, Period period);

    /// <summary>
    /// The API query that lists the same records. Pages and APIs share paths and query strings (<c>/contracts?…</c> is
    /// listed by <c>/api/v1/contracts?…</c>); an indicator whose page is a chart or a screening names its list here.
    /// </summary>
    string RecordsApiUrl(string regionCode, Period period) => IndicatorCatalogue.ApiUrl(RecordsUrl(regionCode, period));
}
