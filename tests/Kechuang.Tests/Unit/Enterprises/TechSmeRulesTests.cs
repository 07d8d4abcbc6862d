using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

/// <summary>The pieces of 科技型中小企业评价 on their own: bands, the next band to reach, the industry division, who counts.</summary>
public class TechSmeRulesTests
{
    [Theory]
    [InlineData("0.30", 20)]
    [InlineData("0.2999", 16)]
    [InlineData("0.25", 16)]
    [InlineData("0.10", 4)]
    [InlineData("0.0999", 0)]
    [InlineData("1", 20)]
    [InlineData("0", 0)]
    public void Band_TechStaff_IsLowerInclusive(string ratio, int points)
    {
        Assert.Equal(points, TechSmeRules.Band(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture), TechSmeRules.TechStaffBands));
    }

    [Theory]
    [InlineData("0", "0.10", 4)]
    [InlineData("0.0999", "0.10", 4)]
    [InlineData("0.10", "0.15", 8)]     // exactly at a band: the next one up is the goal
    [InlineData("0.1499", "0.15", 8)]
    [InlineData("0.25", "0.30", 20)]
    [InlineData("0.2999", "0.30", 20)]
    public void NextBand_IsTheBandAboveTheRatio(string ratio, string from, int points)
    {
        var next = TechSmeRules.NextBand(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture), TechSmeRules.TechStaffBands);

        Assert.Equal((decimal.Parse(from, System.Globalization.CultureInfo.InvariantCulture), points), next);
    }

    [Theory]
    [InlineData("0.30")]
    [InlineData("0.75")]
    public void NextBand_AtTheTop_IsNone(string ratio)
    {
        Assert.Null(TechSmeRules.NextBand(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture), TechSmeRules.TechStaffBands));
    }

    [Fact]
    public void NextBand_OfTheRdBands_FollowsTheirOwnThresholds()
    {
        Assert.Equal((0.06m, 50), TechSmeRules.NextBand(0.05m, TechSmeRules.RdToSalesBands));
        Assert.Equal((0.02m, 10), TechSmeRules.NextBand(0.019m, TechSmeRules.RdToSalesBands));
        Assert.Equal((0.25m, 40), TechSmeRules.NextBand(0.20m, TechSmeRules.RdToCostsBands));
        Assert.Null(TechSmeRules.NextBand(0.06m, TechSmeRules.RdToSalesBands));
    }

    [Theory]
    [InlineData(1, 0, 30)]
    [InlineData(1, 9, 30)]   // not additive
    [InlineData(0, 5, 24)]
    [InlineData(0, 4, 24)]
    [InlineData(0, 3, 18)]
    [InlineData(0, 2, 12)]
    [InlineData(0, 1, 6)]
    [InlineData(0, 0, 0)]
    public void IpPoints_ClassOneOrCountOfClassTwo(int classOne, int classTwo, int points)
    {
        Assert.Equal(points, TechSmeRules.IpPoints(classOne, classTwo));
    }

    [Theory]
    [InlineData("C3973", "39")]
    [InlineData("c3973", "39")]
    [InlineData(" C3973 ", "39")]
    [InlineData("3973", "39")]
    [InlineData("A0111", "01")]     // the first section letter
    [InlineData("T9700", "97")]     // the last section letter (国际组织)
    [InlineData("C39", "39")]       // a division alone
    [InlineData("C397", "39")]      // a group
    [InlineData("39", "39")]
    public void Division_OfAGbt4754Code(string code, string division)
    {
        Assert.Equal(division, TechSmeRules.Division(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("C")]
    [InlineData("C3")]          // one digit is a section's fragment, not a division
    [InlineData("3")]
    [InlineData("C39731")]      // five digits is no GB/T 4754 code
    [InlineData("U3973")]       // there is no section U
    [InlineData("CC3973")]
    [InlineData("C3A73")]
    [InlineData("C397A")]
    public void Division_OfSomethingElse_IsNull(string code)
    {
        Assert.Null(TechSmeRules.Division(code));
    }

    [Theory]
    [InlineData(false, "5.99", false)]
    [InlineData(false, "6", true)]
    [InlineData(false, "12", true)]
    [InlineData(true, "0", true)]
    public void Counts_NonPayrollStaffFromSixMonthsOn(bool onPayroll, string months, bool counts)
    {
        Assert.Equal(counts, TechSmeRules.Counts(new NonPayrollStaff(onPayroll, false, decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void ExcludedDivisions_AreThoseOf119()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["16"] = "烟草制品业",
                ["51"] = "批发业",
                ["52"] = "零售业",
                ["61"] = "住宿业",
                ["62"] = "餐饮业",
                ["70"] = "房地产业",
                ["71"] = "租赁业",
                ["72"] = "商务服务业",
                ["90"] = "娱乐业",
            },
            TechSmeRules.ExcludedDivisions);
    }

    [Theory]
    [InlineData("B0610", true)]     // 06: the first division of 采矿业
    [InlineData("A0541", false)]    // 05: 农林牧渔专业及辅助性活动
    [InlineData("D4690", true)]     // 46: the last division of section D
    [InlineData("E4710", false)]
    [InlineData("not a code", false)]
    public void IsIndustrial_DivisionsSixToFortySix(string code, bool industrial)
    {
        Assert.Equal(industrial, EnterpriseRules.IsIndustrial(code));
    }
}
