using System.Globalization;
using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Ui;

/// <summary>
/// The home page shows one year at a time and says what each figure covers: a yearly count names its year, a count of
/// what holds on a day names the day (the year's last, or today while it runs), work waiting names 当前. The test clock
/// stands at 2026-03-02.
/// </summary>
public abstract class DashboardTests(KechuangApp app)
{
    private static JsonElement Figure(JsonElement dashboard, string title) =>
        dashboard.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("title").GetString() == title);

    [Fact]
    public async Task Default_IsTheLatestYearWithRecords_NeverAfterThisYear_AndEveryFigureStatesItsPeriod()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var dashboard = await (await staff.GetAsync("/api/v1/dashboard")).ReadJsonAsync();

        var year = dashboard.GetProperty("year").GetInt32();
        // The demo's records run to 2023; tests of other classes may add records of this year, none of a later one counts.
        Assert.InRange(year, 2023, 2026);
        Assert.All(dashboard.GetProperty("figures").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("period").GetString())));
        var day = year < 2026 ? $"截至{year}年12月31日" : "截至2026年3月2日";
        Assert.Equal(day, Figure(dashboard, "有效高新技术企业").GetProperty("period").GetString());
        Assert.Equal("当前", Figure(dashboard, "企业").GetProperty("period").GetString());
    }

    [Fact]
    public async Task PastYear_CountsCertificatesValidOnItsLastDay_ExactlyAsTheirListDoes()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var dashboard = await (await staff.GetAsync("/api/v1/dashboard?year=2023")).ReadJsonAsync();
        var highTech = Figure(dashboard, "有效高新技术企业");
        var link = highTech.GetProperty("link").GetString()!;
        var records = await (await staff.GetAsync("/api/v1" + link + "&pageSize=200")).ReadJsonAsync();
        var cooperations = Figure(dashboard, "校企合作");

        Assert.Equal(2023, dashboard.GetProperty("year").GetInt32());
        Assert.Contains("asOf=2023-12-31", link, StringComparison.Ordinal);
        Assert.Equal("截至2023年12月31日", highTech.GetProperty("period").GetString());
        Assert.True(highTech.GetProperty("value").GetDouble() > 0);
        Assert.Equal(highTech.GetProperty("value").GetDouble(), records.GetProperty("total").GetInt32());
        Assert.All(records.GetProperty("items").EnumerateArray(), r =>
        {
            var validity = r.GetProperty("cells")[3].GetString()!;
            var from = DateOnly.Parse(validity[..10], CultureInfo.InvariantCulture);
            var until = DateOnly.Parse(validity[^10..], CultureInfo.InvariantCulture);
            Assert.InRange(new DateOnly(2023, 12, 31), from, until);
        });
        Assert.Equal("2023年", cooperations.GetProperty("period").GetString());
        Assert.Contains("from=2023-01-01&to=2023-12-31", cooperations.GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wuyi.staff")]
    [InlineData("city.staff")]
    public async Task Organisations_CountWhatTheirListsShow_SharedInstitutionsOfOtherCitiesIncluded(string account)
    {
        var staff = await app.ClientAsync(account);

        async Task<JsonElement> ListAsync(string kind) =>
            await (await staff.GetAsync($"/api/v1/organizations?kind={kind}&pageSize=200")).ReadJsonAsync();
        int Total(JsonElement list) => list.GetProperty("total").GetInt32();

        // Read around the dashboard: other tests may register organisations meanwhile.
        var (institutions, enterprises) = (await ListAsync("institution"), await ListAsync("enterprise"));
        var dashboard = await (await staff.GetAsync("/api/v1/dashboard")).ReadJsonAsync();
        var (institutionsAfter, enterprisesAfter) = (await ListAsync("institution"), await ListAsync("enterprise"));

        // 浙江大学 is registered in 杭州 (330106), outside both accounts' regions, and shared with every account.
        Assert.Contains(institutions.GetProperty("items").EnumerateArray(), i => i.GetProperty("regionCode").GetString()!.StartsWith("3301", StringComparison.Ordinal));
        Assert.Contains((int)Figure(dashboard, "高校院所").GetProperty("value").GetDouble(), new[] { Total(institutions), Total(institutionsAfter) });
        Assert.Contains((int)Figure(dashboard, "企业").GetProperty("value").GetDouble(), new[] { Total(enterprises), Total(enterprisesAfter) });
        Assert.True(Total(enterprises) > 0);
    }

    [Fact]
    public async Task ThisYear_StatesTheDayItIsCountedTo()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var dashboard = await (await staff.GetAsync("/api/v1/dashboard?year=2026")).ReadJsonAsync();

        Assert.Equal("2026年（截至2026年3月2日）", Figure(dashboard, "发明专利产业化备案").GetProperty("period").GetString());
        Assert.Equal("截至2026年3月2日", Figure(dashboard, "有效高新技术企业").GetProperty("period").GetString());
    }

    [Fact]
    public async Task YearOutsideTheSelector_Is400_AndThePageSaysSoAndShowsTheDefault()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var future = await staff.GetAsync("/api/v1/dashboard?year=2027");
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync("/?year=1999"));

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("年度须在2017年至2026年之间", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("年度 1999 不在可选范围内", page, StringComparison.Ordinal);
        Assert.Contains("有效高新技术企业", page, StringComparison.Ordinal);
    }

    private static readonly string[] SuggestionTitles = ["收到代表建议", "答复代表建议", "建议按期答复率", "建议面商率", "代表满意率（含基本满意）"];

    [Fact]
    public async Task Suggestions_TheDemoYear_CountsWu35AndWu12_WithTheRates_EachLinkedToTheRecordsCounted()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var dashboard = await (await staff.GetAsync("/api/v1/dashboard?year=2023")).ReadJsonAsync();
        var figures = SuggestionTitles.Select(t => Figure(dashboard, t)).ToList();

        // 武35号 and 武12号 were received on 2023-04-07; only 武35号 was answered (2023-07-06, by its deadline, after
        // three meetings with the deputy) and evaluated (满意).
        Assert.Equal([2d, 1d, 100d, 100d, 100d], figures.Select(f => f.GetProperty("value").GetDouble()));
        Assert.Equal(["件", "件", "%", "%", "%"], figures.Select(f => f.GetProperty("unit").GetString()));
        Assert.All(figures, f => Assert.Equal("2023年", f.GetProperty("period").GetString()));
        Assert.Equal("/suggestions?regionCode=330723&year=2023", figures[0].GetProperty("link").GetString());
        Assert.Equal("/suggestions?regionCode=330723&repliedYear=2023", figures[1].GetProperty("link").GetString());
        Assert.Equal("/suggestions?regionCode=330723&evaluatedYear=2023", figures[4].GetProperty("link").GetString());
        var counted = new List<string[]>();
        foreach (var figure in figures)
        {
            var list = await (await staff.GetAsync("/api/v1" + figure.GetProperty("link").GetString())).ReadJsonAsync();
            counted.Add(list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("number").GetString()!).Order(StringComparer.Ordinal).ToArray());
        }
        Assert.Equal(["武12号", "武35号"], counted[0]);
        Assert.All(counted.Skip(1), numbers => Assert.Equal(["武35号"], numbers));
    }

    [Fact]
    public async Task Suggestions_AYearWithoutReplies_ShowsTheCountsButNoRateOfNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var dashboard = await (await staff.GetAsync("/api/v1/dashboard?year=2022")).ReadJsonAsync();
        var titles = dashboard.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("title").GetString()).ToList();

        Assert.Equal(0, Figure(dashboard, "收到代表建议").GetProperty("value").GetDouble());
        Assert.Equal(0, Figure(dashboard, "答复代表建议").GetProperty("value").GetDouble());
        Assert.DoesNotContain("建议按期答复率", titles);
        Assert.DoesNotContain("代表满意率（含基本满意）", titles);
    }

    [Fact]
    public async Task Suggestions_AreNotShownToAnEnterprise()
    {
        // The dashboard API is staff-only; an enterprise sees its figures on the home page.
        var enterprise = WebUtility.HtmlDecode(await (await app.ClientAsync("shouxiangu")).GetStringAsync("/?year=2023"));
        var staff = WebUtility.HtmlDecode(await (await app.ClientAsync("wuyi.staff")).GetStringAsync("/?year=2023"));

        Assert.Contains("有效高新技术企业", enterprise, StringComparison.Ordinal);
        Assert.All(SuggestionTitles, t => Assert.DoesNotContain(t, enterprise, StringComparison.Ordinal));
        Assert.All(SuggestionTitles, t => Assert.Contains(t, staff, StringComparison.Ordinal));
    }

    public sealed class OnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
}
