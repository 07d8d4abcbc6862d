using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kechuang.Tests.Support;

/// <summary>
/// A browser's page session without a browser: a client that keeps cookies and does not follow redirects,
/// signing in through the sign-in form as a person does (anti-forgery token included).
/// </summary>
public static partial class PageSession
{
    public static HttpClient NewClient(KechuangApp app, string? clientAddress = null, string baseAddress = "http://localhost")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add(KechuangApp.ClientAddressHeader, clientAddress);
        }
        return client;
    }

    /// <summary>The anti-forgery token of the form on <paramref name="url"/>.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no anti-forgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    /// <summary>Posts a form of the page at <paramref name="formPage"/> to <paramref name="action"/> with that page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        var token = await FormTokenAsync(client, formPage);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = KechuangApp.Password, string returnUrl = "/") =>
        PostFormAsync(client, "/account/login", "/account/login",
            new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl });

    /// <summary>A signed-in page session (cookie) of <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(KechuangApp app, string userName, string password = KechuangApp.Password)
    {
        var client = NewClient(app);
        var response = await SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenField();
}
