using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// City staff compare the counties' 2022 技术交易额: each row has its 全年预计 (for a past year, the actual: 武义县's
/// 8.29亿元); the table fits a phone by scrolling inside its box.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class RegionCompareJourney(BrowserApp app)
{
    private const string Url = "/indicators/compare?indicator=contracts.transaction-amount&year=2022&regionCode=330700";

    [Fact]
    public async Task City_SeesEachCountysForecast_OnDesktopAndPhone()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "city.staff");
        await Journey.GoInteractiveAsync(page, Url);
        var wuyi = page.Locator("#compare-table tr[data-region='330723']");
        await wuyi.WaitForAsync();
        Assert.Contains("全年预计", await page.Locator("#compare-table thead").InnerTextAsync(), StringComparison.Ordinal);
        var cells = await wuyi.Locator("td").AllInnerTextsAsync();
        Assert.Equal(cells[1], cells[4]);
        Assert.Equal("8.29亿元", cells[4]);
        await Journey.ScreenshotAsync(page, "compare-01-forecast");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(app);
        await Journey.SignInAsync(phone, "city.staff");
        await Journey.GoInteractiveAsync(phone, Url);
        await phone.Locator("#compare-table tr[data-region='330723']").WaitForAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "region comparison");
        await Journey.ScreenshotAsync(phone, "compare-02-phone");
        await Journey.EndAsync(phone);
    }
}
