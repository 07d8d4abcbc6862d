using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// Two enterprise bidders, each signed in in its own browser context, bid on the live lot page: each sees the
/// other's bid appear without reloading, and a bid in the last seconds (soft close) moves the end later on both
/// pages, with the countdown running on from the new end.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class LiveBiddersJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private const string BidderA = "浙江寿仙谷医药股份有限公司"; // demo account shouxiangu
    private const string BidderB = "武义县恒达电动工具有限公司"; // an account is created below
    private const int SoftCloseSeconds = 30;

    // Thirty seconds before the soft-close window: room for two bids outside it even on a busy machine.
    private const int LotSeconds = 60;

    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task TwoBidders_SeeEachOthersBidsLive_AndALateBidExtendsTheCountdown()
    {
        using var staff = await Api.ClientAsync(_app, "wuyi.staff");
        var achievements = await Api.GetAsync(staff, "/api/v1/achievements?status=listed&pageSize=50");
        var achievement = achievements.GetProperty("items").EnumerateArray().First();
        var organizationA = await OrganizationIdAsync(staff, BidderA);
        var organizationB = await OrganizationIdAsync(staff, BidderB);
        using (var admin = await Api.ClientAsync(_app, "admin"))
        {
            await Api.PostAsync(admin, "/api/v1/admin/users", new
            {
                userName = "hengda.live",
                password = BrowserApp.Password,
                displayName = "恒达电动工具 竞买人",
                role = "enterprise",
                regionCode = "330723101",
                organizationId = organizationB,
                mustChangePassword = false,
            });
        }

        // Bidding opens in a few seconds and the lot ends 60 s later; the last 30 s are the soft-close window.
        var startsAt = DateTime.UtcNow.AddSeconds(8);
        var auctionId = (await Api.PostAsync(staff, "/api/v1/auctions", new
        {
            title = "武义县科技成果竞价（延时竞价演示）",
            organizer = "武义县科学技术局",
            regionCode = "330723",
            startsAt,
            endsAt = startsAt.AddSeconds(LotSeconds),
            softCloseSeconds = SoftCloseSeconds,
            depositRequired = true,
            deposit = 50_000m,
        })).GetProperty("id").GetGuid();
        var lotId = (await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/lots", new
        {
            achievementId = achievement.GetProperty("id").GetGuid(),
            startingPrice = 800_000m,
            increment = 20_000m,
        })).GetProperty("id").GetGuid();
        foreach (var organizationId in new[] { organizationA, organizationB })
        {
            await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/bidders", new { organizationId, depositPaid = true });
        }

        // Each bidder in its own browser context (own cookies), on the live lot page with the live connection up.
        var pageA = await _app.NewPageAsync();
        var pageB = await _app.NewPageAsync();
        await Journey.SignInAsync(pageA, "shouxiangu");
        await Journey.SignInAsync(pageB, "hengda.live");
        foreach (var page in new[] { pageA, pageB })
        {
            await Journey.GoInteractiveAsync(page, $"/market/lots/{lotId}");
            await page.Locator("#live-state", new PageLocatorOptions { HasText = "实时连接正常" }).WaitForAsync();
        }
        var wait = startsAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var scheduledEnd = (await pageA.Locator("#ends-at").InnerTextAsync()).Trim();

        // A bids on its page; B's page shows it without reloading. Then B outbids on its page and A sees that.
        await BidOnPageAsync(pageA, 800_000m);
        await pageB.Locator("#current-price", new PageLocatorOptions { HasText = "80万元" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 });
        await Journey.ScreenshotAsync(pageB, "63-bidder-b-sees-bid-of-a");
        await BidOnPageAsync(pageB, 820_000m);
        await pageA.Locator("#current-price", new PageLocatorOptions { HasText = "82万元" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 });
        Assert.Equal(2, await pageA.Locator("#history tbody tr").CountAsync());
        Assert.Equal(scheduledEnd, (await pageA.Locator("#ends-at").InnerTextAsync()).Trim()); // outside the window: no extension
        Assert.Equal(0, await pageA.Locator("#extended").CountAsync());
        // A's own success message does not linger once B has outbid it.
        await pageA.Locator("#bid-message", new PageLocatorOptions { HasText = "已被超过" }).WaitForAsync();
        await Journey.ScreenshotAsync(pageA, "64-bidder-a-sees-bid-of-b");

        // Into the last 30 s: A's next bid moves the end to receive time + 30 s on both pages.
        var intoWindow = startsAt.AddSeconds(LotSeconds - SoftCloseSeconds + 4) - DateTime.UtcNow;
        if (intoWindow > TimeSpan.Zero)
        {
            await Task.Delay(intoWindow);
        }
        var before = await CountdownSecondsAsync(pageB);
        Assert.InRange(before, 1, SoftCloseSeconds - 1);
        await BidOnPageAsync(pageA, 840_000m);
        foreach (var page in new[] { pageA, pageB })
        {
            await page.Locator("#current-price", new PageLocatorOptions { HasText = "84万元" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 });
            await page.Locator("#extended").WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 });
            Assert.NotEqual(scheduledEnd, (await page.Locator("#ends-at").InnerTextAsync()).Trim());
        }
        var after = await CountdownSecondsAsync(pageB);
        Assert.True(after > before + 2 && after <= SoftCloseSeconds, $"countdown {before} s before the late bid, {after} s after");
        var lot = await Api.GetAsync(staff, $"/api/v1/lots/{lotId}");
        var bids = await Api.GetAsync(staff, $"/api/v1/lots/{lotId}/bids");
        var lastReceived = bids.GetProperty("items")[2].GetProperty("receivedAt").GetDateTime().ToUniversalTime();
        Assert.Equal(lastReceived.AddSeconds(SoftCloseSeconds), lot.GetProperty("endsAt").GetDateTime().ToUniversalTime());
        // The countdown keeps running down from the new end.
        await pageB.WaitForTimeoutAsync(2_100);
        Assert.InRange(await CountdownSecondsAsync(pageB), after - 4, after - 1);
        await Journey.ScreenshotAsync(pageB, "65-soft-close-extended");
        await Journey.EndAsync(pageA);
        await Journey.EndAsync(pageB);
    }

    private static async Task BidOnPageAsync(IPage page, decimal amount)
    {
        await page.Locator("#bid-amount").FillAsync(amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#bid-submit").ClickAsync();
        await page.Locator("#bid-message", new PageLocatorOptions { HasText = "出价成功" }).WaitForAsync();
    }

    /// <summary>Reads the countdown (mm:ss) in seconds.</summary>
    private static async Task<int> CountdownSecondsAsync(IPage page)
    {
        var text = (await page.Locator("#countdown").InnerTextAsync()).Trim();
        var parts = text.Split(':');
        return (int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture) * 60) + int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Guid> OrganizationIdAsync(HttpClient client, string name)
    {
        var found = await Api.GetAsync(client, $"/api/v1/organizations?q={Uri.EscapeDataString(name)}");
        return found.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }
}
