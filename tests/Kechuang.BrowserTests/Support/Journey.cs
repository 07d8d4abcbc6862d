using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>Steps every journey shares: sign in and out, wait for the interactive page, save screenshots.</summary>
public static class Journey
{
    public static readonly string ScreenshotFolder = Path.Combine(RepositoryRoot(), "docs", "screenshots");

    public static async Task SignInAsync(IPage page, string userName, string password = BrowserApp.Password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Pages are prerendered first; clicks only work once the Blazor circuit is connected.</summary>
    public static async Task WaitInteractiveAsync(IPage page) =>
        await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task GoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    /// <summary>Picks an option of an AntDesign select, typing into its search box first when given.</summary>
    public static async Task ChooseAsync(IPage page, string selectSelector, string optionText, string? typeFirst = null)
    {
        await page.Locator(selectSelector).ClickAsync();
        if (typeFirst is not null)
        {
            await page.Keyboard.TypeAsync(typeFirst);
        }
        await page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", new PageLocatorOptions { HasText = optionText })
            .First.ClickAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Saves a full-page PNG into docs/screenshots (the README shows them).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Let AntDesign's transitions settle so the picture shows the final state.
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kechuang.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Kechuang.slnx not found above " + AppContext.BaseDirectory);
    }
}
