using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk works the enterprise list: finds 寿仙谷 by its pinyin initials, pages and changes the page size, filters the
/// 高新技术企业, sorts them by registration date both ways and exports exactly the filtered list. Nothing is saved, so the
/// journey runs on the shared demo database.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class EnterpriseListJourney(BrowserApp app)
{
    [Fact]
    public async Task CountyStaff_SearchesFiltersSortsPagesAndExportsEnterprises()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/enterprises");
        var total = page.Locator("#enterprises .kc-total");
        var rows = page.Locator("#enterprises .ant-table-tbody tr.ant-table-row");
        await page.Locator("#enterprises .kc-total", new PageLocatorOptions { HasText = "共 304 家企业" }).WaitForAsync();
        Assert.Equal(20, await rows.CountAsync());
        await Journey.ScreenshotAsync(page, "84-enterprise-list-all");

        await page.Locator("#enterprises-search").FillAsync("zjsxg");
        await page.Locator("#enterprises-search").PressAsync("Enter");
        await page.Locator("#enterprises .kc-total", new PageLocatorOptions { HasText = "共 1 家企业" }).WaitForAsync();
        Assert.Contains("浙江寿仙谷医药股份有限公司", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "85-enterprise-list-pinyin-search");

        await page.Locator("#enterprises-search").FillAsync("");
        await page.Locator("#enterprises-search").PressAsync("Enter");
        await page.Locator("#enterprises .kc-total", new PageLocatorOptions { HasText = "共 304 家企业" }).WaitForAsync();
        var firstOnPageOne = await rows.First.InnerTextAsync();
        await page.Locator("#enterprises .ant-pagination-item-2").ClickAsync();
        await page.Locator("#enterprises .ant-pagination-item-2.ant-pagination-item-active").WaitForAsync();
        Assert.NotEqual(firstOnPageOne, await rows.First.InnerTextAsync());
        await Journey.ChooseAsync(page, "#enterprises-page-size", "50 条");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#enterprises .ant-table-tbody tr.ant-table-row').length === 50");
        await Journey.ScreenshotAsync(page, "86-enterprise-list-page-size");

        await Journey.ChooseAsync(page, "#enterprises-qualification", "高新技术企业");
        await page.WaitForFunctionAsync("() => !document.querySelector('#enterprises .kc-total').textContent.includes('304')");
        var filtered = int.Parse(System.Text.RegularExpressions.Regex.Match(await total.InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(filtered, 2, 303);
        await Journey.ScreenshotAsync(page, "87-enterprise-list-high-tech");

        var dateHeader = page.Locator("#enterprises th", new PageLocatorOptions { HasText = "注册成立" });
        await dateHeader.ClickAsync();
        await page.Locator("#enterprises th.ant-table-column-sort", new PageLocatorOptions { HasText = "注册成立" }).WaitForAsync();
        var ascending = await DatesAsync(page);
        Assert.Equal(ascending.Order(), ascending);
        await dateHeader.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#enterprises th.ant-table-column-sort .ant-table-column-sorter-down.active') !== null");
        var descending = await DatesAsync(page);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] >= ascending[^1]);
        await Journey.ScreenshotAsync(page, "88-enterprise-list-sorted");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#enterprises-export").ClickAsync());
        Assert.Contains("qualification=high-tech-enterprise", download.Url, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-enterprises-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            var exported = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(filtered, exported.Count);
            Assert.All(exported, r => Assert.Contains("高新技术企业", r["资质"]?.ToString(), StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
        await Journey.EndAsync(page);
    }

    /// <summary>The 注册成立 column of the rows shown.</summary>
    private static async Task<List<DateOnly>> DatesAsync(IPage page)
    {
        await page.WaitForTimeoutAsync(300);
        var cells = await page.Locator("#enterprises .ant-table-tbody tr.ant-table-row td:nth-child(6)").AllInnerTextsAsync();
        return cells.Select(c => DateOnly.ParseExact(c.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}
