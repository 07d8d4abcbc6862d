using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

/// <summary>
/// What the 高新技术企业 evaluation tells the user: each condition of 第十一条 with its figures, every gap in order,
/// the parts of the innovation score, and the expert scores refused outside their band.
/// </summary>
public class HighTechEvaluationTextTests
{
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

    /// <summary>IP 7+7+8+6 = 28, transformation 30, organisation 16, growth 5 (net assets C) + 0 (sales F): 79.</summary>
    private static readonly HighTechExpertScores Strong = new(7, 7, 8, 6, 0, 30, 16, 5, 0);

    /// <summary>Registered five months ago, two years of figures, nothing meets its threshold.</summary>
    private static HighTechInput Failing() => Input(
        registered: new DateOnly(2024, 1, 1), applied: new DateOnly(2024, 6, 1), coreIp: false, field: false, incidents: true,
        years:
        [
            new(2022, 60_000_000m, 10_000_000m, 500_000m, 0m, 1_000_000m, 1),
            new(2023, 60_000_000m, 11_000_000m, 500_000m, 0m, 1_000_000m, 0),
        ],
        latest: new HighTechLatestYear(61_000_000m, 1_000_000m, 30_000_000m, 8m, 100m),
        ip:
        [
            new(IntellectualPropertyKind.UtilityModel, true, false),
            new(IntellectualPropertyKind.Trademark, true, true),
            new(IntellectualPropertyKind.InventionPatent, false, true),
        ]);

    private static string Detail(HighTechResult result, string code) => result.Conditions.Single(c => c.Code == code).Detail;

