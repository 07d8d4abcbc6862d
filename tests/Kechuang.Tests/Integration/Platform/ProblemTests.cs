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
