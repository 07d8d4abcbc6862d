using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// The city administrator opens the account list, creates a county account whose password must be
/// changed, and checks the audit chain; the new user is sent to the change-password page at first sign-in.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class AdminAccountsJourney(BrowserApp app)
{
    [Fact]
    public async Task Admin_CreatesAccountWithPasswordToChange_UserMustChangeItAtFirstSignIn()
    {
        var page = await app.NewPageAsync();
        const string initial = "Panan-Init-2026!";
        const string changed = "Panan-Mine-2026#";

        await Journey.SignInAsync(page, "admin");
        await Journey.GoInteractiveAsync(page, "/admin/accounts");
        await page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "wuyi.staff" }).WaitForAsync();
        Assert.Contains("panan.staff", await page.Locator(".ant-table-tbody").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "10-account-list");

        await page.Locator("#new-account").ClickAsync();
        await page.Locator("#account-userName").FillAsync("panan.clerk");
        await page.Locator("#account-displayName").FillAsync("磐安县科技局 李文");
        await Journey.ChooseAsync(page, "#account-role", "县（市、区）科技局工作人员");
        await Journey.ChooseAsync(page, "#account-region", "磐安县（330727）", "磐安县");
        await page.Locator("#account-password").FillAsync(initial);
        await Journey.ScreenshotAsync(page, "11-create-account");
        await page.Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await page.Locator("#notice", new PageLocatorOptions { HasText = "panan.clerk" }).WaitForAsync();
        var row = page.Locator(".ant-table-tbody tr", new PageLocatorOptions { HasText = "panan.clerk" });
        await page.Locator("#account-search").FillAsync("panan.clerk");
        await page.Locator("#account-search").PressAsync("Enter");
        await page.Locator(".kc-total", new PageLocatorOptions { HasText = "共 1 个账号" }).WaitForAsync();
        Assert.Contains("待改密", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "12-account-created");

        // The audit log is the audit administrator's (separation of duties), not the city administrator's.
        await Journey.SignOutAsync(page);
        await Journey.SignInAsync(page, "auditor");
        await Journey.GoInteractiveAsync(page, "/admin/audit");
        await page.Locator("#verify-chain").ClickAsync();
        await page.Locator("#chain-result", new PageLocatorOptions { HasText = "审计链完整" }).WaitForAsync();
        await page.Locator("summary", new PageLocatorOptions { HasText = "查看修改前后" }).First.ClickAsync();
        await page.Locator(".kc-diff").First.WaitForAsync();
        await Journey.ScreenshotAsync(page, "13-audit-log");
        await Journey.SignOutAsync(page);

        await Journey.SignInAsync(page, "panan.clerk", initial);
        Assert.EndsWith("/account/change-password", page.Url, StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "14-change-password");
        await page.Locator("#currentPassword").FillAsync(initial);
        await page.Locator("#newPassword").FillAsync(changed);
        await page.Locator("#confirmPassword").FillAsync(changed);
        await page.Locator("button[type=submit]", new PageLocatorOptions { HasText = "确认修改" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("passwordChanged=1", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        Assert.Contains("磐安县", await page.Locator("#data-scope").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "15-password-changed");
        await Journey.EndAsync(page);
    }
}
