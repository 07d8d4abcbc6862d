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

    public sealed class OnSqlite(SqliteApp app) : AchievementTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AchievementTests(app), IClassFixture<PostgresApp>;
}
