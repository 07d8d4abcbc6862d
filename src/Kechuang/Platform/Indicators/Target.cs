using Kechuang.Platform.Data;

namespace Kechuang.Platform.Indicators;

/// <summary>
/// 目标: a yearly target of an indicator for a region ("力争…以上" is <c>&gt;=</c>). The value is kept as
/// a <c>long</c> scaled by 10⁴ so that it sorts and compares exactly on SQLite as on PostgreSQL
/// (7.5亿元 = 7 500 000 000 000 scaled units; percentages and counts keep four decimals).
/// </summary>
public sealed class Target : IRegionScoped
{
    public const long Scale = 10_000;

    private Target()
    {
    }

    public Target(string regionCode, int year, string indicatorCode, string comparator, decimal value, DateTime now)
    {
        Id = Guid.CreateVersion7();
        RegionCode = regionCode;
        Year = year;
        IndicatorCode = indicatorCode;
        CreatedAt = now;
        Change(comparator, value, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public string IndicatorCode { get; private set; } = "";

    /// <summary><c>&gt;=</c> (力争…以上, at least) or <c>&lt;=</c> (at most).</summary>
    public string Comparator { get; private set; } = ">=";

    public long ValueScaled { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public decimal Value => ValueScaled / (decimal)Scale;

    public void Change(string comparator, decimal value, DateTime now)
    {
        Comparator = comparator;
        ValueScaled = decimal.ToInt64(decimal.Round(value * Scale, 0, MidpointRounding.AwayFromZero));
        UpdatedAt = now;
    }

    /// <summary>完成率 = actual / target as a fraction with three decimals (1.119 is shown 111.9%); null when the target is 0.</summary>
    public static decimal? CompletionRate(decimal actual, decimal target) =>
        target == 0 ? null : decimal.Round(actual / target, 3, MidpointRounding.AwayFromZero);

    /// <summary>111.9% — one decimal, from the unrounded ratio.</summary>
    public static string CompletionText(decimal actual, decimal target) =>
        target == 0 ? "—" : decimal.Round(actual / target * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static bool IsMet(string comparator, decimal actual, decimal target) => comparator == "<=" ? actual <= target : actual >= target;
}
