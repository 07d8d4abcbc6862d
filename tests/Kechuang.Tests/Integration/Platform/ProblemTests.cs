using System.Net;
using System.Text;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

public abstract class ProblemTests(KechuangApp app)
{
    [Fact]
    public async Task MalformedJson_Is400InChinese()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostAsync("/api/v1/organizations", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求格式不正确", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task WrongTypeOfValue_Is400NamingTheField()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostAsync("/api/v1/organizations", new StringContent("""{ "name": 5, "kind": "enterprise" }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("格式或类型不正确", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/carriers", """{ "name": "年份一的园区", "kind": "park", "regionCode": "330723", "openedOn": "0001-01-01" }""", "openedOn")]
    [InlineData("/api/v1/carriers", """{ "name": "年份一万的园区", "kind": "park", "regionCode": "330723", "openedOn": "9999-12-31" }""", "openedOn")]
    [InlineData("/api/v1/auctions", """{ "title": "年份一的拍卖会", "regionCode": "330723", "startsAt": "0001-01-01T09:00:00", "endsAt": "2030-01-01T10:00:00" }""", "startsAt")]
    public async Task DateOutsideAnyRecordsYears_Is400NamingTheFieldAndSavesNothing(string url, string body, string field)
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("日期应在 1900 年至 2199 年之间", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
        var title = body.Split('"')[3];
        var list = await (await staff.GetAsync($"{url}?q={Uri.EscapeDataString(title)}")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MissingFields_Is400WithEveryField()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostJsonAsync("/api/v1/organizations", new { });

        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请填写组织名称", errors.GetProperty("name")[0].GetString());
        Assert.Equal("请选择组织类型", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("请填写统一社会信用代码", errors.GetProperty("creditCode")[0].GetString());
        Assert.Equal("请填写所在行政区划", errors.GetProperty("regionCode")[0].GetString());
    }

    [Fact]
    public async Task NoToken_Is401Problem()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/organizations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownRecord_Is404Problem()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不存在", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ServerError_Is500WithTraceIdAndNoExceptionText()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE directory_person"));

        var response = await staff.GetAsync("/api/v1/people");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("directory_person", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : ProblemTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ProblemTests(app), IClassFixture<PostgresApp>;
}
