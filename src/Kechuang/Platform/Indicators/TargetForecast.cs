using Kechuang.Platform.Data;

namespace Kechuang.Platform.Indicators;

/// <summary>
/// 全年预计: where a yearly target will end, from the indicator's months so far. A figure that is the sum of its months
/// (an amount, a number of registrations) goes on at the average pace of the months already over; a figure that is not
/// (a count at a date, a rate) is expected to stay where it is.
/// </summary>
public static class TargetForecast
{
    /// <summary>The forecast's name on pages and sheets (docs/glossary.md).</summary>
    public const string Title = "全年预计";

    /// <summary>The warning where a forecast misses its target, on pages and sheets alike.</summary>
    public const string ShortText = "预计完不成";

    /// <summary>
    /// The year-end forecast: a past year's actual; null for a year not begun or while its first month runs (no month is
    /// over to give a pace). <paramref name="monthly"/> holds the running year's twelve monthly values (the current month
    /// is in <paramref name="actual"/> as far as it went; months not begun are projected).
    /// </summary>
    public static decimal? YearEnd(int year, DateOnly today, decimal actual, IReadOnlyList<decimal> monthly)
    {
        if (year < today.Year)
        {
            return actual;
        }
        var over = today.Month - 1;
        if (year > today.Year || over == 0 || monthly.Count != 12)
        {
            return null;
        }
        if (monthly.Sum() != actual)
        {
            return actual;
        }
        var pace = monthly.Take(over).Sum() / over;
        return decimal.Round(actual + pace * (12 - today.Month), 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The year-end forecast of an indicator for a region whose year's value is <paramref name="actual"/>, on the
    /// bureau's today: only the running year needs its months computed (a past year's forecast is its actual, a future
    /// year has none). The targets page and the region comparison both take it from here.
    /// </summary>
    public static async Task<decimal?> YearEndAsync(KechuangDb db, IIndicator indicator, string regionCode, int year, decimal actual,
        CancellationToken cancellationToken)
    {
        var today = db.Today();
        var monthly = new List<decimal>(12);
        if (year == today.Year)
        {
            for (var month = 1; month <= 12; month++)
            {
                monthly.Add(await indicator.ComputeAsync(db, regionCode, Period.Month(year, month), cancellationToken));
            }
        }
        return YearEnd(year, today, actual, monthly);
    }

    /// <summary>True when a forecast exists and misses the target (below an "at least", above an "at most").</summary>
    public static bool FallsShort(string comparator, decimal? forecast, decimal target) =>
        forecast is { } value && !Target.IsMet(comparator, value, target);
}
