using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk's home page for 2023 shows the 建议办理 figures (武35号 and 武12号 received, 武35号 answered on time,
/// met and 满意), and the 满意率 card opens the one suggestion it is taken over; the same figures fit a phone.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class SuggestionsHomeJourney(BrowserApp app)
{
    [Fact]
    public async Task Staff_SeeTheYearsSuggestionFigures_AndFollowOneToItsRecords()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/?year=2023");
        var received = page.Locator(".kc-figure-card", new PageLocatorOptions { HasText = "收到代表建议" });
        await received.WaitForAsync();
        Assert.Contains("2件", (await received.InnerTextAsync()).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var satisfaction = page.Locator(".kc-figure-card", new PageLocatorOptions { HasText = "代表满意率（含基本满意）" });
        Assert.Contains("100%", (await satisfaction.InnerTextAsync()).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await satisfaction.ScrollIntoViewIfNeededAsync();
        await Journey.ScreenshotAsync(page, "suggestions-20-home-figures");

        await satisfaction.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("evaluatedYear=2023", StringComparison.Ordinal));
        await page.Locator("#suggestions", new PageLocatorOptions { HasText = "共 1 件建议" }).WaitForAsync();
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "武35号" }).WaitForAsync();
        Assert.Equal("只列出代表于2023年反馈意见的建议", (await page.Locator("#counted-note").InnerTextAsync()).Trim());
        await Journey.ScreenshotAsync(page, "suggestions-21-satisfaction-records");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        await Journey.GoInteractiveAsync(phone, "/?year=2023");
        var card = phone.Locator(".kc-figure-card", new PageLocatorOptions { HasText = "建议面商率" });
        await card.WaitForAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "home 2023");
        await card.ScrollIntoViewIfNeededAsync();
        await Journey.ScreenshotAsync(phone, "suggestions-22-home-phone");
        await Journey.EndAsync(phone);
    }
}
