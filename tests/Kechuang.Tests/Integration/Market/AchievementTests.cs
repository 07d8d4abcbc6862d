using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Update_ByTheOwnersAccount_ChangesTheListingAndIsAudited()
    {
        var zjnu = await app.ClientAsync("zjnu");
        var owner = await InstitutionAsync(zjnu, "浙江师范大学");
        var id = await (await zjnu.PostJsonAsync("/api/v1/achievements", new
        {
            title = "茶园智能灌溉系统",
            ownerOrganizationId = owner,
            field = "现代农业",
            keywords = new[] { "茶园" },
            description = "初稿。",
        })).CreatedIdAsync();

        var response = await zjnu.PutAsJsonAsync($"/api/v1/achievements/{id}", new
        {
            title = "茶园智能灌溉与水肥一体化系统",
            field = "现代农业",
            keywords = new[] { "茶园", "水肥一体化" },
            maturity = "小批量生产",
            description = "已在武义县3个茶园示范应用。",
            expectedPrice = 450_000.50m,
            contactName = "王老师",
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var detail = await (await app.CreateClient().GetAsync($"/api/v1/achievements/{id}")).ReadJsonAsync();
        Assert.Equal("茶园智能灌溉与水肥一体化系统", detail.GetProperty("title").GetString());
        Assert.Equal("small-batch", detail.GetProperty("maturity").GetString());
        Assert.Equal(2, detail.GetProperty("keywords").GetArrayLength());
        Assert.Equal(450_000.50m, detail.GetProperty("expectedPrice").GetDecimal());
        Assert.Equal("浙江师范大学", detail.GetProperty("ownerName").GetString());
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Entity == "market_achievement" && e.EntityKey == id.ToString() && e.Action == "update").SingleAsync());
        Assert.Equal("zjnu", entry.Account);
        Assert.Contains("初稿", entry.Before, StringComparison.Ordinal);
        Assert.Contains("已在武义县3个茶园示范应用", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_OutsideTheCallersScope_Is403_AndBadInputIs400PerField_ChangingNothing()
    {
        // 武义县 staff list a Hangzhou university's achievement for their market: they and the owner may edit it;
        // 磐安县 staff, another organisation's account and anonymous visitors may not.
        var wuyi = await app.ClientAsync("wuyi.staff");
        var id = await AchievementAsync(wuyi, "高效电机控制器", owner: "浙江工业大学");
        var body = new { title = "高效电机控制器（第二版）", field = "智能装备", description = "改进版。" };

        var panan = await (await app.ClientAsync("panan.staff")).PutAsJsonAsync($"/api/v1/achievements/{id}", body);
        var zjnu = await (await app.ClientAsync("zjnu")).PutAsJsonAsync($"/api/v1/achievements/{id}", body);
        var enterprise = await (await app.ClientAsync("shouxiangu")).PutAsJsonAsync($"/api/v1/achievements/{id}", body);
        var anonymous = await app.CreateClient().PutAsJsonAsync($"/api/v1/achievements/{id}", body);
        var bad = await wuyi.PutAsJsonAsync($"/api/v1/achievements/{id}", new { title = "", field = "玄学", description = "", expectedPrice = -1m, keywords = new[] { "关键词；含分隔符" } });
        var unknown = await wuyi.PutAsJsonAsync($"/api/v1/achievements/{Guid.NewGuid()}", body);

        Assert.Equal(HttpStatusCode.Forbidden, panan.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, zjnu.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "title", "field", "description", "expectedPrice", "keywords" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var detail = await (await app.CreateClient().GetAsync($"/api/v1/achievements/{id}")).ReadJsonAsync();
        Assert.Equal("高效电机控制器", detail.GetProperty("title").GetString());

        var byStaff = await wuyi.PutAsJsonAsync($"/api/v1/achievements/{id}", body);
        var owner = await InstitutionAsync(wuyi, "浙江工业大学");
        Assert.Equal(HttpStatusCode.NoContent, byStaff.StatusCode);
        var changed = await (await app.CreateClient().GetAsync($"/api/v1/achievements/{id}")).ReadJsonAsync();
        Assert.Equal("高效电机控制器（第二版）", changed.GetProperty("title").GetString());
        Assert.Equal(owner, changed.GetProperty("ownerOrganizationId").GetGuid());
    }

    public sealed class OnSqlite(SqliteApp app) : AchievementTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AchievementTests(app), IClassFixture<PostgresApp>;
}
