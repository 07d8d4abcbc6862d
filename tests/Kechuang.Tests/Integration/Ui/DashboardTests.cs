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

    public sealed class OnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
}
