using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Behind a proxy named in configuration, the client's address (audit log, per-client sign-in limit) and scheme (HSTS)
/// come from X-Forwarded-For and X-Forwarded-Proto; from any other sender those headers are ignored, and without a
/// configured proxy they are ignored altogether.
/// </summary>
public abstract class ReverseProxyTests(KechuangApp app)
{
    private const string Proxy = "10.1.1.1";

    private async Task<(string? Audited, bool Hsts)> FailSignInAsync(string from, string account, string forwardedFor)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { userName = account, password = "wrong-password-1" }),
        };
        request.Headers.Add(KechuangApp.ClientAddressHeader, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "kc.wuyi.gov.cn";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "sign-in-failure" && e.Account == account).OrderByDescending(e => e.Seq).Select(e => e.ClientAddress).FirstOrDefaultAsync());
        return (audited, response.Headers.Contains("Strict-Transport-Security"));
    }

    protected abstract bool ProxyConfigured { get; }

    [Fact]
    public async Task ForwardedHeaders_AreTakenFromTheConfiguredProxyOnly()
    {
        var viaProxy = await FailSignInAsync(Proxy, "wuyi.staff", "203.0.113.7");
        var direct = await FailSignInAsync("10.9.9.9", "panan.staff", "198.51.100.9");

        if (ProxyConfigured)
        {
            Assert.Equal(("203.0.113.7", true), viaProxy);
        }
        else
        {
            Assert.Equal((Proxy, false), viaProxy);
        }
        Assert.Equal(("10.9.9.9", false), direct);
    }

    public sealed class ProxiedSqliteApp() : KechuangApp(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:KnownProxies", Proxy);
        }
    }

    public sealed class ProxiedPostgresApp() : KechuangApp(Provider.Postgres)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:KnownNetworks", "10.1.1.0/24");
        }
    }

    public sealed class BehindProxyOnSqlite(ProxiedSqliteApp app) : ReverseProxyTests(app), IClassFixture<ProxiedSqliteApp>
    {
        protected override bool ProxyConfigured => true;
    }

    public sealed class BehindProxyOnPostgres(ProxiedPostgresApp app) : ReverseProxyTests(app), IClassFixture<ProxiedPostgresApp>
    {
        protected override bool ProxyConfigured => true;
    }

    public sealed class NoProxyOnSqlite(SqliteApp app) : ReverseProxyTests(app), IClassFixture<SqliteApp>
    {
        protected override bool ProxyConfigured => false;
    }

    public sealed class NoProxyOnPostgres(PostgresApp app) : ReverseProxyTests(app), IClassFixture<PostgresApp>
    {
        protected override bool ProxyConfigured => false;
    }
}
