using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk finds 徐世群代表's suggestion 武35号 by its number, reads its handling history (assigned, signed for, the
/// co-handlers' opinions, 面商, the reply of 2023-07-06, 满意), generates its reply letter from the records, reads the
/// downloaded .docx (title, 8.29亿元, signatory and day) and follows 8.29亿元 to the registered contracts that add up to
/// it, after editing the reply template (a mistyped token named by the server, the preview); then assigns 武12号 to 金华市科学技术局 with 武义县人民政府 co-handling, and signs it for; the list, the suggestion
/// and the form also on a phone. It assigns a suggestion, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class SuggestionsJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_ReadWu35sHistory_AndAssignAndSignForAnotherSuggestion()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        await Journey.GoInteractiveAsync(page, "/suggestions");
        await page.Locator("#suggestions-search").FillAsync("武35号");
        await page.Locator("#suggestions-search").PressAsync("Enter");
        var row = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "关于加强山区县科技创新工作扶持力度的建议" });
        // The unfiltered list shows the row too: wait for the search's count, not for the row.
        await page.Locator("#suggestions", new PageLocatorOptions { HasText = "共 1 件建议" }).WaitForAsync();
        await row.WaitForAsync();
        Assert.Contains("已公开", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "suggestions-01-found-by-number");

        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/suggestions/", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        var timeline = page.Locator("#timeline");
        await timeline.Locator("text=2023-07-06 答复").WaitForAsync();
        var history = await timeline.InnerTextAsync();
        Assert.Contains("交办金华市科学技术局主办，中共金华市委组织部、武义县人民政府会办", history, StringComparison.Ordinal);
        Assert.Contains("代表反馈：满意", history, StringComparison.Ordinal);
        await page.Locator(".ant-descriptions", new PageLocatorOptions { HasText = "马苏娟，82270195" }).WaitForAsync();
        Assert.Contains("办理前", await page.Locator("#contacts").InnerTextAsync(), StringComparison.Ordinal);
        var wu35 = new Uri(page.Url).PathAndQuery;
        await Journey.ScreenshotAsync(page, "suggestions-02-wu35-history");

        // The reply template: a mistyped indicator code is named by the server under the body, the token list finds the
        // right one, the preview computes the figures from the records without saving, and the template is saved.
        await page.Locator("#reply-template").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/reply-template", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        var body = page.Locator("#template-body");
        var template = await body.InputValueAsync();
        const string Amount = "{{contracts.transaction-amount|330723|2022|亿元}}";
        Assert.Contains(Amount, template, StringComparison.Ordinal);
        await body.FillAsync(template.Replace(Amount, "{{contracts.transaction-amout|330723|2022|亿元}}", StringComparison.Ordinal));
        await page.Locator("#template-save").ClickAsync();
        await page.Locator(".ant-form-item:has(#template-body)", new PageLocatorOptions { HasText = "指标“contracts.transaction-amout”不存在" }).WaitForAsync();
        await page.Locator("#token-filter").FillAsync("技术交易额");
        await page.Locator("#token-filter").PressAsync("Enter");
        await page.Locator("#token-indicators", new PageLocatorOptions { HasText = "contracts.transaction-amount" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "suggestions-10-template-bad-token");
        await body.FillAsync(template);
        await page.Locator("#template-preview").ClickAsync();
        await page.Locator("#template-letter", new PageLocatorOptions { HasText = "目前已完成技术交易额登记8.29亿元" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.Locator("#template-save").ClickAsync();
        await page.Locator("#template-saved").WaitForAsync();
        await Journey.ScreenshotAsync(page, "suggestions-11-template-preview");
        await page.Locator("#template-back").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/reply-template", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);

        // The reply letter from today's records: its figures in the letter's wording, each a link to the records it counts.
        await page.Locator("#reply-generate").ClickAsync();
        var preview = page.Locator("#reply-preview");
        await preview.Locator("text=8.29亿元").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("联系人：马苏娟", await preview.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await preview.Locator("a").CountAsync() > 10, "the preview links its figures to their records");
        await page.Locator("#reply-docx-1").WaitForAsync();
        await Journey.ScreenshotAsync(page, "suggestions-08-reply-letter");

        // The Word file holds the letter as generated: the title, the figure, the signatory and the day last.
        var title = (await preview.Locator(".kc-reply-title").InnerTextAsync()).Trim();
        Assert.Contains("武35号", title, StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#reply-docx-1").ClickAsync());
        Assert.Equal("答复函-武35号-第1版.docx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        List<string> paragraphs;
        using (var document = WordprocessingDocument.Open(file, false))
        {
            paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        }
        File.Delete(file);
        Assert.Equal(title, paragraphs[0]);
        Assert.Contains(paragraphs, p => p.Contains("目前已完成技术交易额登记8.29亿元", StringComparison.Ordinal));
        Assert.Equal(["金华市科学技术局", "2023年7月6日"], paragraphs[^2..]);

        // One figure through to its records: 8.29亿元 opens the contracts registered in 2022, whose 技术交易额 add up to it.
        var figure = preview.Locator("a.kc-reply-figure", new LocatorLocatorOptions { HasText = "8.29亿元" }).First;
        Assert.Contains("技术交易额", await figure.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        await figure.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/contracts?", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        var totals = page.Locator("#totals", new PageLocatorOptions { HasText = "技术交易额" });
        await totals.WaitForAsync();
        var sums = await totals.InnerTextAsync();
        Assert.Contains("829,000,000.00 元（8.29亿元）", sums, StringComparison.Ordinal);
        Assert.Contains("合计 48 项", sums, StringComparison.Ordinal);
        Assert.Contains("已登记", await page.Locator(".ant-table-tbody tr.ant-table-row").First.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "suggestions-09-figure-records");

        await Journey.GoInteractiveAsync(page, "/suggestions?q=武12号");
        var waiting = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "武12号" });
        await waiting.WaitForAsync();
        await waiting.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/suggestions/", StringComparison.Ordinal) && !url.Contains("q=", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#action-assign").ClickAsync();
        await page.Locator("#action-panel").WaitForAsync();
        await Journey.ChooseAsync(page, "#p-lead", "金华市科学技术局", "金华市科学");
        await Journey.ChooseAsync(page, "div#p-co", "武义县人民政府", "武义县人民");
        await page.Locator("#action-panel h2").ClickAsync();
        // A choice is a round trip to the server: the co-handler's tag shows once it is taken, before the submit.
        await page.Locator("div#p-co .ant-select-selection-item", new PageLocatorOptions { HasText = "武义县人民政府" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "suggestions-03-assign");
        await page.Locator("#p-submit").ClickAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "已交办" }).WaitForAsync();
        Assert.Contains("武义县人民政府", await page.Locator("#co-handlers").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#action-sign-for").ClickAsync();
        await page.Locator("#p-submit").ClickAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "已签收" }).WaitForAsync();
        // AntDesign's Timeline lays out a new item a render after the status tag changes: wait for it.
        await Assertions.Expect(timeline).ToContainTextAsync("主办单位签收");
        await page.Locator("#action-start").WaitForAsync();
        await Journey.ScreenshotAsync(page, "suggestions-04-signed-for");
        await Journey.EndAsync(page);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        foreach (var (url, name) in new[]
        {
            ("/suggestions", "suggestions-05-phone-list"), (wu35, "suggestions-06-phone-wu35"), ("/suggestions/new", "suggestions-07-phone-form"),
        })
        {
            await Journey.GoInteractiveAsync(phone, url);
            await phone.Locator("h1").WaitForAsync();
            await Phone.AssertNoHorizontalOverflowAsync(phone, url);
            await Journey.ScreenshotAsync(phone, name);
        }
        await Journey.EndAsync(phone);
    }
}
