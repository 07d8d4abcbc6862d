using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk opens an enterprise's matched demand, records the cooperation it led to and sees the demand move to
/// 合作中; then reads a station's assessment with its capped points and payments, and the demand pages at phone width.
/// It adds records, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class TransferJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_OpenADemand_AndRecordTheCooperationItLedTo()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/transfer/demands?status=matched");
        var demand = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "萤石尾矿综合利用技术" });
        await demand.WaitForAsync();
        Assert.Contains("已对接", await demand.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "transfer-01-demands");

        await demand.Locator("a", new LocatorLocatorOptions { HasText = "萤石尾矿综合利用技术" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transfer/demands/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        Assert.Contains("尚未登记合作", await page.Locator("#cooperations").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "transfer-02-demand");

        await page.Locator("#record-cooperation").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/transfer/cooperations/new?demandId=", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        Assert.Contains("萤石尾矿综合利用技术", await page.Locator("#from-demand").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("萤石尾矿综合利用技术合作项目", await page.Locator("#title").InputValueAsync());
        // Saved without an institution and a day: the form says what is missing, in Chinese, under each field.
        await page.Locator("#save").ClickAsync();
        await page.Locator(".ant-form-item", new PageLocatorOptions { HasText = "请选择合作院校" }).WaitForAsync();
        await page.Locator(".ant-form-item", new PageLocatorOptions { HasText = "请填写签约日期" }).WaitForAsync();
        await Journey.ChooseAsync(page, "#institutionId", "中国科学院宁波材料技术与工程研究所", "宁波");
        await Journey.TypeDateAsync(page, page.Locator("input#signedOn, #signedOn input").First, "2026-02-26");
        await page.Locator("#note").FillAsync("萤石尾矿制备新型建材，研究所派驻团队驻企攻关。");
        await Journey.ScreenshotAsync(page, "transfer-03-cooperation-form");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#source-demand").WaitForAsync();
        Assert.Contains("中国科学院宁波材料技术与工程研究所", await page.Locator(".kc-page-header").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "transfer-04-cooperation");

        await page.Locator("#source-demand").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transfer/demands/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        Assert.Contains("合作中", await page.Locator("#demand-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("由此需求达成的合作（1 项）", await page.Locator("#cooperations").InnerTextAsync(), StringComparison.Ordinal);

        await Journey.GoInteractiveAsync(page, "/transfer/stations?q=" + Uri.EscapeDataString("浙江大学武义技术转移中心"));
        await page.Locator(".ant-table-tbody a", new PageLocatorOptions { HasText = "浙江大学武义技术转移中心" }).First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transfer/stations/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        var assessment = page.Locator("#assessments .ant-table-tbody tr", new PageLocatorOptions { HasText = "2022" });
        await assessment.WaitForAsync();
        Assert.Contains("已封顶", await assessment.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2022年度工作经费", await page.Locator("#payments").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "transfer-05-station");

        // A status changed on the detail page shows in its descriptions, not only in the header (the page reloads the
        // demand in place).
        await Journey.GoInteractiveAsync(page, "/transfer/demands?status=open");
        await page.Locator(".ant-table-tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transfer/demands/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "征集中" }).WaitForAsync();
        await page.Locator("#move-matched").ClickAsync();
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "已对接" }).WaitForAsync();
        Assert.DoesNotContain("征集中", await page.Locator(".ant-descriptions").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        await Journey.GoInteractiveAsync(phone, "/transfer/demands");
        await phone.Locator(".ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "demand list");
        await Journey.ScreenshotAsync(phone, "transfer-06-demands-phone");
        await phone.Locator(".ant-table-tbody a", new PageLocatorOptions { HasText = "萤石尾矿综合利用技术" }).First.ClickAsync();
        await phone.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transfer/demands/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(phone);
        await Phone.AssertNoHorizontalOverflowAsync(phone, "demand detail");
        await Journey.ScreenshotAsync(phone, "transfer-07-demand-phone");
        await Journey.EndAsync(phone);
    }
}
