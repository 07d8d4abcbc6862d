using System.Globalization;

namespace Kechuang.Platform.Data;

/// <summary>
/// Money is stored as whole fen in <c>long</c> columns (sortable and summable on SQLite and PostgreSQL
/// alike, never <c>double</c>); APIs speak yuan as decimals; screens show 元/万元/亿元 through
/// <see cref="Format"/>.
/// </summary>
public static class Money
{
    /// <summary>Yuan to fen; amounts with more than two decimals are refused by validation, not rounded silently.</summary>
    public static long ToFen(decimal yuan) => decimal.ToInt64(decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero));

    public static decimal ToYuan(long fen) => fen / 100m;

    public static bool HasAtMostTwoDecimals(decimal yuan) => decimal.Round(yuan, 2) == yuan;

    /// <summary>8.29亿元, 1981.2万元, 5600元 — the largest unit that keeps the figure at least 1, trailing zeros dropped.</summary>
    public static string Format(long fen, int decimals = 2)
    {
        var yuan = ToYuan(fen);
        var abs = Math.Abs(yuan);
        var (value, unit) = abs >= 100_000_000m ? (yuan / 100_000_000m, "亿元")
            : abs >= 10_000m ? (yuan / 10_000m, "万元")
            : (yuan, "元");
        return decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture) + unit;
    }
}
