using System.Net;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Market.MarketScenario;

namespace Kechuang.Tests.Integration.Market;

public abstract class AchievementTests(KechuangApp app)
{
    [Fact]
    public async Task Create_ByTheOwnersAccount_IsPublicAndFoundByChineseKeyword()
    {
        var zjnu = await app.ClientAsync("zjnu");
        var owner = await InstitutionAsync(zjnu, "浙江师范大学");

        var id = await (await zjnu.PostJsonAsync("/api/v1/achievements", new
        {
            title = "香榧林下套种黄精技术",
            ownerOrganizationId = owner,
            field = "现代农业",
            keywords = new[] { "香榧", "黄精", "林下经济" },
            maturity = "中试阶段",
            description = "武义山区香榧林下套种黄精的栽培技术。",
            expectedPrice = 300_000m,
        })).CreatedIdAsync();

        var anonymous = app.CreateClient();
        var found = await (await anonymous.GetAsync($"/api/v1/achievements?q={Uri.EscapeDataString("黄精")}&field={Uri.EscapeDataString("现代农业")}")).ReadJsonAsync();
        Assert.Contains(found.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var detail = await (await anonymous.GetAsync($"/api/v1/achievements/{id}")).ReadJsonAsync();
        Assert.Equal("浙江师范大学", detail.GetProperty("ownerName").GetString());
        Assert.Equal("pilot", detail.GetProperty("maturity").GetString());
        Assert.Equal(3, detail.GetProperty("keywords").GetArrayLength());
        Assert.Equal(300_000m, detail.GetProperty("expectedPrice").GetDecimal());
        var none = await (await anonymous.GetAsync($"/api/v1/achievements?q={Uri.EscapeDataString("黄精 不存在的词")}")).ReadJsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_ForAnotherOrganisation_Is403_AndBadInputIs400PerField()
    {
        var zjnu = await app.ClientAsync("zjnu");
        var other = await InstitutionAsync(zjnu, "浙江大学");

        var foreign = await zjnu.PostJsonAsync("/api/v1/achievements", new { title = "冒名成果", ownerOrganizationId = other, field = "智能装备", description = "x" });
        var bad = await zjnu.PostJsonAsync("/api/v1/achievements", new { title = "", field = "玄学", expectedPrice = 1.234m });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "title", "ownerOrganizationId", "field", "description", "expectedPrice" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Import_WithBadRows_ImportsNothing_ThenAGoodSheetRoundTripsThroughExport()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..6];
        Dictionary<string, object?> Row(string title, string owner, string field, object? price) => new()
        {
            ["成果名称"] = title,
            ["所有单位"] = owner,
            ["技术领域"] = field,
            ["关键词"] = "导入；" + tag,
            ["成熟度"] = "实验室阶段",
            ["关联知识产权"] = null,
            ["成果简介"] = "导入测试",
            ["意向价格（元）"] = price,
            ["联系人"] = null,
            ["联系电话"] = null,
        };

        var bad = await UploadAsync(staff, [Row($"导入成果甲{tag}", "浙江大学", "智能装备", 50000m), Row($"导入成果乙{tag}", "不存在的大学", "玄学", "很多")]);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rows = (await bad.ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "所有单位"), rows);
        Assert.Contains((3, "技术领域"), rows);
        Assert.Contains((3, "意向价格（元）"), rows);
        Assert.DoesNotContain(rows, r => r.Item1 == 2);
        Assert.Equal(0, (await (await staff.GetAsync($"/api/v1/achievements?q={tag}")).ReadJsonAsync()).GetProperty("total").GetInt32());

        var good = await UploadAsync(staff, [Row($"导入成果甲{tag}", "浙江大学", "智能装备", 50000m), Row($"导入成果乙{tag}", "浙江理工大学", "新材料", null)]);
        Assert.Equal(2, (await good.ReadJsonAsync()).GetProperty("count").GetInt32());
        var export = await staff.GetAsync($"/api/v1/achievements/export?q={tag}");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var exported = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, exported.Count);
        Assert.Contains(exported, r => Equals(r["所有单位"], "浙江理工大学") && Equals(r["技术领域"], "新材料"));
        var again = await UploadAsync(staff, exported.Select(r => r.ToDictionary(k => k.Key, k => (object?)k.Value)));
        Assert.Equal(2, (await again.ReadJsonAsync()).GetProperty("count").GetInt32());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(sheet, rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "achievements.xlsx");
        return await client.PostAsync("/api/v1/achievements/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : AchievementTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AchievementTests(app), IClassFixture<PostgresApp>;
}
