using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A county clerk on a phone (390×844) records a commissioner's training from the field: one short form (commissioner,
/// kind, day, the training's fields), saved without sideways panning; then a pairing visit, which the served farmer
/// confirms on their own phone from the QR code's link (the code typed in afterwards is refused as used); the
/// commissioner's page then shows both and the year's scorecard.
/// It adds records, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class CommissionerJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_OnPhone_RecordsATraining_AndAVisitTheFarmerConfirmsByLink()
    {
        var page = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/commissioners/services/new");
        await page.Locator("#servedOn").WaitForAsync();
        await Journey.ChooseAsync(page, "#commissionerId", "周丽娟", typeFirst: "周丽娟");
        // The training's fields are the form's: place, topic, trainees and the sign-in note.
        await page.Locator("#trainees").WaitForAsync();
        Assert.Equal(0, await page.Locator("#servedName").CountAsync());
        await RetypeDateAsync(page, "2023-06-20");
        await page.Locator("#place").FillAsync("柳城畲族镇文化礼堂");
        await page.Locator("#topic").FillAsync("夏秋茶园管理技术培训");
        await page.Locator("#trainees").FillAsync("26");
        await page.Locator("#signInNote").FillAsync("签到表存柳城镇农技站");
        await Phone.AssertNoHorizontalOverflowAsync(page, "service form");
        var save = await page.Locator("#save").BoundingBoxAsync();
        Assert.True(save is { Width: > 300 }, $"the save button is {save?.Width}px wide");
        await Journey.ScreenshotAsync(page, "cm-1-phone-training-form");

        await page.Locator("#save").ClickAsync();
        var saved = page.Locator("#service-saved");
        await saved.Or(page.Locator("#form-alert")).First.WaitForAsync();
        Assert.True(await saved.IsVisibleAsync(), await page.Locator("#form-alert").CountAsync() > 0 ? await page.Locator("#form-alert").InnerTextAsync() : "not saved");
        Assert.Contains("农业科技培训", await saved.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("26 人次", await saved.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#confirmation-code").CountAsync());
        await Phone.AssertNoHorizontalOverflowAsync(page, "training saved");
        await Journey.ScreenshotAsync(page, "cm-2-phone-training-saved");

        // Another record keeps the commissioner; a visit asks for its campaign and the farmer visited.
        await page.Locator("#again").ClickAsync();
        await page.Locator("#kind").GetByText("结对帮扶走访").ClickAsync();
        await page.Locator("#servedName").WaitForAsync();
        Assert.Equal(0, await page.Locator("#trainees").CountAsync());
        await RetypeDateAsync(page, "2023-06-21");
        await page.Locator("#save").ClickAsync();
        await page.Locator("#form-alert").WaitForAsync();
        Assert.Contains("请填写走访对象（农户或企业）", await page.Locator(".ant-form-item:has(#servedName)").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ChooseAsync(page, "#campaign", "千团联千村");
        await page.Locator("#servedName").FillAsync("雷永福（畲族茶农）");
        await page.Locator("#topic").FillAsync("茶园修剪");
        await Journey.ScreenshotAsync(page, "cm-3-phone-visit-form");
        await page.Locator("#save").ClickAsync();
        var code = page.Locator("#confirmation-code .cm-code");
        await code.WaitForAsync();
        var text = (await code.InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{8}$", text);
        await Phone.AssertNoHorizontalOverflowAsync(page, "visit saved");
        await Journey.ScreenshotAsync(page, "cm-4-phone-visit-code");

        // The farmer scans the QR code on the clerk's phone: the link opens on the farmer's own phone, no account needed.
        var link = await page.Locator("#confirmation-link").GetAttributeAsync("href");
        Assert.EndsWith($"/service-confirmations/{text}", link, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#confirmation-code svg").CountAsync());
        var farmer = await Phone.NewPageAsync(_app);
        await farmer.GotoAsync(link!);
        var facts = await farmer.Locator("#confirm-facts").InnerTextAsync();
        Assert.Contains("雷永福", facts, StringComparison.Ordinal);
        Assert.Contains("2023-06-21", facts, StringComparison.Ordinal);
        Assert.Contains("周丽娟", facts, StringComparison.Ordinal);
        await Phone.AssertNoHorizontalOverflowAsync(farmer, "confirmation link");
        await Journey.ScreenshotAsync(farmer, "cm-4b-farmer-link");
        await farmer.Locator("#confirm-service").ClickAsync();
        await farmer.Locator("#confirm-done").WaitForAsync();
        Assert.Contains("已确认", await farmer.Locator("#confirm-done").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(farmer, "cm-4c-farmer-confirmed");
        await Journey.EndAsync(farmer);

        // The code the farmer could also read out is used now: the clerk entering it is told so.
        await Journey.GoInteractiveAsync(page, "/commissioners/services");
        await page.Locator("#confirm-code").FillAsync(text.ToLowerInvariant());
        await page.Locator("#confirm-button").ClickAsync();
        await page.Locator("#confirm-alert").WaitForAsync();
        Assert.Contains("已使用过", await page.Locator("#confirm-alert").InnerTextAsync(), StringComparison.Ordinal);
        await Phone.AssertNoHorizontalOverflowAsync(page, "services list");
        await Journey.ScreenshotAsync(page, "cm-5-phone-code-used");

        await page.Locator("#commissioner-services .ant-table-tbody a", new PageLocatorOptions { HasText = "周丽娟" }).First.ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/commissioners/[0-9a-f-]{36}$"));
        await page.Locator("#score-total").WaitForAsync();
        var services = await page.Locator("#services").InnerTextAsync();
        Assert.Contains("夏秋茶园管理技术培训", services, StringComparison.Ordinal);
        // The card opens on the year of the latest service: 2023, with the visit and the training just recorded.
        var card = await page.Locator("#scorecard").InnerTextAsync();
        Assert.Contains("2023 年得分", card, StringComparison.Ordinal);
        Assert.Contains("农业科技培训", card, StringComparison.Ordinal);
        await Phone.AssertNoHorizontalOverflowAsync(page, "commissioner detail");
        await Journey.ScreenshotAsync(page, "cm-6-phone-commissioner");
        await Journey.EndAsync(page);
    }

    /// <summary>The form starts on today; a training entered afterwards replaces it with its own day.</summary>
    private static async Task RetypeDateAsync(IPage page, string day)
    {
        var box = page.Locator("#servedOn input");
        await box.ClickAsync();
        await box.PressAsync("Control+A");
        await box.PressAsync("Backspace");
        await Journey.TypeDateAsync(page, box, day);
        Assert.Equal(day, await box.InputValueAsync());
    }
}
