using Kechuang.Platform.Indicators;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>How indicator values, targets and comparators read, at the 万元 and 亿元 boundaries.</summary>
public sealed class IndicatorFormatTests
{
    [Theory]
    [InlineData(9_999.99, 1, "元")]
    [InlineData(10_000, 10_000, "万元")]
    [InlineData(99_999_999.99, 10_000, "万元")]
    [InlineData(100_000_000, 100_000_000, "亿元")]
    [InlineData(-100_000_000, 100_000_000, "亿元")]
    [InlineData(0, 1, "元")]
    public void Scale_OfAmounts_IsTheLargestUnitTheReferenceReaches(double reference, double scale, string unit) =>
        Assert.Equal(((decimal)scale, unit), IndicatorFormat.Scale((decimal)reference, "元"));

    [Fact]
    public void Scale_OfOtherUnits_IsNone() =>
        Assert.Equal((1m, "家"), IndicatorFormat.Scale(500_000_000m, "家"));

    [Theory]
    [InlineData(9_999.5, 9_999.5, "元")]
    [InlineData(10_000, 1, "万元")]
    [InlineData(19_812_345, 1_981.23, "万元")]
    [InlineData(829_000_000, 8.29, "亿元")]
    [InlineData(155_555_555, 1.56, "亿元")]
    public void Scaled_GivesTheCardsFigureAndUnit(double yuan, double value, string unit) =>
        Assert.Equal(((decimal)value, unit), IndicatorFormat.Scaled((decimal)yuan));

    [Theory]
    [InlineData(9_999.99, "元", "9999.99元")]
    [InlineData(10_000, "元", "1万元")]
    [InlineData(99_999_999.99, "元", "10000万元")]
    [InlineData(100_000_000, "元", "1亿元")]
    [InlineData(829_000_000, "元", "8.29亿元")]
    [InlineData(36, "家", "36家")]
    [InlineData(12.34567, "%", "12.3457%")]
    public void Show_WritesTheValueWithItsUnit(double value, string unit, string text) =>
        Assert.Equal(text, IndicatorFormat.Show((decimal)value, unit));

    [Theory]
    [InlineData(">=", "≥")]
    [InlineData("<=", "≤")]
    [InlineData("=", "=")]
    [InlineData(null, "")]
    public void Sign_IsTheReadersComparator(string? comparator, string sign) =>
        Assert.Equal(sign, IndicatorFormat.Sign(comparator));
}
