using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>A 磐安县 clerk sees Pan'an's organisations and the shared institutions, never a 武义县 enterprise.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class CountyScopeJourney(BrowserApp app)
{
    private const string WuyiEnterprise = "浙江寿仙谷医药股份有限公司";

    [Fact]
    public async Task PananStaff_ListsAndOpensOrganizations_NeverSeesWuyiEnterprise()
    {
        Guid wuyiId;
        using (var city = await Api.ClientAsync(app, "city.staff"))
        {
            wuyiId = (await Api.GetAsync(city, $"/api/v1/organizations?q={Uri.EscapeDataString(WuyiEnterprise)}"))
                .GetProperty("items").EnumerateArray().Single(o => o.GetProperty("name").GetString() == WuyiEnterprise).GetProperty("id").GetGuid();
        }
        var page = await app.NewPageAsync();

        await Journey.SignInAsync(page, "panan.staff");
        await Journey.GoInteractiveAsync(page, "/directory/organizations");
        await page.Locator(".ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        var list = await page.Locator(".ant-table-tbody").InnerTextAsync();
        Assert.DoesNotContain(WuyiEnterprise, list, StringComparison.Ordinal);
        Assert.DoesNotContain("武义县恒达电动工具有限公司", list, StringComparison.Ordinal);
        // The shared institutions fill the first pages (they come from every province): Pan'an's own enterprise and
        // 浙江大学 are found by searching.
        await SearchAsync(page, "本草");
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "磐安县本草中药饮片有限公司" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "20-panan-organizations");
        await SearchAsync(page, "浙江大学");
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "浙江大学" }).First.WaitForAsync();

        await SearchAsync(page, "寿仙谷");
        await page.Locator(".kc-total", new PageLocatorOptions { HasText = "共 0 个组织" }).WaitForAsync();

        await Journey.GoInteractiveAsync(page, $"/directory/organizations/{wuyiId}");
        await page.Locator(".ant-result-title", new PageLocatorOptions { HasText = "不在您的数据范围内" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "21-panan-wuyi-detail-refused");
        await Journey.EndAsync(page);
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("#organization-search").FillAsync(text);
        await page.Locator("#organization-search").PressAsync("Enter");
    }
}
