using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

/// <summary>The formulas of the 高新技术企业 工作指引 on their own.</summary>
public class HighTechRulesTests
{
    [Fact]
    public void GrowthRate_IsTheMeanOfBothYearOnYearRatiosLessOne()
    {
        // ½ × (200/100 + 220/200) − 1 = ½ × (2 + 1.1) − 1 = 0.55; the last two years alone would give 0.1.
        Assert.Equal(0.55m, HighTechRules.GrowthRate([100m, 200m, 220m]));
        // Only the last three years count.
        Assert.Equal(0.55m, HighTechRules.GrowthRate([1m, 100m, 200m, 220m]));
    }

    [Fact]
    public void GrowthRate_FirstYearNotPositive_UsesTheLastTwoYears()
    {
        Assert.Equal(0.1m, HighTechRules.GrowthRate([0m, 200m, 220m]));
        Assert.Equal(0.1m, HighTechRules.GrowthRate([-50m, 200m, 220m]));
    }

    [Fact]
    public void RdTotal_And_RdDomestic_CountCommissionedWorkAtEightyPercent()
    {
        // In-house 100 + (50 domestic + 25 overseas) × 80% = 160; in China: 100 + 50 × 80% = 140.
        Assert.Equal(160m, HighTechRules.RdTotal(100m, 50m, 25m));
        Assert.Equal(140m, HighTechRules.RdDomestic(100m, 50m));
    }

    [Fact]
    public void DomesticRdShare_CountsCommissionedDomesticWork()
    {
        // In-house 20 + commissioned in China 50 × 80% = 60 of 20 + (50 + 50) × 80% = 100: exactly 60%.
        HighTechYear[] years = [new(2023, 1_000m, 10m, 20m, 50m, 50m, 0)];
        var input = new HighTechInput(new DateOnly(2015, 1, 1), new DateOnly(2024, 6, 1), true, true, false, years,
            new HighTechLatestYear(1_000m, 0m, 700m, 12m, 100m), [new(IntellectualPropertyKind.InventionPatent, true, true)], new HighTechExpertScores());

        var condition = HighTechEvaluation.Evaluate(input).Conditions.Single(c => c.Code == HighTechEvaluation.DomesticRdShare);

        Assert.True(condition.Met);
        Assert.Equal("境内研究开发费用 60 元 占研究开发费用总额 100 元 的 60%，须不低于60%", condition.Detail);
    }
}
