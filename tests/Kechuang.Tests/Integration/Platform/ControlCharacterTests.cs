using System.Net;
using System.Text;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Control characters (NUL above all, which PostgreSQL refuses in text) are refused in every text a request
/// carries — query string, JSON body, form post — with a 400 and a Chinese message, before any handler runs,
/// on both providers alike.
/// </summary>
public abstract class ControlCharacterTests(KechuangApp app)
{
    private static void AssertRefused(HttpResponseMessage response, string body)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("控制字符", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/organizations?q=%00")]
    [InlineData("/api/v1/people?q=abc%00def")]
    [InlineData("/api/v1/organizations?q=%01")]
    [InlineData("/api/v1/admin/users?q=%7F")]
    [InlineData("/api/v1/organizations?regionCode=330723%00")]
    public async Task QueryString_WithControlCharacter_Is400(string url)
    {
        var admin = await app.ClientAsync("admin");

        var response = await admin.GetAsync(url);

        AssertRefused(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TokenEndpoint_NulInUserName_Is400()
    {
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "ad\0min", password = "Wrong-Pass-1" });

        var body = await response.Content.ReadAsStringAsync();
        AssertRefused(response, body);
        Assert.Contains("userName", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonName_WithNul_Is400_AndNothingIsSaved()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var organization = (await (await staff.GetAsync("/api/v1/organizations?kind=enterprise")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var name = $"控制{Guid.NewGuid():N}"[..8];

        var response = await staff.PostJsonAsync("/api/v1/people", new { name = name + "\0", kind = "contact", organizationId = organization, phone = "13800001111" });

        var body = await response.Content.ReadAsStringAsync();
        AssertRefused(response, body);
        Assert.Contains("\"name\"", body, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.After != null && e.After.Contains(name))));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b")]
    [InlineData("\u0085")]
    [InlineData("\n")]
    [InlineData("\t")]
    public async Task OrganizationName_WithControlCharacter_Is400Not409(string control)
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostJsonAsync("/api/v1/organizations",
            new { name = "武义控制字符测试" + control + "有限公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" });

        AssertRefused(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RawJson_EscapedNulInNestedField_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        using var content = new StringContent("{\"name\":\"正常名称\",\"kind\":\"enterprise\",\"creditCode\":\"x\",\"regionCode\":\"330723\",\"address\":\"武义\\u0000县\"}",
            Encoding.UTF8, "application/json");

        var response = await staff.PostAsync("/api/v1/organizations", content);

        var body = await response.Content.ReadAsStringAsync();
        AssertRefused(response, body);
        Assert.Contains("\"address\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_SignInWithNulInUserName_Is400()
    {
        using var client = PageSession.NewClient(app);

        var response = await PageSession.SignInAsync(client, "admin\0", KechuangApp.Password);

        AssertRefused(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OrdinaryChineseText_StillPasses()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await staff.GetAsync("/api/v1/organizations?q=" + Uri.EscapeDataString("武义 寿仙谷"));
        var created = await staff.PostJsonAsync("/api/v1/organizations",
            new { name = $"武义县“引号”测试{Guid.NewGuid():N}"[..20] + "有限公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : ControlCharacterTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ControlCharacterTests(app), IClassFixture<PostgresApp>;
}