    [Fact]
    public void Details_OfAPassingEnterprise_StateEachFigureAndItsLimit()
    {
        var result = HighTechEvaluation.Evaluate(Input(scores: Strong));

        Assert.Equal(
        [
            (HighTechEvaluation.Registered, "2015-01-01 注册成立，至申请日 2024-06-01 共 3439 个日历天，须满365个日历天"),
            (HighTechEvaluation.CoreIp, "有效知识产权 1 项（Ⅰ类 1 项、Ⅱ类 0 项），拥有对主要产品（服务）发挥核心支持作用的知识产权所有权"),
            (HighTechEvaluation.SupportedField, "核心技术属于《国家重点支持的高新技术领域》规定的范围"),
            (HighTechEvaluation.TechStaffRatio, "科技人员 12 人占职工总数（全年月平均）100 人的 12%，须不低于10%"),
            (HighTechEvaluation.RdIntensity, "2021—2023年研究开发费用总额 450 万元（委托研发按80%计）占同期销售收入总额 9000 万元 的 5%；最近一年销售收入 3000 万元，要求不低于5%"),
            (HighTechEvaluation.DomesticRdShare, "境内研究开发费用 450 万元 占研究开发费用总额 450 万元 的 100%，须不低于60%"),
            (HighTechEvaluation.HighTechRevenueRatio, "高新技术产品（服务）收入 2100 万元 占总收入 3000 万元（收入总额 3100 万元 减不征税收入 100 万元）的 70%，须不低于60%"),
            (HighTechEvaluation.ScoreAbove70, "创新能力评价得分 79 分（知识产权 28、成果转化 30、研发组织管理 16、成长性 5），须高于70分"),
            (HighTechEvaluation.NoIncidents, "申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为"),
        ], result.Conditions.Select(c => (c.Code, c.Detail)));
        Assert.True(result.Eligible);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void Details_OfAFailingEnterprise_SayWhatIsWrong()
    {
        var result = HighTechEvaluation.Evaluate(Failing());

        Assert.Equal(
        [
            (HighTechEvaluation.Registered, "2024-01-01 注册成立，至申请日 2024-06-01 共 152 个日历天，须满365个日历天"),
            // The trademark does not count and the invention patent has lapsed.
            (HighTechEvaluation.CoreIp, "有效知识产权 1 项（Ⅰ类 0 项、Ⅱ类 1 项），未拥有对主要产品（服务）发挥核心支持作用的知识产权所有权"),
            (HighTechEvaluation.SupportedField, "核心技术不属于《国家重点支持的高新技术领域》规定的范围"),
            (HighTechEvaluation.TechStaffRatio, "科技人员 8 人占职工总数（全年月平均）100 人的 8%，须不低于10%"),
            // 50万 in-house + 100万 overseas × 80% = 130万 a year.
            (HighTechEvaluation.RdIntensity, "2022—2023年研究开发费用总额 260 万元（委托研发按80%计）占同期销售收入总额 1.2 亿元 的 2.17%；最近一年销售收入 6000 万元，要求不低于4%"),
            (HighTechEvaluation.DomesticRdShare, "境内研究开发费用 100 万元 占研究开发费用总额 260 万元 的 38.46%，须不低于60%"),
            (HighTechEvaluation.HighTechRevenueRatio, "高新技术产品（服务）收入 3000 万元 占总收入 6000 万元（收入总额 6100 万元 减不征税收入 100 万元）的 50%，须不低于60%"),
            // IP 0+0+1 (D)+1 (B)+0 … 23, transformation F 0, organisation 0–20, growth D 3–4 + F 0.
            (HighTechEvaluation.ScoreAbove70, "专家评分未齐，得分区间 5—47 分，按最低分 5 分计，须高于70分"),
            (HighTechEvaluation.NoIncidents, "申请认定前一年内发生过重大安全、重大质量事故或严重环境违法行为"),
        ], result.Conditions.Select(c => (c.Code, c.Detail)));
        Assert.All(result.Conditions, c => Assert.False(c.Met, c.Code));
    }

    [Fact]
    public void Gaps_OfAFailingEnterprise_FollowTheConditions()
    {
        var result = HighTechEvaluation.Evaluate(Failing());

        Assert.Equal(
        [
            // 2024 is a leap year: 2024-01-01 + 365 days.
            "注册成立仅 152 天，须满365个日历天，2024-12-31 起方可申请",
            "须拥有对主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权",
            "核心技术须属于《国家重点支持的高新技术领域》规定的八大领域",
            // (10 − 8) ÷ 0.9 = 2.2 → 3 people.
            "科技人员占比 8%，低于10%的要求，还需增加约 3 名科技人员",
            // 4% × 1.2亿 − 260万 = 220万.
            "研发费用占比 2.17%，低于4%的要求，还差约 220 万元",
            // (60% × 260万 − 100万) ÷ 40% = 140万 more spent in China.
            "境内研发费用占比 38.46%，低于60%的要求，还需增加境内研发费用约 140 万元",
            "高新技术产品（服务）收入占比 50%，低于60%的要求，还差约 600 万元",
            "即使各项均取最高分，创新能力评价也只有 47 分，不高于70分",
            "知识产权数量属于D档（1—2 分），取得1项发明专利等Ⅰ类知识产权可达A档（7—8 分）",
            "科技成果转化能力属于F档（0—0 分），近三年年均转化5项以上可达A档（25—30 分）",
            "净资产增长率 10%，属于D档（3—4 分）",
            "销售收入增长率 0%，属于F档（0—0 分）",
            "申请认定前一年内发生过重大安全、重大质量事故或严重环境违法行为，本年度不能申请",
        ], result.Gaps);
    }

    [Fact]
    public void WithoutDetails_EveryDetailIsEmpty_AndTheOutcomeIsTheSame()
    {
        foreach (var input in new[] { Input(scores: Strong), Failing(), Input() })
        {
            var full = HighTechEvaluation.Evaluate(input);
            var screening = HighTechEvaluation.Evaluate(input, withDetails: false);

            Assert.All(screening.Conditions, c => Assert.Equal("", c.Detail));
            Assert.Equal(full.Conditions.Select(c => (c.Code, c.Met)), screening.Conditions.Select(c => (c.Code, c.Met)));
            Assert.Equal((full.Eligible, full.Score, full.Parts), (screening.Eligible, screening.Score, screening.Parts));
            Assert.Equal(full.Gaps, screening.Gaps);
        }
    }

    [Fact]
    public void NothingAtAll_SaysWhatIsMissing()
    {
        HighTechYear[] years = [new(2023, 0m, 0m, 0m, 0m, 0m, 0)];

        var result = HighTechEvaluation.Evaluate(Input(years: years, latest: new HighTechLatestYear(0m, 0m, 0m, 0m, 0m)));

        Assert.Equal("2023年研究开发费用总额 0 元（委托研发按80%计）占同期销售收入总额 0 元 的 0%；最近一年销售收入 0 元，要求不低于5%",
            Detail(result, HighTechEvaluation.RdIntensity));
        Assert.Equal(
        [
            "科技人员占比 0%，低于10%的要求，还需增加约 1 名科技人员",
            "近三个会计年度没有销售收入，无法满足研究开发费用占比要求",
            "近三个会计年度没有研究开发费用",
            "近一年没有总收入，无法满足高新技术产品（服务）收入占比要求",
            // IP 8–30, transformation 0, organisation 0–20, no growth rate with one year: at most 50.
            "即使各项均取最高分，创新能力评价也只有 50 分，不高于70分",
            "科技成果转化能力属于F档（0—0 分），近三年年均转化5项以上可达A档（25—30 分）",
            "净资产增长率 无法计算，属于F档（0—0 分）",
            "销售收入增长率 无法计算，属于F档（0—0 分）",
        ], result.Gaps);
    }

    [Fact]
    public void CoreIp_WithoutAnyValidProperty_SaysSo()
    {
        var result = HighTechEvaluation.Evaluate(Input(ip: [new(IntellectualPropertyKind.Trademark, true, true)], scores: Strong));

        Assert.Equal(["没有在中国境内授权且有效的知识产权（商标不计），须拥有对主要产品（服务）发挥核心支持作用的知识产权"], result.Gaps.Take(1));
        Assert.Equal("有效知识产权 0 项（Ⅰ类 0 项、Ⅱ类 0 项），拥有对主要产品（服务）发挥核心支持作用的知识产权所有权", Detail(result, HighTechEvaluation.CoreIp));
    }

    [Fact]
    public void Score_RangeThatCanStillPass_AsksForTheExperts()
    {
        var result = HighTechEvaluation.Evaluate(Input());

        Assert.Equal("专家评分未齐，得分区间 38—86 分，按最低分 38 分计，须高于70分", Detail(result, HighTechEvaluation.ScoreAbove70));
        Assert.Equal(
        [
            "按各项最低分计创新能力评价仅 38 分，最高可得 86 分；须经专家评分高于70分",
            "净资产增长率 20%，属于C档（5—6 分）",
            "销售收入增长率 0%，属于F档（0—0 分）",
        ], result.Gaps);
    }

    [Fact]
    public void Score_WhoseMaximumIsExactlySeventy_CannotPass()
    {
        // Both growth rates 35% (A, 9–10), no transformation (F): IP ≤30 + 0 + 20 + 20 = 70 at most.
        HighTechYear[] years =
        [
            new(2021, 20_000_000m, 10_000_000m, 1_500_000m, 0m, 0m, 0),
            new(2022, 27_000_000m, 13_500_000m, 1_500_000m, 0m, 0m, 0),
            new(2023, 36_450_000m, 18_225_000m, 1_500_000m, 0m, 0m, 0),
        ];

        var result = HighTechEvaluation.Evaluate(Input(years: years));

        Assert.Equal(new HighTechScore(26, 70, null), result.Score);
        Assert.Equal(
        [
            "即使各项均取最高分，创新能力评价也只有 70 分，不高于70分",
            "科技成果转化能力属于F档（0—0 分），近三年年均转化5项以上可达A档（25—30 分）",
        ], result.Gaps);
    }

    [Fact]
    public void Score_ExactSeventy_NamesThePointMissing()
    {
        var result = HighTechEvaluation.Evaluate(Input(scores: new HighTechExpertScores(7, 7, 8, 6, 0, 25, 12, 5, 0)));

        Assert.Equal("创新能力评价得分 70 分（知识产权 28、成果转化 25、研发组织管理 12、成长性 5），须高于70分", Detail(result, HighTechEvaluation.ScoreAbove70));
        Assert.Equal(
        [
            "创新能力评价得分 70 分，须高于70分，还差 1 分",
            "净资产增长率 20%，属于C档（5—6 分）",
            "销售收入增长率 0%，属于F档（0—0 分）",
        ], result.Gaps);
    }

    [Theory]
    [InlineData(5, "B", false)]
    [InlineData(4, "C", true)]
    [InlineData(0, "E", true)]
    public void ScoreGaps_IpQuantityBelowB_PointsToAClassOneProperty(int utilityModels, string band, bool gap)
    {
        var ip = Enumerable.Repeat(new HighTechIntellectualProperty(IntellectualPropertyKind.UtilityModel, true, true), utilityModels).ToArray();

        var result = HighTechEvaluation.Evaluate(Input(ip: ip));

        Assert.Equal(band, result.Parts.Ip.Quantity.Band);
        Assert.Equal(gap, result.Gaps.Any(g => g.StartsWith($"知识产权数量属于{band}档", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("100", "125", "156.25", "B", false)]
    [InlineData("100", "135", "182.25", "A", false)]
    [InlineData("100", "115", "132.25", "C", true)]
    public void ScoreGaps_GrowthBelowB_IsNamed(string x1, string x2, string x3, string band, bool gap)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        HighTechYear[] years =
        [
            new(2021, 30_000_000m, D(x1), 1_500_000m, 0m, 0m, 5),
            new(2022, 30_000_000m, D(x2), 1_500_000m, 0m, 0m, 5),
            new(2023, 30_000_000m, D(x3), 1_500_000m, 0m, 0m, 5),
        ];

        var result = HighTechEvaluation.Evaluate(Input(years: years));

        Assert.Equal(band, result.Parts.Growth.NetAssets.Band);
        Assert.Equal(gap, result.Gaps.Any(g => g.StartsWith("净资产增长率", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parts_WithEveryExpertScore_AreExact()
    {
        var result = HighTechEvaluation.Evaluate(Input(scores: Strong));

        Assert.Equal(
            new HighTechParts(
                new IpScore(new RangeScore(0, 8, 7), new RangeScore(0, 8, 7), new BandedScore("A", 7, 8, 8), new BandedScore("A", 1, 6, 6), new RangeScore(0, 2, 0), 8, 30, 28),
                new BandedScore("A", 25, 30, 30),
                new RangeScore(0, 20, 16),
                new GrowthScores(new GrowthScore(0.2m, "C", 5, 6, 5), new GrowthScore(0m, "F", 0, 0, 0), 5, 6, 5)),
            result.Parts);
        Assert.Equal(new HighTechScore(38, 86, 79), result.Score);
    }

    [Fact]
    public void Parts_WithoutExpertScores_FixOnlySingleValueBands()
    {
        var result = HighTechEvaluation.Evaluate(Input());

        Assert.Equal(
            new HighTechParts(
                new IpScore(new RangeScore(0, 8, null), new RangeScore(0, 8, null), new BandedScore("A", 7, 8, null), new BandedScore("A", 1, 6, null), new RangeScore(0, 2, null), 8, 30, null),
                new BandedScore("A", 25, 30, null),
                new RangeScore(0, 20, null),
                new GrowthScores(new GrowthScore(0.2m, "C", 5, 6, null), new GrowthScore(0m, "F", 0, 0, 0), 5, 6, null)),
            result.Parts);
    }

    [Fact]
    public void Parts_WithoutAnyProperty_HaveNoQuantityOrAcquisition()
    {
        var result = HighTechEvaluation.Evaluate(Input(ip: []));

        Assert.Equal(new BandedScore("E", 0, 0, 0), result.Parts.Ip.Quantity);
        Assert.Equal(new BandedScore("C", 0, 0, 0), result.Parts.Ip.Acquisition);
        Assert.Equal((0, 18), (result.Parts.Ip.Min, result.Parts.Ip.Max));
    }

    [Theory]
    [InlineData(null, 28)]   // the bonus is optional: without it the total counts 0 for it
    [InlineData(2, 30)]
    public void IpScore_StandardBonusAddsUpToTheCap(int? bonus, int ip)
    {
        var result = HighTechEvaluation.Evaluate(Input(scores: Strong with { StandardBonus = bonus }));

        Assert.Equal(ip, result.Parts.Ip.Score);
        Assert.Equal(ip + 30 + 16 + 5, result.Score.Exact);
    }

    [Fact]
    public void IpScore_BelowTheCap_IsTheSum()
    {
        // 5 + 7 + 8 + 6 + 2 = 28.
        var result = HighTechEvaluation.Evaluate(Input(scores: Strong with { IpAdvancement = 5, StandardBonus = 2 }));

        Assert.Equal(28, result.Parts.Ip.Score);
    }

    [Fact]
    public void Score_MissingOnePart_HasNoExactTotal()
    {
        var withoutOrganization = HighTechEvaluation.Evaluate(Input(scores: Strong with { RdOrganization = null }));
        var withoutTransformation = HighTechEvaluation.Evaluate(Input(scores: Strong with { Transformation = null }));
        var withoutNetAssets = HighTechEvaluation.Evaluate(Input(scores: Strong with { NetAssetGrowth = null }));
        var withoutQuantity = HighTechEvaluation.Evaluate(Input(scores: Strong with { IpQuantity = null }));

        Assert.Null(withoutOrganization.Score.Exact);
        Assert.Null(withoutTransformation.Score.Exact);
        Assert.Null(withoutNetAssets.Score.Exact);
        Assert.Null(withoutNetAssets.Parts.Growth.Score);
        Assert.Null(withoutQuantity.Parts.Ip.Score);
        Assert.Null(withoutQuantity.Score.Exact);
    }

    [Fact]
    public void CheckExpertScores_InsideTheirBands_AreAccepted()
    {
        // Bands of the default input: quantity A 7–8, acquisition A 1–6, transformation A 25–30, net assets C 5–6, sales F 0.
        Assert.Empty(HighTechEvaluation.CheckExpertScores(Input(scores: new HighTechExpertScores(0, 8, 7, 1, 2, 25, 20, 6, 0))));
        Assert.Empty(HighTechEvaluation.CheckExpertScores(Input(scores: new HighTechExpertScores(8, 0, 8, 6, 0, 30, 0, 5, 0))));
        Assert.Empty(HighTechEvaluation.CheckExpertScores(Input()));
    }

    [Fact]
    public void CheckExpertScores_AboveOrBelowTheirBands_AreNamed()
    {
        var above = HighTechEvaluation.CheckExpertScores(Input(scores: new HighTechExpertScores(9, -1, 6, 7, 3, 24, 21, 7, 1))).ToList();
        var below = HighTechEvaluation.CheckExpertScores(Input(scores: new HighTechExpertScores(-1, 9, 9, 0, -1, 31, -1, 4, -1))).ToList();

        (string, string)[] expected =
        [
            ("expertScores.ipAdvancement", "技术先进程度评分应在 0—8 分之间"),
            ("expertScores.ipCoreSupport", "核心支持作用评分应在 0—8 分之间"),
            ("expertScores.ipQuantity", "知识产权数量按申报数据属于A档，专家评分应在 7—8 分之间"),
            ("expertScores.ipAcquisition", "知识产权获得方式按申报数据属于A档，专家评分应在 1—6 分之间"),
            ("expertScores.standardBonus", "标准制定加分评分应在 0—2 分之间"),
            ("expertScores.transformation", "科技成果转化能力按申报数据属于A档，专家评分应在 25—30 分之间"),
            ("expertScores.rdOrganization", "研究开发组织管理水平评分应在 0—20 分之间"),
            ("expertScores.netAssetGrowth", "净资产增长率按申报数据属于C档，专家评分应在 5—6 分之间"),
            ("expertScores.salesGrowth", "销售收入增长率按申报数据属于F档，专家评分应在 0—0 分之间"),
        ];
        Assert.Equal(expected, above);
        Assert.Equal(expected, below);
    }

    [Fact]
    public void CheckExpertScores_CountsOnlyValidNonTrademarkProperty()
    {
        // A lapsed invention patent and a trademark leave one utility model: quantity D (1–2), acquisition B (1–3).
        HighTechIntellectualProperty[] ip =
        [
            new(IntellectualPropertyKind.InventionPatent, false, true),
            new(IntellectualPropertyKind.Trademark, true, true),
            new(IntellectualPropertyKind.UtilityModel, true, false),
        ];

        var problems = HighTechEvaluation.CheckExpertScores(Input(ip: ip, scores: new HighTechExpertScores(IpQuantity: 3, IpAcquisition: 4))).ToList();

        Assert.Equal(
        [
            ("expertScores.ipQuantity", "知识产权数量按申报数据属于D档，专家评分应在 1—2 分之间"),
            ("expertScores.ipAcquisition", "知识产权获得方式按申报数据属于B档，专家评分应在 1—3 分之间"),
        ], problems);
        Assert.Empty(HighTechEvaluation.CheckExpertScores(Input(ip: ip, scores: new HighTechExpertScores(IpQuantity: 2, IpAcquisition: 3))));
    }

    [Fact]
    public void IpAcquisition_AnySelfDevelopedProperty_IsBandA()
    {
        var result = HighTechEvaluation.Evaluate(Input(ip:
        [
            new(IntellectualPropertyKind.UtilityModel, true, false),
            new(IntellectualPropertyKind.UtilityModel, true, true),
        ]));

        Assert.Equal(new BandedScore("A", 1, 6, null), result.Parts.Ip.Acquisition);
    }

    [Fact]
    public void ScoreGaps_TransformationBelowA_NamesItsBand()
    {
        // One transformation a year on average: E (1–6).
        HighTechYear[] years =
        [
            new(2021, 30_000_000m, 10_000_000m, 1_500_000m, 0m, 0m, 1),
            new(2022, 30_000_000m, 12_000_000m, 1_500_000m, 0m, 0m, 1),
            new(2023, 30_000_000m, 14_400_000m, 1_500_000m, 0m, 0m, 1),
        ];

        var result = HighTechEvaluation.Evaluate(Input(years: years));

        Assert.Contains("科技成果转化能力属于E档（1—6 分），近三年年均转化5项以上可达A档（25—30 分）", result.Gaps);
    }
}
