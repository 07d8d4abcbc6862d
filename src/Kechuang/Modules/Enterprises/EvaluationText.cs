using System.Globalization;

namespace Kechuang.Modules.Enterprises;

/// <summary>How evaluation details and gaps print numbers: 2.8%, 12.6 万元, 1.2 亿元.</summary>
public static class EvaluationText
{
    public static string Percent(decimal ratio) =>
        decimal.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Number(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An amount in yuan: 元 below 1万, 万元 with up to two decimals, 亿元 with up to four.</summary>
    public static string Amount(decimal yuan)
    {
        var abs = Math.Abs(yuan);
        if (abs >= 100_000_000m)
        {
            return (yuan / 100_000_000m).ToString("0.####", CultureInfo.InvariantCulture) + " 亿元";
        }
        return abs >= 10_000m
            ? (yuan / 10_000m).ToString("0.##", CultureInfo.InvariantCulture) + " 万元"
            : yuan.ToString("0.##", CultureInfo.InvariantCulture) + " 元";
    }

    /// <summary>A shortfall, rounded up so that adding it reaches the threshold: 0.1 万元 above 1万, whole yuan below.</summary>
    public static string Shortfall(decimal yuan)
    {
        if (yuan >= 10_000m)
        {
            var tenThousands = Math.Ceiling(yuan / 1_000m) / 10m;
            return tenThousands >= 10_000m
                ? (tenThousands / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + " 亿元"
                : tenThousands.ToString("0.#", CultureInfo.InvariantCulture) + " 万元";
        }
        return Math.Ceiling(yuan).ToString("0", CultureInfo.InvariantCulture) + " 元";
    }

    /// <summary>People to add so that tech staff reach <paramref name="ratio"/> of all staff when each new hire is tech staff.</summary>
    public static int TechStaffToHire(decimal techStaff, decimal employees, decimal ratio) =>
        techStaff >= ratio * employees ? 0 : (int)Math.Ceiling((ratio * employees - techStaff) / (1m - ratio));
}
