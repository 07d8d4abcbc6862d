using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Ui;

/// <summary>The language switch: zh-CN by default, English by cookie, redirects only to local pages.</summary>
public sealed class CultureTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task LoginPage_WithoutCookie_IsChinese()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("用户名", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureSwitch_ToEnglish_SetsCookieAndShellTurnsEnglish()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture?c=en&redirect=%2Faccount%2Flogin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("User name", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task CultureSwitch_ForeignRedirect_GoesHome(string redirect)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture?c=en&redirect={Uri.EscapeDataString(redirect)}");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
