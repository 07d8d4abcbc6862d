using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

/// <summary>
/// What the evaluation of 科技型中小企业 tells the user: each condition's figures and, when it fails, every gap in
/// the order of 第六条, with the shortfall to the next band of the 评价指标.
/// </summary>
public class TechSmeEvaluationTextTests
{
    private static TechSmeInput Input(
        int employees = 100, int techStaff = 30, decimal sales = 10_000_000m, decimal assets = 8_000_000m,
        decimal rd = 600_000m, decimal costs = 9_000_000m, IntellectualPropertyKind[]? ip = null,
        NonPayrollStaff[]? staff = null, DirectQualification[]? direct = null, string industry = "C3973",
        bool resident = true, TaxCollectionMode tax = TaxCollectionMode.ActualProfit, bool restricted = false,
        bool incidents = false, bool blacklist = false) =>
        new(2024, resident, tax, industry, restricted, incidents, blacklist, employees, techStaff, staff ?? [],
            sales, assets, rd, costs,
            (ip ?? [IntellectualPropertyKind.InventionPatent]).Select(k => new TechSmeIntellectualProperty(k, true)).ToList(),
            direct ?? []);

    private static IntellectualPropertyKind[] UtilityModels(int count) => Enumerable.Repeat(IntellectualPropertyKind.UtilityModel, count).ToArray();

    private static string Detail(TechSmeResult result, string code) => result.Conditions.Single(c => c.Code == code).Detail;

    /// <summary>Everything fails except the score, which a direct qualification (given twice, out of order) skips.</summary>
    private static TechSmeInput FailingAllButScore() => Input(
        employees: 598, techStaff: 179, sales: 300_000_000m, assets: 250_000_000m, rd: 18_000_000m, costs: 250_000_000m,
        staff: [new(false, true, 7m), new(false, false, 6.5m), new(false, false, 3m)],
        direct: [DirectQualification.LedStandard, DirectQualification.HighTechCertificate, DirectQualification.LedStandard],
        industry: "F5123", resident: false, tax: TaxCollectionMode.Deemed, restricted: true, incidents: true, blacklist: true);

    [Fact]
    public void Details_OfAPassingEnterprise_StateEachFigureAndItsLimit()
    {
        var result = TechSmeEvaluation.Evaluate(Input());

        Assert.Equal("在中国境内注册的居民企业，实行查账征收；须为实行查账征收的居民企业", Detail(result, TechSmeEvaluation.Resident));
        Assert.Equal("职工总数 100 人，年销售收入 1000 万元，资产总额 800 万元；均不得超过500人、2亿元、2亿元", Detail(result, TechSmeEvaluation.Size));
        Assert.Equal("行业代码 C3973，不属于不适用研发费用加计扣除的行业；产品和服务不属于《产业结构调整指导目录》限制类、淘汰类",
            Detail(result, TechSmeEvaluation.Industry));
        Assert.Equal("上一会计年度至今未发生重大安全、重大质量事故或严重环境违法、严重弄虚作假、科研严重失信行为；未列入经营异常名录或严重违法失信企业名单",
            Detail(result, TechSmeEvaluation.Integrity));
        // 60万 of 900万 costs is 6.67%, below option (2)'s lowest band of 10%.
        Assert.Equal("科技人员 30 人占职工总数 100 人的 30%，得 20 分；研发费用 60 万元 占销售收入的 6%（50 分）、占成本费用支出总额的 6.67%（0 分），取高者得 50 分；"
            + "有效Ⅰ类知识产权 1 项、Ⅱ类 0 项，得 30 分；合计 100 分，须不低于60分且科技人员指标不为0分", Detail(result, TechSmeEvaluation.Score));
        Assert.Equal([TechSmeEvaluation.Resident, TechSmeEvaluation.Size, TechSmeEvaluation.Industry, TechSmeEvaluation.Integrity, TechSmeEvaluation.Score],
            result.Conditions.Select(c => c.Code));
    }

    [Fact]
    public void Details_OfAFailingEnterprise_SayWhatIsWrong()
    {
        var result = TechSmeEvaluation.Evaluate(FailingAllButScore());

        Assert.Equal("不是居民企业，实行核定征收；须为实行查账征收的居民企业", Detail(result, TechSmeEvaluation.Resident));
        // Two part-time people worked more than six months and count; one worked three months and does not.
        Assert.Equal("职工总数 600 人（含累计工作6个月以上的兼职、临时人员 2 人，另有 1 人不足6个月未计入），年销售收入 3 亿元，资产总额 2.5 亿元；均不得超过500人、2亿元、2亿元",
            Detail(result, TechSmeEvaluation.Size));
        Assert.Equal("行业代码 F5123（批发业），属于财税〔2015〕119号规定不适用研发费用加计扣除的行业；产品和服务属于《产业结构调整指导目录》限制类、淘汰类",
            Detail(result, TechSmeEvaluation.Industry));
        Assert.Equal("上一会计年度至今发生重大安全、重大质量事故或严重环境违法、严重弄虚作假、科研严重失信行为；已列入经营异常名录或严重违法失信企业名单",
            Detail(result, TechSmeEvaluation.Integrity));
        Assert.Equal("符合直接认定条件（拥有有效期内高新技术企业资格证书；近五年内主导制定国际标准、国家标准或行业标准），免于评分；"
            + "科技人员 180 人占职工总数 600 人的 30%，得 20 分；研发费用 1800 万元 占销售收入的 6%（50 分）、占成本费用支出总额的 7.2%（0 分），取高者得 50 分；"
            + "有效Ⅰ类知识产权 1 项、Ⅱ类 0 项，得 30 分；合计 100 分，须不低于60分且科技人员指标不为0分", Detail(result, TechSmeEvaluation.Score));
    }

