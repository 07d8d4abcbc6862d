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
        // Fast-forwarding the page's clock by half an hour skips the server's keep-alive messages the live connection
        // would have received meanwhile, so its client gives up on the server; a page really left open keeps them.
        Journey.ExpectError(page, "Server timeout elapsed without receiving a message from the server");
        Journey.ExpectError(page, "Cannot send data if the connection is not in the 'Connected' State");
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
        await Journey.EndAsync(page);
    }
}
