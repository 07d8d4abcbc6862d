using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>Debian's Chromium (/usr/bin/chromium, nothing downloaded), headless, and pages set up the same way for every test.</summary>
public static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>A page in its own context (own cookies), 1366×820, zh-CN, Asia/Shanghai, watched by <see cref="PageProblems"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, string baseUrl, Action<BrowserNewContextOptions>? adjust = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        };
        adjust?.Invoke(options);
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        PageProblems.Watch(page, baseUrl);
        return page;
    }
}
