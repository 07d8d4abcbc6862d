using Kechuang.Modules.Enterprises;

namespace Kechuang.Tests.Unit.Enterprises;

public class TechSmeEvaluationTests
{
    /// <summary>
    /// A passing enterprise: 100 staff of whom 30 tech staff (30% → 20), R&amp;D 60万 of 1000万 sales (6% → 50),
    /// one invention patent (→ 30): 100 points.
    /// </summary>
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

    private static EvaluationCondition Condition(TechSmeResult result, string code) => result.Conditions.Single(c => c.Code == code);

    [Fact]
    public void Evaluate_StrongEnterprise_Scores100AndIsEligible()
    {
        var result = TechSmeEvaluation.Evaluate(Input());

        Assert.True(result.Eligible);
        Assert.Equal(100, result.Score);
        Assert.Equal(new TechSmeScores(20, 50, 30), result.Scores);
        Assert.Empty(result.Gaps);
        Assert.Equal(5, result.Conditions.Count);
    }

    [Theory]
    [InlineData(30, 20)]
    [InlineData(29, 16)]
    [InlineData(25, 16)]
    [InlineData(24, 12)]
    [InlineData(20, 12)]
    [InlineData(19, 8)]
    [InlineData(15, 8)]
    [InlineData(14, 4)]
    [InlineData(10, 4)]
    [InlineData(9, 0)]
    [InlineData(0, 0)]
    public void TechStaffScore_AtEachBandBoundary_IsLowerInclusive(int techStaff, int expected)
    {
        var result = TechSmeEvaluation.Evaluate(Input(employees: 100, techStaff: techStaff));

        Assert.Equal(expected, result.Scores.TechStaff);
    }

    [Theory]
    [InlineData("600000", 50)]
    [InlineData("599999.99", 40)]
    [InlineData("500000", 40)]
    [InlineData("499999.99", 30)]
    [InlineData("400000", 30)]
    [InlineData("399999.99", 20)]
    [InlineData("300000", 20)]
    [InlineData("299999.99", 10)]
    [InlineData("200000", 10)]
    [InlineData("199999.99", 0)]
    public void RdScore_BySalesRatioBoundaries_IsLowerInclusive(string rd, int expected)
    {
        // Costs so large that option (2) scores 0: only option (1) counts.
        var result = TechSmeEvaluation.Evaluate(Input(sales: 10_000_000m, rd: decimal.Parse(rd, System.Globalization.CultureInfo.InvariantCulture), costs: 1_000_000_000m));

        Assert.Equal(expected, result.Scores.Rd);
    }

    [Theory]
    [InlineData("300000", 50)]
    [InlineData("299999.99", 40)]
    [InlineData("250000", 40)]
    [InlineData("200000", 30)]
    [InlineData("150000", 20)]
    [InlineData("100000", 10)]
    [InlineData("99999.99", 0)]
    public void RdScore_ByCostsRatioBoundaries_IsLowerInclusive(string rd, int expected)
    {
        // Sales so large that option (1) scores 0: only option (2) counts.
        var result = TechSmeEvaluation.Evaluate(Input(sales: 100_000_000m, assets: 1m, rd: decimal.Parse(rd, System.Globalization.CultureInfo.InvariantCulture), costs: 1_000_000m));

        Assert.Equal(expected, result.Scores.Rd);
    }

    [Fact]
    public void RdScore_TakesTheBetterOfTheTwoOptions()
    {
        // 4% of sales → 30; 25% of costs → 40.
        var result = TechSmeEvaluation.Evaluate(Input(sales: 10_000_000m, rd: 400_000m, costs: 1_600_000m));

        Assert.Equal(40, result.Scores.Rd);
    }

    [Fact]
    public void RdScore_WithZeroSalesAndZeroCosts_IsZeroNotAnError()
    {
        var result = TechSmeEvaluation.Evaluate(Input(sales: 0m, rd: 100_000m, costs: 0m));

        Assert.Equal(0, result.Scores.Rd);
    }

