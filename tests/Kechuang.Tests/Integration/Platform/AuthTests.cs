using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Platform;

public abstract class AuthTests(KechuangApp app)
{
    private async Task<string> CreateAccountAsync(bool mustChange = false)
    {
        var admin = await app.ClientAsync("admin");
        var userName = $"u{Guid.NewGuid():N}"[..12];
        var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            password = KechuangApp.Password,
            displayName = "测试账号",
            role = "county-staff",
            regionCode = "330723",
            mustChangePassword = mustChange,
        });
        await response.CreatedIdAsync();
        return userName;
    }

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password)
    {
        using var client = app.CreateClient();
        return await client.PostJsonAsync("/api/v1/auth/token", new { userName, password });
    }

    [Fact]
    public async Task Token_GoodCredentials_ReturnsTokenThatOpensTheApi()
    {
        var response = await TokenAsync("wuyi.staff", KechuangApp.Password);
        var body = await response.ReadJsonAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());

        var me = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("wuyi.staff", me.GetProperty("userName").GetString());
        Assert.Equal("330723", me.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task Token_UnknownUserAndWrongPassword_GetTheSameAnswer()
    {
        var unknown = await TokenAsync("nobody-here", "Wrong-Pass-1");
        var wrong = await TokenAsync("city.staff", "Wrong-Pass-1");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var a = await unknown.ReadJsonAsync();
        var b = await wrong.ReadJsonAsync();
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("code").GetString(), b.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Token_FiveFailures_LockTheClientOut_AnsweredLikeAWrongPassword_UntilAdminUnlocks()
    {
        var userName = await CreateAccountAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, "Wrong-Pass-1")).StatusCode);
        }

        var fifth = await TokenAsync(userName, "Wrong-Pass-1");
        var rightWhileLocked = await TokenAsync(userName, KechuangApp.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rightWhileLocked.StatusCode);
        Assert.Equal("auth.bad-credentials", (await rightWhileLocked.ReadJsonAsync()).GetProperty("code").GetString());
        var admin = await app.ClientAsync("admin");
        var list = await (await admin.GetAsync($"/api/v1/admin/users?q={userName}")).ReadJsonAsync();
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.True(list.GetProperty("items")[0].GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName, KechuangApp.Password)).StatusCode);
        var audit = await (await (await app.ClientAsync("auditor")).GetAsync($"/api/v1/audit?key={id}&action=lockout")).ReadJsonAsync();
        Assert.Equal(1, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Lockout_EndsAfterThirtyMinutes()
    {
        var userName = await CreateAccountAsync();
        for (var i = 0; i < 5; i++)
        {
            await TokenAsync(userName, "Wrong-Pass-1");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, KechuangApp.Password)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName, KechuangApp.Password)).StatusCode);
    }

    [Fact]
    public async Task Token_MustChangePassword_Is403UntilChanged()
    {
        var userName = await CreateAccountAsync(mustChange: true);

        var before = await TokenAsync(userName, KechuangApp.Password);
        using var client = app.CreateClient();
        var change = await client.PostJsonAsync("/api/v1/auth/change-password",
            new { userName, currentPassword = KechuangApp.Password, newPassword = "New-Pass-2026" });
        var after = await TokenAsync(userName, "New-Pass-2026");

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("auth.password-change-required", (await before.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task CreateUser_WeakPassword_Is400WithChineseFieldMessage()
    {
        var admin = await app.ClientAsync("admin");

        var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName = "weakling",
            password = "abc",
            displayName = "弱密码",
            role = "county-staff",
            regionCode = "330723",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("至少8位", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task AdminApi_ForCountyStaff_Is403()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.GetAsync("/api/v1/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsToken()
    {
        var userName = await CreateAccountAsync();
        var client = await app.ClientAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var admin = await app.ClientAsync("admin");
        var id = (await (await admin.GetAsync($"/api/v1/admin/users?q={userName}")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        await admin.PostAsync($"/api/v1/admin/users/{id}/disable", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, KechuangApp.Password)).StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : AuthTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuthTests(app), IClassFixture<PostgresApp>;
}
