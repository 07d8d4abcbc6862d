using System.Net.Http.Json;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// An open page (a live Blazor circuit) stops serving its account the moment an administrator changes the
/// account's role: the next click (once the circuit's brief reuse of its last check has passed) runs nothing and leads to the sign-in page, which says why.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class SessionRevocationJourney(BrowserApp app)
{
    [Fact]
    public async Task OpenPage_AfterAdministratorChangesTheRole_EndsAtNextClick()
    {
        var userName = $"revoke{Guid.NewGuid():N}"[..14];
        using var admin = await Api.ClientAsync(app, "admin");
        var id = (await Api.PostAsync(admin, "/api/v1/admin/users", new
        {
            userName,
            password = BrowserApp.Password,
            displayName = "会话撤销测试",
            role = "county-staff",
            regionCode = "330723",
            mustChangePassword = false,
        })).GetProperty("id").GetGuid();
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, userName);
        await Journey.GoInteractiveAsync(page, "/directory/organizations");

        var changed = await admin.PutAsJsonAsync($"api/v1/admin/users/{id}", new
        {
            userName,
            displayName = "会话撤销测试",
            role = "expert",
            regionCode = "330723",
        });
        Assert.True(changed.IsSuccessStatusCode, $"{(int)changed.StatusCode}");
        // A circuit may act on its last "still current" answer for a moment; the next operation after that asks again.
        await Task.Delay(Kechuang.Platform.Access.SessionCheck.CircuitReuse + TimeSpan.FromMilliseconds(500));
        // Typing is already an operation of the circuit: the page may leave before Enter is pressed.
        await page.Locator("#organization-search").FillAsync("寿仙谷");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("signedOut=revoked", StringComparison.Ordinal));
        await page.Locator(".ant-alert-warning", new PageLocatorOptions { HasText = "请重新登录" }).WaitForAsync();
        var again = await page.GotoAsync("/directory/organizations");
        Assert.NotNull(again);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await Journey.EndAsync(page);
    }
}
