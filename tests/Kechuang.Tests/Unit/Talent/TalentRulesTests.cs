using Kechuang.Modules.Talent;
using Kechuang.Platform.Problems;
using Microsoft.Extensions.Configuration;

namespace Kechuang.Tests.Unit.Talent;

public sealed class TalentRulesTests
{
    private static readonly DateOnly Today = new(2023, 7, 6);
    private static readonly TalentProgrammes Programmes = new(TalentProgrammes.Defaults);
    private static readonly string National = TalentProgrammes.Defaults[0].Name;
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Employer = Guid.NewGuid();

    private static ApplicationInput Application(string? result = null, DateOnly? decided = null, DateOnly? recommended = null, int? year = 2023, string? level = null) =>
        new(National, level, Person, Employer, "330723", year, recommended ?? new DateOnly(2023, 3, 1), result, decided, null);

    private static (ApplicationFacts? Facts, FieldErrors Errors) Validate(ApplicationInput input)
    {
        var errors = new FieldErrors();
        return (TalentRules.ValidateApplication(input, Programmes, code => code == "330723", Today, errors), errors);
    }

    private static string? Message(FieldErrors errors, string field) =>
        errors.ToDictionary().TryGetValue(field, out var messages) ? messages[0] : null;

    [Fact]
    public void ValidateApplication_WithoutResult_IsPendingWithTheProgrammesLevel()
    {
        var (facts, errors) = Validate(Application());

        Assert.False(errors.Any);
        Assert.Equal(ApplicationResult.Pending, facts!.Result);
        Assert.Equal(TalentLevel.National, facts.Level);
        Assert.Null(facts.DecidedOn);
    }

    [Fact]
    public void ValidateApplication_LevelOtherThanTheProgrammes_IsRefused()
    {
        var (_, errors) = Validate(Application(level: "provincial"));

        Assert.Equal($"“{National}”是国家级项目", Message(errors, "level"));
    }

    [Fact]
    public void ValidateApplication_ProgrammeOutsideTheList_IsRefused()
    {
        var (_, errors) = Validate(Application() with { Programme = "国家千人计划" });

        Assert.Equal("人才项目“国家千人计划”不在项目清单中", Message(errors, "programme"));
    }

