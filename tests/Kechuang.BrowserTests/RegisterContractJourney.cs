using System.Text.RegularExpressions;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A Wuyi county clerk reviews and registers a submitted technology contract; the home figure of the
/// registration year changes. The dashboard shows the two latest years that have a 技术交易额 target
/// (demo: 2022 and 2023) and a contract counts in the year of its registration date (today), so the
/// city bureau first sets this year's target through the API: the figure that must change is this year's.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class RegisterContractJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    private const string Title = "灵芝孢子粉微囊化技术合作开发"; // demo: submitted, 技术交易额 8,800,000.00 yuan

    [Fact]
    public async Task CountyStaff_ReviewsAndRegistersSubmittedContract_YearFigureOnHomeChanges()
    {
        var year = DateTime.UtcNow.AddHours(8).Year; // registration date is the Beijing date of today
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");
        await Journey.WaitInteractiveAsync(page);
        // The letter's figure (A13), on the home page of 2022 picked from the year selector.
        await Journey.ChooseAsync(page, "#dashboard-year", "2022年");
        await page.WaitForURLAsync(new Regex("year=2022"));
        var figure2022 = page.Locator(".kc-figure-card", new PageLocatorOptions { HasText = "2022年技术交易额" }).First;
        Assert.Contains("8.29亿元", Squash(await figure2022.InnerTextAsync()), StringComparison.Ordinal);

        // 市科技局 sets this year's target for 武义县: 17,600,000 yuan, so the contract alone is 50%.
        using (var city = await Api.ClientAsync(_app, "city.staff"))
        {
            await Api.PostAsync(city, "/api/v1/targets", new
            {
                regionCode = "330723",
                year,
                indicatorCode = "contracts.transaction-amount",
                comparator = ">=",
                target = 17_600_000m,
            });
        }
        await Journey.GoInteractiveAsync(page, $"/?year={year}");
        var yearFigure = page.Locator(".kc-figure-card", new PageLocatorOptions { HasText = $"{year}年技术交易额" }).First;
        await yearFigure.WaitForAsync();
        var before = Squash(await yearFigure.InnerTextAsync());
        Assert.DoesNotContain("880万元", before, StringComparison.Ordinal);

        await Journey.GoInteractiveAsync(page, "/contracts?status=submitted&regionCode=330723");
        var row = page.Locator("#contracts tbody tr", new PageLocatorOptions { HasText = Title });
        await row.WaitForAsync();
        Assert.Contains("已提交", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "50-contract-list");

        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/contracts/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#review").WaitForAsync();
        Assert.Equal("已提交", (await page.Locator("#status").InnerTextAsync()).Trim());
        await Journey.ScreenshotAsync(page, "51-contract-submitted");

        await page.Locator("#review").ClickAsync();
        await page.Locator("#register").WaitForAsync();
        Assert.Equal("审核中", (await page.Locator("#status").InnerTextAsync()).Trim());
        await Journey.ScreenshotAsync(page, "52-contract-under-review");

        await page.Locator("#register").ClickAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "已登记" }).WaitForAsync();
        var number = (await page.Locator("#registration-number").InnerTextAsync()).Trim();
        // Two-digit year, 金华市 3307, 武义县's registration point 03, six-digit sequence.
        Assert.Matches($"^{year % 100:D2}330703\\d{{6}}$", number);
        Assert.Contains(number, await page.Locator(".ant-alert").First.InnerTextAsync(), StringComparison.Ordinal);
        // Timeline: created, submitted, under review, registered.
        Assert.True(await page.Locator(".ant-timeline-item").CountAsync() >= 4);
        Assert.Equal(0, await page.Locator("#register").CountAsync());
        await Journey.ScreenshotAsync(page, "53-contract-registered");

        await Journey.GoInteractiveAsync(page, $"/?year={year}");
        await yearFigure.WaitForAsync();
        var after = Squash(await yearFigure.InnerTextAsync());
        Assert.NotEqual(before, after);
        Assert.Contains("880万元", after, StringComparison.Ordinal);
        var rate = page.Locator(".kc-figure-card", new PageLocatorOptions { HasText = $"{year}年技术交易额目标完成率" }).First;
        Assert.Contains("目标≥1760万元", Squash(await rate.InnerTextAsync()), StringComparison.Ordinal);
        Assert.Contains("50%", Squash(await rate.InnerTextAsync()), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "54-home-figure-changed");

        // The figure opens the registered contracts it counts: the one just registered.
        await yearFigure.ClickAsync();
        await page.Locator("#contracts tbody tr", new PageLocatorOptions { HasText = number }).WaitForAsync();

        // This year's technology-market statistics count it under its type, its 技术领域 and its buyer's region; the
        // cell opens it.
        await Journey.GoInteractiveAsync(page, "/contracts/statistics");
        var typeRow = page.Locator("#breakdown-type tbody tr[data-key='development-cooperative']");
        await typeRow.WaitForAsync();
        await page.Locator("#breakdown-tech-field canvas").First.WaitForAsync();
        await Journey.ScreenshotAsync(page, "55-contract-statistics");
        await typeRow.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex("dimension=type&key=development-cooperative"));
        await page.Locator("#contracts tbody tr", new PageLocatorOptions { HasText = number }).WaitForAsync();
        Assert.Contains("合同类型：合作开发", await page.Locator("#cell-filter").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "56-statistics-cell-contracts");
        await Journey.EndAsync(page);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", "");
}
