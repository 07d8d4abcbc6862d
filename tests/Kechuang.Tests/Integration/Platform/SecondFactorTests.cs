using System.Net;
using System.Text.RegularExpressions;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// 等保 level 3: administrators sign in with a second factor (TOTP app, or a recovery code), on the page and at the
/// token endpoint; it is enrolled at the first sign-in with a QR code drawn by the server; a code works once.
/// </summary>
public abstract partial class SecondFactorTests(KechuangApp app)
{
    /// <summary>A new city administrator (created by the security administrator, who alone manages administrator accounts).</summary>
    private async Task<string> NewAdministratorAsync()
    {
        var security = await app.ClientAsync("security");
        var userName = $"a{Guid.NewGuid():N}"[..12];
        await (await security.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            password = KechuangApp.Password,
            displayName = "动态口令测试",
            role = "city-admin",
            regionCode = "330700",
            mustChangePassword = false,
        })).CreatedIdAsync();
        return userName;
    }

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string? oneTimeCode = null, string? address = null)
    {
        using var client = app.CreateClient();
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(KechuangApp.ClientAddressHeader, address);
        }
        return await client.PostJsonAsync("/api/v1/auth/token", new { userName, password, oneTimeCode });
    }

    private static async Task<string> CodeOfAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).GetProperty("code").GetString()!;

    [Fact]
    public async Task Token_AdministratorWithoutSecondFactor_Is403_UntilEnrolled()
    {
        var userName = await NewAdministratorAsync();

        var before = await TokenAsync(userName, KechuangApp.Password);
        await app.EnrolAsync(userName);
        var withoutCode = await TokenAsync(userName, KechuangApp.Password);
        var withCode = await TokenAsync(userName, KechuangApp.Password, app.OneTimeCode(userName));

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("auth.second-factor-enrolment-required", await CodeOfAsync(before));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("auth.second-factor-required", await CodeOfAsync(withoutCode));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task Token_SameCodeTwice_IsRefusedTheSecondTime()
    {
        var userName = await NewAdministratorAsync();
        await app.EnrolAsync(userName);
        var code = app.OneTimeCode(userName);

        var first = await TokenAsync(userName, KechuangApp.Password, code);
        var replay = await TokenAsync(userName, KechuangApp.Password, code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Token_WrongPasswordWithRightCode_IsAWrongPassword()
    {
        var userName = await NewAdministratorAsync();
        await app.EnrolAsync(userName);

        var response = await TokenAsync(userName, "Wrong-Pass-1", app.OneTimeCode(userName));

        Assert.Equal("auth.bad-credentials", await CodeOfAsync(response));
    }

    [Fact]
    public async Task RecoveryCode_StandsInForTheCodeOnce_AndIsStoredHashed()
    {
        var userName = await NewAdministratorAsync();
        var secret = SecondFactor.NewSecret();
        IReadOnlyList<string>? codes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
            var db = scope.ServiceProvider.GetRequiredService<KechuangDb>();
            var account = await db.Accounts.SingleAsync(a => a.UserName == userName);
            codes = await scope.ServiceProvider.GetRequiredService<SecondFactor>().EnrolAsync(account, secret,
                KechuangApp.Code(secret, app.Clock.GetUtcNow().ToUnixTimeSeconds() / 30));
        }
        Assert.NotNull(codes);

        var first = await TokenAsync(userName, KechuangApp.Password, codes[3].ToUpperInvariant());
        var again = await TokenAsync(userName, KechuangApp.Password, codes[3]);

        Assert.Equal(SecondFactor.RecoveryCodeCount, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        var stored = await app.WithDbAsync(db => db.RecoveryCodes.Select(r => r.CodeHash).ToListAsync());
        Assert.DoesNotContain(stored, h => codes.Any(c => h.Contains(c, StringComparison.OrdinalIgnoreCase)));
        var totp = await app.WithDbAsync(db => db.Accounts.Where(a => a.UserName == userName).Select(a => a.TotpSecret).SingleAsync());
        Assert.DoesNotContain(secret, totp!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageSignIn_Administrator_EnrolsWithAQrCode_SeesRecoveryCodesOnce_ThenIsSignedIn()
    {
        var userName = await NewAdministratorAsync();
        using var page = PageSession.NewClient(app);

        var signIn = await PageSession.SignInAsync(page, userName);
        Assert.Equal("/account/second-factor", signIn.Headers.Location!.ToString());
        var html = await page.GetStringAsync("/account/second-factor");
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        var secret = SecretOnPage().Match(html).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/me")).StatusCode);

        var wrong = await PageSession.PostFormAsync(page, "/account/second-factor", "/account/second-factor",
            new Dictionary<string, string> { ["oneTimeCode"] = "000000" == KechuangApp.Code(secret, app.Clock.GetUtcNow().ToUnixTimeSeconds() / 30) ? "111111" : "000000" });
        var enrol = await PageSession.PostFormAsync(page, "/account/second-factor", "/account/second-factor",
            new Dictionary<string, string> { ["oneTimeCode"] = KechuangApp.Code(secret, app.Clock.GetUtcNow().ToUnixTimeSeconds() / 30) });
        var codesPage = await page.GetStringAsync("/account/recovery-codes");
        var codesAgain = await page.GetStringAsync("/account/recovery-codes");
        var me = await (await page.GetAsync("/api/v1/me")).ReadJsonAsync();

        Assert.Equal("/account/second-factor?error=code", wrong.Headers.Location!.ToString());
        Assert.Equal("/account/recovery-codes", enrol.Headers.Location!.ToString());
        Assert.Equal(SecondFactor.RecoveryCodeCount, RecoveryCodeOnPage().Count(codesPage));
        Assert.Equal(0, RecoveryCodeOnPage().Count(codesAgain));
        Assert.Equal(userName, me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task PageSignIn_Enrolled_AsksForTheCode_AfterThePassword()
    {
        var userName = await NewAdministratorAsync();
        await app.EnrolAsync(userName);
        using var page = PageSession.NewClient(app);

        var signIn = await PageSession.SignInAsync(page, userName, returnUrl: "/directory/organizations");
        var before = await page.GetAsync("/api/v1/me");
        var code = await PageSession.PostFormAsync(page, "/account/second-factor", "/account/second-factor",
            new Dictionary<string, string> { ["oneTimeCode"] = app.OneTimeCode(userName) });

        Assert.Equal("/account/second-factor", signIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal("/directory/organizations", code.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PageSecondStep_CodeGuessesFromManyAddresses_StopAtTheAccountLimit()
    {
        var userName = await NewAdministratorAsync();
        await app.EnrolAsync(userName);
        using var page = PageSession.NewClient(app);
        await PageSession.SignInAsync(page, userName);

        // The pending sign-in's cookie carried to a new address for every guess, so no client is locked out.
        async Task<string> GuessAsync(string code, int i)
        {
            page.DefaultRequestHeaders.Remove(KechuangApp.ClientAddressHeader);
            page.DefaultRequestHeaders.Add(KechuangApp.ClientAddressHeader, $"10.78.0.{i + 1}");
            return (await PageSession.PostFormAsync(page, "/account/second-factor", "/account/second-factor",
                new Dictionary<string, string> { ["oneTimeCode"] = code })).Headers.Location!.ToString();
        }
        var guesses = new List<string>();
        for (var i = 0; i < SignInLimits.AccountAttempts; i++)
        {
            guesses.Add(await GuessAsync("wrong-guess", i));
        }
        var rightCodeAfter = await GuessAsync(app.OneTimeCode(userName), SignInLimits.AccountAttempts);

        Assert.All(guesses, g => Assert.Equal("/account/second-factor?error=code", g));
        Assert.StartsWith("/account/login?error=throttled", rightCodeAfter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await page.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task LockedOutClient_SignsInWithPasswordAndCode()
    {
        var userName = await NewAdministratorAsync();
        await app.EnrolAsync(userName);
        const string address = "10.77.0.9";
        for (var i = 0; i < 6; i++)
        {
            await TokenAsync(userName, "Wrong-Pass-1", null, address);
        }

        var passwordOnly = await TokenAsync(userName, KechuangApp.Password, null, address);
        var withCode = await TokenAsync(userName, KechuangApp.Password, app.OneTimeCode(userName), address);

        Assert.Equal("auth.bad-credentials", await CodeOfAsync(passwordOnly));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task SecurityAdministrator_ResetsALostSecondFactor_TheAccountEnrolsAgain()
    {
        var userName = await NewAdministratorAsync();
        await app.EnrolAsync(userName);
        var token = await TokenAsync(userName, KechuangApp.Password, app.OneTimeCode(userName));
        var security = await app.ClientAsync("security");
        var id = (await (await security.GetAsync($"/api/v1/admin/users?q={userName}")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.True(id.GetProperty("secondFactor").GetBoolean());

        var reset = await security.PostAsync($"/api/v1/admin/users/{id.GetProperty("id").GetGuid()}/reset-second-factor", null);
        using var old = app.CreateClient();
        old.DefaultRequestHeaders.Authorization = new("Bearer", (await token.ReadJsonAsync()).GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal("auth.second-factor-enrolment-required", await CodeOfAsync(await TokenAsync(userName, KechuangApp.Password)));
    }

    [Fact]
    public async Task ConfiguredRole_MustUseASecondFactorToo_OthersNeedNot()
    {
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Access:SecondFactorRoles", "county-staff"));
        using var client = configured.CreateClient();

        var county = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "panan.staff", password = KechuangApp.Password });
        var city = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "city.staff", password = KechuangApp.Password });

        Assert.Equal("auth.second-factor-enrolment-required", await CodeOfAsync(county));
        Assert.Equal(HttpStatusCode.OK, city.StatusCode);
    }

    [GeneratedRegex("data-secret=\"([A-Z2-7]+)\"")]
    private static partial Regex SecretOnPage();

    [GeneratedRegex("<li>[2-9a-z]{5}-[2-9a-z]{5}</li>")]
    private static partial Regex RecoveryCodeOnPage();

    public sealed class OnSqlite(SqliteApp app) : SecondFactorTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SecondFactorTests(app), IClassFixture<PostgresApp>;
}
