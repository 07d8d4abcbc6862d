using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// The county bureau prepares and finishes sessions on the manage page: it adds a lot, registers one bidder with the
/// deposit in and one without, confirms the second deposit; on a session whose lot has ended it closes the due lots and
/// publishes the results, which the public results page then shows.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class AuctionManageJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private const string BidderA = "浙江寿仙谷医药股份有限公司";
    private const string BidderB = "武义县恒达电动工具有限公司";

    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_AddsALotAndBidders_ThenClosesAndPublishesAnEndedSession()
    {
        using var staff = await Api.ClientAsync(_app, "wuyi.staff");
        var listed = (await Api.GetAsync(staff, "/api/v1/achievements?status=listed&pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        var creditA = await CreditCodeAsync(staff, BidderA);
        var creditB = await CreditCodeAsync(staff, BidderB);
        var tomorrow = DateTime.UtcNow.AddDays(1);
        var upcoming = (await Api.PostAsync(staff, "/api/v1/auctions", new
        {
            title = "武义县科技成果竞价（筹备测试专场）",
            regionCode = "330723",
            startsAt = tomorrow,
            endsAt = tomorrow.AddHours(2),
        })).GetProperty("id").GetGuid();
        // A session whose only lot ends a few seconds from now (lots are added before bidding starts).
        var startsAt = DateTime.UtcNow.AddSeconds(3);
        var ending = (await Api.PostAsync(staff, "/api/v1/auctions", new
        {
            title = "武义县科技成果竞价（结果发布测试专场）",
            regionCode = "330723",
            startsAt,
            endsAt = startsAt.AddSeconds(3),
            softCloseSeconds = 0,
        })).GetProperty("id").GetGuid();
        await Api.PostAsync(staff, $"/api/v1/auctions/{ending}/lots", new
        {
            achievementId = listed[1].GetProperty("id").GetGuid(),
            startingPrice = 200_000m,
            increment = 10_000m,
        });

        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, $"/market/auctions/{upcoming}/manage");
        var title = listed[0].GetProperty("title").GetString()!;
        await page.Locator("#lot-achievement").SelectOptionAsync(listed[0].GetProperty("id").GetGuid().ToString());
        await page.Locator("#lot-start").FillAsync("500000");
        await page.Locator("#lot-increment").FillAsync("20000");
        await page.Locator("#lot-add").ClickAsync();
        await page.Locator("#manage-message", new PageLocatorOptions { HasText = "标的已添加" }).WaitForAsync();
        await page.Locator("#lots tr", new PageLocatorOptions { HasText = title }).WaitForAsync();

        await page.Locator("#bidder-credit-code").FillAsync(creditA);
        await page.Locator("#bidder-deposit").CheckAsync();
        await page.Locator("#bidder-register").ClickAsync();
        await page.Locator("#manage-message", new PageLocatorOptions { HasText = "竞买人已登记" }).WaitForAsync();
        await page.Locator("#bidder-credit-code").FillAsync(creditB.ToLowerInvariant());
        await page.Locator("#bidder-deposit").UncheckAsync();
        await page.Locator("#bidder-register").ClickAsync();
        var rowB = page.Locator("#bidders tr", new PageLocatorOptions { HasText = BidderB });
        await rowB.Locator("text=未确认").WaitForAsync();
        await rowB.Locator("button", new LocatorLocatorOptions { HasText = "确认保证金到账" }).ClickAsync();
        await page.Locator("#manage-message", new PageLocatorOptions { HasText = "保证金已确认" }).WaitForAsync();
        Assert.Equal(2, await page.Locator("#bidders tbody tr", new PageLocatorOptions { HasText = "已确认" }).CountAsync());
        // Registering the same enterprise twice is refused with the rule's message.
        await page.Locator("#bidder-credit-code").FillAsync(creditA);
        await page.Locator("#bidder-register").ClickAsync();
        await page.Locator("#manage-message.mk-error", new PageLocatorOptions { HasText = "已登记为本场竞买人" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "68-auction-manage");

        var untilEnd = startsAt.AddSeconds(3) - DateTime.UtcNow + TimeSpan.FromMilliseconds(500);
        if (untilEnd > TimeSpan.Zero)
        {
            await Task.Delay(untilEnd);
        }
        await Journey.GoInteractiveAsync(page, $"/market/auctions/{ending}/manage");
        await page.Locator("#close-due").ClickAsync();
        await page.Locator("#manage-message", new PageLocatorOptions { HasText = "到期标的已结束" }).WaitForAsync();
        await page.Locator("#publish").ClickAsync();
        await page.Locator("#manage-message", new PageLocatorOptions { HasText = "拍卖结果已发布" }).WaitForAsync();
        await Journey.GoInteractiveAsync(page, $"/market/auctions/{ending}/results");
        await page.Locator("#sold-count", new PageLocatorOptions { HasText = "0 项" }).WaitForAsync();
        await Journey.EndAsync(page);
    }

    private static async Task<string> CreditCodeAsync(HttpClient client, string name)
    {
        var found = await Api.GetAsync(client, $"/api/v1/organizations?q={Uri.EscapeDataString(name)}");
        return found.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("creditCode").GetString()!;
    }
}
