using System.Globalization;

namespace Kechuang.Platform.Text;

/// <summary>万 or 亿: the magnitude a figure is written in (1981.2万元, 8.29亿元, 0.8万亩).</summary>
public enum Magnitude
{
    One = 1,
    Wan = 2,
    Yi = 3,
}

/// <summary>How a figure that is not written exactly is worded: 余 (320余人次, 160万余元) or 多 (300多万元).</summary>
public enum Approximation
{
    Exact = 0,
    Yu = 1,
    Duo = 2,
}

/// <summary>
/// Figures as Chinese official documents write them (docs/rules/figure-wording.md): 8.29亿元, 1981.2万元, 320余人次,
/// 160万余元, 300多万元, 111.9%, 7.5亿元以上, 0.8万亩, 2023年7月6日. Pure functions; a template names the style it
/// wants (<see cref="FigureStyle.Parse"/>), nothing is guessed from the size of the value.
/// </summary>
public static class ChineseFigures
{
    /// <summary>The units a figure may carry: 元 and the counters of the bureau's reports.</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(StringComparer.Ordinal)
    {
        "元", "%", "家", "项", "个", "名", "条", "场次", "人次", "件", "亩", "次", "篇", "栋", "平方米", "㎡", "人", "所", "批",
    };

    /// <summary>Writes <paramref name="value"/> (in the unit's base: 元, 人次, 亩, percentage points) in <paramref name="style"/>.</summary>
    public static string Format(decimal value, FigureStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "公文数字不写负数，请改写为“减少…”");
        }
        var scaled = value / Divisor(style.Magnitude);
        var magnitude = MagnitudeWord(style.Magnitude);
        var text = style.Approximation switch
        {
            Approximation.Yu => Yu(scaled, magnitude, style.Unit),
            Approximation.Duo => Duo(scaled, magnitude, style.Unit),
            _ => Number(scaled, style.Decimals, style.FixedDecimals, style.RoundHalfUp) + magnitude + style.Unit,
        };
        return style.AtLeast ? text + "以上" : text;
    }

    /// <summary>元 in 亿元/万元/元 with at most <paramref name="decimals"/> decimals, cut (never rounded up): 829 6xx xxx元 is 8.29亿元.</summary>
    public static string Money(decimal yuan, Magnitude magnitude, int decimals = 2) => Format(yuan, new FigureStyle("元", magnitude, decimals));

    /// <summary>A count with its counter: 14家, 42项, 5场次.</summary>
    public static string Count(decimal count, string counter) => Format(count, new FigureStyle(counter));

    /// <summary>"More than", with 余: 323人次 is 320余人次, 1 634 000元 in 万 is 160万余元; an exact multiple has no 余.</summary>
    public static string MoreThan(decimal value, string unit, Magnitude magnitude = Magnitude.One) =>
        Format(value, new FigureStyle(unit, magnitude, Approximation: Approximation.Yu));

    /// <summary>"More than", with 多 (to the leading digit): 3 124 500元 in 万 is 300多万元.</summary>
    public static string Many(decimal value, string unit, Magnitude magnitude = Magnitude.One) =>
        Format(value, new FigureStyle(unit, magnitude, Approximation: Approximation.Duo));

    /// <summary>A percentage (points, 111.876) with exactly <paramref name="decimals"/> decimals, rounded half away from zero: 111.9%.</summary>
    public static string Percent(decimal points, int decimals = 1) =>
        Format(points, new FigureStyle("%", Magnitude.One, decimals, FixedDecimals: true, RoundHalfUp: true));

    /// <summary>A target "at least": 7.5亿元以上, 14家以上.</summary>
    public static string AtLeast(decimal value, string unit, Magnitude magnitude = Magnitude.One, int decimals = 2) =>
        Format(value, new FigureStyle(unit, magnitude, decimals, AtLeast: true));

    /// <summary>成文日期: full year, month and day without leading zeros (GB/T 9704-2012): 2023年7月6日.</summary>
    public static string Date(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    /// <summary>A day within the year of the text: 5月14日.</summary>
    public static string MonthDay(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    internal static decimal Divisor(Magnitude magnitude) => magnitude switch
    {
        Magnitude.Wan => 10_000m,
        Magnitude.Yi => 100_000_000m,
        _ => 1m,
    };

    private static string MagnitudeWord(Magnitude magnitude) => magnitude switch
    {
        Magnitude.Wan => "万",
        Magnitude.Yi => "亿",
        _ => "",
    };

    private static string Number(decimal value, int decimals, bool fixedDecimals, bool halfUp)
    {
        var rounded = halfUp ? decimal.Round(value, decimals, MidpointRounding.AwayFromZero) : decimal.Round(value, decimals, MidpointRounding.ToZero);
        var format = decimals == 0 ? "0" : "0." + new string(fixedDecimals ? '0' : '#', decimals);
        return rounded.ToString(format, CultureInfo.InvariantCulture);
    }

    // 余 drops the last written digit: 24→20余, 323→320余, 1634→1600余 (two figures kept from a thousand on);
    // under ten it keeps the units (3.4万→3万余).
    private static string Yu(decimal value, string magnitude, string unit)
    {
        var whole = decimal.Floor(value);
        var step = whole < 10 ? 1m : Math.Max(10m, Pow10(Digits(whole) - 2));
        var floor = decimal.Floor(value / step) * step;
        var number = floor.ToString("0", CultureInfo.InvariantCulture);
        if (floor == value)
        {
            return number + magnitude + unit;
        }
        if (floor == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"不足1{magnitude}{unit}，不能写作“余”");
        }
        return magnitude.Length > 0 ? number + magnitude + "余" + unit : number + "余" + unit;
    }

    // 多 keeps only the leading digit: 312.45万→300多万, 24→20多; under ten it keeps the units (3.12万→3万多).
    private static string Duo(decimal value, string magnitude, string unit)
    {
        var whole = decimal.Floor(value);
        var step = whole < 10 ? 1m : Pow10(Digits(whole) - 1);
        var floor = decimal.Floor(value / step) * step;
        var number = floor.ToString("0", CultureInfo.InvariantCulture);
        if (floor == value)
        {
            return number + magnitude + unit;
        }
        if (floor == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"不足1{magnitude}{unit}，不能写作“多”");
        }
        return whole < 10 ? number + magnitude + "多" + unit : number + "多" + magnitude + unit;
    }

    private static int Digits(decimal whole) => whole.ToString("0", CultureInfo.InvariantCulture).Length;

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }
        return result;
    }
}

