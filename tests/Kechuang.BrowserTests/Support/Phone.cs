using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>A phone-sized page and the layout checks a phone journey makes.</summary>
public static class Phone
{
    /// <summary>A fresh context the size of a common phone (390×844, touch), in Chinese like the desktop journeys.</summary>
    public static Task<IPage> NewPageAsync(BrowserApp app) =>
        app.NewPageAsync(o =>
        {
            o.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            o.IsMobile = true;
            o.HasTouch = true;
        });

    /// <summary>Fails when anything makes the whole page wider than the screen (the page then pans sideways).</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth, $"{where}: the page is {scrollWidth}px wide on a {innerWidth}px screen");
    }

    /// <summary>How many lines the element's text takes: a title squeezed by its buttons wraps once per character.</summary>
    public static async Task<double> LinesAsync(ILocator element) =>
        await element.EvaluateAsync<double>("e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)");
}
