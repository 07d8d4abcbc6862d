using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// An administrator's first sign-in enrols the second factor: the page shows a QR code drawn by the server and the
/// secret as text; a code from the app enrols and signs in. The next sign-in asks for a code after the password.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class SecondFactorJourney(BrowserApp app)
{
    [Fact]
    public async Task SecurityAdministrator_EnrolsWithTheQrCode_ThenSignsInWithTheAppsCode()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync("security");
        await page.Locator("#password").FillAsync(BrowserApp.Password);
        await page.Locator("button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/account/second-factor", StringComparison.Ordinal));
        var qr = page.Locator("#totp-qr");
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "the QR code is drawn");
        await Journey.ScreenshotAsync(page, "16-second-factor-enrol");
        await SecondFactorSteps.CompleteSignInAsync(page, "security");
        Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
        await Journey.SignOutAsync(page);

        await page.Locator("#userName").FillAsync("security");
        await page.Locator("#password").FillAsync(BrowserApp.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/second-factor", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("#totp-qr").CountAsync());
        await Journey.ScreenshotAsync(page, "17-second-factor-code");
        await SecondFactorSteps.CompleteSignInAsync(page, "security");

        Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
        await Journey.GoInteractiveAsync(page, "/admin/accounts");
        await page.Locator("#account-search").WaitForAsync();
        await Journey.EndAsync(page);
    }
}