    [Fact]
    public void Gaps_OfAFailingEnterprise_FollowTheConditions()
    {
        var result = TechSmeEvaluation.Evaluate(FailingAllButScore());

        Assert.False(result.Eligible);
        Assert.True(result.DirectlyQualified);
        Assert.Equal(
        [
            "须为在中国境内（不含港、澳、台地区）注册的居民企业",
            "企业所得税须实行查账征收（目前为核定征收），并能准确归集研发费用",
            "职工总数 600 人，超过500人的上限",
            "年销售收入 3 亿元，超过2亿元的上限",
            "资产总额 2.5 亿元，超过2亿元的上限",
            "所属行业为批发业，不能参加科技型中小企业评价",
            "产品和服务属于国家规定的限制类、淘汰类，不能参加评价",
            "上一会计年度至今发生过重大安全、质量事故或严重环境违法、弄虚作假、科研失信行为，本年度不能通过评价",
            "企业在经营异常名录或严重违法失信名单中，须先移出",
        ], result.Gaps);
        Assert.Equal([false, false, false, false, true], result.Conditions.Select(c => c.Met));
    }

    [Fact]
    public void WithoutDetails_EveryDetailIsEmpty_AndTheOutcomeIsTheSame()
    {
        foreach (var input in new[] { Input(), FailingAllButScore(), Input(techStaff: 10, rd: 280_000m, costs: 1_000_000_000m, ip: []) })
        {
            var full = TechSmeEvaluation.Evaluate(input);
            var screening = TechSmeEvaluation.Evaluate(input, withDetails: false);

            Assert.All(screening.Conditions, c => Assert.Equal("", c.Detail));
            Assert.All(full.Conditions, c => Assert.NotEqual("", c.Detail));
            Assert.Equal(full.Conditions.Select(c => (c.Code, c.Met)), screening.Conditions.Select(c => (c.Code, c.Met)));
            Assert.Equal((full.Eligible, full.DirectlyQualified, full.Score, full.Scores), (screening.Eligible, screening.DirectlyQualified, screening.Score, screening.Scores));
            Assert.Equal(full.Gaps, screening.Gaps);
        }
    }

