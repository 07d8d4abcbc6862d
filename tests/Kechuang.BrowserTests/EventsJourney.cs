using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk finds the theme event 五彩尝鲜 of 2022 (S12), reads its two press reports on its detail page and
/// records a third for it from there; the media reports of 2022 kept to newspapers; the lists, the event and the
/// form also on a phone. It adds a report, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class EventsJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_FindTheThemeEvent_AndRecordAMediaReportForIt()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/events?year=2022");
        await page.Locator("#events-search").FillAsync("五彩尝鲜");
        await page.Locator("#events-search").PressAsync("Enter");
        var row = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "五彩尝鲜，科技助力共富生活" });
        await row.WaitForAsync();
        Assert.Contains("共 1 场活动", await page.Locator("#events").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2 篇", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "events-01-theme-events");

        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/events/", StringComparison.Ordinal) && !url.EndsWith("/events", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        var reports = page.Locator("#event-reports");
        await reports.Locator("h2", new LocatorLocatorOptions { HasText = "媒体报道（2 篇）" }).WaitForAsync();
        Assert.Contains("钱江晚报", await reports.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("科技金融时报", await reports.InnerTextAsync(), StringComparison.Ordinal);
        // The descriptions lay out their items a render after the items registered: wait for the day, do not read at once.
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "2022-08-06" }).WaitForAsync();
        var eventUrl = page.Url;
        await Journey.ScreenshotAsync(page, "events-02-theme-event");

        await page.Locator("#new-report").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/events/media-reports/new?eventId=", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Contains("五彩尝鲜", await page.Locator("#eventId").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#title").FillAsync("武义“五彩尝鲜”活动让农户尝到科技甜头");
        await page.Locator("#outlet").FillAsync("金华电视台");
        await Journey.ChooseAsync(page, "#medium", "电视");
        await Journey.TypeDateAsync(page, page.Locator("input#publishedOn, #publishedOn input").First, "2022-08-08");
        await Journey.ScreenshotAsync(page, "events-03-media-report-form");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "金华电视台" }).WaitForAsync();
        var saved = await page.Locator(".ant-descriptions").InnerTextAsync();
        Assert.Contains("金华电视台", saved, StringComparison.Ordinal);
        Assert.Contains("2022-08-08", saved, StringComparison.Ordinal);
        Assert.Contains("五彩尝鲜，科技助力共富生活", saved, StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "events-04-media-report-saved");

        await Journey.GoInteractiveAsync(page, eventUrl);
        await reports.Locator("h2", new LocatorLocatorOptions { HasText = "媒体报道（3 篇）" }).WaitForAsync();
        Assert.Contains("金华电视台", await reports.InnerTextAsync(), StringComparison.Ordinal);

        await Journey.GoInteractiveAsync(page, "/events/media-reports?year=2022&medium=newspaper");
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "金华日报" }).WaitForAsync();
        var list = await page.Locator("#media-reports").InnerTextAsync();
        Assert.Contains("共 3 篇报道", list, StringComparison.Ordinal);
        Assert.DoesNotContain("金华电视台", list, StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "events-05-newspaper-reports-2022");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        foreach (var (url, name) in new[]
        {
            ("/events", "events-06-phone-theme-events"), (new Uri(eventUrl).PathAndQuery, "events-07-phone-theme-event"),
            ("/events/media-reports?year=2022", "events-08-phone-media-reports"), ("/events/media-reports/new", "events-09-phone-media-report-form"),
        })
        {
            await Journey.GoInteractiveAsync(phone, url);
            await phone.Locator("h1").WaitForAsync();
            await Phone.AssertNoHorizontalOverflowAsync(phone, url);
            await Journey.ScreenshotAsync(phone, name);
        }
        await Journey.EndAsync(phone);
    }
}
