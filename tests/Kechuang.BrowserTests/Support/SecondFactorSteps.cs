using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace Kechuang.BrowserTests.Support;

/// <summary>
/// The journeys' authenticator app: administrators must sign in with a TOTP code. The first sign-in of an account
/// enrols it from the secret the enrolment page shows (as a person types it in when the QR code cannot be
/// scanned); later sign-ins type a code the server has not seen yet (a code works once).
/// </summary>
public static partial class SecondFactorSteps
{
    private static readonly ConcurrentDictionary<string, Enrolled> Secrets = new();

    private sealed class Enrolled(string secret)
    {
        public string Secret { get; } = secret;
        public long LastStep { get; set; }
    }

    /// <summary>After the password was submitted: enrols or types the code when the sign-in asks for it.</summary>
    public static async Task CompleteSignInAsync(IPage page, string userName)
    {
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (!page.Url.Contains("/account/second-factor", StringComparison.Ordinal))
        {
            return;
        }
        var key = Key(page.Url, userName);
        var secretField = page.Locator("#totp-secret");
        if (await secretField.CountAsync() > 0)
        {
            Secrets[key] = new Enrolled((await secretField.GetAttributeAsync("data-secret"))!);
        }
        await page.Locator("#oneTimeCode").FillAsync(await CodeAsync(key));
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/second-factor", StringComparison.Ordinal));
        if (page.Url.Contains("/account/recovery-codes", StringComparison.Ordinal))
        {
            await page.Locator("#continue").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/recovery-codes", StringComparison.Ordinal));
        }
    }

    /// <summary>The token endpoint with the code the account needs; enrols it first through the sign-in pages if it has none.</summary>
    public static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string baseUrl, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { userName, password });
        var key = Key(baseUrl, userName);
        if (response.StatusCode == HttpStatusCode.Forbidden
            && (await response.Content.ReadAsStringAsync()).Contains("auth.second-factor-enrolment-required", StringComparison.Ordinal))
        {
            await EnrolThroughPagesAsync(baseUrl, userName, password);
        }
        if (Secrets.ContainsKey(key))
        {
            response = await client.PostAsJsonAsync("api/v1/auth/token", new { userName, password, oneTimeCode = await CodeAsync(key) });
        }
        return response;
    }

    private static async Task EnrolThroughPagesAsync(string baseUrl, string userName, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl + "/") };
        var token = FormToken(await client.GetStringAsync("account/login"));
        await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        var page = await client.GetStringAsync("account/second-factor");
        var key = Key(baseUrl, userName);
        Secrets[key] = new Enrolled(SecretField().Match(page).Groups[1].Value);
        var enrolled = await client.PostAsync("account/second-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["oneTimeCode"] = await CodeAsync(key),
            ["__RequestVerificationToken"] = FormToken(page),
        }));
        Assert.Contains("/account/recovery-codes", enrolled.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A code of a step the server has not accepted yet, waiting for the next step when the window is used up.</summary>
    private static async Task<string> CodeAsync(string key)
    {
        var enrolled = Secrets[key];
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = Math.Max(enrolled.LastStep + 1, now - 1);
            if (step <= now + 1)
            {
                enrolled.LastStep = step;
                return new Totp(Base32Encoding.ToBytes(enrolled.Secret)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));
            }
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static string Key(string url, string userName) => new Uri(url).Authority + "|" + userName;

    private static string FormToken(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("data-secret=\"([A-Z2-7]+)\"")]
    private static partial Regex SecretField();
}
