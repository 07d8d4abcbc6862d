using System.Text.RegularExpressions;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A clerk who uses no mouse (GB/T 37668-2019, WCAG 2.1.1 and 2.4.7) fills and saves the contract, carrier and person
/// forms and runs a cultivation screening and its search: Tab and Shift+Tab move between fields in reading order, the
/// arrow keys choose in selects and cascaders, Enter submits, and every field reached shows where the cursor is.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class KeyboardFormsJourney(BrowserApp app)
{
    private const string OpenCascader = ".ant-cascader-dropdown:not(.ant-select-dropdown-hidden)";

    [Fact]
    public async Task KeyboardOnly_RegistersContract()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/contracts/new");
        await page.Locator("input#sign-date, #sign-date input").First.WaitForAsync();

        await page.Locator("#title").FocusAsync();
        await KeyboardFocus.ExpectFocusAsync(page, "title");
        await page.Keyboard.TypeAsync("键盘登记的智能门锁技术开发合同");
        // Native selects: the arrow keys choose without opening the list.
        await KeyboardFocus.MoveToAsync(page, "type");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.NotEqual("", await page.Locator("#type").InputValueAsync());
        // The parties are found on the server from what is typed in the box before each list, then chosen with the arrows.
        foreach (var (select, search) in new[] { ("seller", "寿仙谷"), ("buyer", "浙江师范") })
        {
            await KeyboardFocus.MoveToAsync(page, select + "-search");
            await page.Keyboard.TypeAsync(search);
            await page.Locator($"#{select} option:nth-child(2)").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await KeyboardFocus.MoveToAsync(page, select);
            await page.Keyboard.PressAsync("ArrowDown");
            await ShowsAsync(page.Locator("#" + select), _ => true);
            Assert.NotEqual("", await page.Locator("#" + select).InputValueAsync());
            // The party's country, region code and 性质 of the registration form follow it; left as they are, the
            // directory's facts are recorded.
            foreach (var field in new[] { "-country", "-division", "-nature" })
            {
                await KeyboardFocus.MoveToAsync(page, select + field);
            }
        }
        await KeyboardFocus.MoveToAsync(page, "sign-date");
        await page.Keyboard.TypeAsync("2025-03-18");
        await KeyboardFocus.MoveToAsync(page, "valid-from");
        await KeyboardFocus.MoveToAsync(page, "valid-to");
        await KeyboardFocus.MoveToAsync(page, "amount");
        await page.Keyboard.TypeAsync("500000");
        // Back to the day and forward again: Shift+Tab walks the same order, and the typed day is still there.
        await KeyboardFocus.MoveToAsync(page, "valid-to", "Shift+Tab");
        await KeyboardFocus.MoveToAsync(page, "valid-from", "Shift+Tab");
        await KeyboardFocus.MoveToAsync(page, "sign-date", "Shift+Tab");
        Assert.Equal("2025-03-18", await page.Locator("input#sign-date, #sign-date input").First.InputValueAsync());
        await KeyboardFocus.MoveToAsync(page, "valid-from");
        await KeyboardFocus.MoveToAsync(page, "valid-to");
        await KeyboardFocus.MoveToAsync(page, "amount");
        await KeyboardFocus.MoveToAsync(page, "transaction-amount");
        await page.Keyboard.TypeAsync("450000");
        await KeyboardFocus.MoveToAsync(page, "tech-field");
        await page.Keyboard.PressAsync("ArrowDown");
        foreach (var field in new[] { "socio-economic-goal", "ip-type", "plan-category", "expected-investment", "expected-output" })
        {
            await KeyboardFocus.MoveToAsync(page, field);
        }
        await Journey.ScreenshotAsync(page, "96-keyboard-contract-form");
        await KeyboardFocus.MoveToAsync(page, "save");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/contracts/[0-9a-f-]{36}$"));
        await page.Locator("h1", new PageLocatorOptions { HasText = "键盘登记的智能门锁技术开发合同" }).WaitForAsync();
        var text = await page.Locator("#contract-detail").InnerTextAsync();
        Assert.Contains("2025-03-18", text, StringComparison.Ordinal);
        Assert.Contains("委托开发", text, StringComparison.Ordinal);
        Assert.Contains("450,000.00 元", text, StringComparison.Ordinal);
        Assert.Equal("电子信息", await page.Locator("#tech-field").InnerTextAsync());
        Assert.Equal("股份有限公司", await page.Locator("#seller-nature").InnerTextAsync());
        Assert.Equal("高等院校", await page.Locator("#buyer-nature").InnerTextAsync());
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task KeyboardOnly_AddsCarrier_ChoosingTownWithArrowKeys()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/carriers/new");
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        // No element takes a tab stop ahead of the page's order (AntDesign gives the cascader's wrapper tabindex="1").
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length"));

        await page.Locator("#name").FocusAsync();
        await page.Keyboard.TypeAsync("键盘武义众创空间");
        // An AntDesign select: ArrowDown opens the list and moves through it, Enter chooses.
        await KeyboardFocus.MoveToAsync(page, "kind_list");
        await ChooseWithArrowsAsync(page, "#kind", "众创空间");
        await KeyboardFocus.MoveToAsync(page, "level_list");
        await KeyboardFocus.MoveToAsync(page, "regionCode");
        var region = page.Locator("#regionCode .ant-select-selection-item");
        // ArrowDown opens the cascader; Enter closes it again without submitting the form.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(OpenCascader).WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(OpenCascader).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        // Neither this Enter nor the one that chose the kind submitted the half-filled form.
        Assert.EndsWith("/carriers/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#form-alert").CountAsync());
        // ArrowRight steps into the county's towns, ArrowDown to the next town; each step chooses.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(OpenCascader).WaitForAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await ShowsAsync(region, "浙江省 / 金华市 / 武义县 / 白洋街道");
        await NextTownAsync(page, region, "浙江省 / 金华市 / 武义县 / 白洋街道", "浙江省 / 金华市 / 武义县 / 熟溪街道");
        await Journey.ScreenshotAsync(page, "97-keyboard-carrier-region");
        // Tab leaves the cascader with its list closed.
        await KeyboardFocus.MoveToAsync(page, "parentId_list");
        await page.Locator(OpenCascader).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await KeyboardFocus.MoveToAsync(page, "operatorId_list");
        await KeyboardFocus.MoveToAsync(page, "status_list");
        await KeyboardFocus.MoveToAsync(page, "address");
        await page.Keyboard.TypeAsync("武义县熟溪街道创业路8号");
        await KeyboardFocus.MoveToAsync(page, "area");
        await page.Keyboard.TypeAsync("1200");
        await KeyboardFocus.MoveToAsync(page, "capacity");
        await KeyboardFocus.MoveToAsync(page, "occupancyBasis_list");
        await KeyboardFocus.MoveToAsync(page, "openedOn");
        await page.Keyboard.TypeAsync("2019-09-01");
        await KeyboardFocus.MoveToAsync(page, "save");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("saved=1", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        var details = page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "熟溪街道" });
        await details.WaitForAsync();
        var text = await details.InnerTextAsync();
        Assert.Contains("众创空间", text, StringComparison.Ordinal);
        Assert.Contains("2019-09-01", text, StringComparison.Ordinal);
        Assert.Contains("武义县熟溪街道创业路8号", text, StringComparison.Ordinal);
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task KeyboardOnly_AddsPerson_FindingTheOrganisationByTyping()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/directory/people/new");
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await page.Locator("#name").FocusAsync();
        await page.Keyboard.TypeAsync("王键盘");
        await KeyboardFocus.MoveToAsync(page, "kind_list");
        await ChooseWithArrowsAsync(page, "#kind", "科技特派员");
        // A searchable select: typing narrows the list, Enter takes the first match.
        await KeyboardFocus.MoveToAsync(page, "organizationId_list");
        await page.Keyboard.TypeAsync("寿仙谷");
        await page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active", new PageLocatorOptions { HasText = "寿仙谷" }).WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        await ShowsAsync(page.Locator("#organizationId .ant-select-selection-item"), "浙江寿仙谷医药股份有限公司（企业）");
        await KeyboardFocus.MoveToAsync(page, "regionCode");
        await KeyboardFocus.MoveToAsync(page, "title");
        await page.Keyboard.TypeAsync("高级工程师");
        await KeyboardFocus.MoveToAsync(page, "fields");
        await page.Keyboard.TypeAsync("灵芝栽培");
        await KeyboardFocus.MoveToAsync(page, "phone");
        await page.Keyboard.TypeAsync("0579-87654321");
        await KeyboardFocus.MoveToAsync(page, "idNumber");
        await Journey.ScreenshotAsync(page, "98-keyboard-person-form");
        await KeyboardFocus.MoveToAsync(page, "save");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/directory/people/[0-9a-f-]{36}"));
        var details = page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "王键盘" });
        await details.WaitForAsync();
        var text = await details.InnerTextAsync();
        Assert.Contains("浙江寿仙谷医药股份有限公司", text, StringComparison.Ordinal);
        Assert.Contains("科技特派员", text, StringComparison.Ordinal);
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task KeyboardOnly_RunsScreening_AndSearchesThePoolByPinyinInitials()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/cultivation?regionCode=330723&year=2023");
        await page.Locator("#screening-region input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await page.Locator("#screening-region input").FocusAsync();
        await KeyboardFocus.ExpectFocusAsync(page, "screening-region");
        await KeyboardFocus.MoveToAsync(page, "screening-year");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2024");
        await KeyboardFocus.MoveToAsync(page, "screening-run");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#funnel", new PageLocatorOptions { HasText = "2024" }).WaitForAsync();

        // On through the funnel's links to the pool's search box; 恒达电动工具 is hdddgj.
        await KeyboardFocus.TabUntilAsync(page, "pool-search");
        await page.Keyboard.TypeAsync("hdddgj");
        await page.Keyboard.PressAsync("Enter");
        var rows = page.Locator("#pool tbody tr.ant-table-row");
        await ShowsAsync(page.Locator("#pool tbody"), text => text.Contains("武义县恒达电动工具有限公司", StringComparison.Ordinal));
        Assert.Equal(1, await rows.CountAsync());
        await Journey.ScreenshotAsync(page, "99-keyboard-pool-search");
        await Journey.EndAsync(page);
    }

    /// <summary>Opens a focused AntDesign select with ArrowDown, moves with ArrowDown to the option and takes it with Enter.</summary>
    private static async Task ChooseWithArrowsAsync(IPage page, string select, string option)
    {
        var open = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
        await page.Keyboard.PressAsync("ArrowDown");
        await open.WaitForAsync();
        for (var i = 0; i < 30; i++)
        {
            var active = open.Locator(".ant-select-item-option-active");
            if (await active.CountAsync() == 1 && (await active.InnerTextAsync()).Trim() == option)
            {
                await page.Keyboard.PressAsync("Enter");
                await ShowsAsync(page.Locator(select + " .ant-select-selection-item"), option);
                return;
            }
            await page.Keyboard.PressAsync("ArrowDown");
            await Task.Delay(100);
        }
        Assert.Fail($"ArrowDown never reached {option}");
    }

    /// <summary>
    /// The next town in the open column. AntDesign closes the list when a town (a leaf) is chosen, and ArrowDown on a
    /// closed list opens it first: a keyboard user presses ArrowDown, sees the list, and presses it again.
    /// </summary>
    /// <summary>
    /// ArrowDown to the next town. A key pressed while the cascader re-renders after the previous choice can be lost on a
    /// busy machine; the region then still shows the town before, and the key is pressed again (never when the page
    /// moved on, so a late key cannot skip a town unnoticed: the final check names what the page showed).
    /// </summary>
    private static async Task NextTownAsync(IPage page, ILocator region, string before, string expected)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await page.Locator(OpenCascader).CountAsync() == 0)
            {
                await page.Keyboard.PressAsync("ArrowDown");
                await page.Locator(OpenCascader).WaitForAsync();
            }
            await page.Keyboard.PressAsync("ArrowDown");
            for (var poll = 0; poll < 20; poll++)
            {
                var shown = (await region.First.InnerTextAsync()).Trim();
                if (shown == expected)
                {
                    return;
                }
                if (shown != before)
                {
                    Assert.Fail($"expected {expected}, the page showed: {shown}");
                }
                await Task.Delay(250);
            }
        }
        await ShowsAsync(region, expected);
    }

    private static Task ShowsAsync(ILocator locator, string expected) => ShowsAsync(locator, text => text.Trim() == expected, expected);

    /// <summary>Each key is a round trip over the circuit: read until the page shows what it should (or fail with what it showed).</summary>
    private static async Task ShowsAsync(ILocator locator, Func<string, bool> shows, string? expected = null)
    {
        var text = "";
        for (var attempt = 0; attempt < 60; attempt++)
        {
            text = await locator.CountAsync() == 0 ? "" : await locator.First.InnerTextAsync();
            if (shows(text))
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"expected {expected ?? "a match"}, the page showed: {text}");
    }
}
