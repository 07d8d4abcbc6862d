using Kechuang.Platform.Text;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>docs/rules/figure-wording.md: each wording of the reply letter at its boundaries.</summary>
public class ChineseFiguresTests
{
    [Theory]
    [InlineData("829000000", "8.29亿元")]
    [InlineData("829999999.99", "8.29亿元")] // cut, never written above what was reached (§2)
    [InlineData("104000000", "1.04亿元")]
    [InlineData("750000000", "7.5亿元")] // trailing zeros dropped
    [InlineData("100000000", "1亿元")]
    [InlineData("0", "0亿元")]
    [InlineData("12345", "0亿元")]
    public void Money_Yi_TwoDecimalsCut(string yuan, string expected) =>
        Assert.Equal(expected, ChineseFigures.Money(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), Magnitude.Yi));

    [Theory]
    [InlineData(19_812_000, 1, "1981.2万元")]
    [InlineData(19_812_999, 1, "1981.2万元")]
    [InlineData(19_800_000, 1, "1980万元")]
    [InlineData(10_000, 1, "1万元")]
    [InlineData(5_600, 2, "0.56万元")]
    [InlineData(5_600, 0, "0万元")]
    public void Money_Wan(long yuan, int decimals, string expected) => Assert.Equal(expected, ChineseFigures.Money(yuan, Magnitude.Wan, decimals));

    [Fact]
    public void Money_Yuan_WholeYuan() => Assert.Equal("5600元", ChineseFigures.Money(5600.75m, Magnitude.One, 0));

    [Theory]
    [InlineData(323, "320余人次")]
    [InlineData(329, "320余人次")]
    [InlineData(320, "320人次")] // an exact multiple is not "more than"
    [InlineData(152, "150余人次")]
    [InlineData(24, "20余人次")]
    [InlineData(10, "10人次")]
    [InlineData(11, "10余人次")]
    [InlineData(9, "9人次")]
    [InlineData(0, "0人次")]
    [InlineData(1634, "1600余人次")]
    [InlineData(1600, "1600人次")]
    public void MoreThan_Counts(int count, string expected) => Assert.Equal(expected, ChineseFigures.MoreThan(count, "人次"));

    [Theory]
    [InlineData(1_634_000, "160万余元")]
    [InlineData(1_630_000, "160万余元")]
    [InlineData(1_600_000, "160万元")]
    [InlineData(1_600_001, "160万余元")]
    [InlineData(34_000, "3万余元")]
    [InlineData(30_000, "3万元")]
    public void MoreThan_Wan_YuAfterWan(long yuan, string expected) => Assert.Equal(expected, ChineseFigures.MoreThan(yuan, "元", Magnitude.Wan));

    [Fact]
    public void MoreThan_LessThanOneOfTheMagnitude_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFigures.MoreThan(5_000, "元", Magnitude.Wan));

    [Theory]
    [InlineData(3_124_500, "300多万元")]
    [InlineData(3_999_999, "300多万元")]
    [InlineData(3_000_000, "300万元")]
    [InlineData(31_200, "3万多元")]
    [InlineData(240_000, "20多万元")]
    public void Many_Wan(long yuan, string expected) => Assert.Equal(expected, ChineseFigures.Many(yuan, "元", Magnitude.Wan));

    [Theory]
    [InlineData(24, "20多家")]
    [InlineData(20, "20家")]
    [InlineData(7, "7家")]
    public void Many_Counts(int count, string expected) => Assert.Equal(expected, ChineseFigures.Many(count, "家"));

    [Theory]
    [InlineData("111.876", 1, "111.9%")]
    [InlineData("111.85", 1, "111.9%")] // half away from zero
    [InlineData("111.84999", 1, "111.8%")]
    [InlineData("16.0627", 2, "16.06%")]
    [InlineData("16.1", 2, "16.10%")] // the asked decimals are kept
    [InlineData("100", 0, "100%")]
    [InlineData("0", 1, "0.0%")]
    [InlineData("99.95", 1, "100.0%")]
    public void Percent_GivenDecimals(string points, int decimals, string expected) =>
        Assert.Equal(expected, ChineseFigures.Percent(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData(750_000_000, "元", Magnitude.Yi, "7.5亿元以上")]
    [InlineData(14, "家", Magnitude.One, "14家以上")]
    [InlineData(0, "项", Magnitude.One, "0项以上")]
    public void AtLeast_AddsYiShang(long value, string unit, Magnitude magnitude, string expected) =>
        Assert.Equal(expected, ChineseFigures.AtLeast(value, unit, magnitude));

    [Theory]
    [InlineData("家", "14家")]
    [InlineData("项", "14项")]
    [InlineData("个", "14个")]
    [InlineData("名", "14名")]
    [InlineData("条", "14条")]
    [InlineData("场次", "14场次")]
    [InlineData("人次", "14人次")]
    [InlineData("件", "14件")]
    [InlineData("亩", "14亩")]
    public void Count_EachCounter(string counter, string expected) => Assert.Equal(expected, ChineseFigures.Count(14, counter));

    [Theory]
    [InlineData(8_000, "0.#万亩", "0.8万亩")]
    [InlineData(8_049, "0.#万亩", "0.8万亩")]
    [InlineData(10_000, "0.#万亩", "1万亩")]
    [InlineData(107, "亩", "107亩")]
    public void Area_Mu(int mu, string spec, string expected) => Assert.Equal(expected, ChineseFigures.Format(mu, FigureStyle.Parse(spec)));

    [Theory]
    [InlineData(2023, 7, 6, "2023年7月6日")]
    [InlineData(2023, 12, 31, "2023年12月31日")]
    [InlineData(2024, 1, 1, "2024年1月1日")]
    public void Date_NoLeadingZeros(int year, int month, int day, string expected) => Assert.Equal(expected, ChineseFigures.Date(new DateOnly(year, month, day)));

    [Fact]
    public void MonthDay_NoLeadingZeros() => Assert.Equal("5月14日", ChineseFigures.MonthDay(new DateOnly(2023, 5, 14)));

    [Fact]
    public void Negative_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFigures.Money(-1m, Magnitude.Yi));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFigures.Count(-1, "家"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFigures.Percent(-0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseFigures.MoreThan(-323, "人次"));
    }

    /// <summary>The letter's figures, each through the style a template names.</summary>
    [Theory]
    [InlineData("829123456", "亿元", "8.29亿元")]
    [InlineData("19812000", "0.#万元", "1981.2万元")]
    [InlineData("104000000", "0.##亿元", "1.04亿元")]
    [InlineData("325", "余人次", "320余人次")]
    [InlineData("24", "余项", "20余项")]
    [InlineData("1630000", "万余元", "160万余元")]
    [InlineData("3124500", "多万元", "300多万元")]
    [InlineData("111.876", "0.0%", "111.9%")]
    [InlineData("16.0627", "0.00%", "16.06%")]
    [InlineData("111.876", "%", "111.9%")]
    [InlineData("750000000", "亿元以上", "7.5亿元以上")]
    [InlineData("14", "家以上", "14家以上")]
    [InlineData("8000", "0.#万亩", "0.8万亩")]
    [InlineData("61691.24", "0.00平方米", "61691.24平方米")]
    [InlineData("42", "项", "42项")]
    [InlineData("2", "名", "2名")]
    public void Format_LetterFigures(string value, string spec, string expected) =>
        Assert.Equal(expected, ChineseFigures.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), FigureStyle.Parse(spec)));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("美元")]
    [InlineData("亿")]
    [InlineData("0.元")]
    [InlineData("#.#亿元")]
    [InlineData("0.0#亿元")]
    [InlineData("0.00000亿元")]
    [InlineData("0.0余人次")]
    [InlineData("余%")]
    [InlineData("余人次以上")]
    public void Parse_BadStyle_IsRefusedInChinese(string spec)
    {
        Assert.False(FigureStyle.TryParse(spec, out _, out var problem));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem);
        Assert.Throws<FormatException>(() => FigureStyle.Parse(spec));
    }

    [Fact]
    public void Parse_ReadsEachPart()
    {
        Assert.Equal(new FigureStyle("元", Magnitude.Wan, 0, Approximation.Yu), FigureStyle.Parse("万余元"));
        Assert.Equal(new FigureStyle("元", Magnitude.Wan, 0, Approximation.Duo), FigureStyle.Parse("多万元"));
        Assert.Equal(new FigureStyle("元", Magnitude.Yi, 2, AtLeast: true), FigureStyle.Parse("亿元以上"));
        Assert.Equal(new FigureStyle("%", Magnitude.One, 2, FixedDecimals: true, RoundHalfUp: true), FigureStyle.Parse("0.00%"));
    }
}
