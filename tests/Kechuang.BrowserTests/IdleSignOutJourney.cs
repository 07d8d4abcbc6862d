using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>An open page with no mouse or keyboard activity for 30 minutes signs itself out (wwwroot/js/idle.js).</summary>
[Collection(BrowserJourneys.Name)]
public sealed class IdleSignOutJourney(BrowserApp app)
{
    [Fact]
    public async Task OpenPage_IdleForThirtyMinutes_IsSignedOut()
    {
        var page = await app.NewPageAsync();
        await page.Clock.InstallAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/directory/organizations");

        await page.Clock.FastForwardAsync("29:00");
        await page.WaitForTimeoutAsync(500);
        Assert.Contains("/directory/organizations", page.Url, StringComparison.Ordinal);

        await page.Clock.FastForwardAsync("01:30");
        await page.WaitForURLAsync(url => url.Contains("signedOut=idle", StringComparison.Ordinal));
        await page.Locator(".ant-alert-warning", new PageLocatorOptions { HasText = "30分钟无操作" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "30-idle-signed-out");

        var response = await page.GotoAsync("/directory/organizations");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
        await page.Context.CloseAsync();
    }
}
