using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Enterprises;

public abstract class EvaluationApiTests(KechuangApp app)
{
    /// <summary>The evaluation request the cultivation work was specified with, verbatim: 10% tech staff (4), 6% R&amp;D (50), one utility model (6), direct via 高企 certificate.</summary>
    private static object TechSmeBody(int techStaff = 10, string[]? direct = null) => new
    {
        year = 2024,
        residentEnterprise = true,
        taxCollection = "actual-profit",
        industryCode = "C3973",
        restrictedOrEliminated = false,
        seriousIncidents = false,
        onCreditBlacklist = false,
        employees = 100,
        techStaff,
        staff = new[] { new { onPayroll = false, isTechStaff = true, monthsWorked = 4 } },
        salesRevenue = 10000000,
        totalAssets = 8000000,
        rdExpense = 600000,
        totalCostsAndExpenses = 9000000,
        intellectualProperty = new[] { new { kind = "utility-model", valid = true } },
        directQualifications = direct ?? ["high-tech-certificate"],
    };

    private static object HighTechBody(object? latestYear = null, string applicationDate = "2024-06-14", object? expertScores = null) => new
    {
        registrationDate = "2023-06-15",
        applicationDate,
        ownsCoreIp = true,
        inSupportedField = true,
        seriousIncidentsLastYear = false,
        years = new[]
        {
            new { year = 2023, salesRevenue = 30000000m, netAssets = 10000000m, rdInHouseDomestic = 1500000m, rdCommissionedDomestic = 0m, rdCommissionedOverseas = 0m, transformations = 5 },
        },
        latestYear = latestYear ?? new
        {
            totalIncome = 31000000m,
            nonTaxableIncome = 1000000m,
            highTechRevenue = 21000000m,
            techStaff = 10,
            employeesAverage = 100,
            employeesMonthly = Enumerable.Repeat(new { start = 95, end = 95 }, 12).ToArray(),
        },
        intellectualProperty = new[] { new { kind = "invention-patent", valid = true, selfDeveloped = true } },
        expertScores = expertScores ?? new { ipAdvancement = 7, ipCoreSupport = 7, ipQuantity = 7, ipAcquisition = 6, standardBonus = 0, transformation = 25, rdOrganization = 16, netAssetGrowth = 0, salesGrowth = 0 },
    };

