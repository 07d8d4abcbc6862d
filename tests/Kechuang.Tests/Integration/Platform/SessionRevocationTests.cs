using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// A change of password, role, data scope or organisation ends every bearer token and page session the account
/// had, at once: the next request with the old credentials is refused, not answered with the old rights.
/// </summary>
public abstract class SessionRevocationTests(KechuangApp app)
{
    private async Task<(string UserName, Guid Id)> CreateAccountAsync(string role = "county-staff", string region = "330723")
    {
        var admin = await app.ClientAsync("admin");
        var userName = $"s{Guid.NewGuid():N}"[..12];
        var id = await (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            password = KechuangApp.Password,
            displayName = "会话测试",
            role,
            regionCode = region,
            mustChangePassword = false,
        })).CreatedIdAsync();
        return (userName, id);
    }

    private async Task<HttpClient> BearerAsync(string userName, string password = KechuangApp.Password)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.ReadJsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task UpdateAsync(Guid id, string userName, string role, string region, Guid? organizationId = null)
    {
        var admin = await app.ClientAsync("admin");
        var response = await admin.PutAsync($"/api/v1/admin/users/{id}", System.Net.Http.Json.JsonContent.Create(new
        {
            userName,
            displayName = "会话测试",
            role,
            regionCode = region,
            organizationId,
        }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task BearerToken_AfterOwnPasswordChange_IsRefused()
    {
        var (userName, _) = await CreateAccountAsync();
        var old = await BearerAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/v1/me")).StatusCode);

        using var anonymous = app.CreateClient();
        var change = await anonymous.PostJsonAsync("/api/v1/auth/change-password",
            new { userName, currentPassword = KechuangApp.Password, newPassword = "Changed-Pass-2026" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me")).StatusCode);
        var fresh = await BearerAsync(userName, "Changed-Pass-2026");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task BearerToken_AfterRoleChange_IsRefused()
    {
        var (userName, id) = await CreateAccountAsync();
        var old = await BearerAsync(userName);

        await UpdateAsync(id, userName, "expert", "330723");

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PageSession_AfterRoleChange_IsEnded()
    {
        var (userName, id) = await CreateAccountAsync("city-staff", "330700");
        using var page = await PageSession.SignedInAsync(app, userName);
        var before = await (await page.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal("city-staff", before.GetProperty("role").GetString());

        await UpdateAsync(id, userName, "county-staff", "330723");

        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/me")).StatusCode);
        var home = await page.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/login", home.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageSession_AfterDataScopeChange_IsEnded()
    {
        var (userName, id) = await CreateAccountAsync("county-staff", "330723");
        using var page = await PageSession.SignedInAsync(app, userName);

        await UpdateAsync(id, userName, "county-staff", "330727");

        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PageSessionAndToken_AfterOrganisationChange_AreEnded()
    {
        var admin = await app.ClientAsync("admin");
        var orgs = (await (await admin.GetAsync("/api/v1/organizations?kind=enterprise&regionCode=330723&pageSize=2")).ReadJsonAsync()).GetProperty("items");
        var first = orgs[0].GetProperty("id").GetGuid();
        var second = orgs[1].GetProperty("id").GetGuid();
        var userName = $"e{Guid.NewGuid():N}"[..12];
        var id = await (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            password = KechuangApp.Password,
            displayName = "企业会话测试",
            role = "enterprise",
            regionCode = "330723",
            organizationId = first,
            mustChangePassword = false,
        })).CreatedIdAsync();
        using var page = await PageSession.SignedInAsync(app, userName);
        var token = await BearerAsync(userName);

        await UpdateAsync(id, userName, "enterprise", "330723", second);

        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PageSession_AfterPasswordChangeElsewhere_IsEnded()
    {
        var (userName, _) = await CreateAccountAsync();
        using var page = await PageSession.SignedInAsync(app, userName);

        using var anonymous = app.CreateClient();
        await anonymous.PostJsonAsync("/api/v1/auth/change-password",
            new { userName, currentPassword = KechuangApp.Password, newPassword = "Changed-Pass-2026" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task DisplayNameChange_KeepsSessions()
    {
        var (userName, id) = await CreateAccountAsync();
        using var page = await PageSession.SignedInAsync(app, userName);
        var token = await BearerAsync(userName);
        var admin = await app.ClientAsync("admin");

        await admin.PutAsync($"/api/v1/admin/users/{id}", System.Net.Http.Json.JsonContent.Create(new
        {
            userName,
            displayName = "改了姓名",
            role = "county-staff",
            regionCode = "330723",
        }));

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : SessionRevocationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SessionRevocationTests(app), IClassFixture<PostgresApp>;
}
