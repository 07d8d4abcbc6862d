using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>Chinese by default; the header switch turns the shell into English and back.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class LanguageSwitchJourney(BrowserApp app)
{
    [Fact]
    public async Task Shell_SwitchedToEnglish_ShowsEnglishMenuAndBackToChinese()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "city.staff");
        await Journey.WaitInteractiveAsync(page);
        Assert.Equal("退出登录", (await page.Locator("#sign-out").InnerTextAsync()).Trim());
        Assert.Contains("数据范围：金华市（全市）", await page.Locator("#data-scope").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#language-switch").ClickAsync();
        await page.Locator("#sign-out", new PageLocatorOptions { HasText = "Sign out" }).WaitForAsync();
        await Journey.WaitInteractiveAsync(page);
        Assert.Contains("Organisations", await page.Locator("#main-menu").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Journey.ScreenshotAsync(page, "40-english-home");

        await page.Locator("#language-switch").ClickAsync();
        await page.Locator("#sign-out", new PageLocatorOptions { HasText = "退出登录" }).WaitForAsync();
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await Journey.EndAsync(page);
    }
}
