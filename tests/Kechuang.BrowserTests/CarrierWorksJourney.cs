using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk follows the park's works: the land parcels with their areas in ㎡ and 亩, a new parcel entered in 亩 and
/// its first approval step; the accelerator's project with its milestones, its progress line and a month refused for
/// going down then filed; the enclave's money; the 网易 centre's occupancy on the letter's date. It adds records, so it
/// runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class CarrierWorksJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_RecordAParcelInMu_FollowTheAcceleratorsProgress_AndReadTheEnclavesMoney()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/parcels?regionCode=330723401");
        var b = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "科技城B地块" });
        await b.WaitForAsync();
        var bText = await b.InnerTextAsync();
        Assert.Contains("71,333.33", bText, StringComparison.Ordinal);
        Assert.Contains("107", bText, StringComparison.Ordinal);
        Assert.Contains("供地 2023-12-20 完成", bText, StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "74-parcels");

        await page.Locator("#new-parcel").ClickAsync();
        await page.WaitForURLAsync("**/parcels/new");
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("#name").FillAsync("科技城C地块");
        await Journey.ChooseAsync(page, "#use", "工业用地");
        await page.Locator("#area").FillAsync("12.5");
        await Journey.ChooseAsync(page, "#areaUnit", "亩");
        // The other unit is shown as typed: 12.5 亩 is 8,333.33 ㎡.
        await page.Locator(".ant-form-item", new PageLocatorOptions { HasText = "即 8,333.33 平方米" }).WaitForAsync();
        await page.Locator("#plannedProject").FillAsync("智能装备产业园");
        await Journey.ScreenshotAsync(page, "75-parcel-form-in-mu");
        await Journey.SaveAsync(page);
        await Journey.WaitInteractiveAsync(page);
        Assert.Equal("面积 8,333.33 平方米（12.5 亩），拟建智能装备产业园", (await page.Locator("#area-summary").InnerTextAsync()).Trim());

        await Journey.ChooseAsync(page, "#step-kind", "控规调整");
        var submitted = page.Locator("input#step-submitted, #step-submitted input").First;
        await Journey.TypeDateAsync(page, submitted, "2026-02-10");
        // A busy machine can finish loading the parcel after the kind was chosen, drawing the step form afresh: choose again.
        if (!(await page.Locator("#step-form").InnerTextAsync()).Contains("控规调整", StringComparison.Ordinal))
        {
            await Journey.ChooseAsync(page, "#step-kind", "控规调整");
        }
        await page.Locator("#save-step").ClickAsync();
        var step = page.Locator("#steps .ant-table-tbody tr", new PageLocatorOptions { HasText = "控规调整" });
        // Either the new row or the form's refusal: a refusal fails with what the page said, not with a timeout.
        await step.Or(page.Locator("#step-alert")).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (await step.CountAsync() == 0)
        {
            var fields = await page.Locator("#step-form .ant-form-item-explain-error").AllInnerTextsAsync();
            Assert.Fail($"the step was not recorded: {await page.Locator("#step-alert").InnerTextAsync()} ({string.Join("; ", fields.Where(f => f.Length > 0))}; "
                + $"the form shows: {await page.Locator("#step-form").InnerTextAsync()}; the date box holds \"{await submitted.InputValueAsync()}\")");
        }
        Assert.Contains("2026-02-10", await step.InnerTextAsync(), StringComparison.Ordinal);
        // The page reloads the parcel in place after a step; its descriptions are drawn again from the reloaded record.
        // Drawn again means drawn a render later: wait for the area rather than read at once.
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "8,333.33 平方米（12.5 亩）" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "76-parcel-steps");

        await Journey.GoInteractiveAsync(page, "/construction-projects?regionCode=330723401");
        await page.Locator("a", new PageLocatorOptions { HasText = "科技城企业加速器项目" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/construction-projects/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#progress-chart[data-rendered='26']").WaitForAsync();
        var tender = page.Locator("#milestones .ant-table-tbody tr", new PageLocatorOptions { HasText = "方案设计招标" });
        Assert.Contains("2023-03-28", await tender.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "77-project-progress");

        await page.Locator("#progress-month").FillAsync("2025-12");
        await page.Locator("#progress-percent").FillAsync("90");
        await page.Locator("#add-progress").ClickAsync();
        await page.Locator("#progress-alert", new PageLocatorOptions { HasText = "工程形象进度不能低于此前月份已填报的 100%" }).WaitForAsync();
        await page.Locator("#progress-percent").FillAsync("100");
        await page.Locator("#progress-note").FillAsync("竣工后收尾");
        await page.Locator("#add-progress").ClickAsync();
        await page.Locator("#progress-chart[data-rendered='27']").WaitForAsync();
        Assert.Contains("工程形象进度（27 次填报）", await page.Locator("#progress h2").InnerTextAsync(), StringComparison.Ordinal);

        using var staff = await Api.ClientAsync(_app, "wuyi.staff");
        var enclave = (await Api.GetAsync(staff, "/api/v1/carriers?q=" + Uri.EscapeDataString("武义杭州科创飞地"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        await Journey.GoInteractiveAsync(page, $"/carriers/{enclave}");
        var sums = await page.Locator("#payment-sums").InnerTextAsync();
        Assert.Contains("购房款合计 2.24亿元；违约处置挽回合计 312.45万元", sums, StringComparison.Ordinal);
        Assert.Contains("第2期购房款", await page.Locator("#payments").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "78-enclave-money");

        await Journey.GoInteractiveAsync(page, "/carriers?kind=joint-innovation-center&regionCode=330723401&at=2023-07-06");
        var wangyi = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "武义网易联合创新中心" });
        await wangyi.WaitForAsync();
        Assert.Contains("68.8%", await wangyi.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "79-occupancy-on-the-letters-date");

        // The centre's units on the letter's date: who sits where, and the rate they make.
        await wangyi.Locator("a", new LocatorLocatorOptions { HasText = "武义网易联合创新中心" }).First.ClickAsync();
        await page.Locator("#units").WaitForAsync();
        Assert.Contains("已交付 16 个，已入驻 11 个，入驻率 68.8%", await page.Locator("#unit-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "80-units-on-the-letters-date");
        await Journey.EndAsync(page);
    }
}
