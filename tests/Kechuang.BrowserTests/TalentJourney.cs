using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk reads the 2022 talent applications the letter counts (A10), records a new application for an expert
/// of the directory, marks it approved on its detail page, and reads the 2022 百博入企 recommendations (A11); the lists
/// also on a phone. It adds records, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class TalentJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_RecordATalentApplication_AndMarkItApproved()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/talent/applications?regionCode=330723&year=2022&level=national&result=approved");
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "何思远" }).WaitForAsync();
        Assert.Contains("共 2 项申报", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "talent-01-national-approvals-2022");

        await Journey.GoInteractiveAsync(page, "/talent/applications/new");
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Journey.ChooseAsync(page, "#programme", "浙江省万人计划");
        await Journey.ChooseAsync(page, "#personId", "王建华", "王建华");
        await Journey.ChooseAsync(page, "#employerId", "浙江寿仙谷医药股份有限公司（企业）", "寿仙谷");
        await Journey.TypeDateAsync(page, page.Locator("input#recommendedOn, #recommendedOn input").First, "2026-11-20");
        await page.Locator("#note").FillAsync("生物医药方向，县科技局推荐");
        await Journey.ScreenshotAsync(page, "talent-02-application-form");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        Assert.Equal("待定", (await page.Locator("#result-tag").InnerTextAsync()).Trim());

        await Journey.ChooseAsync(page, "#decision-result", "获批");
        await Journey.TypeDateAsync(page, page.Locator("input#decision-day, #decision-day input").First, "2026-12-01");
        await page.Locator("#decide").ClickAsync();
        await page.Locator("#result-tag", new PageLocatorOptions { HasText = "获批" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#decision").CountAsync());
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "2026-12-01" }).WaitForAsync();
        Assert.DoesNotContain("待定", await page.Locator(".ant-descriptions").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "talent-03-application-approved");

        await Journey.GoInteractiveAsync(page, "/talent/phd-recommendations?regionCode=330723&year=2022");
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "孔令辉" }).WaitForAsync();
        Assert.Contains("共 8 条推荐", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "talent-04-phd-recommendations-2022");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        foreach (var (url, name) in new[]
        {
            ("/talent/applications?year=2022", "talent-05-phone-applications"), ("/talent/applications/new", "talent-06-phone-application-form"),
            ("/talent/phd-recommendations?year=2022", "talent-07-phone-recommendations"),
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
