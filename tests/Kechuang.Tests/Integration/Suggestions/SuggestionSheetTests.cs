using System.Net;
using System.Net.Http.Headers;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Suggestions;

/// <summary>The 交办清单 sheet: an export imports again (refused as duplicates), a good file registers every row, a bad one nothing.</summary>
public abstract class SuggestionSheetTests(KechuangApp app)
{
    private static async Task<int> TotalAsync(HttpClient client, string query = "") =>
        (await (await client.GetAsync($"/api/v1/suggestions?regionCode=330723{query}")).ReadJsonAsync()).GetProperty("total").GetInt32();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "交办清单.xlsx");
        return await client.PostAsync("/api/v1/suggestions/import", content);
    }

    private static Dictionary<string, object?> Row(string number, string? title = "关于支持山区县科技特派员工作的建议", string region = "330723") => new()
    {
        ["建议编号"] = number,
        ["建议标题"] = title,
        ["提出建议的代表"] = "测试代表",
        ["代表联系电话"] = "13800000000",
        ["会议"] = "市人大八届三次会议",
        ["建议内容摘要"] = "建议加大对山区县科技特派员的支持",
        ["收到日期"] = "2025-01-18",
        ["行政区划代码"] = region,
    };

    [Fact]
    public async Task Export_ImportsAgainAsDuplicates_BadRowsAllReported_GoodFileRegistersEveryRow()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var export = await staff.GetAsync("/api/v1/suggestions/export?regionCode=330723");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => (IDictionary<string, object?>)r.ToDictionary(k => k.Key, k => (object?)k.Value)).ToList();
        var before = await TotalAsync(staff);

        var again = await UploadAsync(staff, rows);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var bad = await UploadAsync(staff, [Row($"武{suffix}1号"), Row($"武{suffix}2号", title: null), Row($"武{suffix}3号", region: "999999"), Row($"武{suffix}1号")]);
        var afterBad = await TotalAsync(staff);
        var good = await UploadAsync(staff, [Row($"武{suffix}1号"), Row($"武{suffix}2号")]);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var wu35 = Assert.Single(rows, r => Equals(r["建议编号"], "武35号"));
        Assert.Equal("市人大八届一次会议", wu35["会议"]);
        Assert.Equal("金华市科学技术局", wu35["主办单位"]);
        Assert.Equal(before, rows.Count);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(rows.Count, (await again.ReadJsonAsync()).GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(e => e.ToString()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("请填写建议标题", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("999999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("与第2行重复", StringComparison.Ordinal));
        Assert.Equal(before, afterBad);
        Assert.Equal(2, (await good.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(before + 2, await TotalAsync(staff));
        var imported = (await (await staff.GetAsync($"/api/v1/suggestions?q=武{suffix}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, imported.Count);
        Assert.All(imported, s => Assert.Equal("已登记", s.GetProperty("statusName").GetString()));
        var detail = await (await staff.GetAsync($"/api/v1/suggestions/{imported[0].GetProperty("id").GetGuid()}")).ReadJsonAsync();
        Assert.Contains("收到市人大八届三次会议测试代表代表的建议", detail.GetProperty("steps")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IsRefusedToAnEnterprise_AndAnotherCountysRowsToStaff()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var panan = await app.ClientAsync("panan.staff");
        var suffix = Guid.NewGuid().ToString("N")[..6];

        var refused = await UploadAsync(enterprise, [Row($"武{suffix}号")]);
        var elsewhere = await UploadAsync(panan, [Row($"武{suffix}号")]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("不在您的数据范围内", (await elsewhere.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : SuggestionSheetTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SuggestionSheetTests(app), IClassFixture<PostgresApp>;
}
