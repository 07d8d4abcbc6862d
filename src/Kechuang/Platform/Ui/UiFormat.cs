using System.Globalization;

namespace Kechuang.Platform.Ui;

/// <summary>Times are stored in UTC and shown in Asia/Shanghai (ARCHITECTURE.md).</summary>
public static class UiFormat
{
    private static readonly TimeZoneInfo China = FindChina();

    public static DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static string Time(DateTime? utc) =>
        utc is { } value ? Local(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTime? utc) =>
        utc is { } value ? Local(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    /// <summary>A calendar day as yyyy-MM-dd (2026-03-01), "—" when empty; the browser's language plays no part.</summary>
    public static string Day(DateOnly? day) =>
        day is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    /// <summary>A calendar day held as a DateTime (no time of day, no zone): yyyy-MM-dd, "—" when empty.</summary>
    public static string Day(DateTime? day) =>
        day is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    /// <summary>A local (Asia/Shanghai) date or time turned back into UTC for queries.</summary>
    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified), China);

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    private static TimeZoneInfo FindChina()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tz data: China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}
