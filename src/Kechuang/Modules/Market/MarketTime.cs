namespace Kechuang.Modules.Market;

/// <summary>China Standard Time (no daylight saving): screens and calendar years are in it, the database in UTC.</summary>
public static class MarketTime
{
    public const int OffsetHours = 8;

    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc.AddHours(OffsetHours), DateTimeKind.Unspecified);

    public static string Format(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
