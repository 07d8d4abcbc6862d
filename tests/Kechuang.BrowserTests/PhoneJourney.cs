using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A county clerk on a phone (390×844): the menu hides behind the header's menu button, titles, lists,
/// details and forms fit the screen, and the shell passes axe's WCAG 2.1 AA rules.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class PhoneJourney(BrowserApp app)
{
    [Fact]
    public async Task CountyStaff_OnPhone_UsesMenuButtonAndPagesFitTheScreen()
    {
        var page = await Phone.NewPageAsync(app);

        await page.GotoAsync("/account/login");
        await Phone.AssertNoHorizontalOverflowAsync(page, "sign-in");
        await Accessibility.AssertAccessibleAsync(page, "phone sign-in");
        await Journey.ScreenshotAsync(page, "90-phone-login");
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.WaitInteractiveAsync(page);

        var menu = page.Locator("#main-nav");
        var toggle = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "打开导航菜单" });
        await page.Locator("#welcome").WaitForAsync();
        Assert.False(await menu.IsVisibleAsync());
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        await Phone.AssertNoHorizontalOverflowAsync(page, "home");
        await Accessibility.AssertAccessibleAsync(page, "phone home");
        await Journey.ScreenshotAsync(page, "91-phone-home");

        // Opened, the menu holds keyboard focus; Escape closes it again.
        await toggle.ClickAsync();
        await menu.WaitForAsync();
        await page.WaitForFunctionAsync("() => !!document.activeElement.closest('#main-nav')");
        await page.Keyboard.PressAsync("Escape");
        await menu.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });

        await toggle.ClickAsync();
        await menu.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#main-nav').getBoundingClientRect().left >= 0");
        Assert.Equal("true", await page.Locator("#menu-toggle").GetAttributeAsync("aria-expanded"));
        // The menu fits beside a strip of the page, as a drawer does, instead of taking the page's width.
        var box = await menu.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Width: < 300 }, $"menu at {box?.X}, {box?.Width}px wide");
        // The page beside the open menu is covered: a tap there closes the menu instead of hitting a link.
        Assert.Equal("kc-menu-mask", await page.EvaluateAsync<string>("() => document.elementFromPoint(350, 30).className"));
        await Accessibility.AssertAccessibleAsync(page, "phone menu open");
        await Journey.ScreenshotAsync(page, "92-phone-menu");

        await menu.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "组织名录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/directory/organizations");
        await page.Locator(".ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        await menu.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await AssertFitsAsync(page, "organization list");
        // A wide table scrolls inside its card rather than squeezing every column to one character.
        var table = page.Locator(".ant-table-content").First;
        Assert.True(await table.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'auto'"));
        // ...and a keyboard can reach it to scroll it (js/a11y.js).
        await page.WaitForFunctionAsync("() => document.querySelector('.ant-table-content').getAttribute('tabindex') === '0'");
        await Journey.ScreenshotAsync(page, "93-phone-list");

        await page.Locator(".ant-table-tbody tr.ant-table-row a[href^='/directory/organizations/']").First.ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/directory/organizations/[0-9a-f-]{36}$"));
        await page.Locator(".ant-descriptions").First.WaitForAsync();
        await AssertFitsAsync(page, "organization detail");
        await Journey.ScreenshotAsync(page, "94-phone-detail");

        await Journey.GoInteractiveAsync(page, "/directory/organizations/new");
        await page.Locator("#name").WaitForAsync();
        await AssertFitsAsync(page, "new organization form");
        // Label above its field, the field as wide as the card: no label column beside a squeezed input.
        var label = await page.Locator(".ant-form-item:has(#name) .ant-form-item-label").BoundingBoxAsync();
        var input = await page.Locator("#name").BoundingBoxAsync();
        Assert.True(label is not null && input is not null && label.Y + label.Height <= input.Y + 1, "the label is not above its field");
        Assert.True(input!.Width > 300, $"the name field is {input.Width}px wide");
        await Journey.ScreenshotAsync(page, "95-phone-form");
        await Journey.EndAsync(page);
    }

    /// <summary>No sideways panning, the title on at most two lines, and the shell's own parts pass axe.</summary>
    private static async Task AssertFitsAsync(IPage page, string where)
    {
        await Phone.AssertNoHorizontalOverflowAsync(page, where);
        var lines = await Phone.LinesAsync(page.Locator("h1").First);
        Assert.True(lines <= 2.2, $"{where}: the title takes {lines:0.#} lines");
        // The page bodies belong to their modules' own checks; here the header, menu and footer must pass.
        await Accessibility.AssertAccessibleAsync(page, where + " shell", "header", "aside", "footer", ".kc-skip-link");
    }
}