    [Fact]
    public async Task TechSme_IssueExample_AnswersTheDocumentedShape()
    {
        var client = await app.ClientAsync("shouxiangu");

        var response = await client.PostJsonAsync("/api/v1/evaluations/tech-sme", TechSmeBody());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("eligible").GetBoolean());
        Assert.True(json.GetProperty("directlyQualified").GetBoolean());
        // The part-timer worked 4 months: not counted. 10/100 → 4; 6% → 50; one utility model → 6.
        Assert.Equal(60, json.GetProperty("score").GetInt32());
        Assert.Equal(4, json.GetProperty("scores").GetProperty("techStaff").GetInt32());
        Assert.Equal(50, json.GetProperty("scores").GetProperty("rd").GetInt32());
        Assert.Equal(6, json.GetProperty("scores").GetProperty("ip").GetInt32());
        Assert.Equal(5, json.GetProperty("conditions").GetArrayLength());
        var first = json.GetProperty("conditions")[0];
        Assert.Equal("sme.resident-enterprise", first.GetProperty("code").GetString());
        Assert.True(first.GetProperty("met").GetBoolean());
        Assert.Equal(0, json.GetProperty("gaps").GetArrayLength());
    }

    [Fact]
    public async Task TechSme_TechStaffScoreZero_IsNotEligibleAndSaysWhy()
    {
        var client = await app.ClientAsync("wuyi.staff");

        var json = await (await client.PostJsonAsync("/api/v1/evaluations/tech-sme", TechSmeBody(techStaff: 9, direct: []))).ReadJsonAsync();

        Assert.False(json.GetProperty("eligible").GetBoolean());
        Assert.Equal(56, json.GetProperty("score").GetInt32());
        Assert.Contains(json.GetProperty("gaps").EnumerateArray(), g => g.GetString()!.Contains("低于10%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TechSme_BadInput_Is400NamingEachField()
    {
        var client = await app.ClientAsync("wuyi.staff");

        var response = await client.PostJsonAsync("/api/v1/evaluations/tech-sme", new
        {
            year = 2024,
            residentEnterprise = true,
            taxCollection = "lump-sum",
            industryCode = "??",
            employees = 10,
            techStaff = 11,
            salesRevenue = -1,
            totalAssets = 1.005,
            rdExpense = 0,
            totalCostsAndExpenses = 0,
            intellectualProperty = new[] { new { kind = "trade-secret", valid = true } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("actual-profit", errors.GetProperty("taxCollection")[0].GetString());
        Assert.Contains("GB/T 4754", errors.GetProperty("industryCode")[0].GetString());
        Assert.Equal("科技人员数不能超过职工总数", errors.GetProperty("techStaff")[0].GetString());
        Assert.Equal("年销售收入不能为负数", errors.GetProperty("salesRevenue")[0].GetString());
        Assert.Contains("两位小数", errors.GetProperty("totalAssets")[0].GetString());
        Assert.True(errors.TryGetProperty("intellectualProperty[0].kind", out _));
    }

    [Fact]
    public async Task TechSme_Anonymous_Is401()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostJsonAsync("/api/v1/evaluations/tech-sme", TechSmeBody());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HighTech_IssueExample_CountsLeapDayAndScoresBelow71()
    {
        var client = await app.ClientAsync("shouxiangu");

        var response = await client.PostJsonAsync("/api/v1/evaluations/high-tech", HighTechBody());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var conditions = json.GetProperty("conditions").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c);
        Assert.Equal(9, conditions.Count);
        Assert.True(conditions["hte.registered-365-days"].GetProperty("met").GetBoolean());
        Assert.Contains("共 365 个日历天", conditions["hte.registered-365-days"].GetProperty("detail").GetString());
        // Monthly figures (95) take precedence over the typed average (100): 10 / 95 ≥ 10%.
        Assert.Contains("95 人", conditions["hte.tech-staff-ratio"].GetProperty("detail").GetString());
        Assert.True(conditions["hte.rd-intensity"].GetProperty("met").GetBoolean());
        // IP 7+7+7+6 = 27, transformation 25, organization 16, growth 0 + 0 = 68: not above 70.
        var score = json.GetProperty("score");
        Assert.Equal(68, score.GetProperty("exact").GetInt32());
        Assert.False(conditions["hte.score-above-70"].GetProperty("met").GetBoolean());
        Assert.False(json.GetProperty("eligible").GetBoolean());
        var parts = json.GetProperty("parts");
        Assert.Equal("A", parts.GetProperty("transformation").GetProperty("band").GetString());
        Assert.Equal(25, parts.GetProperty("transformation").GetProperty("min").GetInt32());
        Assert.Equal("F", parts.GetProperty("growth").GetProperty("sales").GetProperty("band").GetString());
        Assert.Equal(7, parts.GetProperty("ip").GetProperty("quantity").GetProperty("min").GetInt32());
        Assert.NotEqual(0, json.GetProperty("gaps").GetArrayLength());
    }

    [Fact]
    public async Task HighTech_WithoutExpertScores_GivesTheRange()
    {
        var client = await app.ClientAsync("wuyi.staff");

        var json = await (await client.PostJsonAsync("/api/v1/evaluations/high-tech", HighTechBody(expertScores: new { }))).ReadJsonAsync();

        var score = json.GetProperty("score");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, score.GetProperty("exact").ValueKind);
        Assert.Equal(33, score.GetProperty("min").GetInt32());
        Assert.Equal(80, score.GetProperty("max").GetInt32());
    }

    [Fact]
    public async Task HighTech_BadInput_Is400NamingTheField()
    {
        var client = await app.ClientAsync("wuyi.staff");
        var latest = new
        {
            totalIncome = 100m,
            highTechRevenue = -5m,
            techStaff = 1,
            employeesMonthly = Enumerable.Repeat(new { start = 95, end = 95 }, 11).ToArray(),
        };

        var response = await client.PostJsonAsync("/api/v1/evaluations/high-tech", HighTechBody(latest, applicationDate: "2023-06-14"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("申请认定日期不能早于注册成立日期", errors.GetProperty("applicationDate")[0].GetString());
        Assert.Contains("12个月", errors.GetProperty("latestYear.employeesMonthly")[0].GetString());
        Assert.Contains("不能为负数", errors.GetProperty("latestYear.highTechRevenue")[0].GetString());
    }

    [Fact]
    public async Task HighTech_ExpertScoreOutsideItsBand_Is400()
    {
        var client = await app.ClientAsync("wuyi.staff");

        var response = await client.PostJsonAsync("/api/v1/evaluations/high-tech", HighTechBody(expertScores: new { transformation = 12 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("25—30", errors.GetProperty("expertScores.transformation")[0].GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : EvaluationApiTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EvaluationApiTests(app), IClassFixture<PostgresApp>;
}
