using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// The shell on a desktop against WCAG 2.1 AA (GB/T 37668-2019): axe finds nothing on the sign-in,
/// home and change-password pages, and a keyboard alone signs in and follows a menu item (the forms: KeyboardFormsJourney).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ShellAccessibilityJourney(BrowserApp app)
{
    [Fact]
    public async Task ShellPages_OnDesktop_HaveNoAxeViolations()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await Accessibility.AssertAccessibleAsync(page, "sign-in");
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.WaitInteractiveAsync(page);
        await page.Locator(".kc-figure-card").First.WaitForAsync();

        // The desktop keeps its side menu; the phone's menu button stays out of the way.
        Assert.True(await page.Locator("#main-nav").IsVisibleAsync());
        Assert.False(await page.Locator("#menu-toggle").IsVisibleAsync());
        Assert.StartsWith("工作台", await page.TitleAsync(), StringComparison.Ordinal);
        foreach (var landmark in new[] { "header", "nav", "main", "footer" })
        {
            Assert.Equal(1, await page.Locator(landmark).CountAsync());
        }
        await Accessibility.AssertAccessibleAsync(page, "home");

        await page.GotoAsync("/account/change-password");
        await Accessibility.AssertAccessibleAsync(page, "change password");
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task KeyboardOnly_SignsInSkipsToContentAndOpensMenuItem()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        // The user name field takes focus on load; Tab moves to the password, Enter submits.
        await page.Keyboard.TypeAsync("wuyi.staff");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#welcome").WaitForAsync();

        // Blazor puts focus on the new page's h1. The skip link is the tab stop before the menu's first link
        // (the logo); focused, it shows itself and moves focus to the page content.
        await page.Locator(".kc-logo").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("kc-skip-link", await FocusedAsync(page, "e => e.className"));
        var skip = await page.Locator(".kc-skip-link").BoundingBoxAsync();
        Assert.True(skip is { Y: >= 0 }, "the focused skip link stays off screen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main-content'");

        // From the top again, Tab walks into the menu; Enter on an entry opens its page.
        await page.Locator(".kc-skip-link").FocusAsync();
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await FocusedAsync(page, "e => e.getAttribute('href') || ''") == "/directory/organizations";
        }
        Assert.True(reached, "Tab never reached the 组织名录 menu entry");
        Assert.Equal("true", await FocusedAsync(page, "e => String(!!e.closest('#main-nav'))"));
        var outline = await FocusedAsync(page, "e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/directory/organizations");
        await page.Locator("h1", new PageLocatorOptions { HasText = "组织名录" }).WaitForAsync();
        await Journey.EndAsync(page);
    }

    [Fact]
    public async Task KeyboardOnly_FillsOrganizationForm_FocusAlwaysVisible_LabelsFocusTheirFields()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.GoInteractiveAsync(page, "/directory/organizations/new");
        await page.Locator("#regionCode input[aria-label]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        // A form item's label names its field: a click on it puts the cursor there, as a <label for> does.
        await page.Locator(".ant-form-item-label > label", new PageLocatorOptions { HasText = "联系人" }).ClickAsync();
        Assert.Equal("contactName", await FocusedAsync(page, "e => e.id"));

        // From the first field, Tab reaches every field and the save button in order, and each shows where focus is:
        // its own outline, or the ring AntDesign draws on the field's box.
        await page.Locator("#name").FocusAsync();
        var visited = new List<string>();
        for (var i = 0; i < 20 && visited.LastOrDefault() != "save"; i++)
        {
            var id = await FocusedAsync(page, "e => e.id || e.closest('[id]').id");
            var ring = await FocusedAsync(page, KeyboardFocus.FocusRing);
            Assert.True(ring != "none", $"focus on {id} is not visible");
            visited.Add(id);
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(["name", "kind_list", "creditCode", "address", "contactName", "contactPhone", "save"], visited.Where(v => v != "regionCode" && !v.StartsWith("regionCode", StringComparison.Ordinal)));
        await Journey.EndAsync(page);
    }

    private static Task<string> FocusedAsync(IPage page, string expression) => KeyboardFocus.FocusedAsync(page, expression);
}