/// <summary>
/// The wording a template asks for. <see cref="Parse"/> reads it as written in the letter, with an optional .NET-style
/// number picture in front: "亿元" (8.29亿元), "0.#万元" (1981.2万元), "余人次" (320余人次), "万余元" (160万余元),
/// "多万元" (300多万元), "0.0%" (111.9%), "0.00%" (16.06%), "家以上" (14家以上), "0.##亿元以上" (7.5亿元以上),
/// "0.#万亩" (0.8万亩), "家" (14家).
/// </summary>
/// <param name="Unit">元, %, or a counter (家, 项, 人次, 亩…).</param>
/// <param name="Magnitude">万 or 亿 written before the unit.</param>
/// <param name="Decimals">At most this many decimals (exactly this many with <paramref name="FixedDecimals"/>).</param>
/// <param name="Approximation">余 or 多 instead of the exact figure.</param>
/// <param name="AtLeast">以上 after the figure (a "≥" target).</param>
/// <param name="FixedDecimals">Keep trailing zeros (16.10%).</param>
/// <param name="RoundHalfUp">Round half away from zero (percentages) instead of cutting (amounts reached: never written higher than reached).</param>
public sealed record FigureStyle(string Unit, Magnitude Magnitude = Magnitude.One, int Decimals = 0, Approximation Approximation = Approximation.Exact,
    bool AtLeast = false, bool FixedDecimals = false, bool RoundHalfUp = false)
{
    private const int MaxDecimals = 4;

    public static FigureStyle Parse(string spec) =>
        TryParse(spec, out var style, out var problem) ? style : throw new FormatException(problem);

    public static bool TryParse(string? spec, out FigureStyle style, out string problem)
    {
        style = new FigureStyle("元");
        problem = "";
        var text = spec?.Trim() ?? "";
        if (text.Length == 0)
        {
            problem = "请写明数字的写法（如“亿元”“余人次”“0.0%”）";
            return false;
        }
        var picture = 0;
        while (picture < text.Length && text[picture] is '0' or '#' or '.')
        {
            picture++;
        }
        int? decimals = null;
        var fixedDecimals = false;
        if (picture > 0)
        {
            var number = text[..picture];
            var dot = number.IndexOf('.', StringComparison.Ordinal);
            if (number[0] != '0' || number.Count(c => c == '.') > 1 || (dot >= 0 && dot == number.Length - 1))
            {
                problem = $"数字格式“{number}”不正确，应如“0”“0.#”“0.00”";
                return false;
            }
            var fraction = dot < 0 ? "" : number[(dot + 1)..];
            decimals = fraction.Length;
            fixedDecimals = fraction.Length > 0 && fraction.All(c => c == '0');
            if (fraction.Length > 0 && !fixedDecimals && !fraction.All(c => c == '#'))
            {
                problem = $"数字格式“{number}”不正确，小数位应全为0或全为#";
                return false;
            }
            if (decimals > MaxDecimals)
            {
                problem = $"小数位最多{MaxDecimals}位";
                return false;
            }
        }
        var rest = text[picture..];
        var atLeast = rest.EndsWith("以上", StringComparison.Ordinal);
        if (atLeast)
        {
            rest = rest[..^2];
        }
        var approximation = Approximation.Exact;
        if (rest.StartsWith('余'))
        {
            approximation = Approximation.Yu;
            rest = rest[1..];
        }
        else if (rest.StartsWith('多'))
        {
            approximation = Approximation.Duo;
            rest = rest[1..];
        }
        var magnitude = Magnitude.One;
        if (rest.StartsWith('万') && rest.Length > 1)
        {
            magnitude = Magnitude.Wan;
            rest = rest[1..];
        }
        else if (rest.StartsWith('亿') && rest.Length > 1)
        {
            magnitude = Magnitude.Yi;
            rest = rest[1..];
        }
        if (approximation == Approximation.Exact && magnitude != Magnitude.One && (rest.StartsWith('余') || rest.StartsWith('多')))
        {
            approximation = rest[0] == '余' ? Approximation.Yu : Approximation.Duo;
            rest = rest[1..];
        }
        if (!ChineseFigures.Units.Contains(rest))
        {
            problem = $"“{spec}”中的单位“{rest}”不是可用的单位（{string.Join("、", ChineseFigures.Units)}）";
            return false;
        }
        if (approximation != Approximation.Exact && (decimals is > 0 || atLeast || rest == "%"))
        {
            problem = $"“{spec}”：“余”“多”的写法不带小数、“以上”或百分号";
            return false;
        }
        var percent = rest == "%";
        style = new FigureStyle(rest, magnitude, decimals ?? (percent ? 1 : approximation != Approximation.Exact || magnitude == Magnitude.One ? 0 : 2), approximation, atLeast,
            (percent && picture == 0) || fixedDecimals, percent);
        return true;
    }
}
