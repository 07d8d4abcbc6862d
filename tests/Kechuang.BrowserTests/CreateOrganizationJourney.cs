using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>A Wuyi county clerk registers an organisation: a bad credit code first, then the right one.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class CreateOrganizationJourney(BrowserApp app)
{
    [Fact]
    public async Task CountyStaff_CreatesOrganizationWithBadThenGoodCreditCode_FindsItInList()
    {
        var page = await app.NewPageAsync();
        var name = "武义县测试智能装备有限公司";
        // A valid code: 91330723MA0000001 + its GB 32100 check character (computed by the platform's own demo codes).
        var goodCode = Kechuang.Platform.Demo.DemoCodes.CreditCode("330723", 8_800_001);
        var badCode = goodCode[..17] + (goodCode[17] == '0' ? '1' : '0');

        await page.GotoAsync("/account/login");
        await Journey.ScreenshotAsync(page, "01-login");
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.WaitInteractiveAsync(page);
        await Journey.ScreenshotAsync(page, "02-home");

        await Journey.GoInteractiveAsync(page, "/directory/organizations");
        await Journey.ScreenshotAsync(page, "03-organization-list");
        await page.Locator("#new-organization").ClickAsync();
        await page.WaitForURLAsync("**/directory/organizations/new");
        await Journey.WaitInteractiveAsync(page);

        await page.Locator("#name").FillAsync(name);
        await page.Locator("#kind").ClickAsync();
        await page.Locator(".ant-select-item-option", new PageLocatorOptions { HasText = "企业" }).First.ClickAsync();
        await page.Locator("#creditCode").FillAsync(badCode);
        await page.Locator("#address").FillAsync("武义县桐琴镇工业园区8号");
        await page.Locator("#contactName").FillAsync("王晓明");
        await page.Locator("#contactPhone").FillAsync("13857901234");
        await page.Locator("#save").ClickAsync();

        var error = page.Locator(".ant-form-item-explain-error", new PageLocatorOptions { HasText = "校验位错误" });
        await error.WaitForAsync();
        Assert.Contains("统一社会信用代码", await page.Locator(".ant-form-item-has-error").First.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "04-bad-credit-code");

        await page.Locator("#creditCode").FillAsync(goodCode);
        await Journey.SaveAsync(page);
        await page.Locator("#saved").WaitForAsync();
        // The descriptions lay out their columns after a measurement in the browser: wait for the code to show.
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = goodCode }).WaitForAsync();
        Assert.Contains("桐琴镇工业园区8号", await page.Locator(".ant-descriptions").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "05-organization-saved");

        await Journey.GoInteractiveAsync(page, "/directory/organizations");
        await page.Locator("#organization-search").FillAsync("测试智能装备");
        await page.Locator("#organization-search").PressAsync("Enter");
        await page.Locator(".kc-total", new PageLocatorOptions { HasText = "共 1 个组织" }).WaitForAsync();
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = name }).WaitForAsync();
        Assert.Equal(1, await page.Locator(".ant-table-tbody tr.ant-table-row").CountAsync());
        await Journey.ScreenshotAsync(page, "06-organization-found");

        await Journey.SignOutAsync(page);
        await page.Locator(".ant-alert-success").WaitForAsync();
        await Journey.ScreenshotAsync(page, "07-signed-out");
        await Journey.EndAsync(page);
    }
}
