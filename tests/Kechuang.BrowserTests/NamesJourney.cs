using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A Wuyi clerk whose browser is set to English: regions are picked and read by name, industries by name,
/// and dates are entered and shown as yyyy-MM-dd, not in the browser's 01/08/1997 form (docs/ui.md).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class NamesJourney(BrowserApp app)
{
    [Fact]
    public async Task CountyStaff_EnglishBrowser_PicksTownByName_AndEntersDatesAsYearMonthDay()
    {
        var page = await EnglishPageAsync();
        var name = "武义测试名称众创空间";
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/carriers/new");
        // The prerendered form is replaced once the circuit has loaded it again; the cascader's accessible name is set
        // only by the live component, so its presence says typing will not be lost.
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("#name").FillAsync(name);
        await Journey.ChooseAsync(page, "#kind", "众创空间");
        // The county account's own county is chosen already; the town is picked by its name in the cascader.
        var region = page.Locator("#regionCode");
        await ShowsAsync("浙江省 / 金华市 / 武义县", () => region.Locator(".ant-select-selection-item").InnerTextAsync());
        Assert.Equal("所在行政区划", await region.Locator("input").GetAttributeAsync("aria-label"));
        await region.ClickAsync();
        await page.Locator(".ant-cascader-menu-item", new PageLocatorOptions { HasText = "桐琴镇" }).ClickAsync();
        await ShowsAsync("浙江省 / 金华市 / 武义县 / 桐琴镇", () => region.Locator(".ant-select-selection-item").InnerTextAsync());

        await Journey.ScreenshotAsync(page, "80-names-carrier-form");

        // The day is typed key by key as yyyy-MM-dd and Enter both takes it and submits the form: the saved carrier has it.
        var opened = page.Locator("input#openedOn, #openedOn input").First;
        await opened.ClickAsync();
        await opened.PressSequentiallyAsync("2024-05-06");
        await opened.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("saved=1", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        var details = page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "桐琴镇" });
        await details.WaitForAsync();
        var text = await details.InnerTextAsync();
        Assert.Contains("浙江省 / 金华市 / 武义县 / 桐琴镇", text, StringComparison.Ordinal);
        Assert.Contains("2024-05-06", text, StringComparison.Ordinal);
        Assert.DoesNotContain("05/06/2024", text, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".kc-region[title='330723101']").CountAsync());
        await Journey.ScreenshotAsync(page, "81-names-carrier-detail");

        // Opened again for editing in the English browser, the day still reads yyyy-MM-dd.
        var carrierId = page.Url.Split('/', '?')[4];
        await Journey.GoInteractiveAsync(page, $"/carriers/{carrierId}/edit");
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var reopened = page.Locator("input#openedOn, #openedOn input").First;
        await ShowsAsync("2024-05-06", () => reopened.InputValueAsync());
        await ShowsAsync("浙江省 / 金华市 / 武义县 / 桐琴镇", () => page.Locator("#regionCode .ant-select-selection-item").InnerTextAsync());

        // Another day typed over it and 保存 clicked straight away (the box loses focus to the button): that day is saved.
        await reopened.ClickAsync();
        await reopened.PressAsync("Control+A");
        await reopened.PressSequentiallyAsync("2016-05-18");
        await Journey.SaveAsync(page);
        var edited = page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "2016-05-18" });
        await edited.WaitForAsync();
        Assert.DoesNotContain("2024-05-06", await edited.InnerTextAsync(), StringComparison.Ordinal);

        // What was saved is the town's code, whatever the page showed.
        var staff = await Api.ClientAsync(app, "wuyi.staff");
        var carriers = await Api.GetAsync(staff, "/api/v1/carriers?q=" + Uri.EscapeDataString(name));
        Assert.Equal("330723101", carriers.GetProperty("items")[0].GetProperty("regionCode").GetString());
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task CountyStaff_EnglishBrowser_TypesAuctionTimesAsYearMonthDayHourMinute()
    {
        var page = await EnglishPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/market/auctions/new");
        await page.Locator("#region input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await page.Locator("#title").FillAsync("武义测试键入时间拍卖会");
        // Both times typed key by key; 保存 clicked straight after the second (its box loses focus to the button).
        var starts = page.Locator("input#starts, #starts input").First;
        await Journey.TypeDateAsync(page, starts, "2030-06-01 09:30");
        var ends = page.Locator("input#ends, #ends input").First;
        await ends.ClickAsync();
        await ends.PressSequentiallyAsync("2030-06-01 11:00");
        await page.Locator("button", new PageLocatorOptions { HasText = "保存" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/market/auctions/[0-9a-f-]{36}/manage$"), new PageWaitForURLOptions { Timeout = 30_000 });
        var id = page.Url.Split('/')[^2];
        await Journey.GoInteractiveAsync(page, $"/market/auctions/{id}");
        var times = page.Locator(".mk-form-grid span.kc-muted:text-is('竞价时间') + span");
        await ShowsAsync("2030-06-01 09:30:00 至 2030-06-01 11:00:00（北京时间）", () => times.InnerTextAsync());
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task CountyStaff_ReadsRegionsAndIndustriesByName()
    {
        var page = await EnglishPageAsync();
        var staff = await Api.ClientAsync(app, "wuyi.staff");
        var organization = await Api.PostAsync(staff, "/api/v1/organizations", new
        {
            name = "武义测试厨具名称有限公司",
            kind = "enterprise",
            creditCode = Kechuang.Platform.Demo.DemoCodes.CreditCode("330723", 8_800_501),
            regionCode = "330723101",
        });
        var id = organization.GetProperty("id").GetString();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, $"/directory/organizations/{id}");
        var details = page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "桐琴镇" });
        await details.WaitForAsync();
        Assert.Contains("浙江省 / 金华市 / 武义县 / 桐琴镇", await details.InnerTextAsync(), StringComparison.Ordinal);

        await Journey.GoInteractiveAsync(page, "/indicators/targets?year=2022");
        var firstRegion = page.Locator("#targets tbody tr td:first-child").First;
        await firstRegion.WaitForAsync();
        Assert.DoesNotMatch("^[0-9]+$", (await firstRegion.InnerTextAsync()).Trim());
        Assert.Equal("地区", await page.Locator("#filter-region input").GetAttributeAsync("aria-label"));
        await Journey.ScreenshotAsync(page, "82-names-targets");

        await Journey.GoInteractiveAsync(page, "/enterprises/evaluate");
        var industry = page.Locator("#sme-industry");
        // Typing into the prerendered form before the circuit has loaded it again is lost (see above).
        await page.Locator("#sme-industry input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal("所属行业", await industry.Locator("input").GetAttributeAsync("aria-label"));
        await industry.ClickAsync();
        foreach (var level in new[] { "制造业", "金属制品业", "金属制日用品制造", "金属制厨房用器具制造" })
        {
            await page.Locator(".ant-cascader-menu-item[title='" + level + "']").ClickAsync();
        }
        await page.Locator(".kc-industry-chosen", new PageLocatorOptions { HasText = "C3381 金属制厨房用器具制造" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "83-names-industry-picker");
        await Journey.EndAsync(page);
    }

    /// <summary>Each step is a round trip over the circuit: read until the page shows the text (or fail with what it showed).</summary>
    private static async Task ShowsAsync(string expected, Func<Task<string>> read)
    {
        var shown = "";
        for (var attempt = 0; attempt < 40; attempt++)
        {
            shown = (await read()).Trim();
            if (shown == expected)
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Equal(expected, shown);
    }

    /// <summary>A page in a browser whose language is American English (the shell stays Chinese: only the culture cookie switches it).</summary>
    private Task<IPage> EnglishPageAsync() => app.NewPageAsync(o => o.Locale = "en-US");
}
