using Kechuang.Modules.Programs;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Programs;

/// <summary>The plan-project rules at their boundaries (docs/rules/plan-projects.md).</summary>
public class ProgramsRulesTests
{
    private static readonly DateOnly Start = new(2022, 1, 1);
    private static readonly DateOnly End = new(2023, 6, 30);

    [Theory]
    [InlineData("2022-01-01")]
    [InlineData("2023-06-30")]
    [InlineData("2023-12-30")]
    public void AcceptanceRequest_FromTheStartToSixMonthsAfterTheEnd_IsAllowed(string day) =>
        ProgramsRules.CheckAcceptanceRequest(Start, End, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void AcceptanceRequest_TheDayAfterTheSixMonths_IsOverdue_AndBeforeTheStart_IsEarly()
    {
        var overdue = Assert.Throws<RuleException>(() => ProgramsRules.CheckAcceptanceRequest(Start, End, new DateOnly(2023, 12, 31)));
        var early = Assert.Throws<RuleException>(() => ProgramsRules.CheckAcceptanceRequest(Start, End, new DateOnly(2021, 12, 31)));

        Assert.Equal("programs.acceptance-overdue", overdue.Code);
        Assert.Contains("2023-12-30", overdue.Message, StringComparison.Ordinal);
        Assert.Equal("programs.acceptance-early", early.Code);
        Assert.Equal(new DateOnly(2023, 12, 30), ProgramsRules.AcceptanceDeadline(End));
    }

    [Fact]
    public void Overdue_OnlyInProgress_AndOnlyAfterTheDeadline()
    {
        Assert.False(ProgramsRules.IsOverdue(ApplicationStatus.InProgress, End, new DateOnly(2023, 12, 30)));
        Assert.True(ProgramsRules.IsOverdue(ApplicationStatus.InProgress, End, new DateOnly(2023, 12, 31)));
        Assert.False(ProgramsRules.IsOverdue(ApplicationStatus.AcceptanceRequested, End, new DateOnly(2024, 6, 1)));
        Assert.False(ProgramsRules.IsOverdue(ApplicationStatus.InProgress, null, new DateOnly(2024, 6, 1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public void Extension_OfOneToTwelveMonths_WithinThePeriod_IsAllowed(int months) =>
        ProgramsRules.CheckExtension(false, months, End, End);

    [Theory]
    [InlineData(false, 13, "2023-06-30", "programs.extension-too-long")]
    [InlineData(false, 0, "2023-06-30", "programs.extension-too-long")]
    [InlineData(true, 1, "2023-06-01", "programs.extension-used")]
    [InlineData(false, 6, "2023-07-01", "programs.extension-late")]
    public void Extension_ASecondOne_MoreThanTwelveMonths_OrAfterTheEnd_IsRefused(bool extended, int months, string day, string code)
    {
        var refused = Assert.Throws<RuleException>(() =>
            ProgramsRules.CheckExtension(extended, months, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), End));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void AverageScore_DropsOneHighestAndOneLowest_WhenTheCallSaysSo()
    {
        decimal[] five = [90m, 80m, 70m, 60m, 95m];

        Assert.Equal(80m, ProgramsRules.AverageScore(five, dropHighLow: true));
        Assert.Equal(79m, ProgramsRules.AverageScore(five, dropHighLow: false));
        // Ties: one of each extreme only.
        Assert.Equal(90m, ProgramsRules.AverageScore([90m, 90m, 90m], dropHighLow: true));
        Assert.Equal(85m, ProgramsRules.AverageScore([80m, 85m, 90m], dropHighLow: true));
    }

    [Fact]
    public void AverageScore_WithFewerThanThree_AveragesAll_AndNoneIsAConflict()
    {
        Assert.Equal(85m, ProgramsRules.AverageScore([80m, 90m], dropHighLow: true));
        Assert.Equal(77m, ProgramsRules.AverageScore([77m], dropHighLow: true));
        Assert.Equal(66.67m, ProgramsRules.AverageScore([60m, 70m, 70m], dropHighLow: false));
        Assert.Equal("programs.no-scores", Assert.Throws<RuleException>(() => ProgramsRules.AverageScore([], dropHighLow: true)).Code);
    }

    [Fact]
    public void Points_AreCheckedPerCriterion_FromZeroToItsMaximum()
    {
        var criteria = ProgramsRules.DefaultCriteria;
        var ok = new FieldErrors();
        var high = new FieldErrors();
        var count = new FieldErrors();

        ProgramsRules.ValidatePoints([0, 25, 20, 25], criteria, ok);
        ProgramsRules.ValidatePoints([31, 25, 20, 25], criteria, high);
        ProgramsRules.ValidatePoints([30, 25], criteria, count);

        Assert.False(ok.Any);
        Assert.Equal("“创新性”的得分应在0至30分之间", high.ToDictionary()["points"][0]);
        Assert.Equal("请按4项评审指标逐项评分", count.ToDictionary()["points"][0]);
    }

    [Fact]
    public void Application_NeedsTitleLeaderAndPositiveRequestedFunds()
    {
        var errors = new FieldErrors();

        var facts = ProgramsRules.ValidateApplication(new ApplicationInput(Guid.NewGuid(), Guid.NewGuid(), " ", null, null, 0m, 0.001m, [new DocumentInput("", null, 0)]),
            "330723", errors);

        Assert.Null(facts);
        var messages = errors.ToDictionary();
        Assert.Equal("请填写项目名称", messages["title"][0]);
        Assert.Equal("请填写项目负责人", messages["leader"][0]);
        Assert.Equal("申请经费最多两位小数，且不超过100亿元", messages["requestedFunds"][0]);
        Assert.Contains("第1份材料的页数应在1至10000之间", messages["documents"]);
    }

    [Fact]
    public void Criteria_RoundTripThroughTheirText()
    {
        var text = ProgramsRules.FormatCriteria(ProgramsRules.DefaultCriteria);

        Assert.Equal("创新性:30;技术可行性:25;团队与基础:20;预期效益:25", text);
        Assert.Equal(ProgramsRules.DefaultCriteria, ProgramsRules.ParseCriteria(text));
    }
}
