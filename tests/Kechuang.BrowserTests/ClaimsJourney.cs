using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// 寿仙谷 reports its own 高企 certificate as a claim (待确认) and a 武义县 clerk finds it waiting, rejects a first
/// one with a reason the enterprise then reads, and confirms the second; desktop and phone. It adds claims, so it runs
/// on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ClaimsJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Enterprise_ClaimsItsCertificate_StaffRejectOneAndConfirmTheOther()
    {
        var enterprise = await _app.NewPageAsync();
        await Journey.SignInAsync(enterprise, "shouxiangu");
        await Journey.GoInteractiveAsync(enterprise, "/enterprises/claims");
        foreach (var number in new[] { "GR202533009901", "GR202533009902" })
        {
            await enterprise.Locator("#number").FillAsync(number);
            await Journey.TypeDateAsync(enterprise, enterprise.Locator("input#issueDate, #issueDate input").First, "2025-12-01");
            if (number.EndsWith('1'))
            {
                await Journey.ScreenshotAsync(enterprise, "claims-01-enterprise-form");
            }
            await enterprise.Locator("#submit").ClickAsync();
            await enterprise.Locator("#claims-table tr", new PageLocatorOptions { HasText = number }).WaitForAsync();
        }
        Assert.Contains("待确认", await enterprise.Locator("#claims-table").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(enterprise, "claims-02-enterprise-waiting");

        var staff = await _app.NewPageAsync();
        await Journey.SignInAsync(staff, "wuyi.staff");
        await Journey.GoInteractiveAsync(staff, "/enterprises/claims?status=pending");
        var first = staff.Locator("#claims-table tr", new PageLocatorOptions { HasText = "GR202533009901" });
        await first.WaitForAsync();
        await Journey.ScreenshotAsync(staff, "claims-03-staff-waiting");
        await first.Locator(".reject").ClickAsync();
        await staff.Locator("#reason").FillAsync("证书编号与高新技术企业公示名单不符");
        await staff.Locator("#reject-confirm").ClickAsync();
        await first.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var second = staff.Locator("#claims-table tr", new PageLocatorOptions { HasText = "GR202533009902" });
        await second.Locator(".confirm").ClickAsync();
        await second.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await Journey.EndAsync(staff);

        await Journey.GoInteractiveAsync(enterprise, "/enterprises/claims?status=rejected");
        var rejected = enterprise.Locator("#claims-table tr", new PageLocatorOptions { HasText = "GR202533009901" });
        await rejected.WaitForAsync();
        Assert.Contains("驳回理由：证书编号与高新技术企业公示名单不符", await rejected.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(enterprise, "claims-04-enterprise-rejected");
        await Journey.GoInteractiveAsync(enterprise, "/enterprises/claims?status=confirmed");
        await enterprise.Locator("#claims-table tr", new PageLocatorOptions { HasText = "GR202533009902" }).WaitForAsync();
        // Only what the enterprise reported: the certificates the bureau entered itself are facts, not claims.
        Assert.Equal("共 1 项已确认的申报", await enterprise.Locator("#claims-total").InnerTextAsync());
        await Journey.EndAsync(enterprise);

        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "shouxiangu");
        await Journey.GoInteractiveAsync(phone, "/enterprises/claims?status=rejected");
        await phone.Locator("h1").WaitForAsync();
        await Phone.AssertNoHorizontalOverflowAsync(phone, "/enterprises/claims");
        await Journey.ScreenshotAsync(phone, "claims-05-phone-enterprise");
        await Journey.EndAsync(phone);
    }
}
