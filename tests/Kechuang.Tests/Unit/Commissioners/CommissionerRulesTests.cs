using System.Globalization;
using Kechuang.Modules.Commissioners;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Commissioners;

public class CommissionerRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Someone = Guid.CreateVersion7();

    private static bool IsTown(string code) => code is "330723107" or "330723106";

    private static IReadOnlyDictionary<string, string[]> Errors(CommissionerInput input)
    {
        var errors = new FieldErrors();
        CommissionerRules.Validate(input, IsTown, errors);
        return errors.ToDictionary();
    }

    private static CommissionerInput Dispatch(string region = "330723107", string start = "2024-04-01", string end = "2026-03-31", string? signedOn = null, string kind = "individual") =>
        new(Someone, kind, "provincial", null, region, "茶叶", DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture),
            signedOn is null ? null : DateOnly.Parse(signedOn, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("individual")]
    [InlineData("team")]
    [InlineData("legal-person")]
    [InlineData("法人科技特派员")]
    public void Validate_AcceptsEachKind(string kind)
    {
        var errors = new FieldErrors();

        var facts = CommissionerRules.Validate(Dispatch(kind: kind), IsTown, errors);

        Assert.False(errors.Any);
        Assert.NotNull(facts);
    }

    [Theory]
    [InlineData("330723107", true)]
    [InlineData("330723", false)] // a county, not a town
    [InlineData("330723199", false)] // not a known town
    [InlineData("", false)]
    public void Validate_HostIsAKnownTown(string region, bool valid) =>
        Assert.Equal(valid, !Errors(Dispatch(region: region)).ContainsKey("regionCode"));

    [Theory]
    [InlineData("2024-04-01", "2024-04-02", true)]
    [InlineData("2024-04-01", "2024-04-01", false)]
    [InlineData("2024-04-01", "2029-04-01", true)]
    [InlineData("2024-04-01", "2029-04-02", false)]
    public void Validate_Term_AtItsBoundaries(string start, string end, bool valid) =>
        Assert.Equal(valid, !Errors(Dispatch(start: start, end: end)).ContainsKey("termEnd"));

    [Theory]
    [InlineData("2026-03-31", true)]
    [InlineData("2026-04-01", false)]
    public void Validate_AgreementIsSignedByTheTermsEnd(string signedOn, bool valid) =>
        Assert.Equal(valid, !Errors(Dispatch(signedOn: signedOn)).ContainsKey("agreementSignedOn"));

    [Fact]
    public void Validate_Empty_NamesEveryFieldInChinese()
    {
        var errors = Errors(new CommissionerInput(null, null, null, null, null, null, null, null, null));

        Assert.Equal("请选择科技特派员（人员名录中的人员）", errors["personId"][0]);
        Assert.Equal("请选择特派员类型", errors["kind"][0]);
        Assert.Equal("请选择派遣层级", errors["level"][0]);
        Assert.Equal("请选择派驻乡镇（街道）", errors["regionCode"][0]);
        Assert.Equal("请填写服务产业", errors["industry"][0]);
        Assert.Equal("请填写派驻开始日期", errors["termStart"][0]);
        Assert.Equal("请填写派驻结束日期", errors["termEnd"][0]);
    }

    [Theory]
    [InlineData("2024-01-01", "2024-12-31", "2024-12-31", "2025-06-30", true)]
    [InlineData("2024-01-01", "2024-12-30", "2024-12-31", "2025-06-30", false)]
    [InlineData("2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31", false)]
    public void Overlap_CountsTheSharedDay(string s1, string e1, string s2, string e2, bool overlap) =>
        Assert.Equal(overlap, CommissionerRules.Overlap(Day(s1), Day(e1), Day(s2), Day(e2)));

    [Theory]
    [InlineData("open", null, true)]
    [InlineData("matched", null, false)]
    [InlineData("已解决", null, false)]
    [InlineData("matched", "x", true)]
    public void Needs_AMatchedNeedNamesItsCommissioner(string status, string? commissioner, bool valid)
    {
        var errors = new FieldErrors();

        NeedRules.Validate(new NeedInput(Today, "330723107", null, "茶叶", "茶园绿色防控", status, commissioner is null ? null : Someone), IsTown, Today, errors);

        Assert.Equal(valid, !errors.ToDictionary().ContainsKey("commissionerId"));
    }

    [Fact]
    public void Needs_SurveyedNoLaterThanToday()
    {
        var errors = new FieldErrors();

        NeedRules.Validate(new NeedInput(Today.AddDays(1), "330723107", null, "茶叶", "需求", null, null), IsTown, Today, errors);

        Assert.Equal("摸底日期不能晚于今天", errors.ToDictionary()["surveyedOn"][0]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_000.01, false)]
    [InlineData(-0.01, false)]
    [InlineData(100.005, false)]
    public void Projects_Funding_AtItsBoundaries(double funding, bool valid)
    {
        var errors = new FieldErrors();

        ProjectRules.Validate(new ProjectInput(Someone, "provincial", 2023, "茶园项目", (decimal)funding, null, null), errors);

        Assert.Equal(valid, !errors.Any);
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2199, true)]
    [InlineData(2200, false)]
    public void Projects_Year_AtItsBoundaries(int year, bool valid)
    {
        var errors = new FieldErrors();

        ProjectRules.Validate(new ProjectInput(Someone, "county", year, "茶园项目", null, null, null), errors);

        Assert.Equal(valid, !errors.Any);
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}

