using Kechuang.Modules.Suggestions;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Suggestions;

/// <summary>docs/rules/suggestions.md: the windows at their boundaries and the state machine.</summary>
public class SuggestionsRulesTests
{
    private static readonly SuggestionTerms Terms = new();

    [Theory]
    [InlineData("2023-04-10", "2023-07-10")]
    [InlineData("2025-01-31", "2025-04-30")] // a month without the 31st ends on its last day
    [InlineData("2023-11-30", "2024-02-29")]
    [InlineData("2023-11-29", "2024-02-29")]
    [InlineData("2022-11-30", "2023-02-28")]
    public void Deadline_IsThreeMonthsFromAssignment(string assigned, string deadline) =>
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), Terms.Deadline(DateOnly.Parse(assigned, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ExtendedDeadline_IsSixMonthsFromAssignment_NotFromTheFirstDeadline() =>
        Assert.Equal(new DateOnly(2025, 7, 31), Terms.ExtendedDeadline(new DateOnly(2025, 1, 31)));

    [Fact]
    public void OpinionDue_IsThirtyDaysAfterAssignment() => Assert.Equal(new DateOnly(2023, 5, 10), Terms.OpinionDue(new DateOnly(2023, 4, 10)));

    [Fact]
    public void RehandleDeadline_IsOneMonthAfterTheFeedback() => Assert.Equal(new DateOnly(2023, 8, 31), Terms.RehandleDeadline(new DateOnly(2023, 7, 31)));

    [Fact]
    public void Terms_AreSettings()
    {
        var terms = new SuggestionTerms { ReplyMonths = 2, ExtendedMonths = 4, OpinionDays = 20, ReturnDays = 5, RehandleMonths = 3 };
        var day = new DateOnly(2024, 3, 1);

        Assert.Equal(new DateOnly(2024, 5, 1), terms.Deadline(day));
        Assert.Equal(new DateOnly(2024, 7, 1), terms.ExtendedDeadline(day));
        Assert.Equal(new DateOnly(2024, 3, 21), terms.OpinionDue(day));
        Assert.Equal(new DateOnly(2024, 3, 6), terms.ReturnBy(day));
        Assert.Equal(new DateOnly(2024, 6, 1), terms.RehandleDeadline(day));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Return_WithinTenDays_IsAllowed(int days) => SuggestionsRules.CheckReturn(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 10).AddDays(days), Terms);

    [Fact]
    public void Return_OnTheEleventhDay_Is409()
    {
        var e = Assert.Throws<RuleException>(() => SuggestionsRules.CheckReturn(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 21), Terms));

        Assert.Equal("suggestions.return-window-passed", e.Code);
        Assert.Contains("2023-04-20", e.Message);
    }

    [Fact]
    public void Extension_Twice_Is409()
    {
        SuggestionsRules.CheckExtension(false);
        Assert.Equal("suggestions.already-extended", Assert.Throws<RuleException>(() => SuggestionsRules.CheckExtension(true)).Code);
    }

    [Fact]
    public void Reply_WithAnOpinionMissing_Is409NamingTheUnit()
    {
        SuggestionsRules.CheckOpinionsIn([]);
        var e = Assert.Throws<RuleException>(() => SuggestionsRules.CheckOpinionsIn(["武义县人民政府"]));

        Assert.Equal("suggestions.opinions-missing", e.Code);
        Assert.Contains("武义县人民政府", e.Message);
    }

    [Theory]
    [InlineData("assign", SuggestionStatus.Received)]
    [InlineData("return", SuggestionStatus.Assigned)]
    [InlineData("return", SuggestionStatus.SignedFor)]
    [InlineData("sign-for", SuggestionStatus.Assigned)]
    [InlineData("start", SuggestionStatus.SignedFor)]
    [InlineData("reply", SuggestionStatus.Handling)]
    [InlineData("feedback", SuggestionStatus.Replied)]
    [InlineData("publish", SuggestionStatus.Evaluated)]
    public void Action_FromItsState_IsAllowed(string action, SuggestionStatus status) => SuggestionsRules.CheckAction(action, status);

    [Theory]
    [InlineData("assign", SuggestionStatus.Assigned)]
    [InlineData("sign-for", SuggestionStatus.Received)]
    [InlineData("return", SuggestionStatus.Handling)]
    [InlineData("reply", SuggestionStatus.SignedFor)]
    [InlineData("reply", SuggestionStatus.Replied)]
    [InlineData("feedback", SuggestionStatus.Evaluated)]
    [InlineData("publish", SuggestionStatus.Replied)]
    [InlineData("publish", SuggestionStatus.Published)]
    [InlineData("contact", SuggestionStatus.Received)]
    public void Action_FromAnotherState_Is409WrongStatus(string action, SuggestionStatus status)
    {
        var e = Assert.Throws<RuleException>(() => SuggestionsRules.CheckAction(action, status));

        Assert.Equal("suggestions.wrong-status", e.Code);
        Assert.Contains(SuggestionsRules.StatusNames[status], e.Message);
    }

    [Fact]
    public void Dissatisfied_ReopensHandling_WithANewDeadline_SatisfiedCloses()
    {
        var s = new Suggestion(new SuggestionFacts("330723", "武1号", "标题", "代表", null, "市人大八届一次会议", null, new DateOnly(2023, 4, 7)), DateTime.UtcNow);
        s.Assign(new DateOnly(2023, 4, 10), Guid.NewGuid(), [], Terms, DateTime.UtcNow);
        s.Reply(new ReplyFacts(new DateOnly(2023, 7, 11), ReplyClass.B, null, "联系人", "82270195"), DateTime.UtcNow);

        s.Evaluate(Satisfaction.Dissatisfied, new DateOnly(2023, 7, 20), Terms, DateTime.UtcNow);

        Assert.Equal(SuggestionStatus.Handling, s.Status);
        Assert.Equal(new DateOnly(2023, 8, 20), s.Deadline);
        Assert.Equal(1, s.RehandleCount);
        Assert.False(s.FirstReplyOnTime); // 7-11 is a day past 7-10

        s.Reply(new ReplyFacts(new DateOnly(2023, 8, 18), ReplyClass.A, null, "联系人", "82270195"), DateTime.UtcNow);
        s.Evaluate(Satisfaction.FairlySatisfied, new DateOnly(2023, 8, 25), Terms, DateTime.UtcNow);

        Assert.Equal(SuggestionStatus.Evaluated, s.Status);
        Assert.False(s.FirstReplyOnTime); // the first reply counts
        Assert.Equal(new DateOnly(2023, 7, 11), s.FirstRepliedOn);
    }

    [Fact]
    public void Overdue_PastTheDeadline_UntilAnswered()
    {
        var s = new Suggestion(new SuggestionFacts("330723", "武1号", "标题", "代表", null, "市人大八届一次会议", null, new DateOnly(2023, 4, 7)), DateTime.UtcNow);
        s.Assign(new DateOnly(2023, 4, 10), Guid.NewGuid(), [], Terms, DateTime.UtcNow);

        Assert.False(SuggestionsRules.Overdue(s, new DateOnly(2023, 7, 10))); // the deadline itself still runs
        Assert.True(SuggestionsRules.Overdue(s, new DateOnly(2023, 7, 11)));

        s.Reply(new ReplyFacts(new DateOnly(2023, 7, 12), ReplyClass.A, null, "联系人", "82270195"), DateTime.UtcNow);

        Assert.False(SuggestionsRules.Overdue(s, new DateOnly(2023, 7, 20)));
    }

    [Fact]
    public void ReplyOnTheDeadline_IsOnTime()
    {
        var s = new Suggestion(new SuggestionFacts("330723", "武1号", "标题", "代表", null, "市人大八届一次会议", null, new DateOnly(2023, 4, 7)), DateTime.UtcNow);
        s.Assign(new DateOnly(2023, 4, 10), Guid.NewGuid(), [], Terms, DateTime.UtcNow);

        s.Reply(new ReplyFacts(new DateOnly(2023, 7, 10), ReplyClass.A, null, "联系人", "82270195"), DateTime.UtcNow);

        Assert.True(s.FirstReplyOnTime);
    }

    [Fact]
    public void Validate_NamesEachMissingField_InChinese()
    {
        var errors = new FieldErrors();

        Assert.Null(SuggestionsRules.Validate(new SuggestionInput(null, " ", null, null, null, null, new DateOnly(2030, 1, 1), "999999"), _ => false,
            new DateOnly(2026, 1, 1), errors));

        var messages = errors.ToDictionary();
        Assert.Equal("请填写建议编号", messages["number"][0]);
        Assert.Equal("请填写建议标题", messages["title"][0]);
        Assert.Equal("请填写提出建议的代表", messages["representatives"][0]);
        Assert.Equal("请填写会议", messages["session"][0]);
        Assert.Equal("收到日期不能晚于今天", messages["receivedOn"][0]);
        Assert.Equal("行政区划代码 999999 不存在", messages["regionCode"][0]);
    }
}
