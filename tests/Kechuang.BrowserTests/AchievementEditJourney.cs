using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// 浙江师范大学's account edits its own listed achievement from the detail page: a bad price is refused with the
/// same message as on create, then the corrected listing is saved and shown.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class AchievementEditJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Owner_EditsItsAchievement_BadPriceRefusedThenSaved()
    {
        using var zjnu = await Api.ClientAsync(_app, "zjnu");
        var owner = (await Api.GetAsync(zjnu, $"/api/v1/organizations?q={Uri.EscapeDataString("浙江师范大学")}&kind=institution"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var id = (await Api.PostAsync(zjnu, "/api/v1/achievements", new
        {
            title = "香榧林下黄精套种技术",
            ownerOrganizationId = owner,
            field = "现代农业",
            keywords = new[] { "香榧", "黄精" },
            maturity = "中试阶段",
            description = "武义山区香榧林下套种黄精的栽培技术。",
            expectedPrice = 300_000m,
            contactName = "陈老师",
        })).GetProperty("id").GetGuid();
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "zjnu");

        await Journey.GoInteractiveAsync(page, $"/market/achievements/{id}");
        await page.Locator("#edit").ClickAsync();
        await page.WaitForURLAsync($"**/market/achievements/{id}/edit");
        await Journey.WaitInteractiveAsync(page);
        Assert.Equal("香榧林下黄精套种技术", await page.Locator("#title").InputValueAsync());
        await page.Locator("#title").FillAsync("香榧林下黄精套种与初加工技术");
        await page.Locator("#price").FillAsync("-5");
        await page.Locator("#description").FillAsync("武义山区香榧林下套种黄精的栽培与九蒸九晒初加工技术，已在3个村示范。");
        await page.Locator("#save").ClickAsync();
        await page.Locator(".mk-error", new PageLocatorOptions { HasText = "意向价格须为正数" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "66-achievement-edit-refused");

        await page.Locator("#price").FillAsync("360000");
        await page.Locator("#save").ClickAsync();
        await page.WaitForURLAsync($"**/market/achievements/{id}");
        await page.Locator("h1", new PageLocatorOptions { HasText = "香榧林下黄精套种与初加工技术" }).WaitForAsync();
        Assert.Contains("九蒸九晒", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("36万元", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "67-achievement-edited");
        await Journey.EndAsync(page);
    }
}
