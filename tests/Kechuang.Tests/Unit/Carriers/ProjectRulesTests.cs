using Kechuang.Modules.Carriers;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Carriers;

public class ProjectRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static (DateOnly? Month, decimal? Percent, IReadOnlyDictionary<string, string[]> Errors) Progress(string? month, decimal? percent)
    {
        var errors = new FieldErrors();
        var (m, p, _) = ProjectRules.ValidateProgress(new ProgressInput(month, percent, null), Today, errors);
        return (m, p, errors.ToDictionary());
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-04", false)]
    [InlineData("2023-12", true)]
    [InlineData(" 2023-12 ", true)]
    [InlineData("2023-13", false)]
    [InlineData("2023-1", false)]
    [InlineData("2023/12", false)]
    [InlineData("1989-12", false)]
    [InlineData("", false)]
    public void ValidateProgress_Month(string month, bool valid)
    {
        var (m, _, errors) = Progress(month, 10m);

        Assert.Equal(valid, !errors.ContainsKey("month"));
        Assert.Equal(valid, m is not null);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("20.5", true)]
    [InlineData("20.55", false)]
    [InlineData("100.1", false)]
    [InlineData("-0.1", false)]
    public void ValidateProgress_Percent(string percent, bool valid)
    {
        var (_, _, errors) = Progress("2023-12", decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(valid, !errors.ContainsKey("percent"));
    }

    [Fact]
    public void ValidateProgress_Messages_AreChinese()
    {
        Assert.Equal("填报月份不能晚于本月", Progress("2026-04", 1m).Errors["month"][0]);
        Assert.Equal("填报月份格式应为 yyyy-MM，如 2023-12", Progress("2023-13", 1m).Errors["month"][0]);
        Assert.Equal("请填写工程形象进度", Progress("2023-12", null).Errors["percent"][0]);
        Assert.Equal("工程形象进度应在0%至100%之间", Progress("2023-12", 101m).Errors["percent"][0]);
        Assert.Equal("工程形象进度最多保留一位小数", Progress("2023-12", 20.55m).Errors["percent"][0]);
    }

    private static readonly DateOnly Sep = new(2023, 9, 1);
    private static readonly DateOnly Oct = new(2023, 10, 1);
    private static readonly DateOnly Nov = new(2023, 11, 1);
    private static readonly DateOnly Dec = new(2023, 12, 1);

    [Fact]
    public void CheckProgress_OneReportPerMonth_NeverDown_AndAbove0OnlyFromTheMonthOfGroundbreaking()
    {
        (DateOnly, decimal)[] history = [(Oct, 5m), (Dec, 21m)];
        var broke = new DateOnly(2023, 9, 26);

        Assert.Null(ProjectRules.CheckProgress(Nov, 5m, history, broke));
        Assert.Null(ProjectRules.CheckProgress(Nov, 21m, history, broke));
        Assert.Null(ProjectRules.CheckProgress(Sep, 0.5m, history, broke));
        Assert.Equal("carriers.progress-month-exists", ProjectRules.CheckProgress(Oct, 6m, history, broke)!.Code);
        var down = ProjectRules.CheckProgress(Nov, 4.9m, history, broke)!;
        Assert.Equal("carriers.progress-decrease", down.Code);
        Assert.Equal("工程形象进度不能低于此前月份已填报的 5%", down.Message);
        Assert.Equal("工程形象进度不能高于此后月份已填报的 21%", ProjectRules.CheckProgress(Nov, 21.1m, history, broke)!.Message);
        Assert.Equal("carriers.progress-before-start", ProjectRules.CheckProgress(new DateOnly(2023, 8, 1), 1m, [], broke)!.Code);
        Assert.Null(ProjectRules.CheckProgress(new DateOnly(2023, 8, 1), 0m, [], broke));
        Assert.Equal("项目尚未登记开工实际日期，工程形象进度只能为0%", ProjectRules.CheckProgress(Oct, 1m, [], null)!.Message);
    }

    private static RuleException? Order(params (MilestoneKind Kind, DateOnly? Planned, DateOnly? Actual)[] milestones) =>
        ProjectRules.CheckOrder(milestones.ToDictionary(m => m.Kind, m => new MilestoneDates(m.Planned, m.Actual)));

    [Fact]
    public void CheckOrder_ARecordedEarlierMilestoneMustBeReachedFirst_OnTheSameDayOrBefore()
    {
        var day = new DateOnly(2023, 9, 26);

        Assert.Null(Order((MilestoneKind.DesignTender, null, day.AddDays(-100)), (MilestoneKind.Groundbreaking, null, day)));
        Assert.Null(Order((MilestoneKind.DesignTender, null, day), (MilestoneKind.Groundbreaking, null, day)));
        Assert.Null(Order((MilestoneKind.DesignTender, day, null), (MilestoneKind.Groundbreaking, day, null)));
        Assert.Null(Order((MilestoneKind.Groundbreaking, null, day))); // a design tender the project does not record
        var pending = Order((MilestoneKind.Groundbreaking, day, null), (MilestoneKind.Topping, null, day));
        var earlier = Order((MilestoneKind.DesignTender, null, day), (MilestoneKind.Groundbreaking, null, day.AddDays(-1)));
        Assert.Equal("carriers.milestone-order", pending!.Code);
        Assert.Equal("“开工”尚未完成，不能登记“主体结顶”的实际日期", pending.Message);
        Assert.Equal("carriers.milestone-order", earlier!.Code);
        Assert.Equal("“开工”的实际日期 2023-09-25 早于“方案设计招标”的 2023-09-26", earlier.Message);
    }

    [Fact]
    public void ValidateMilestone_NeedsADay_AndIsNotReachedAfterToday()
    {
        var none = new FieldErrors();
        var future = new FieldErrors();
        var planned = new FieldErrors();

        ProjectRules.ValidateMilestone(new MilestoneInput(null, null), Today, none);
        ProjectRules.ValidateMilestone(new MilestoneInput(null, Today.AddDays(1)), Today, future);
        var dates = ProjectRules.ValidateMilestone(new MilestoneInput(Today.AddYears(1), Today), Today, planned);

        Assert.Equal("请填写计划日期或实际完成日期", none.ToDictionary()["plannedOn"][0]);
        Assert.Equal("实际完成日期不能晚于今天", future.ToDictionary()["actualOn"][0]);
        Assert.False(planned.Any);
        Assert.Equal(Today, dates!.ActualOn);
    }
}