    [Theory]
    [InlineData(1999, "申报年度须在2000至2100之间")]
    [InlineData(2101, "申报年度须在2000至2100之间")]
    [InlineData(null, "请填写申报年度")]
    public void ValidateApplication_YearOutsideTheRange_IsRefused(int? year, string message)
    {
        var (_, errors) = Validate(Application(year: year));

        Assert.Equal(message, Message(errors, "year"));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2100)]
    public void ValidateApplication_YearAtTheBounds_IsAccepted(int year)
    {
        var (facts, _) = Validate(Application(year: year));

        Assert.Equal(year, facts!.Year);
    }

    [Fact]
    public void ValidateApplication_DecisionDay_RequiredWhenDecided_NotBeforeRecommendation_NotAfterToday()
    {
        var missing = Validate(Application("approved"));
        var early = Validate(Application("approved", new DateOnly(2023, 2, 28)));
        var sameDay = Validate(Application("approved", new DateOnly(2023, 3, 1)));
        var future = Validate(Application("rejected", Today.AddDays(1)));
        var onToday = Validate(Application("rejected", Today));
        var pendingWithDay = Validate(Application("pending", Today));

        Assert.Equal("请填写结果日期", Message(missing.Errors, "decidedOn"));
        Assert.Equal("结果日期不能早于推荐日期", Message(early.Errors, "decidedOn"));
        Assert.False(sameDay.Errors.Any);
        Assert.Equal("结果日期不能晚于今天", Message(future.Errors, "decidedOn"));
        Assert.Equal(ApplicationResult.Rejected, onToday.Facts!.Result);
        Assert.Equal("评审结果待定时不填写结果日期", Message(pendingWithDay.Errors, "decidedOn"));
    }

    [Fact]
    public void CheckDecision_OnlyAPendingApplicationIsDecided_AndOnlyToApprovedOrRejected()
    {
        Assert.Null(TalentRules.CheckDecision(ApplicationResult.Pending, ApplicationResult.Approved));
        Assert.Equal("talent.application-decided", TalentRules.CheckDecision(ApplicationResult.Approved, ApplicationResult.Rejected)?.Code);
        Assert.Equal("talent.application-decided", TalentRules.CheckDecision(ApplicationResult.Rejected, ApplicationResult.Approved)?.Code);
        Assert.Equal("talent.decision-pending", TalentRules.CheckDecision(ApplicationResult.Pending, ApplicationResult.Pending)?.Code);
    }

    private static PhdRecommendationInput Recommendation(DateOnly? reported, DateOnly? started = null, DateOnly? ended = null, int year = 2022) =>
        new(Guid.NewGuid(), Guid.NewGuid(), null, "330723", year, reported, started, ended, null);

    private static FieldErrors ValidateRecommendation(PhdRecommendationInput input)
    {
        var errors = new FieldErrors();
        TalentRules.ValidateRecommendation(input, code => code == "330723", Today, errors);
        return errors;
    }

    [Fact]
    public void ValidateRecommendation_PlacementDates_FollowTheReport()
    {
        var reported = new DateOnly(2022, 10, 28);

        Assert.False(ValidateRecommendation(Recommendation(reported, reported, reported)).Any);
        Assert.Equal("入企日期不能早于上报日期", Message(ValidateRecommendation(Recommendation(reported, reported.AddDays(-1))), "startedOn"));
        Assert.Equal("离企日期不能早于入企日期", Message(ValidateRecommendation(Recommendation(reported, reported.AddDays(5), reported.AddDays(4))), "endedOn"));
        Assert.Equal("未填写入企日期时不能填写离企日期", Message(ValidateRecommendation(Recommendation(reported, null, reported)), "endedOn"));
        Assert.Equal("上报日期不能早于2022年", Message(ValidateRecommendation(Recommendation(new DateOnly(2021, 12, 31))), "reportedOn"));
        Assert.Equal("上报日期不能晚于今天", Message(ValidateRecommendation(Recommendation(Today.AddDays(1))), "reportedOn"));
        Assert.Equal("请填写上报日期", Message(ValidateRecommendation(Recommendation(null)), "reportedOn"));
    }

    [Fact]
    public void ValidateIntroduction_NeedsADegreeOfDoctorateOrAbove_AndADayNotAfterToday()
    {
        var errors = new FieldErrors();
        var facts = TalentRules.ValidateIntroduction(new IntroductionInput(Person, "博士后", Employer, "330723", Today, null, null), _ => true, Today, errors);
        var master = new FieldErrors();
        TalentRules.ValidateIntroduction(new IntroductionInput(Person, "master", Employer, "330723", Today.AddDays(1), null, null), _ => true, Today, master);

        Assert.Equal(TalentDegree.Postdoctoral, facts!.Degree);
        Assert.Contains("学历层次取值无效", Message(master, "degree"));
        Assert.Equal("引进日期不能晚于今天", Message(master, "introducedOn"));
    }

    [Fact]
    public void ValidateDemand_HeadcountBetweenOneAndFifty()
    {
        FieldErrors Check(int? headcount)
        {
            var errors = new FieldErrors();
            TalentRules.ValidateDemand(new PhdDemandInput(Employer, "330723", 2022, "机械工程", headcount, "说明"), _ => true, errors);
            return errors;
        }

        Assert.False(Check(1).Any);
        Assert.False(Check(50).Any);
        Assert.Equal("需求人数应在1至50之间", Message(Check(0), "headcount"));
        Assert.Equal("需求人数应在1至50之间", Message(Check(51), "headcount"));
        Assert.Equal("请填写需求人数", Message(Check(null), "headcount"));
    }

    [Fact]
    public void Programmes_FromConfiguration_ReplaceTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Talent:Programmes:0:Name"] = "某市人才计划",
            ["Talent:Programmes:0:Level"] = "city",
        }).Build();

        var programmes = new TalentProgrammes(configuration);

        var only = Assert.Single(programmes.All);
        Assert.Equal(TalentLevel.City, only.Level);
        Assert.Null(programmes.Find(National));
    }
}
