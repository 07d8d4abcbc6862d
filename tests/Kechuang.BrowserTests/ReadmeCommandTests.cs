using System.Text.RegularExpressions;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// README's run command exactly — <c>dotnet run --project src/Kechuang</c>, which builds, runs in Production and
/// prints the address and a generated administrator password — with only a new SQLite file and a free port set
/// through the environment. Every stylesheet and script the sign-in page and the home page name must load with
/// a body: in Production, package and framework assets were once answered 404 while the pages themselves looked fine.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class ReadmeCommandTests
{
    private const string StartedLine = "科创 Kechuang 已启动: ";
    private const string PasswordLine = "管理员密码: ";

    [Fact]
    public async Task DotnetRun_AsReadmeSays_ServesEveryStylesheetAndScriptOfSignInAndHome()
    {
        var database = Path.Combine(Path.GetTempPath(), $"kechuang-readme-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = await AppProcess.StartAsync("readme-run",
                new Dictionary<string, string> { ["ConnectionStrings__Kechuang"] = $"Data Source={database}" }, build: true);
            var address = (await app.WaitForLineAsync(l => l.StartsWith(StartedLine, StringComparison.Ordinal), TimeSpan.FromSeconds(10)))[StartedLine.Length..].Trim();
            var password = (await app.WaitForLineAsync(l => l.StartsWith(PasswordLine, StringComparison.Ordinal), TimeSpan.FromSeconds(10)))[PasswordLine.Length..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            Assert.Contains("管理员账号: admin", app.Output);
            var (playwright, browser) = await Chromium.LaunchAsync();
            using (playwright)
            {
                await using (browser)
                {
                    var page = await Chromium.NewPageAsync(browser, address);

                    var signInPage = await (await page.GotoAsync("/account/login"))!.TextAsync();
                    // The printed password is generated, so it must be changed at the first sign-in.
                    await Journey.SignInAsync(page, "admin", password);
                    Assert.EndsWith("/account/change-password", page.Url, StringComparison.Ordinal);
                    await page.Locator("#currentPassword").FillAsync(password);
                    await page.Locator("#newPassword").FillAsync("Readme-Run-2026!");
                    await page.Locator("#confirmPassword").FillAsync("Readme-Run-2026!");
                    await page.Locator("button[type=submit]", new PageLocatorOptions { HasText = "确认修改" }).ClickAsync();
                    await page.WaitForURLAsync(url => url.Contains("passwordChanged=1", StringComparison.Ordinal));
                    var homePage = await (await page.GotoAsync("/"))!.TextAsync();

                    var assets = Assets(signInPage).Concat(Assets(homePage)).Distinct().ToList();
                    Assert.Contains("_framework/blazor.web.js", assets);
                    Assert.Contains("_content/AntDesign/css/ant-design-blazor.variable.css", assets);
                    Assert.Contains("_content/AntDesign/js/ant-design-blazor.js", assets);
                    foreach (var asset in assets)
                    {
                        var response = await page.APIRequest.GetAsync(new Uri(new Uri(address + "/"), asset).ToString());
                        var body = await response.BodyAsync();
                        Assert.True(response.Status == 200 && body.Length > 0, $"{asset}: {response.Status}, {body.Length} bytes");
                    }
                    // Interactive only once blazor.web.js has loaded and connected its circuit.
                    await Journey.WaitInteractiveAsync(page);
                    await Journey.EndAsync(page);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    /// <summary>The stylesheets (<c>link rel=stylesheet</c>) and scripts (<c>script src</c>) a page names.</summary>
    private static IEnumerable<string> Assets(string html) =>
        StylesheetTag().Matches(html).Select(m => m.Groups["href"].Value)
            .Concat(ScriptTag().Matches(html).Select(m => m.Groups["src"].Value));

    [GeneratedRegex("""<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="(?<href>[^"]+)"[^>]*>""")]
    private static partial Regex StylesheetTag();

    [GeneratedRegex("""<script\b[^>]*\bsrc="(?<src>[^"]+)"[^>]*>""")]
    private static partial Regex ScriptTag();
}
