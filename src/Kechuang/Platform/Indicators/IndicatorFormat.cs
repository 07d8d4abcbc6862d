using System.Globalization;
using Kechuang.Platform.Data;

namespace Kechuang.Platform.Indicators;

/// <summary>
/// How an indicator's value, target and comparator read on pages, charts and home cards, so the targets page, the
/// region comparison and the cards write 8.29亿元 and ≥ alike. Amounts in 元 read in 万元 from 1万 and in 亿元 from 1亿;
/// other units are shown as they are.
/// </summary>
public static class IndicatorFormat
{
    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;

    /// <summary>The scale a set of values reads in, chosen by <paramref name="reference"/> (their largest, or the target): divide by Scale, label with Unit.</summary>
    public static (decimal Scale, string Unit) Scale(decimal reference, string unit) =>
        unit != "元" ? (1m, unit)
        : Math.Abs(reference) >= Yi ? (Yi, "亿元")
        : Math.Abs(reference) >= Wan ? (Wan, "万元")
        : (1m, unit);

    /// <summary>An amount in 元 in its own scale, two decimals (a card's big figure and its unit beside it).</summary>
    public static (decimal Value, string Unit) Scaled(decimal yuan)
    {
        var (scale, unit) = Scale(yuan, "元");
        return (scale == 1m ? yuan : decimal.Round(yuan / scale, 2), unit);
    }

    /// <summary>A value with its unit in one text: 8.29亿元, 1981.2万元, 36家, 12.5%.</summary>
    public static string Show(decimal value, string unit) =>
        unit == "元" ? Money.Format(Money.ToFen(value)) : value.ToString("0.####", CultureInfo.InvariantCulture) + unit;

    /// <summary>The comparator as a reader writes it (≥, not the stored "&gt;="); nothing for none.</summary>
    public static string Sign(string? comparator) => comparator switch
    {
        ">=" => "≥",
        "<=" => "≤",
        _ => comparator ?? "",
    };
}