    [Theory]
    [InlineData(new[] { IntellectualPropertyKind.InventionPatent }, 30)]
    [InlineData(new[] { IntellectualPropertyKind.PlantVariety }, 30)]
    [InlineData(new[] { IntellectualPropertyKind.IcLayout }, 30)]
    [InlineData(new[] { IntellectualPropertyKind.ProtectedTcmClass1 }, 30)]
    [InlineData(new[] { IntellectualPropertyKind.InventionPatent, IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.UtilityModel }, 30)]
    [InlineData(new[] { IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.DesignPatent, IntellectualPropertyKind.SoftwareCopyright, IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.UtilityModel }, 24)]
    [InlineData(new[] { IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.DesignPatent, IntellectualPropertyKind.SoftwareCopyright, IntellectualPropertyKind.UtilityModel }, 24)]
    [InlineData(new[] { IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.DesignPatent, IntellectualPropertyKind.SoftwareCopyright }, 18)]
    [InlineData(new[] { IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.DesignPatent }, 12)]
    [InlineData(new[] { IntellectualPropertyKind.SoftwareCopyright }, 6)]
    [InlineData(new[] { IntellectualPropertyKind.Trademark, IntellectualPropertyKind.Trademark }, 0)]
    [InlineData(new IntellectualPropertyKind[0], 0)]
    public void IpScore_ByClass_IsNotAdditive(IntellectualPropertyKind[] kinds, int expected)
    {
        var result = TechSmeEvaluation.Evaluate(Input(ip: kinds));

        Assert.Equal(expected, result.Scores.Ip);
    }

    [Fact]
    public void IpScore_IgnoresLapsedProperty()
    {
        var input = Input(ip: []) with { IntellectualProperty = [new(IntellectualPropertyKind.InventionPatent, false)] };

        Assert.Equal(0, TechSmeEvaluation.Evaluate(input).Scores.Ip);
    }

