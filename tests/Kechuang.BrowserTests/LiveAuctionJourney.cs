using System.Diagnostics;
using System.Text.Json;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A live auction seen by two viewers: the county bureau sets up a session with one lot and two
/// enterprise bidders through the API, a bid arrives and both open lot pages show the new price
/// without reloading; after the close the public results page shows the hammer price.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class LiveAuctionJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    private const string BidderA = "浙江寿仙谷医药股份有限公司"; // demo account shouxiangu
    private const string BidderB = "武义县恒达电动工具有限公司"; // an account is created below

    [Fact]
    public async Task TwoViewers_SeeANewBidWithinTwoSeconds_ResultsPublishedAfterClose()
    {
        using var staff = await Api.ClientAsync(_app, "wuyi.staff");
        var achievements = await Api.GetAsync(staff, "/api/v1/achievements?status=listed&pageSize=50");
        var achievement = achievements.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("ownerName").GetString() is not (BidderA or BidderB));
        var organizationA = await OrganizationIdAsync(staff, BidderA);
        var organizationB = await OrganizationIdAsync(staff, BidderB);

        // Bidder B's enterprise account (the admin creates it ready to use).
        using (var admin = await Api.ClientAsync(_app, "admin"))
        {
            await Api.PostAsync(admin, "/api/v1/admin/users", new
            {
                userName = "hengda.bidder",
                password = BrowserApp.Password,
                displayName = "恒达电动工具 竞买人",
                role = "enterprise",
                regionCode = "330723101",
                organizationId = organizationB,
                mustChangePassword = false,
            });
        }

        // Lots can only be added before the session starts: start in a few seconds, end half a minute on.
        var startsAt = DateTime.UtcNow.AddSeconds(4);
        var auctionId = (await Api.PostAsync(staff, "/api/v1/auctions", new
        {
            title = "武义县科技成果竞价（浏览器测试专场）",
            organizer = "武义县科学技术局",
            regionCode = "330723",
            startsAt,
            endsAt = startsAt.AddSeconds(36),
            softCloseSeconds = 0,
            depositRequired = true,
            deposit = 50_000m,
        })).GetProperty("id").GetGuid();
        var lotId = (await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/lots", new
        {
            achievementId = achievement.GetProperty("id").GetGuid(),
            startingPrice = 1_000_000m,
            increment = 50_000m,
        })).GetProperty("id").GetGuid();
        foreach (var organizationId in new[] { organizationA, organizationB })
        {
            var bidderId = (await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/bidders", new { organizationId, depositPaid = false }))
                .GetProperty("id").GetGuid();
            await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/bidders/{bidderId}/confirm-deposit");
        }
        var bidders = await Api.GetAsync(staff, $"/api/v1/auctions/{auctionId}/bidders");
        Assert.Equal(2, bidders.GetProperty("items").EnumerateArray().Count(b => b.GetProperty("depositPaid").GetBoolean()));

        // Two anonymous viewers, each in its own browser context, with the live connection up.
        var viewerA = await _app.NewPageAsync();
        var viewerB = await _app.NewPageAsync();
        foreach (var viewer in new[] { viewerA, viewerB })
        {
            await Journey.GoInteractiveAsync(viewer, $"/market/lots/{lotId}");
            await viewer.Locator("#live-state", new PageLocatorOptions { HasText = "实时连接正常" }).WaitForAsync();
            Assert.Equal("暂无出价", (await viewer.Locator("#current-price").InnerTextAsync()).Trim());
        }

        var wait = startsAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        using var bidderA = await Api.ClientAsync(_app, "shouxiangu");
        using var bidderB = await Api.ClientAsync(_app, "hengda.bidder");
        await BidAndWatchAsync(bidderA, lotId, 1_000_000m, "100万元", viewerA, viewerB);
        // The leader is shown by masked bidder number (竞买号), never by name.
        var leaderA = (await viewerB.Locator("#leader").InnerTextAsync()).Trim();
        Assert.Contains("**", leaderA, StringComparison.Ordinal);
        Assert.DoesNotContain(BidderA, await viewerB.Locator(".mk-live").InnerTextAsync(), StringComparison.Ordinal);
        await BidAndWatchAsync(bidderB, lotId, 1_050_000m, "105万元", viewerA, viewerB);
        var leaderB = (await viewerA.Locator("#leader").InnerTextAsync()).Trim();
        Assert.Contains("**", leaderB, StringComparison.Ordinal);
        Assert.NotEqual(leaderA, leaderB);
        Assert.Equal(2, await viewerA.Locator("#history tbody tr").CountAsync());
        await Journey.ScreenshotAsync(viewerA, "60-live-lot-viewer-a");
        await Journey.ScreenshotAsync(viewerB, "61-live-lot-viewer-b");

        // After the end: close the due lot, publish, and the public results page shows the sale.
        var lot = await Api.GetAsync(staff, $"/api/v1/lots/{lotId}");
        var endsAt = lot.GetProperty("endsAt").GetDateTime().ToUniversalTime();
        var untilEnd = endsAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(500);
        if (untilEnd > TimeSpan.Zero)
        {
            await Task.Delay(untilEnd);
        }
        await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/close");
        await Api.PostAsync(staff, $"/api/v1/auctions/{auctionId}/publish-results");
        await Journey.GoInteractiveAsync(viewerA, $"/market/auctions/{auctionId}/results");
        await viewerA.Locator("#sold-count", new PageLocatorOptions { HasText = "1 项" }).WaitForAsync();
        Assert.Contains("105万元", await viewerA.Locator("#hammer-total").InnerTextAsync(), StringComparison.Ordinal);
        // The published results name the buyer (the winning enterprise).
        await viewerA.Locator("tr", new PageLocatorOptions { HasText = BidderB }).WaitForAsync();
        await Journey.ScreenshotAsync(viewerA, "62-auction-results");
        await Journey.EndAsync(viewerA);
        await Journey.EndAsync(viewerB);
    }

    /// <summary>Places a bid through the API and measures until both pages show the new price (no reload).</summary>
    private static async Task BidAndWatchAsync(HttpClient bidder, Guid lotId, decimal amount, string shown, params IPage[] viewers)
    {
        var clock = Stopwatch.StartNew();
        var accepted = await Api.PostAsync(bidder, $"/api/v1/lots/{lotId}/bids", new { amount, idempotencyKey = Guid.NewGuid().ToString() });
        Assert.Equal(amount, accepted.GetProperty("price").GetDecimal());
        await Task.WhenAll(viewers.Select(v => v.Locator("#current-price", new PageLocatorOptions { HasText = shown })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 })));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the pages showed {shown} after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private static async Task<Guid> OrganizationIdAsync(HttpClient client, string name)
    {
        var found = await Api.GetAsync(client, $"/api/v1/organizations?q={Uri.EscapeDataString(name)}");
        return found.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }
}
