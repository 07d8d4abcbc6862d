using System.Net;
using System.Net.Http.Headers;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Events;

/// <summary>活动与宣传 through the API: the demo's figures (S5, S12), 400 and 409, data scope, the media-report sheet round trip.</summary>
public abstract class EventsTests(KechuangApp app)
{
    private static async Task<decimal> IndicatorAsync(HttpClient client, string code, int year, string region = "330723") =>
        (await (await client.GetAsync($"/api/v1/indicators/{code}/value?regionCode={region}&year={year}")).ReadJsonAsync()).GetProperty("value").GetDecimal();

    [Fact]
    public async Task DemoRecords_GiveTheThemeEventsTwoReports_AndTheCommissionersThree()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var events = await (await staff.GetAsync("/api/v1/events?q=五彩尝鲜")).ReadJsonAsync();
        var theme = events.GetProperty("items")[0];
        // Of 2022: another test imports copies dated 2024, linked to the same event.
        var reports = await (await staff.GetAsync($"/api/v1/events/media-reports?eventId={theme.GetProperty("id").GetGuid()}&year=2022")).ReadJsonAsync();
        var commissioners = await (await staff.GetAsync("/api/v1/events/media-reports?q=科技特派员&year=2022")).ReadJsonAsync();

        Assert.Equal(1, events.GetProperty("total").GetInt32());
        Assert.True(theme.GetProperty("reports").GetInt32() >= 2);
        Assert.Equal(["科技金融时报", "钱江晚报"], reports.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("outlet").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["学习强国", "浙江新闻", "金华日报"], commissioners.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("outlet").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(5m, await IndicatorAsync(staff, "events.media-reports", 2022));
        Assert.Equal(5m, await IndicatorAsync(staff, "events.media-outlets", 2022));
    }

    [Fact]
    public async Task SameReportSavedAtOnce_OneIs201_TheOthersAre409_Never500()
    {
        var title = $"并发报道{Guid.NewGuid():N}";
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ClientAsync("wuyi.staff")));

        var responses = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/v1/events/media-reports",
            new { outlet = "金华日报", medium = "newspaper", publishedOn = "2023-06-01", title, subject = "科技特派员", regionCode = "330723" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("events.duplicate-report", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Report_InvalidIs400_DuplicateIs409_AnotherCountySeesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var title = $"测试报道{Guid.NewGuid():N}";

        var invalid = await staff.PostJsonAsync("/api/v1/events/media-reports",
            new { outlet = "", medium = "radio", publishedOn = "2099-01-01", title = "", link = "ftp://x", regionCode = "330723" });
        var id = await (await staff.PostJsonAsync("/api/v1/events/media-reports",
            new { outlet = "金华日报", medium = "报纸", publishedOn = "2023-05-01", title, subject = "科技特派员", regionCode = "330723" })).CreatedIdAsync();
        var twice = await staff.PostJsonAsync("/api/v1/events/media-reports",
            new { outlet = "金华日报", medium = "newspaper", publishedOn = "2023-05-01", title, subject = "科技特派员", regionCode = "330723" });
        var panan = await app.ClientAsync("panan.staff");
        var seen = await (await panan.GetAsync($"/api/v1/events/media-reports?q={title}")).ReadJsonAsync();
        var read = await panan.GetAsync($"/api/v1/events/media-reports/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写媒体名称", errors.GetProperty("outlet")[0].GetString());
        Assert.Contains("媒体类型取值无效", errors.GetProperty("medium")[0].GetString());
        Assert.Equal("报道日期不能晚于今天", errors.GetProperty("publishedOn")[0].GetString());
        Assert.Equal("报道链接应以 http:// 或 https:// 开头", errors.GetProperty("link")[0].GetString());
        Assert.Equal("请选择报道的活动或填写报道对象", errors.GetProperty("subject")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("events.duplicate-report", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, seen.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task MediaReportExport_ImportsAgain_AsNewReports_AllOrNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var export = await staff.GetAsync("/api/v1/events/media-reports/export?regionCode=330723&year=2022");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => (IDictionary<string, object?>)r.ToDictionary(k => k.Key, k => (object?)k.Value)).ToList();
        var again = await UploadAsync(staff, rows);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var renamed = rows.Select(r => { var row = new Dictionary<string, object?>(r) { ["报道标题"] = $"{r["报道标题"]}（{suffix}）", ["报道日期"] = "2024-03-01" }; return (IDictionary<string, object?>)row; }).ToList();
        var before = await IndicatorAsync(staff, "events.media-reports", 2024);
        var imported = await UploadAsync(staff, renamed);

        Assert.Equal(5, rows.Count);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(5, (await again.ReadJsonAsync()).GetProperty("rows").GetArrayLength());
        Assert.Equal(5, (await imported.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(before + 5, await IndicatorAsync(staff, "events.media-reports", 2024));
    }

    [Fact]
    public async Task MediumFilter_KeepsOneKind_AndEventExport_CarriesTheFilteredEvents()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var newspapers = await (await staff.GetAsync("/api/v1/events/media-reports?regionCode=330723&year=2022&medium=newspaper")).ReadJsonAsync();
        var unknown = await staff.GetAsync("/api/v1/events/media-reports?medium=radio");
        var export = await staff.GetAsync("/api/v1/events/export?regionCode=330723&year=2022&q=五彩尝鲜");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var otherYear = await staff.GetAsync("/api/v1/events/export?regionCode=330723&year=2021");
        await using var empty = await otherYear.Content.ReadAsStreamAsync();

        Assert.Equal(["科技金融时报", "金华日报", "钱江晚报"],
            newspapers.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("outlet").GetString()).Order(StringComparer.Ordinal));
        Assert.All(newspapers.GetProperty("items").EnumerateArray(), r => Assert.Equal("报纸", r.GetProperty("mediumName").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var row = Assert.Single(rows);
        Assert.Equal("五彩尝鲜，科技助力共富生活", row["活动名称"]);
        Assert.Equal("2022-08-06", row["活动日期"]);
        // No event of 2021: the headers, over the blank row that keeps them, and no title.
        Assert.All(empty.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => Assert.Null(r["活动名称"]));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "reports.xlsx");
        return await client.PostAsync("/api/v1/events/media-reports/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : EventsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EventsTests(app), IClassFixture<PostgresApp>;
}