public class ServiceRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Someone = Guid.CreateVersion7();

    private static (ServiceFacts? Facts, IReadOnlyDictionary<string, string[]> Errors) Validate(ServiceInput input)
    {
        var errors = new FieldErrors();
        var facts = ServiceRules.Validate(input, Today, errors);
        return (facts, errors.ToDictionary());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Training_Trainees_AtTheirBoundaries(int trainees, bool valid) =>
        Assert.Equal(valid, !Validate(new ServiceInput(Someone, "training", Today, "礼堂", "培训", trainees)).Errors.ContainsKey("trainees"));

    [Fact]
    public void Training_KeepsOnlyItsOwnFields()
    {
        var (facts, _) = Validate(new ServiceInput(Someone, "training", Today, "礼堂", "培训", 30, VarietyName: "中茶108", AreaMu: 5m, ServedName: "某农户"));

        Assert.NotNull(facts);
        Assert.Null(facts.VarietyName);
        Assert.Null(facts.AreaMu);
        Assert.Null(facts.ServedName);
        Assert.Equal(30, facts.Trainees);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.01", true)]
    [InlineData("100000", true)]
    [InlineData("100000.01", false)]
    [InlineData("12.345", false)]
    public void PromotedArea_AtItsBoundaries(string mu, bool valid) =>
        Assert.Equal(valid, !Validate(new ServiceInput(Someone, "promoted-area", Today, VarietyName: "中茶108",
            AreaMu: decimal.Parse(mu, CultureInfo.InvariantCulture))).Errors.ContainsKey("areaMu"));

    [Fact]
    public void Visit_AsksForItsCampaignAndWhoWasServed_HelpForWhatWasDone()
    {
        var visit = Validate(new ServiceInput(Someone, "visit", Today)).Errors;
        var help = Validate(new ServiceInput(Someone, "technical-assistance", Today)).Errors;

        Assert.Equal("请选择结对帮扶活动", visit["campaign"][0]);
        Assert.Equal("请填写走访对象（农户或企业）", visit["servedName"][0]);
        Assert.False(help.ContainsKey("campaign"));
        Assert.Equal("请填写帮扶内容", help["topic"][0]);
    }

    [Fact]
    public void ServedOn_NoLaterThanToday()
    {
        Assert.Equal("服务日期不能晚于今天", Validate(new ServiceInput(Someone, "variety-introduction", Today.AddDays(1), VarietyName: "中茶108", Crop: "茶叶")).Errors["servedOn"][0]);
        Assert.Empty(Validate(new ServiceInput(Someone, "variety-introduction", Today, VarietyName: "中茶108", Crop: "茶叶")).Errors);
    }

    [Fact]
    public void Codes_AreReadableAndNormalisedAsTyped()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => ServiceRules.NewCode()).ToList();

        Assert.All(codes, c => Assert.Equal(ServiceRules.CodeLength, c.Length));
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => ch is '0' or 'O' or '1' or 'I' or 'L'));
        Assert.True(codes.Distinct().Count() > 190);
        Assert.Equal("ABCD2345", ServiceRules.NormalizeCode(" abcd-2345 "));
    }
}

public class ScorecardRulesTests
{
    private static readonly ScorecardScheme Scheme = new();

    [Fact]
    public void EachItemIsCapped_AndTheTotalIsTheirSum()
    {
        var card = ScorecardRules.Compute(2023, new ServiceTotals(Trainings: 9, Trainees: 300, Varieties: 4, AreaMu: 5_000m, Visits: 8, Helps: 2), Scheme);

        var points = card.Items.ToDictionary(i => i.Name, i => i.Points);
        Assert.Equal(30m, points["农业科技培训"]); // 54 capped at 30
        Assert.Equal(16m, points["结对帮扶走访"]);
        Assert.Equal(8m, points["技术帮扶"]);
        Assert.Equal(8m, points["引进新品种"]);
        Assert.Equal(15m, points["推广新品种面积"]); // 50 capped at 15
        Assert.Equal(77m, card.Total);
        Assert.Equal("良好", card.Grade);
    }

    [Theory]
    [InlineData(90, "优秀")]
    [InlineData(89.99, "良好")]
    [InlineData(75, "良好")]
    [InlineData(74.99, "合格")]
    [InlineData(60, "合格")]
    [InlineData(59.99, "不合格")]
    [InlineData(0, "不合格")]
    public void Grades_AtTheirThresholds(double total, string grade) =>
        Assert.Equal(grade, ScorecardRules.Grade((decimal)total, Scheme));

    [Fact]
    public void TheSchemeIsConfigurable()
    {
        var generous = new ScorecardScheme { PointsPerTraining = 20m, TrainingCap = 60m, Excellent = 50m };

        var card = ScorecardRules.Compute(2023, new ServiceTotals(3, 90, 0, 0m, 0, 0), generous);

        Assert.Equal(60m, card.Total);
        Assert.Equal("优秀", card.Grade);
    }
}
