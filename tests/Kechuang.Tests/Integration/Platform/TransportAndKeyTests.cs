using System.Net;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// HTTPS answers tell the browser to keep to HTTPS (HSTS) and mark the anti-forgery cookie Secure; every answer,
/// an internal error's too, carries the security headers; a bad return address cannot break sign-in; the
/// data-protection keys in the database are encrypted with a certificate kept outside it.
/// </summary>
public abstract class TransportAndKeyTests(KechuangApp app)
{
    [Fact]
    public async Task Https_AnswersWithHsts_AndSecureAntiforgeryCookie()
    {
        using var client = PageSession.NewClient(app, baseAddress: "https://kechuang.example");

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttp_HasNoHsts()
    {
        using var client = PageSession.NewClient(app);

        var response = await client.GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_WithTabInReturnUrl_IsNot500()
    {
        using var client = PageSession.NewClient(app);

        var response = await PageSession.SignInAsync(client, "city.staff", KechuangApp.Password, "/\t/evil.example");

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithForeignReturnUrl_GoesHome()
    {
        using var client = PageSession.NewClient(app);

        var response = await PageSession.SignInAsync(client, "city.staff", KechuangApp.Password, "//evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task InternalError_StillCarriesSecurityHeaders()
    {
        using var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<AuditChain>(_ => throw new InvalidOperationException("broken for the test"))));
        using var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await app.ClientAsync("auditor")).DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync("/api/v1/audit/verify");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("broken for the test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataProtectionKeys_AreEncryptedWithTheCertificate_KeptWithRestrictedPermissions()
    {
        using var client = app.CreateClient();
        await client.GetStringAsync("/account/login");

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml!, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml!.Split("EncryptedData")[0], StringComparison.Ordinal);
        });
        var certificate = Assert.Single(System.IO.Directory.GetFiles(app.KeyFolder, "*.pfx"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
        }
    }

    public sealed class OnSqlite(SqliteApp app) : TransportAndKeyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TransportAndKeyTests(app), IClassFixture<PostgresApp>;
}
