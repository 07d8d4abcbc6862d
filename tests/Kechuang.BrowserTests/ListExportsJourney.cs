using System.Text.RegularExpressions;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk exports two lists as shown: the matchmaking events narrowed to 线下 give a file of exactly the rows
/// counted on screen, and the registration points page (a short table without a toolbar) gives the county's one point;
/// the points page also at phone width. An export saves no record, only its audit entry.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class ListExportsJourney(BrowserApp app)
{
    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [Fact]
    public async Task CountyStaff_ExportTheFilteredEventsAndTheRegistrationPoints()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/transfer/events");
        await page.Locator("#events .ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        await Journey.ChooseAsync(page, "#mode-filter", "线下");
        await page.WaitForFunctionAsync("() => document.querySelector('#events-export').getAttribute('href').includes('mode=offline')");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#events .ant-table-tbody tr.ant-table-row')].every(r => r.innerText.includes('线下'))");
        var shown = int.Parse(Number().Match(await page.Locator("#events .kc-list-total").InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);
        // The pointer rests where the option was, over a sortable header whose tooltip would hide the filter.
        await page.Mouse.MoveAsync(600, 5);
        await Journey.ScreenshotAsync(page, "list-export-01-events-offline");

        var events = await DownloadAsync(page, "#events-export");
        Assert.Contains("mode=offline", events.Url, StringComparison.Ordinal);
        Assert.Equal(shown, events.Rows.Count);
        Assert.All(events.Rows, r => Assert.Equal("线下", r["形式"]?.ToString()));
        Assert.All(events.Rows, r => Assert.StartsWith("330723", r["行政区划代码"]?.ToString(), StringComparison.Ordinal));

        await Journey.GoInteractiveAsync(page, "/contracts/registration-points");
        await page.Locator(".ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        await Journey.ScreenshotAsync(page, "list-export-02-registration-points");
        var points = await DownloadAsync(page, "#points-export");
        var point = Assert.Single(points.Rows);
        Assert.Equal(("03", "武义县"), (point["登记点编号"]?.ToString(), point["所在县（市、区）"]?.ToString()));
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        await Journey.GoInteractiveAsync(phone, "/contracts/registration-points");
        await phone.Locator(".ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        Assert.True(await phone.Locator("#points-export").IsVisibleAsync());
        await Phone.AssertNoHorizontalOverflowAsync(phone, "registration points");
        await Journey.ScreenshotAsync(phone, "list-export-03-registration-points-phone");
        await Journey.EndAsync(phone);
    }

    private static async Task<(string Url, List<IDictionary<string, object?>> Rows)> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(link).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"kechuang-list-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            return (download.Url, MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
