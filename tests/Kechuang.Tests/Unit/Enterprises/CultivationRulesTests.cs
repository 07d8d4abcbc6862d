using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

public class CultivationRulesTests
{
    private static readonly DateTime Now = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Org = Guid.CreateVersion7();

    [Theory]
    [InlineData("C3465", true)]
    [InlineData("B0610", true)]
    [InlineData("D4411", true)]
    [InlineData("0610", true)]
    [InlineData("A0111", false)]
    [InlineData("E4710", false)]
    [InlineData("M7452", false)]
    public void IsIndustrial_SectionsBToD(string code, bool industrial)
    {
        Assert.Equal(industrial, EnterpriseRules.IsIndustrial(code));
    }

    [Theory]
    [InlineData(true, "20000000", true)]
    [InlineData(true, "19999999.99", false)]
    [InlineData(false, "50000000", false)]
    public void IsAboveScale_ExactlyTwentyMillionIndustrial(bool industrial, string revenue, bool expected)
    {
        Assert.Equal(expected, EnterpriseRules.IsAboveScale(industrial, decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void HighTechCertificate_ValidThreeYearsToTheDayBefore()
    {
        var certificate = Qualification.HighTech(Org, "330723", new DateOnly(2021, 12, 16), "GR1", Now);

        Assert.Equal(new DateOnly(2024, 12, 15), certificate.ValidUntil);
        Assert.True(certificate.IsValidOn(new DateOnly(2024, 12, 15)));
        Assert.False(certificate.IsValidOn(new DateOnly(2024, 12, 16)));
        Assert.False(certificate.IsValidOn(new DateOnly(2021, 12, 15)));
    }

    [Fact]
    public void TechSmeEntry_ValidForItsYearOnly()
    {
        var entry = Qualification.TechSme(Org, "330723", 2023, "S1", Now);

        Assert.True(entry.IsValidOn(new DateOnly(2023, 12, 31)));
        Assert.False(entry.IsValidOn(new DateOnly(2024, 1, 1)));
    }

    private static EnterpriseProfile Profile(string industry = "C3465") =>
        new(Org, "330723101", "测试企业", new ProfileFacts(industry, TaxCollectionMode.ActualProfit, new DateOnly(2010, 1, 1), true, false, true), Now);

    private static EnterpriseYearRecord Year(int year, decimal sales) =>
        new(Org, "330723101", year, new YearFigures(sales, sales, 0m, sales * 0.7m, 50_000_000m, 10_000_000m, sales * 0.05m, 0m, 0m, sales * 0.9m, 300, 40, 3, false, false), Now);

    [Theory]
    [InlineData("100000000", true)]
    [InlineData("99999999.99", false)]
    public void Screen_HundredMillionIndustrialWithoutInstitution_IsACoverageGap(string sales, bool gap)
    {
        var row = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024),
            [Year(2023, decimal.Parse(sales, System.Globalization.CultureInfo.InvariantCulture))], [], [], []);

        Assert.Equal(gap, row.Pools.Contains(CultivationPools.RdCoverageGap));
        Assert.True(row.AboveScale);
    }

    [Fact]
    public void Screen_WithAnInstitution_IsNotACoverageGap()
    {
        var institution = new RdInstitution(Org, "330723101", "研发中心", RdInstitutionKind.RdCenter, Level.County, 2020, Now);

        var row = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024), [Year(2023, 150_000_000m)], [], [], [institution]);

        Assert.DoesNotContain(CultivationPools.RdCoverageGap, row.Pools);
    }

    [Fact]
    public void Screen_BelowScaleHighTechEnterprise_IsAScaleUpCandidate()
    {
        var certificate = Qualification.HighTech(Org, "330723101", new DateOnly(2023, 1, 10), "GR2", Now);

        var below = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024), [Year(2023, 19_999_999.99m)], [], [certificate], []);
        var at = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024), [Year(2023, 20_000_000m)], [], [certificate], []);

        Assert.Contains(CultivationPools.ScaleUp, below.Pools);
        Assert.DoesNotContain(CultivationPools.ScaleUp, at.Pools);
        Assert.DoesNotContain(CultivationPools.HighTechExpiring, below.Pools);
    }

    [Fact]
    public void Screen_WithoutLastYearsFigures_SaysSoAndEvaluatesNothing()
    {
        var row = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024), [Year(2021, 10_000_000m)], [], [], []);

        Assert.False(row.HasData);
        Assert.Null(row.TechSme);
        Assert.Null(row.HighTech);
    }

    [Fact]
    public void Screen_TechSmeEntryOfTheYear_RemovesTheCandidate()
    {
        var patent = new IntellectualPropertyRecord(Org, "330723101", IntellectualPropertyKind.InventionPatent, "专利", "ZL1", IntellectualPropertyStatus.Granted,
            new DateOnly(2020, 1, 1), new DateOnly(2022, 1, 1), true, Now);
        var entry = Qualification.TechSme(Org, "330723101", 2024, "S2", Now);

        var candidate = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024), [Year(2023, 50_000_000m)], [patent], [], []);
        var entered = ScreenEnterprisesHandler.Screen(Profile(), 2024, ScreenEnterprisesHandler.ReferenceDay(2024), [Year(2023, 50_000_000m)], [patent], [entry], []);

        Assert.True(candidate.TechSme!.Eligible);
        Assert.Contains(CultivationPools.TechSmeCandidate, candidate.Pools);
        Assert.DoesNotContain(CultivationPools.TechSmeCandidate, entered.Pools);
    }
}
