using System.Text.RegularExpressions;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Kechuang.BrowserTests;

/// <summary>
/// 梯次培育: 寿仙谷 (an enterprise account) opens its self-assessment, pre-filled from its own records, and sees what it
/// lacks for 科技型中小企业 and, after typing a lower 高新技术产品收入, for 高新技术企业; then a 武义县 clerk opens the 2023
/// screening with its funnel, opens the pool of 亿元以上规上工业企业 without an R&amp;D institution and exports it to Excel.
/// Nothing is saved, so the journey runs on the shared demo database.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class CultivationJourney(BrowserApp app)
{
    [Fact]
    public async Task Enterprise_SeesItsGaps_ThenStaffOpenTheFunnelAndExportAPool()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "shouxiangu");
        await Journey.GoInteractiveAsync(page, "/enterprises/evaluate");
        var smeVerdict = page.Locator("#sme-verdict");
        await smeVerdict.WaitForAsync();
        Assert.Equal("暂不符合科技型中小企业条件", (await smeVerdict.InnerTextAsync()).Trim());
        var smeGaps = await page.Locator("#sme-gaps li").AllInnerTextsAsync();
        Assert.Contains(smeGaps, g => g.Contains("超过500人的上限", StringComparison.Ordinal));
        Assert.Contains(smeGaps, g => g.Contains("超过2亿元的上限", StringComparison.Ordinal));
        // Pre-filled from its own records (2023: 900 employees).
        Assert.Equal("900", await page.Locator("#sme-employees").InputValueAsync());
        await Journey.ScreenshotAsync(page, "70-self-assessment-tech-sme");

        await page.Locator("#tab-hte").ClickAsync();
        await page.Locator("#hte-verdict").WaitForAsync();
        await page.Locator("#hte-high-tech-revenue").FillAsync("300000000");
        var revenueGap = page.Locator("#hte-gaps li", new PageLocatorOptions { HasText = "高新技术产品（服务）收入占比" });
        await revenueGap.WaitForAsync();
        Assert.Contains("低于60%的要求，还差约", await revenueGap.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("不满足", await page.Locator("#hte-result li[data-code='hte.high-tech-revenue-ratio']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("暂不符合高新技术企业认定条件", (await page.Locator("#hte-verdict").InnerTextAsync()).Trim());
        await Journey.ScreenshotAsync(page, "71-self-assessment-high-tech-gaps");
        await Journey.EndAsync(page);

        var staff = await app.NewPageAsync();
        await Journey.SignInAsync(staff, "wuyi.staff");
        // The page opens on the year whose fiscal year most enterprises have reported: 2023, on the figures of 2022.
        await Journey.GoInteractiveAsync(staff, "/cultivation");
        Assert.Equal("2023", await staff.Locator("#screening-year").InputValueAsync());
        var funnel = staff.Locator("#funnel tbody tr", new PageLocatorOptions { HasText = "2023" });
        await funnel.WaitForAsync();
        var stages = await funnel.Locator("td").AllInnerTextsAsync();
        Assert.True(int.Parse(stages[2].Trim(), System.Globalization.CultureInfo.InvariantCulture) > 2, string.Join("|", stages));
        var gapCard = staff.Locator(".kc-dashboard-card", new PageLocatorOptions { HasText = "亿元以上规上工业企业未设研发机构" });
        var gapCount = int.Parse(Regex.Match(await gapCard.Locator(".ant-statistic-content").InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(gapCount > 0);
        await Journey.ScreenshotAsync(staff, "72-cultivation-funnel");

        await gapCard.Locator("a", new LocatorLocatorOptions { HasText = "查看名单" }).ClickAsync();
        await staff.Locator(".kc-muted", new PageLocatorOptions { HasText = $"亿元以上规上工业企业未设研发机构：共 {gapCount} 家" }).WaitForAsync();
        Assert.Contains("pool=rd-coverage-gap", staff.Url, StringComparison.Ordinal);
        var rows = staff.Locator(".ant-table-tbody tr.ant-table-row");
        Assert.Equal(gapCount, await rows.CountAsync());
        Assert.Contains("武义县恒达电动工具有限公司", await staff.Locator(".ant-table-tbody").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(staff, "73-cultivation-pool");

        var download = await staff.RunAndWaitForDownloadAsync(() => staff.Locator("#export-pool").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-pool-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            var exported = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(gapCount, exported.Count);
            Assert.All(exported, r => Assert.Contains("亿元以上规上工业企业未设研发机构", r["培育库"]?.ToString(), StringComparison.Ordinal));
            Assert.Contains(exported, r => Equals(r["企业名称"], "武义县恒达电动工具有限公司"));
        }
        finally
        {
            File.Delete(file);
        }
        await Journey.EndAsync(staff);
    }
}
