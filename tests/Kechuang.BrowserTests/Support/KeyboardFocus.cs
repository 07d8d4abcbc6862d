using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>Where keyboard focus is, and whether a sighted user can see it.</summary>
public static class KeyboardFocus
{
    /// <summary>
    /// "outline" or "shadow" when the focused element, or the box AntDesign draws around a select, input or picker, shows
    /// focus; "none" when nothing on screen tells where the cursor is.
    /// </summary>
    public const string FocusRing = """
        e => {
            const box = e.closest('.ant-select, .ant-input-affix-wrapper, .ant-picker') || e;
            const drawn = getComputedStyle(box.matches('.ant-select') ? box.querySelector('.ant-select-selector') : box);
            const own = getComputedStyle(e);
            return own.outlineStyle !== 'none' && own.outlineWidth !== '0px' ? 'outline' : drawn.boxShadow !== 'none' ? 'shadow' : 'none';
        }
        """;

    /// <summary>The focused element's id, or its nearest ancestor's (AntDesign puts a field's id on its wrapper).</summary>
    public const string FocusedId = "e => e.id || (e.closest('[id]') || {}).id || e.tagName";

    public static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => ({expression})(document.activeElement)");

    /// <summary>Presses <paramref name="key"/> (Tab, Shift+Tab) and checks that focus lands on <paramref name="id"/> and shows there.</summary>
    public static async Task MoveToAsync(IPage page, string id, string key = "Tab")
    {
        await page.Keyboard.PressAsync(key);
        await ExpectFocusAsync(page, id);
    }

    /// <summary>Focus is on <paramref name="id"/> and visible (WCAG 2.4.7).</summary>
    public static async Task ExpectFocusAsync(IPage page, string id)
    {
        // A re-render of the live page can land a moment after the key: look again briefly before failing.
        var at = "";
        for (var attempt = 0; attempt < 10 && at != id; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(100);
            }
            at = await FocusedAsync(page, FocusedId);
        }
        Assert.Equal(id, at);
        Assert.True(await FocusedAsync(page, FocusRing) != "none", $"focus on {id} is not visible");
    }

    /// <summary>Presses Tab until focus reaches <paramref name="id"/>, checking that every stop on the way shows its focus.</summary>
    public static async Task TabUntilAsync(IPage page, string id, int most = 60)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var at = await FocusedAsync(page, FocusedId);
            Assert.True(await FocusedAsync(page, FocusRing) != "none", $"focus on {at} is not visible");
            if (at == id)
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {id}");
    }
}
