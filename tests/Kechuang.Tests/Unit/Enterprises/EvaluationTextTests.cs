using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

public class EvaluationTextTests
{
    [Theory]
    [InlineData("126000", "12.6 万元")]
    [InlineData("125001", "12.6 万元")]
    [InlineData("9999.2", "10000 元")]
    [InlineData("150000000", "1.5 亿元")]
    public void Shortfall_RoundsUpToTheUnit(string yuan, string expected)
    {
        Assert.Equal(expected, EvaluationText.Shortfall(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(9, 100, "0.10", 2)]
    [InlineData(10, 100, "0.10", 0)]
    [InlineData(25, 100, "0.30", 8)]
    public void TechStaffToHire_CountsNewHiresAsStaffToo(int tech, int staff, string ratio, int expected)
    {
        Assert.Equal(expected, EvaluationText.TechStaffToHire(tech, staff, decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
