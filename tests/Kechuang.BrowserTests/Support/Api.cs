using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kechuang.BrowserTests.Support;

/// <summary>Arranges what a journey is not about through the public API, with a demo account's bearer token.</summary>
public static class Api
{
    public static Task<HttpClient> ClientAsync(BrowserApp app, string userName, string password = BrowserApp.Password) =>
        ClientAsync(app.BaseUrl, userName, password);

    /// <summary>The same against any address of the application (a cluster's load balancer).</summary>
    public static async Task<HttpClient> ClientAsync(string baseUrl, string userName, string password = BrowserApp.Password)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        var response = await SecondFactorSteps.TokenAsync(client, baseUrl, userName, password);
        var body = await ReadAsync(response);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>POSTs JSON and returns the answer's body, failing with the problem text when the status is not a success.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object? body = null) =>
        await ReadAsync(await client.PostAsJsonAsync(url.TrimStart('/'), body ?? new { }));

    public static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        await ReadAsync(await client.GetAsync(url.TrimStart('/')));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
