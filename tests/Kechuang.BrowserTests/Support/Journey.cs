using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>Steps every journey shares: sign in and out, wait for the interactive page, save screenshots.</summary>
public static class Journey
{
    /// <summary>
    /// Git-ignored: a test run leaves the tracked pictures in docs/screenshots alone; scripts/screenshots.sh copies
    /// those named in docs/ui.md over when someone means to refresh them.
    /// </summary>
    public static readonly string ScreenshotFolder = Path.Combine(Repository.Root, "artifacts", "screenshots");

    public static async Task SignInAsync(IPage page, string userName, string password = BrowserApp.Password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await SecondFactorSteps.CompleteSignInAsync(page, userName);
    }

    /// <summary>Pages are prerendered first; clicks only work once the Blazor circuit is connected.</summary>
    public static async Task WaitInteractiveAsync(IPage page)
    {
        await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        // Date pickers take typed days through a script attached after their first render; keys pressed before it is
        // attached reach only the picker itself, which loses the day on Tab (see typed-date.js).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.kc-typed-date')].every(e => e.dataset.kcTyped === '1')");
    }

    /// <summary>
    /// Types a date into a date box key by key and leaves it with Tab, as a user does. The journey waits for the
    /// calendar the click opens before typing: on a busy machine a Tab could otherwise overtake the opening, and the
    /// calendar would open afterwards and stay over the fields below. A busy machine can also lose the typed text
    /// before the picker takes it (the box then falls back to empty on leaving), so the date is typed again until the
    /// box holds it.
    /// </summary>
    public static async Task TypeDateAsync(IPage page, ILocator box, string text)
    {
        var open = page.Locator(".ant-picker-dropdown:visible");
        for (var attempt = 1; ; attempt++)
        {
            await box.ClickAsync();
            await open.First.WaitForAsync();
            await box.PressAsync("Control+A");
            await box.PressSequentiallyAsync(text);
            await box.PressAsync("Tab");
            await open.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
            for (var look = 0; look < 10 && await box.InputValueAsync() != text; look++)
            {
                await page.WaitForTimeoutAsync(200);
            }

            var held = await box.InputValueAsync();
            if (held == text)
            {
                return;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"The date picker did not take \"{text}\" after three tries; it holds \"{held}\".");
            }
        }
    }

    public static async Task GoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
        await CheckAccessibilityAsync(page);
    }

    /// <summary>
    /// Every page a journey visits must pass axe (WCAG 2.0/2.1 A and AA): checked once per path when a journey opens
    /// it, takes a screenshot or ends, and reported with the page's other problems at <see cref="EndAsync"/>.
    /// </summary>
    public static Task CheckAccessibilityAsync(IPage page) => PageProblems.Of(page).CheckAccessibilityAsync(page);

    /// <summary>
    /// Picks an option of an AntDesign select, typing into its search box first when given, and waits until the select
    /// shows it. On a busy machine a render of the live page can overtake the click and the select stays empty; the
    /// option is then chosen again (three tries), and a choice that never shows fails here rather than at the save.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string selectSelector, string optionText, string? typeFirst = null)
    {
        var box = page.Locator($".ant-select:has({selectSelector}), {selectSelector}.ant-select").First;
        var open = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
        for (var attempt = 1; ; attempt++)
        {
            if (attempt == 1 || await open.CountAsync() == 0)
            {
                await page.Locator(selectSelector).ClickAsync();
                if (typeFirst is not null)
                {
                    await page.Keyboard.TypeAsync(typeFirst);
                }
            }
            var option = open.Locator(".ant-select-item-option", new LocatorLocatorOptions { HasText = optionText }).First;
            try
            {
                await option.ClickAsync(new LocatorClickOptions { Timeout = 8_000 });
            }
            catch (TimeoutException)
            {
                // A long filtered list on a busy machine may keep the dropdown moving (its opening animation, its virtual
                // scroll): the option is there, so it is clicked where it is rather than where it will come to rest.
                await option.DispatchEventAsync("click");
            }

            // A select this helper cannot find around the selector (a wrapper of its own) is taken at its word.
            if (await box.CountAsync() == 0)
            {
                return;
            }
            try
            {
                await box.Locator(".ant-select-selection-item", new LocatorLocatorOptions { HasText = optionText }).First
                    .WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException(
                    $"The select {selectSelector} does not show \"{optionText}\" after three tries; it shows \"{await box.InnerTextAsync()}\".");
            }
        }
    }

    /// <summary>
    /// Clicks the form's save button and waits for the page the save leads to (its address contains
    /// <paramref name="savedMark"/>). When the form answers with a problem instead, or nothing happens in
    /// <paramref name="timeoutMs"/>, the journey fails with what the page shows (the alert, the fields' messages)
    /// and a screenshot "failed-save-…" beside the others, so a failure far away says why.
    /// </summary>
    public static async Task SaveAsync(IPage page, string savedMark = "saved=1", string button = "#save", int timeoutMs = 30_000)
    {
        var problems = page.Locator("#form-alert, .ant-form-item-explain-error, #page-failure, #blazor-error-ui:visible");
        // A form that showed problems before this save keeps them until the answer comes: only the address then tells.
        var shownBefore = await problems.CountAsync() > 0;
        await page.Locator(button).ClickAsync();
        var saved = page.WaitForURLAsync(url => url.Contains(savedMark, StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = timeoutMs });
        var refused = shownBefore ? Task.Delay(Timeout.Infinite) : problems.First.WaitForAsync(new LocatorWaitForOptions { Timeout = timeoutMs });
        var first = await Task.WhenAny(saved, refused);
        if (first == saved && saved.IsCompletedSuccessfully)
        {
            return;
        }

        var shown = await problems.AllInnerTextsAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        var picture = Path.Combine(ScreenshotFolder, $"failed-save-{DateTime.UtcNow:HHmmss}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = picture, FullPage = true });
        var what = shown.Count > 0 ? "the form answered: " + string.Join(" | ", shown) : $"nothing happened in {timeoutMs} ms";
        throw new InvalidOperationException($"Saving at {page.Url} did not lead to a page with \"{savedMark}\": {what} (screenshot {picture}).");
    }

    public static async Task SignOutAsync(IPage page)
    {
        // Signing out ends the circuit; a picker's script that calls into .NET in that moment gets this answer.
        ExpectError(page, "There was an exception invoking 'Invoke'");
        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Saves a full-page PNG into artifacts/screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Let AntDesign's transitions settle so the picture shows the final state.
        await page.WaitForTimeoutAsync(400);
        await CheckAccessibilityAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Announces an answer the journey provokes on purpose (a refused page): <paramref name="status"/> for a path
    /// starting with <paramref name="pathStart"/> is then no problem at <see cref="EndAsync"/>.
    /// </summary>
    public static void ExpectStatus(IPage page, int status, string pathStart) => PageProblems.Of(page).ExpectStatus(status, pathStart);

    /// <summary>
    /// Announces a browser console or script error the journey provokes on purpose: any problem whose text contains
    /// <paramref name="textFragment"/> is then no problem at <see cref="EndAsync"/>. Say why beside the call.
    /// </summary>
    public static void ExpectError(IPage page, string textFragment) => PageProblems.Of(page).ExpectError(textFragment);

    /// <summary>Closes the page's browser context and fails when anything went wrong on the page (see <see cref="PageProblems"/>).</summary>
    public static async Task EndAsync(IPage page)
    {
        if (!page.IsClosed)
        {
            await CheckAccessibilityAsync(page);
        }
        var problems = PageProblems.Of(page).Check();
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, $"the page had problems:\n{string.Join('\n', problems)}");
    }
}
