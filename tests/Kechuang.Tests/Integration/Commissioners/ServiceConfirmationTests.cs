using System.Net;
using System.Text.RegularExpressions;
using Kechuang.Modules.Commissioners;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Commissioners;

/// <summary>
/// The farmer served opens the commissioner's link without an account: the page shows that one service (no phone
/// number), one tap confirms it (audited, named as the served person's own), a second tap changes nothing, a wrong or
/// malformed code shows nothing but that the link is invalid, and one client cannot try codes fast.
/// </summary>
public abstract partial class ServiceConfirmationTests(KechuangApp app)
{
    private static int _address = 10;

    /// <summary>A client address no other test uses: each test has the rate limit to itself.</summary>
    private static string NewAddress() => $"10.60.{Interlocked.Increment(ref _address) / 250}.{_address % 250 + 1}";

    private HttpClient Anonymous(string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(KechuangApp.ClientAddressHeader, address);
        return client;
    }

    private async Task<(Guid Id, string Code, string Commissioner)> VisitAsync()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = $"特派员{Guid.NewGuid().ToString("N")[..6]}";
        var person = await (await staff.PostJsonAsync("/api/v1/people", new { name, kind = "commissioner", regionCode = "330723", phone = "13905791234" })).CreatedIdAsync();
        var commissioner = await (await staff.PostJsonAsync("/api/v1/commissioners", new
        {
            personId = person,
            kind = "individual",
            level = "county",
            regionCode = "330723107",
            industry = "茶叶",
            termStart = "2024-04-01",
            termEnd = "2026-03-31",
            agreementSignedOn = "2024-03-20",
        })).CreatedIdAsync();
        var visit = await (await staff.PostJsonAsync("/api/v1/commissioners/services",
            new { commissionerId = commissioner, kind = "technical-assistance", servedOn = "2024-07-02", servedName = "钟水莲（茶农）", topic = "茶园病虫害绿色防控" })).CreatedIdAsync();
        var code = (await (await staff.GetAsync($"/api/v1/commissioners/services/{visit}")).ReadJsonAsync()).GetProperty("confirmationCode").GetString()!;
        return (visit, code, name);
    }

    /// <summary>Posts the page's form as the browser does: the antiforgery field and cookie from the page just read.</summary>
    private static async Task<HttpResponseMessage> TapConfirmAsync(HttpClient client, string url, string page)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the page has no antiforgery field");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "confirm-service",
        });
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task TheServedPerson_ReadsTheService_AndConfirmsItOnce()
    {
        var (id, code, commissioner) = await VisitAsync();
        using var farmer = Anonymous(NewAddress());
        var url = $"/service-confirmations/{code}";

        var page = WebUtility.HtmlDecode(await farmer.GetStringAsync(url));

        Assert.Contains(commissioner, page, StringComparison.Ordinal);
        Assert.Contains("技术帮扶", page, StringComparison.Ordinal);
        Assert.Contains("2024-07-02", page, StringComparison.Ordinal);
        Assert.Contains("茶园病虫害绿色防控", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13905791234", page, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-service\"", page, StringComparison.Ordinal);

        var confirmed = await TapConfirmAsync(farmer, url, page);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("已确认，感谢您的反馈", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var record = await app.WithDbAsync(db => db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.NotNull(record.ConfirmedAt);
        Assert.Equal(ConfirmServiceByLinkHandler.ConfirmedBy, record.ConfirmedBy);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == "commissioners_service" && e.EntityKey == id.ToString() && e.Action == "update").Select(e => e.Account).ToListAsync());
        Assert.Equal(["system:commissioners.services.confirm-by-link"], audit);

        var again = WebUtility.HtmlDecode(await farmer.GetStringAsync(url));
        Assert.Contains("无需再次确认", again, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"confirm-service\"", again, StringComparison.Ordinal);
        // The confirmed page has no form any more: a replayed post finds none to submit.
        var twice = await TapConfirmAsync(farmer, url, page);
        Assert.DoesNotContain("感谢您的反馈", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var at = await app.WithDbAsync(db => db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == id).Select(s => s.ConfirmedAt).SingleAsync());
        Assert.Equal(record.ConfirmedAt, at);
    }

    [Fact]
    public async Task AWrongOrMalformedCode_SaysTheLinkIsInvalid_AndShowsNothing()
    {
        var (_, code, commissioner) = await VisitAsync();
        using var stranger = Anonymous(NewAddress());
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var unknown = await stranger.GetAsync($"/service-confirmations/{wrong}");
        var malformed = await stranger.GetAsync("/service-confirmations/12");

        var text = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("确认链接无效，请向科技特派员核对", text, StringComparison.Ordinal);
        Assert.DoesNotContain(commissioner, text, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-service", text, StringComparison.Ordinal);
        Assert.Contains("确认链接无效", WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClient_CannotTryCodesFast()
    {
        using var guesser = Anonymous(NewAddress());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ServiceConfirmationLink.DefaultPerClientPerMinute; i++)
        {
            statuses.Add((await guesser.GetAsync($"/service-confirmations/AAAA{i:0000}")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var limited = await guesser.GetAsync("/service-confirmations/AAAAAAAA");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("操作过于频繁", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var other = Anonymous(NewAddress());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/service-confirmations/AAAAAAAA")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public sealed class OnSqlite(SqliteApp app) : ServiceConfirmationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ServiceConfirmationTests(app), IClassFixture<PostgresApp>;
}
