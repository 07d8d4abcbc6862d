using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>
/// Runs axe-core over a page with the WCAG 2.0/2.1 A and AA rules, the level GB/T 37668-2019 asks of
/// government sites, and fails with every violation listed so the message alone says what to fix.
/// </summary>
public static class Accessibility
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Fails listing every WCAG A/AA violation; <paramref name="within"/> limits the check to those parts of the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name, params string[] within)
    {
        var violations = await ViolationsAsync(page, within);
        Assert.True(violations.Count == 0, $"{name}: {violations.Count} axe rule(s) violated at {page.Url}{Environment.NewLine}{Describe(violations)}");
    }

    /// <summary>The violations as axe reports them, for a survey that lists them without failing.</summary>
    public static async Task<IReadOnlyList<AxeResultItem>> ViolationsAsync(IPage page, params string[] within)
    {
        // AntDesign fades menus, drawers and messages in: contrast measured mid-animation is wrong.
        await page.WaitForTimeoutAsync(400);
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
            ResultTypes = [ResultType.Violations],
        };
        var result = within.Length == 0
            ? await page.RunAxe(options)
            : await page.RunAxe(new AxeRunContext { Include = within.Select(s => new AxeSelector(s)).ToList() }, options);
        return result.Violations ?? [];
    }

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}, {violation.Nodes.Length} node(s)): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}  {html}");
                // Why it fails, e.g. the measured contrast and colours, so the fix needs no second run.
                if ((node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).FirstOrDefault() is { Length: > 0 } why)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {why.ReplaceLineEndings(" ")}");
                }
            }
        }
        return text.ToString();
    }
}
