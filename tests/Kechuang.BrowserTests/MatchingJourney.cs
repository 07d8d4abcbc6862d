using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk opens the demand 锂电池电动工具无刷电机控制算法优化 and reads its matches with their reasons; then, on the
/// thesaurus page, adds the synonym group 控制算法；矢量控制；伺服控制 (after saving the empty form and reading what is
/// missing), finds it by search, and sees the demand's matches use it once the index has followed the change; the
/// thesaurus page and the matches also on a phone. It adds a synonym group, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class MatchingJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private const string Demand = "锂电池电动工具无刷电机控制算法优化";

    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_ReadADemandsMatches_AddASynonymGroup_AndSeeTheMatchesUseIt()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/transfer/demands");
        await page.Locator("#demand-search").FillAsync("无刷电机控制算法");
        await page.Locator("#demand-search").PressAsync("Enter");
        await page.Locator("#demands", new PageLocatorOptions { HasText = "共 1 条需求" }).WaitForAsync();
        await page.Locator(".ant-table-tbody a", new PageLocatorOptions { HasText = Demand }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/transfer/demands/[0-9a-f-]{36}$"));
        await Journey.WaitInteractiveAsync(page);
        var demandUrl = new Uri(page.Url).PathAndQuery;
        var achievements = page.Locator("#matches-achievements");
        var first = achievements.Locator(".kc-match").First;
        await first.WaitForAsync();
        var firstText = await first.InnerTextAsync();
        Assert.Contains("电动工具无刷电机高效驱动技术", firstText, StringComparison.Ordinal);
        Assert.Contains("关键词相同", firstText, StringComparison.Ordinal);
        Assert.Contains("「无刷电机」见于", firstText, StringComparison.Ordinal);
        Assert.DoesNotContain("「控制算法」的同义词", await achievements.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#matches").ScrollIntoViewIfNeededAsync();
        await Journey.ScreenshotAsync(page, "matching-01-demand-matches");

        await Journey.GoInteractiveAsync(page, "/matching/thesaurus");
        await page.Locator("#synonyms .ant-table-tbody tr", new PageLocatorOptions { HasText = "BLDC电机" }).WaitForAsync();
        await page.Locator("#domain-words .ant-table-tbody tr.ant-table-row").First.WaitForAsync();
        await Journey.ScreenshotAsync(page, "matching-02-thesaurus");

        // Saved empty: the form says, under the field and in Chinese, what a group needs.
        await page.Locator("#new-synonym").ClickAsync();
        var modal = page.Locator(".ant-modal-content");
        await modal.Locator("#synonym-words").WaitForAsync();
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await modal.Locator(".ant-form-item-explain-error", new LocatorLocatorOptions { HasText = "同义词组至少要有两个词，用“；”分隔" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "matching-03-empty-group");

        await modal.Locator("#synonym-words").FillAsync("控制算法；矢量控制；伺服控制");
        await modal.Locator("#synonym-note").FillAsync("电机控制的不同叫法");
        await modal.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await page.Locator("#notice", new PageLocatorOptions { HasText = "已保存" }).WaitForAsync();

        await page.Locator("#synonyms-search").FillAsync("伺服控制");
        await page.Locator("#synonyms-search").PressAsync("Enter");
        await page.Locator("#synonyms", new PageLocatorOptions { HasText = "共 1 个同义词组" }).WaitForAsync();
        var row = page.Locator("#synonyms .ant-table-tbody tr", new PageLocatorOptions { HasText = "矢量控制" });
        await row.WaitForAsync();
        Assert.Contains("电机控制的不同叫法", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "matching-04-group-found");

        // The index follows the change log about once a second and cuts every text again with the new words: a bounded wait.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string matches;
        do
        {
            await Journey.GoInteractiveAsync(page, demandUrl);
            await achievements.Locator(".kc-match").First.WaitForAsync();
            matches = await achievements.InnerTextAsync();
        }
        while (!matches.Contains("「控制算法」的同义词", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Contains("「控制算法」的同义词", matches, StringComparison.Ordinal);
        var bySynonym = achievements.Locator(".kc-match", new LocatorLocatorOptions { HasText = "「控制算法」的同义词" }).First;
        await bySynonym.ScrollIntoViewIfNeededAsync();
        await Journey.ScreenshotAsync(page, "matching-05-matches-use-the-group");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        foreach (var (url, name) in new[] { ("/matching/thesaurus", "matching-06-phone-thesaurus"), (demandUrl, "matching-07-phone-demand") })
        {
            await Journey.GoInteractiveAsync(phone, url);
            await phone.Locator("h1").WaitForAsync();
            await Phone.AssertNoHorizontalOverflowAsync(phone, url);
            await Journey.ScreenshotAsync(phone, name);
        }
        await phone.Locator("#matches-achievements .kc-match").First.ScrollIntoViewIfNeededAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "matches");
        await Journey.ScreenshotAsync(phone, "matching-08-phone-matches");
        await Journey.EndAsync(phone);
    }
}
