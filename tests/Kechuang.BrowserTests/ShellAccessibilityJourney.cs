using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// The shell on a desktop against WCAG 2.1 AA (GB/T 37668-2019): axe finds nothing on the sign-in,
/// home and change-password pages, and a keyboard alone signs in and follows a menu item.
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

    private static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => ({expression})(document.activeElement)");
}
