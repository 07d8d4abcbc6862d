using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk records the units of a new building on its page, corrects one unit's area, moves an enterprise into a
/// unit and reads the occupant and the 入驻率 beside the units; the page also on a phone. It adds records, so it runs
/// on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class CarrierUnitsJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_RecordUnits_CorrectOne_AndMoveAnEnterpriseIn()
    {
        using var staff = await Api.ClientAsync(_app, "wuyi.staff");
        var carrier = (await Api.PostAsync(staff, "/api/v1/carriers", new
        {
            name = "科技城研发总部3#楼",
            kind = "building",
            level = "county",
            regionCode = "330723105",
            address = "武义县科技城",
            area = 3600m,
            openedOn = "2026-01-05",
            status = "operating",
        })).GetProperty("id").GetGuid();
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, $"/carriers/{carrier}");

        foreach (var (number, area) in new[] { ("301", "120"), ("302", "80") })
        {
            await page.Locator("#unit-floor").FillAsync("3");
            await page.Locator("#unit-number").FillAsync(number);
            await page.Locator("#unit-area").FillAsync(area);
            await Journey.TypeDateAsync(page, page.Locator("input#unit-available, #unit-available input").First, "2026-02-01");
            await page.Locator("#add-unit").ClickAsync();
            await page.Locator("#units .ant-table-tbody tr", new PageLocatorOptions { HasText = number }).WaitForAsync();
        }

        await page.Locator("#edit-unit-302").ClickAsync();
        await page.Locator("#save-unit").WaitForAsync();
        Assert.Equal("302", await page.Locator("#unit-number").InputValueAsync());
        await page.Locator("#unit-area").FillAsync("95.5");
        await page.Locator("#save-unit").ClickAsync();
        await page.Locator("#units .ant-table-tbody tr", new PageLocatorOptions { HasText = "95.50" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#save-unit").CountAsync());

        await Journey.ChooseAsync(page, "#tenant-enterprise", "浙江科兴电动工具检测有限公司", "科兴");
        await Journey.ChooseAsync(page, "#tenant-kind", "入驻");
        await Journey.TypeDateAsync(page, page.Locator("input#tenant-entered, #tenant-entered input").First, "2026-03-02");
        await Journey.ChooseAsync(page, "div#tenant-units", "301");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#add-tenancy").ClickAsync();

        var occupied = page.Locator("#units .ant-table-tbody tr", new PageLocatorOptions { HasText = "浙江科兴电动工具检测有限公司" });
        await occupied.Or(page.Locator("#tenancy-alert")).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (await occupied.CountAsync() == 0)
        {
            Assert.Fail($"the tenancy was not recorded: {await page.Locator("#tenancy-alert").InnerTextAsync()}");
        }
        Assert.Contains("301", await occupied.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已交付 2 个，已入驻 1 个，入驻率 50%", await page.Locator("#unit-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "units-01-resident-in-301");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        await Journey.GoInteractiveAsync(phone, $"/carriers/{carrier}");
        await phone.Locator("#units").WaitForAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "/carriers/{id}");
        await Journey.ScreenshotAsync(phone, "units-02-phone");
        await Journey.EndAsync(phone);
    }
}
