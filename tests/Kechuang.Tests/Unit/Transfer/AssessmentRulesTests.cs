using Kechuang.Modules.Transfer;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Transfer;

/// <summary>docs/rules/transfer-station-assessment.md §1–§2: weights, caps, grade lines.</summary>
public class AssessmentRulesTests
{
    private static readonly SchemeItem[] Items =
    [
        new(AssessmentIndicator.Projects, 4m, 30m),
        new(AssessmentIndicator.SignedAmount, 0.5m, 25m),
        new(AssessmentIndicator.Activities, 3m, 15m),
        new(AssessmentIndicator.Visits, 0.5m, 20m),
        new(AssessmentIndicator.Awards, 5m, 10m),
    ];

    private static readonly SchemeFacts Scheme = new("考核办法", Items, 85m, 70m, 60m);

    private static AssessmentValues Values(int projects = 0, decimal wan = 0m, int activities = 0, int visits = 0, int awards = 0) =>
        new(projects, (long)(wan * 1_000_000m), activities, visits, awards);

    [Theory]
    [InlineData(7, 28)]
    [InlineData(8, 30)] // 32 points, capped at 30
    [InlineData(100, 30)]
    public void Points_AreValueTimesWeight_NeverAboveTheCap(int projects, int points)
    {
        Assert.Equal(points, AssessmentRules.Score(Values(projects: projects), Items));
    }

    [Fact]
    public void Score_AddsEveryIndicatorsCappedPoints()
    {
        // 9 × 4 = 36 → 30; 60万 × 0.5 = 30 → 25; 6 × 3 = 18 → 15; 31 × 0.5 = 15.5; 1 × 5 = 5.
        Assert.Equal(90.5m, AssessmentRules.Score(Values(9, 60m, 6, 31, 1), Items));
    }

    [Fact]
    public void Score_CountsTheSignedAmountInWanYuan_Unrounded()
    {
        // 12 345.67 元 = 1.234567万 × 0.5 = 0.6172835 → 0.62.
        Assert.Equal(0.62m, AssessmentRules.Score(new AssessmentValues(0, 1_234_567, 0, 0, 0), Items));
    }

    [Theory]
    [InlineData(100, AssessmentGrade.Excellent)]
    [InlineData(85, AssessmentGrade.Excellent)]
    [InlineData(84.99, AssessmentGrade.Good)]
    [InlineData(70, AssessmentGrade.Good)]
    [InlineData(69.99, AssessmentGrade.Pass)]
    [InlineData(60, AssessmentGrade.Pass)]
    [InlineData(59.99, AssessmentGrade.Fail)]
    [InlineData(0, AssessmentGrade.Fail)]
    public void Grade_IsTheHighestLineTheScoreReaches(decimal score, AssessmentGrade grade)
    {
        Assert.Equal(grade, AssessmentRules.Grade(score, Scheme));
    }

    [Fact]
    public void ValidateScheme_RefusesCapsAbove100InAll_AndGradeLinesOutOfOrder()
    {
        var errors = new FieldErrors();
        var input = new SchemeInput("办法", 2022, "330723",
            [new("projects", 4m, 60m), new("awards", 5m, 50m)], 70m, 80m, 60m);

        Assert.Null(AssessmentRules.ValidateScheme(input, errors));

        var found = errors.ToDictionary();
        Assert.Equal("各项封顶分值之和不能超过100分", found["items"][0]);
        Assert.Equal("等次最低分应满足：100 ≥ 优秀 > 良好 > 合格 > 0", found["grades"][0]);
    }

    [Fact]
    public void ValidateScheme_RefusesAnIndicatorTwiceAndAnUnknownOne()
    {
        var errors = new FieldErrors();
        var input = new SchemeInput("办法", 2022, "330723", [new("projects", 4m, 30m), new("促成合作项目（项）", 2m, 10m), new("patents", 1m, 1m)], 85m, 70m, 60m);

        Assert.Null(AssessmentRules.ValidateScheme(input, errors));

        var found = errors.ToDictionary();
        Assert.Contains("重复", found["items[1].indicator"][0]);
        Assert.Contains("考核指标取值无效", found["items[2].indicator"][0]);
    }

    [Fact]
    public void ValidatePayment_ARewardNeedsAnAssessment_AndNoFutureDay()
    {
        var errors = new FieldErrors();

        Assert.Null(AssessmentRules.ValidatePayment(new StationPaymentInput("reward", null, 1000m, new DateOnly(2026, 3, 3), null), new DateOnly(2026, 3, 2), errors));

        var found = errors.ToDictionary();
        Assert.Equal("考核奖励请选择对应的年度考核", found["assessmentId"][0]);
        Assert.Equal("兑现日期不能晚于今天", found["paidOn"][0]);
    }

    [Fact]
    public void CheckReward_RefusesOnlyAFailedYear()
    {
        Assert.Equal("transfer.reward-failed-grade", AssessmentRules.CheckReward(AssessmentGrade.Fail)!.Code);
        Assert.Null(AssessmentRules.CheckReward(AssessmentGrade.Pass));
    }
}
