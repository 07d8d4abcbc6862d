using System.Globalization;
using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

public class HighTechEvaluationTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>Three years of 3000万 sales with 5% R&amp;D, 12% tech staff, 70% high-tech revenue, one self-developed invention patent.</summary>
    private static HighTechInput Input(
        HighTechYear[]? years = null, HighTechLatestYear? latest = null, HighTechIntellectualProperty[]? ip = null,
        HighTechExpertScores? scores = null, DateOnly? registered = null, DateOnly? applied = null,
        bool coreIp = true, bool field = true, bool incidents = false) =>
        new(registered ?? new DateOnly(2015, 1, 1), applied ?? new DateOnly(2024, 6, 1), coreIp, field, incidents,
            years ??
            [
                new(2021, 30_000_000m, 10_000_000m, 1_500_000m, 0m, 0m, 5),
                new(2022, 30_000_000m, 12_000_000m, 1_500_000m, 0m, 0m, 5),
                new(2023, 30_000_000m, 14_400_000m, 1_500_000m, 0m, 0m, 5),
            ],
            latest ?? new HighTechLatestYear(31_000_000m, 1_000_000m, 21_000_000m, 12m, 100m),
            ip ?? [new(IntellectualPropertyKind.InventionPatent, true, true)],
            scores ?? new HighTechExpertScores());

    private static HighTechYear[] FlatYears(decimal sales, decimal rd, decimal overseas = 0m, decimal commissioned = 0m) =>
    [
        new(2021, sales, 10m, rd, commissioned, overseas, 0),
        new(2022, sales, 10m, rd, commissioned, overseas, 0),
        new(2023, sales, 10m, rd, commissioned, overseas, 0),
    ];

    private static EvaluationCondition Condition(HighTechResult result, string code) => result.Conditions.Single(c => c.Code == code);

    private static readonly HighTechExpertScores Strong = new(7, 7, 8, 6, 0, 30, 16, 5, 0);

    [Fact]
    public void Evaluate_StrongEnterpriseWithExpertScores_IsEligible()
    {
        var result = HighTechEvaluation.Evaluate(Input(scores: Strong));

        Assert.All(result.Conditions, c => Assert.True(c.Met, c.Code + " " + c.Detail));
        Assert.Equal(9, result.Conditions.Count);
        Assert.True(result.Eligible);
        Assert.Empty(result.Gaps);
    }

    [Theory]
    [InlineData("2023-06-15", "2024-06-14", 365, true)]   // across 2024-02-29: 365 calendar days
    [InlineData("2023-06-15", "2024-06-13", 364, false)]
    [InlineData("2022-06-15", "2023-06-15", 365, true)]   // no leap day
    [InlineData("2022-06-15", "2023-06-14", 364, false)]
    [InlineData("2023-02-28", "2024-02-27", 364, false)]  // 2024-02-29 not yet reached
    [InlineData("2023-03-01", "2024-02-29", 365, true)]
    [InlineData("2024-02-28", "2025-02-27", 365, true)]   // includes 2024-02-29: the day before the anniversary suffices
    [InlineData("2022-02-28", "2023-02-27", 364, false)]  // the same dates without a leap day do not
    [InlineData("2024-02-29", "2025-02-28", 365, true)]   // registered on the leap day itself
    [InlineData("2024-02-29", "2025-02-27", 364, false)]
    public void Registered_Counts365CalendarDays(string registered, string applied, int days, bool met)
    {
        var result = HighTechEvaluation.Evaluate(Input(registered: DateOnly.Parse(registered, CultureInfo.InvariantCulture), applied: DateOnly.Parse(applied, CultureInfo.InvariantCulture)));

        var condition = Condition(result, HighTechEvaluation.Registered);
        Assert.Equal(met, condition.Met);
        Assert.Contains($"共 {days} 个日历天", condition.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10", "100", true)]
    [InlineData("9.99", "100", false)]
    [InlineData("9", "100", false)]
    [InlineData("0", "0", false)]
    public void TechStaffRatio_ExactlyTenPercent_Passes(string tech, string staff, bool met)
    {
        var result = HighTechEvaluation.Evaluate(Input(latest: new HighTechLatestYear(31_000_000m, 1_000_000m, 21_000_000m, D(tech), D(staff))));

        Assert.Equal(met, Condition(result, HighTechEvaluation.TechStaffRatio).Met);
    }

    [Fact]
    public void AnnualAverage_IsTheMeanOfMonthlyMidpoints()
    {
        var months = Enumerable.Range(0, 12).Select(i => (Start: 95m + i, End: 96m + i)).ToList();

        // (95.5 + 96.5 + … + 106.5) / 12 = 101
        Assert.Equal(101m, HighTechRules.AnnualAverage(months));
    }

    [Theory]
    [InlineData("50000000", "0.05")]
    [InlineData("50000000.01", "0.04")]
    [InlineData("200000000", "0.04")]
    [InlineData("200000000.01", "0.03")]
    [InlineData("0", "0.05")]
    public void RdRatioRequired_ByLatestYearSales(string sales, string required)
    {
        Assert.Equal(D(required), HighTechRules.RdRatioRequired(D(sales)));
    }

    [Theory]
    // Sales ≤ 5000万 (含): 5%.
    [InlineData("50000000", "2500000", true)]
    [InlineData("50000000", "2499999.99", false)]
    // 5000万 < sales ≤ 2亿 (含): 4%.
    [InlineData("50000000.01", "2000000.01", true)]
    [InlineData("200000000", "8000000", true)]
    [InlineData("200000000", "7999999.99", false)]
    // Sales > 2亿: 3%.
    [InlineData("200000000.01", "6000000.01", true)]
    [InlineData("300000000", "8999999.99", false)]
    [InlineData("300000000", "9000000", true)]
    public void RdIntensity_AtEachRevenueBand(string sales, string rd, bool met)
    {
        var result = HighTechEvaluation.Evaluate(Input(years: FlatYears(D(sales), D(rd))));

        Assert.Equal(met, Condition(result, HighTechEvaluation.RdIntensity).Met);
    }

    [Fact]
    public void RdIntensity_ThresholdFollowsTheLatestYearNotTheAverage()
    {
        // Earlier years above 5000万, latest exactly 5000万: the 5% band applies to the 3-year ratio.
        HighTechYear[] years =
        [
            new(2021, 80_000_000m, 1m, 3_600_000m, 0m, 0m, 0),
            new(2022, 70_000_000m, 1m, 3_150_000m, 0m, 0m, 0),
            new(2023, 50_000_000m, 1m, 2_250_000m, 0m, 0m, 0),
        ];

        var result = HighTechEvaluation.Evaluate(Input(years: years));

        // 9,000,000 / 200,000,000 = 4.5% < 5%.
        Assert.False(Condition(result, HighTechEvaluation.RdIntensity).Met);
        Assert.Contains(result.Gaps, g => g.Contains("研发费用占比 4.5%，低于5%的要求，还差约 100 万元", StringComparison.Ordinal));
    }

    [Fact]
    public void RdIntensity_GapIsWordedAsTheIssueShows()
    {
        // 2.8% of 3亿 a year against 3%: short 0.2% × 9亿 = 180万.
        var result = HighTechEvaluation.Evaluate(Input(years: FlatYears(300_000_000m, 8_400_000m)));

        Assert.Contains(result.Gaps, g => g == "研发费用占比 2.8%，低于3%的要求，还差约 180 万元");
    }

    [Fact]
    public void CommissionedRd_CountsAtEightyPercent()
    {
        // 5% of 3000万 = 150万: 110万 in-house + 50万 commissioned × 80% = 150万.
        var pass = HighTechEvaluation.Evaluate(Input(years: FlatYears(30_000_000m, 1_100_000m, commissioned: 500_000m)));
        var fail = HighTechEvaluation.Evaluate(Input(years: FlatYears(30_000_000m, 1_100_000m, commissioned: 499_999m)));

        Assert.True(Condition(pass, HighTechEvaluation.RdIntensity).Met);
        Assert.False(Condition(fail, HighTechEvaluation.RdIntensity).Met);
    }

    [Fact]
    public void DomesticRdShare_ExactlySixtyPercent_Passes()
    {
        // In-house 60, overseas 50 × 80% = 40: domestic 60 of 100.
        var pass = HighTechEvaluation.Evaluate(Input(years: FlatYears(1_000m, 60m, overseas: 50m)));
        var fail = HighTechEvaluation.Evaluate(Input(years: FlatYears(1_000m, 59.99m, overseas: 50m)));

        Assert.True(Condition(pass, HighTechEvaluation.DomesticRdShare).Met);
        Assert.False(Condition(fail, HighTechEvaluation.DomesticRdShare).Met);
    }

    [Theory]
    [InlineData("31000000", "1000000", "18000000", true)]     // 60% of (3100万 − 100万)
    [InlineData("31000000", "1000000", "17999999.99", false)]
    [InlineData("30000000", "0", "18000000", true)]
    [InlineData("30000000", "0", "17999999.99", false)]
    public void HighTechRevenue_SixtyPercentOfIncomeLessNonTaxable(string income, string nonTaxable, string highTech, bool met)
    {
        var result = HighTechEvaluation.Evaluate(Input(latest: new HighTechLatestYear(D(income), D(nonTaxable), D(highTech), 12m, 100m)));

        Assert.Equal(met, Condition(result, HighTechEvaluation.HighTechRevenueRatio).Met);
    }

    [Fact]
    public void Score_ExactlySeventy_Fails_SeventyOne_Passes()
    {
        // IP 7+7+8+6 = 28, transformation 25 (A), organization 12, growth 5 (C) + 0 (F) = 70.
        var seventy = HighTechEvaluation.Evaluate(Input(scores: new HighTechExpertScores(7, 7, 8, 6, 0, 25, 12, 5, 0)));
        var seventyOne = HighTechEvaluation.Evaluate(Input(scores: new HighTechExpertScores(7, 7, 8, 6, 0, 25, 13, 5, 0)));

        Assert.Equal(70, seventy.Score.Exact);
        Assert.False(Condition(seventy, HighTechEvaluation.ScoreAbove70).Met);
        Assert.False(seventy.Eligible);
        Assert.Contains(seventy.Gaps, g => g.Contains("还差 1 分", StringComparison.Ordinal));
        Assert.Equal(71, seventyOne.Score.Exact);
        Assert.True(seventyOne.Eligible);
    }

    [Fact]
    public void Score_WithoutExpertScores_UsesTheMinimumAndGivesTheRange()
    {
        var result = HighTechEvaluation.Evaluate(Input());

        Assert.Null(result.Score.Exact);
        // Minimum: quantity A 7 + acquisition A 1 + transformation A 25 + net assets C 5 + sales F 0 = 38.
        Assert.Equal(38, result.Score.Min);
        // Maximum: IP capped at 30 + 30 + 20 + 6 + 0 = 86.
        Assert.Equal(86, result.Score.Max);
        Assert.False(Condition(result, HighTechEvaluation.ScoreAbove70).Met);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void Score_IpPartIsCappedAtThirty()
    {
        var result = HighTechEvaluation.Evaluate(Input(scores: new HighTechExpertScores(8, 8, 8, 6, 2, 30, 20, 5, 0)));

        Assert.Equal(30, result.Parts.Ip.Score);
        Assert.Equal(30, result.Parts.Ip.Max);
    }

    [Theory]
    [InlineData(1, 0, "A", 7, 8)]
    [InlineData(0, 5, "B", 5, 6)]
    [InlineData(0, 4, "C", 3, 4)]
    [InlineData(0, 3, "C", 3, 4)]
    [InlineData(0, 2, "D", 1, 2)]
    [InlineData(0, 1, "D", 1, 2)]
    [InlineData(0, 0, "E", 0, 0)]
    public void IpQuantityBand_ByClass(int classOne, int classTwo, string band, int min, int max)
    {
        Assert.Equal(new ScoreBand(band, min, max), HighTechRules.IpQuantityBand(classOne, classTwo));
    }

    [Fact]
    public void IpAcquisition_OnlyAcquired_IsCappedAtThree()
    {
        var result = HighTechEvaluation.Evaluate(Input(ip: [new(IntellectualPropertyKind.UtilityModel, true, false)]));

        Assert.Equal("B", result.Parts.Ip.Acquisition.Band);
        Assert.Equal(3, result.Parts.Ip.Acquisition.Max);
    }

    [Theory]
    [InlineData(15, "A", 25, 30)]
    [InlineData(14, "B", 19, 24)]
    [InlineData(12, "B", 19, 24)]
    [InlineData(11, "C", 13, 18)]
    [InlineData(9, "C", 13, 18)]
    [InlineData(6, "D", 7, 12)]
    [InlineData(3, "E", 1, 6)]
    [InlineData(2, "F", 0, 0)]
    [InlineData(0, "F", 0, 0)]
    public void TransformationBand_ByThreeYearAverage(int total, string band, int min, int max)
    {
        HighTechYear[] years =
        [
            new(2021, 30_000_000m, 1m, 1_500_000m, 0m, 0m, total - 2 * (total / 3)),
            new(2022, 30_000_000m, 1m, 1_500_000m, 0m, 0m, total / 3),
            new(2023, 30_000_000m, 1m, 1_500_000m, 0m, 0m, total / 3),
        ];

        var part = HighTechEvaluation.Evaluate(Input(years: years)).Parts.Transformation;

        Assert.Equal((band, min, max), (part.Band, part.Min, part.Max));
    }

    [Theory]
    [InlineData("100", "135", "182.25", "0.35", "A")]
    [InlineData("100", "115", "132.25", "0.15", "C")]
    [InlineData("100", "114.99", "132.2270", null, "D")]
    [InlineData("100", "125", "156.25", "0.25", "B")]
    [InlineData("100", "105", "110.25", "0.05", "D")]
    [InlineData("100", "100", "100", "0", "F")]
    [InlineData("100", "90", "81", "-0.1", "F")]
    public void GrowthRate_AtBandBoundaries(string x1, string x2, string x3, string? rate, string band)
    {
        var computed = HighTechRules.GrowthRate([D(x1), D(x2), D(x3)]);

        if (rate is not null)
        {
            Assert.Equal(D(rate), computed);
        }
        Assert.Equal(band, HighTechRules.GrowthBand(computed).Band);
    }

    [Fact]
    public void GrowthRate_JustAboveZero_IsBandE()
    {
        Assert.Equal("E", HighTechRules.GrowthBand(0.0001m).Band);
        Assert.Equal("D", HighTechRules.GrowthBand(0.05m).Band);
        Assert.Equal("E", HighTechRules.GrowthBand(0.0499m).Band);
    }

    [Fact]
    public void GrowthRate_FirstYearZero_UsesTheLastTwoYears()
    {
        Assert.Equal(0.2m, HighTechRules.GrowthRate([0m, 100m, 120m]));
    }

    [Fact]
    public void GrowthRate_SecondYearZero_ScoresZero()
    {
        var rate = HighTechRules.GrowthRate([100m, 0m, 120m]);

        Assert.Null(rate);
        Assert.Equal(new ScoreBand("F", 0, 0), HighTechRules.GrowthBand(rate));
    }

    [Fact]
    public void GrowthRate_YoungerEnterprises()
    {
        Assert.Equal(0.5m, HighTechRules.GrowthRate([100m, 150m]));
        Assert.Null(HighTechRules.GrowthRate([100m]));
        Assert.Null(HighTechRules.GrowthRate([0m, 150m]));
    }

    [Fact]
    public void CheckExpertScores_OutsideTheBand_NamesTheField()
    {
        // One utility model: quantity band D (1–2); 7 is refused.
        var input = Input(ip: [new(IntellectualPropertyKind.UtilityModel, true, true)], scores: new HighTechExpertScores(IpQuantity: 7, RdOrganization: 21));

        var problems = HighTechEvaluation.CheckExpertScores(input).ToList();

        Assert.Contains(problems, p => p.Field == "expertScores.ipQuantity" && p.Message.Contains("1—2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "expertScores.rdOrganization");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void CoreIp_RequiresAValidNonTrademarkProperty()
    {
        var trademarkOnly = HighTechEvaluation.Evaluate(Input(ip: [new(IntellectualPropertyKind.Trademark, true, true)]));
        var lapsed = HighTechEvaluation.Evaluate(Input(ip: [new(IntellectualPropertyKind.InventionPatent, false, true)]));
        var declared = HighTechEvaluation.Evaluate(Input(coreIp: false));

        Assert.False(Condition(trademarkOnly, HighTechEvaluation.CoreIp).Met);
        Assert.False(Condition(lapsed, HighTechEvaluation.CoreIp).Met);
        Assert.False(Condition(declared, HighTechEvaluation.CoreIp).Met);
    }

    [Fact]
    public void FieldAndIncidents_AreConditions()
    {
        Assert.False(Condition(HighTechEvaluation.Evaluate(Input(field: false)), HighTechEvaluation.SupportedField).Met);
        Assert.False(Condition(HighTechEvaluation.Evaluate(Input(incidents: true)), HighTechEvaluation.NoIncidents).Met);
    }

    [Fact]
    public void ZeroValueYears_DoNotDivideByZero()
    {
        HighTechYear[] years = [new(2023, 0m, 0m, 0m, 0m, 0m, 0)];

        var result = HighTechEvaluation.Evaluate(Input(years: years, latest: new HighTechLatestYear(0m, 0m, 0m, 0m, 0m)));

        Assert.False(result.Eligible);
        Assert.False(Condition(result, HighTechEvaluation.RdIntensity).Met);
        Assert.False(Condition(result, HighTechEvaluation.DomesticRdShare).Met);
        Assert.False(Condition(result, HighTechEvaluation.HighTechRevenueRatio).Met);
        Assert.Null(result.Parts.Growth.Sales.Rate);
    }
}