    [Fact]
    public void Size_ExactlyAtTheLimits_HasNoGap()
    {
        // 150 of 500 tech staff (30%), 1200万 of 2亿 sales (6%), one invention patent: 100 points.
        var result = TechSmeEvaluation.Evaluate(Input(employees: 500, techStaff: 150, sales: 200_000_000m, assets: 200_000_000m, rd: 12_000_000m));

        Assert.True(result.Eligible);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void Industry_CodeThatIsNoGbt4754Code_IsNotExcluded()
    {
        var result = TechSmeEvaluation.Evaluate(Input(industry: "其他"));

        Assert.True(result.Conditions.Single(c => c.Code == TechSmeEvaluation.Industry).Met);
        Assert.Equal("行业代码 其他，不属于不适用研发费用加计扣除的行业；产品和服务不属于《产业结构调整指导目录》限制类、淘汰类",
            Detail(result, TechSmeEvaluation.Industry));
    }

    [Fact]
    public void ScoreGaps_SalesOptionShortfall_AndTheNextTechStaffBand()
    {
        // 10% tech staff → 4; 2.8% of sales → 10 (costs option 0); no IP → 0: 14 points.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 10, rd: 280_000m, costs: 1_000_000_000m, ip: []));

        Assert.Equal(14, result.Score);
        Assert.Equal(
        [
            "综合评价得分 14 分，低于60分，还差 46 分",
            // 15% of 100 + x staff with x new tech staff: (15 − 10) ÷ 0.85 = 5.9 → 6.
            "科技人员占比 10%，达到 15% 可得 8 分（多 4 分），还需增加约 6 名科技人员",
            "研发费用占销售收入比例 2.8%，低于3%（可得 20 分），还差约 2 万元",
            "科技成果指标得 0 分：取得1项发明专利等有效Ⅰ类知识产权可得30分，或再取得1项实用新型、外观设计、软件著作权等Ⅱ类知识产权可得 6 分",
        ], result.Gaps);
    }

    [Fact]
    public void ScoreGaps_CostsOptionScoringBetter_IsTheOneToImprove_AndFourClassTwoNeedAClassOne()
    {
        // 10% → 4; 2.5% of sales → 10 but 20.83% of costs → 30; four utility models → 24: 58 points.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 10, rd: 250_000m, costs: 1_200_000m, ip: UtilityModels(4)));

        Assert.Equal(58, result.Score);
        Assert.Equal(
        [
            "综合评价得分 58 分，低于60分，还差 2 分",
            "科技人员占比 10%，达到 15% 可得 8 分（多 4 分），还需增加约 6 名科技人员",
            "研发费用占成本费用支出总额比例 20.83%，低于25%（可得 40 分），还差约 5 万元",
            "科技成果指标得 24 分：取得1项发明专利等有效Ⅰ类知识产权可得30分",
        ], result.Gaps);
    }

    [Fact]
    public void ScoreGaps_OptionsTied_NameTheSalesOption()
    {
        // 10% → 4; 3% of sales → 20 and 15% of costs → 20; three utility models → 18: 42 points.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 10, rd: 300_000m, costs: 2_000_000m, ip: UtilityModels(3)));

        Assert.Equal(42, result.Score);
        Assert.Equal(
        [
            "综合评价得分 42 分，低于60分，还差 18 分",
            "科技人员占比 10%，达到 15% 可得 8 分（多 4 分），还需增加约 6 名科技人员",
            "研发费用占销售收入比例 3%，低于4%（可得 30 分），还差约 10 万元",
            "科技成果指标得 18 分：取得1项发明专利等有效Ⅰ类知识产权可得30分，或再取得1项实用新型、外观设计、软件著作权等Ⅱ类知识产权可得 24 分",
        ], result.Gaps);
    }

    [Fact]
    public void ScoreGaps_TechStaffZeroAtSixtyPoints_OnlyTheTechStaffGapBlocks()
    {
        // 9% → 0; 4% of sales → 30; an invention patent → 30: 60 points, yet the 科技人员 sub-score is 0.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 9, rd: 400_000m, costs: 1_000_000_000m));

        Assert.Equal(60, result.Score);
        Assert.False(result.Eligible);
        Assert.Equal(
        [
            "科技人员占比 9%，低于10%，该项得0分，不能通过评价；还需增加约 2 名科技人员",
            "研发费用占销售收入比例 4%，低于5%（可得 40 分），还差约 10 万元",
        ], result.Gaps);
    }

    [Fact]
    public void ScoreGaps_NoStaffNoSalesNoCosts_AskForAtLeastOnePerson()
    {
        var result = TechSmeEvaluation.Evaluate(Input(employees: 0, techStaff: 0, sales: 0m, rd: 0m, costs: 0m, ip: []));

        Assert.Equal(new TechSmeScores(0, 0, 0), result.Scores);
        Assert.Equal(
        [
            "科技人员占比 0%，低于10%，该项得0分，不能通过评价；还需增加约 1 名科技人员",
            "综合评价得分 0 分，低于60分，还差 60 分",
            "科技成果指标得 0 分：取得1项发明专利等有效Ⅰ类知识产权可得30分，或再取得1项实用新型、外观设计、软件著作权等Ⅱ类知识产权可得 6 分",
        ], result.Gaps);
    }

    [Fact]
    public void ScoreGaps_WithoutSales_TheCostsOptionIsNamed()
    {
        // 30% → 20; no sales; 5% of costs → 0; an invention patent → 30: 50 points.
        var result = TechSmeEvaluation.Evaluate(Input(sales: 0m, rd: 500_000m, costs: 10_000_000m));

        Assert.Equal(50, result.Score);
        Assert.Equal(
        [
            "综合评价得分 50 分，低于60分，还差 10 分",
            "研发费用占成本费用支出总额比例 5%，低于10%（可得 10 分），还差约 50 万元",
        ], result.Gaps);
    }

    [Fact]
    public void ScoreGaps_SalesOptionAtTheTop_HasNoRdGap()
    {
        // 10% → 4; 6% of sales → 50; nothing else: 54 points.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 10, ip: []));

        Assert.Equal(54, result.Score);
        Assert.DoesNotContain(result.Gaps, g => g.StartsWith("研发费用", StringComparison.Ordinal));
        Assert.Equal(3, result.Gaps.Count);
    }

    [Fact]
    public void DirectQualification_NamesEachGround()
    {
        var result = TechSmeEvaluation.Evaluate(Input(direct: [DirectQualification.ProvincialRdInstitution, DirectQualification.NationalAwardTop3]));

        Assert.StartsWith("符合直接认定条件（近五年内获得国家级科技奖励并在获奖单位中排名前三；拥有经认定的省部级以上研发机构），免于评分；",
            Detail(result, TechSmeEvaluation.Score), StringComparison.Ordinal);
    }
}
