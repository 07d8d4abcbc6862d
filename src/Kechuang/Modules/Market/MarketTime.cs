namespace Kechuang.Modules.Market;

/// <summary>China Standard Time (no daylight saving): screens and calendar years are in it, the database in UTC.</summary>
public static class MarketTime
{
    public const int OffsetHours = 8;

    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc.AddHours(OffsetHours), DateTimeKind.Unspecified);

    public static string Format(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The start of a China date as the UTC instant the database stores.</summary>
    public static DateTime StartUtc(DateOnly chinaDay) => chinaDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-OffsetHours);

    /// <summary>
    /// Sessions that started on a China date in [from, to): the one window of the auction calendar's year filter, the
    /// auction indicators and the home figure (a session starting 2023-01-01 07:00, UTC 2022-12-31 23:00, is in 2023).
    /// </summary>
    internal static IQueryable<Auction> StartedBetween(this IQueryable<Auction> auctions, DateOnly from, DateOnly to)
    {
        var start = StartUtc(from);
        var end = StartUtc(to);
        return auctions.Where(a => a.StartsAt >= start && a.StartsAt < end);
    }
}