    [Fact]
    public void Score_ExactlySixty_Passes()
    {
        // 20% tech staff → 12; 4% of sales → 30; three class-Ⅱ → 18: exactly 60.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 20, rd: 400_000m, costs: 1_000_000_000m,
            ip: [IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.DesignPatent]));

        Assert.Equal(60, result.Score);
        Assert.True(Condition(result, TechSmeEvaluation.Score).Met);
        Assert.True(result.Eligible);
    }

    [Fact]
    public void Score_FiftyEight_FailsAndSaysHowFar()
    {
        // 16 + 30 + 12 = 58.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 25, rd: 400_000m, costs: 1_000_000_000m,
            ip: [IntellectualPropertyKind.UtilityModel, IntellectualPropertyKind.DesignPatent]));

        Assert.Equal(58, result.Score);
        Assert.False(result.Eligible);
        Assert.Contains(result.Gaps, g => g.Contains("低于60分，还差 2 分", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_TechStaffSubScoreZero_FailsEvenAboveSixty()
    {
        // 9% tech staff → 0; 50 + 30 = 80 points but the 科技人员 sub-score is 0.
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 9));

        Assert.Equal(80, result.Score);
        Assert.Equal(0, result.Scores.TechStaff);
        Assert.False(Condition(result, TechSmeEvaluation.Score).Met);
        Assert.False(result.Eligible);
        Assert.Contains(result.Gaps, g => g.Contains("科技人员占比 9%，低于10%", StringComparison.Ordinal) && g.Contains("还需增加约 2 名", StringComparison.Ordinal));
    }

    [Fact]
    public void DirectQualification_SkipsOnlyTheScoreCondition()
    {
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 0, rd: 0m, ip: [], direct: [DirectQualification.HighTechCertificate]));

        Assert.True(result.DirectlyQualified);
        Assert.Equal(0, result.Score);
        Assert.True(Condition(result, TechSmeEvaluation.Score).Met);
        Assert.True(result.Eligible);
    }

    [Theory]
    [InlineData(DirectQualification.NationalAwardTop3)]
    [InlineData(DirectQualification.ProvincialRdInstitution)]
    [InlineData(DirectQualification.LedStandard)]
    public void DirectQualification_DoesNotSkipSizeCondition(DirectQualification direct)
    {
        var result = TechSmeEvaluation.Evaluate(Input(employees: 501, direct: [direct]));

        Assert.True(result.DirectlyQualified);
        Assert.False(Condition(result, TechSmeEvaluation.Size).Met);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void DirectQualification_DoesNotSkipIndustryOrIntegrityOrResidence()
    {
        var direct = new[] { DirectQualification.HighTechCertificate };

        Assert.False(TechSmeEvaluation.Evaluate(Input(industry: "F5123", direct: direct)).Eligible);
        Assert.False(TechSmeEvaluation.Evaluate(Input(blacklist: true, direct: direct)).Eligible);
        Assert.False(TechSmeEvaluation.Evaluate(Input(incidents: true, direct: direct)).Eligible);
        Assert.False(TechSmeEvaluation.Evaluate(Input(tax: TaxCollectionMode.Deemed, direct: direct)).Eligible);
        Assert.False(TechSmeEvaluation.Evaluate(Input(resident: false, direct: direct)).Eligible);
    }

    [Theory]
    [InlineData(500, "200000000", "200000000", true)]
    [InlineData(501, "200000000", "200000000", false)]
    [InlineData(500, "200000000.01", "200000000", false)]
    [InlineData(500, "200000000", "200000000.01", false)]
    public void Size_AtExactlyTheLimits_IsAllowed(int employees, string sales, string assets, bool met)
    {
        var result = TechSmeEvaluation.Evaluate(Input(employees: employees, techStaff: 150,
            sales: decimal.Parse(sales, System.Globalization.CultureInfo.InvariantCulture),
            assets: decimal.Parse(assets, System.Globalization.CultureInfo.InvariantCulture), rd: 12_000_000m));

        Assert.Equal(met, Condition(result, TechSmeEvaluation.Size).Met);
    }

    [Fact]
    public void PartTimeStaff_CountFromSixMonthsOn()
    {
        NonPayrollStaff[] staff =
        [
            new(false, true, 5.9m),  // under six months: not counted
            new(false, true, 6m),    // exactly six months: counted (以上 includes the number)
            new(false, true, 6.5m),  // counted, tech staff
            new(false, false, 12m),  // counted, not tech staff
            new(true, true, 2m),     // on payroll (labour contract): counted whatever the months
        ];

        var result = TechSmeEvaluation.Evaluate(Input(employees: 496, techStaff: 10, staff: staff));

        // 496 + 4 = 500 staff (still within the limit), 10 + 3 = 13 tech staff.
        Assert.True(Condition(result, TechSmeEvaluation.Size).Met);
        Assert.Contains("职工总数 500 人", Condition(result, TechSmeEvaluation.Size).Detail, StringComparison.Ordinal);
        Assert.Contains("科技人员 13 人", Condition(result, TechSmeEvaluation.Score).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PartTimeStaff_PushingOverFiveHundred_FailsSize()
    {
        var result = TechSmeEvaluation.Evaluate(Input(employees: 500, techStaff: 150, staff: [new(false, false, 7m)]));

        Assert.False(Condition(result, TechSmeEvaluation.Size).Met);
        Assert.Contains(result.Gaps, g => g.Contains("职工总数 501 人", StringComparison.Ordinal));
    }

    [Fact]
    public void PartTimeTechStaff_CanLiftTheTechStaffBand()
    {
        // 9 of 100 is 0 points; two more tech staff working 7 months make 11 of 102 = 10.78% → 4 points.
        var result = TechSmeEvaluation.Evaluate(Input(employees: 100, techStaff: 9, staff: [new(false, true, 7m), new(false, true, 7m)]));

        Assert.Equal(4, result.Scores.TechStaff);
    }

    [Theory]
    [InlineData("C3973", true)]
    [InlineData("3973", true)]
    [InlineData("C1610", false)]
    [InlineData("F5123", false)]
    [InlineData("F5299", false)]
    [InlineData("H6110", false)]
    [InlineData("H6210", false)]
    [InlineData("K7010", false)]
    [InlineData("L7111", false)]
    [InlineData("L7212", false)]
    [InlineData("R9011", false)]
    [InlineData("R8610", true)]
    [InlineData("I6510", true)]
    public void Industry_ExcludedBy119_Fails(string code, bool met)
    {
        var result = TechSmeEvaluation.Evaluate(Input(industry: code));

        Assert.Equal(met, Condition(result, TechSmeEvaluation.Industry).Met);
    }

    [Fact]
    public void Industry_RestrictedOrEliminated_Fails()
    {
        Assert.False(Condition(TechSmeEvaluation.Evaluate(Input(restricted: true)), TechSmeEvaluation.Industry).Met);
    }

    [Fact]
    public void DeemedTax_FailsConditionOne()
    {
        var result = TechSmeEvaluation.Evaluate(Input(tax: TaxCollectionMode.Deemed));

        Assert.False(Condition(result, TechSmeEvaluation.Resident).Met);
        Assert.Contains(result.Gaps, g => g.Contains("查账征收", StringComparison.Ordinal));
    }

    [Fact]
    public void Gaps_NameTheRdShortfallInWanYuan()
    {
        // 2.8% of 1000万 is 28万; 3% is 30万: 2万 short for the next band (20 points).
        var result = TechSmeEvaluation.Evaluate(Input(techStaff: 10, rd: 280_000m, costs: 1_000_000_000m, ip: []));

        Assert.False(result.Eligible);
        Assert.Contains(result.Gaps, g => g.Contains("研发费用占销售收入比例 2.8%，低于3%", StringComparison.Ordinal) && g.Contains("还差约 2 万元", StringComparison.Ordinal));
    }
}
