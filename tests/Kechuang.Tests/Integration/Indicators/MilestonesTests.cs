using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Indicators;

/// <summary>Promises without a number: listed with their owner and time limit, added with Chinese messages, completed once.</summary>
public abstract class MilestonesTests(KechuangApp app)
{
    [Fact]
    public async Task DemoData_HoldsTheLettersPromisesWithoutANumber()
    {
        var city = await app.ClientAsync("city.staff");

        var list = await (await city.GetAsync("/api/v1/milestones?regionCode=330723&year=2023")).ReadJsonAsync();

        var items = list.GetProperty("items").EnumerateArray().ToList();
        var fitOut = Assert.Single(items, m => m.GetProperty("title").GetString() == "完成3#、8#楼装修，交付运营");
        Assert.Equal("武义科技城发展有限公司", fitOut.GetProperty("ownerUnit").GetString());
        Assert.Equal("2023-12-31", fitOut.GetProperty("dueOn").GetString());
        Assert.True(items.Count >= 12);
        // What a target already measures (T17 重点企业研究院, T18 研发机构全覆盖) is not a milestone as well.
        Assert.DoesNotContain(items, m => m.GetProperty("title").GetString()!.Contains("研究院实现零的突破", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_ValidatesInChinese_ThenCompletesOnce()
    {
        var city = await app.ClientAsync("city.staff");
        var county = await app.ClientAsync("wuyi.staff");

        var bad = await city.PostJsonAsync("/api/v1/milestones", new { regionCode = "999999", year = 1800, title = " ", ownerUnit = "", dueOn = (string?)null });
        var wrongYear = await city.PostJsonAsync("/api/v1/milestones", new { regionCode = "330723", year = 2036, title = "建成农业科技园区管理服务中心", ownerUnit = "武义县农业农村局", dueOn = "2037-03-01" });
        var forbidden = await county.PostJsonAsync("/api/v1/milestones", new { regionCode = "330723", year = 2036, title = "建成培训中心", ownerUnit = "研究院", dueOn = "2036-12-31" });
        var created = await city.PostJsonAsync("/api/v1/milestones", new { regionCode = "330723", year = 2036, title = "建成培训中心", ownerUnit = "武义智能制造产业技术研究院", dueOn = "2036-12-31" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写节点任务", errors.GetProperty("title")[0].GetString());
        Assert.Equal("请填写责任单位", errors.GetProperty("ownerUnit")[0].GetString());
        Assert.Equal("请填写完成时限", errors.GetProperty("dueOn")[0].GetString());
        Assert.True(errors.TryGetProperty("regionCode", out _));
        Assert.True(errors.TryGetProperty("year", out _));
        Assert.Equal("完成时限应在2036年内", (await wrongYear.ReadJsonAsync()).GetProperty("errors").GetProperty("dueOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        var future = await city.PostJsonAsync($"/api/v1/milestones/{id}/complete", new { doneOn = "2099-01-01" });
        var done = await city.PostJsonAsync($"/api/v1/milestones/{id}/complete", new { note = "已投入使用" });
        var twice = await city.PostJsonAsync($"/api/v1/milestones/{id}/complete", new { });
        var missing = await city.PostJsonAsync($"/api/v1/milestones/{Guid.NewGuid()}/complete", new { });

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("完成日期不能晚于今天", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("doneOn")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var item = await done.ReadJsonAsync();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, item.GetProperty("doneOn").ValueKind);
        Assert.Equal("已投入使用", item.GetProperty("note").GetString());
        Assert.False(item.GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("indicators.milestone-done", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : MilestonesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : MilestonesTests(app), IClassFixture<PostgresApp>;
}
