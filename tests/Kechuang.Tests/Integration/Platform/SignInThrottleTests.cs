using System.Net;
using Kechuang.Platform.Access;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Sign-in cannot be hammered: per client address a few attempts a minute (429 with Retry-After); per account a
/// few failures from one client lock out that client only; a locked account answers like any failed sign-in;
/// the account as a whole is slowed down across clients, known and unknown names alike; failures do not flood
/// the audit log.
/// </summary>
public abstract class SignInThrottleTests(KechuangApp app)
{
    private static int _address = 10;

    /// <summary>A client address no other test uses.</summary>
    private static string NewAddress() => $"10.20.{Interlocked.Increment(ref _address) / 250}.{_address % 250 + 1}";

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string address)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(KechuangApp.ClientAddressHeader, address);
        return await client.PostJsonAsync("/api/v1/auth/token", new { userName, password });
    }

    private async Task<string> CreateAccountAsync()
    {
        var admin = await app.ClientAsync("admin");
        var userName = $"t{Guid.NewGuid():N}"[..12];
        await (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            password = KechuangApp.Password,
            displayName = "限流测试",
            role = "county-staff",
            regionCode = "330723",
            mustChangePassword = false,
        })).CreatedIdAsync();
        return userName;
    }

    [Fact]
    public async Task Token_ManyAttemptsFromOneClient_AreAnswered429WithRetryAfter()
    {
        var address = NewAddress();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            var response = await TokenAsync($"nobody{i}", "Wrong-Pass-1", address);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count <= 21, $"first 429 after {statuses.Count} attempts");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        var body = await limited.ReadJsonAsync();
        Assert.Contains("频繁", body.GetProperty("title").GetString());
        // Another client is not held up by the first one's attempts.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("nobody", "Wrong-Pass-1", NewAddress())).StatusCode);
    }

    [Fact]
    public async Task Lockout_FromOneClient_DoesNotLockTheAccountForOthers()
    {
        var userName = await CreateAccountAsync();
        var attacker = NewAddress();
        for (var i = 0; i < 6; i++)
        {
            await TokenAsync(userName, "Wrong-Pass-1", attacker);
        }

        var attackerWithRightPassword = await TokenAsync(userName, KechuangApp.Password, attacker);
        var owner = await TokenAsync(userName, KechuangApp.Password, NewAddress());

        Assert.Equal(HttpStatusCode.Unauthorized, attackerWithRightPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task LockedAccount_AnswersExactlyLikeAWrongPassword()
    {
        var userName = await CreateAccountAsync();
        var address = NewAddress();
        var wrong = await TokenAsync(userName, "Wrong-Pass-1", address);
        for (var i = 0; i < 5; i++)
        {
            await TokenAsync(userName, "Wrong-Pass-1", address);
        }

        var locked = await TokenAsync(userName, KechuangApp.Password, address);
        var unknown = await TokenAsync("nobody-" + userName, "Wrong-Pass-1", NewAddress());

        Assert.Equal(wrong.StatusCode, locked.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(Comparable(await wrong.Content.ReadAsStringAsync()), Comparable(await locked.Content.ReadAsStringAsync()));
        Assert.Equal(Comparable(await unknown.Content.ReadAsStringAsync()), Comparable(await locked.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Account_AttackedFromManyClients_IsSlowedDown_KnownAndUnknownAlike()
    {
        var known = await CreateAccountAsync();
        var unknown = "nobody-" + known;

        var knownAnswers = new List<HttpResponseMessage>();
        var unknownAnswers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            knownAnswers.Add(await TokenAsync(known, "Wrong-Pass-1", NewAddress()));
            unknownAnswers.Add(await TokenAsync(unknown, "Wrong-Pass-1", NewAddress()));
        }

        Assert.Equal(knownAnswers.Select(a => a.StatusCode), unknownAnswers.Select(a => a.StatusCode));
        var slowed = knownAnswers.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.True(slowed.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        // The delay passes: the owner signs in once it has.
        app.Clock.Advance(slowed.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(known, KechuangApp.Password, NewAddress())).StatusCode);
    }

    [Fact]
    public async Task ConcurrentSignIns_WithTheRightPassword_AllSucceed_AndCountNothing()
    {
        var userName = await CreateAccountAsync();
        var (script, browser) = (NewAddress(), NewAddress());

        // Twice the account-wide limit at once: a script's parallel sign-ins and the owner's browser.
        var answers = await Task.WhenAll(Enumerable.Range(0, 2 * SignInLimits.AccountAttempts)
            .Select(i => TokenAsync(userName, KechuangApp.Password, i % 2 == 0 ? script : browser)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var counted = await app.WithDbAsync(db => db.SignInAttempts.Where(a => a.UserName == userName).SumAsync(a => a.Attempts));
        Assert.Equal(0, counted);
        // Nothing was held against the script's address: four wrong passwords leave it signing in.
        for (var i = 0; i < SignInLimits.ClientFailures - 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, "Wrong-Pass-1", script)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName, KechuangApp.Password, script)).StatusCode);
    }

    [Fact]
    public async Task ParallelGuessesFromManyClients_AreCheckedOnlyUpToTheLimit()
    {
        var userName = await CreateAccountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2 * SignInLimits.AccountAttempts)
            .Select(_ => TokenAsync(userName, "Wrong-Pass-1", NewAddress())));

        Assert.Equal(SignInLimits.AccountAttempts, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(SignInLimits.AccountAttempts, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Account == userName && e.Action == "sign-in-throttled")));
    }

    [Fact]
    public async Task OwnersSignIn_DoesNotRenewAGuessersAllowance()
    {
        var userName = await CreateAccountAsync();
        for (var i = 0; i < SignInLimits.AccountAttempts - 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, "Wrong-Pass-1", NewAddress())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(userName, KechuangApp.Password, NewAddress())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, "Wrong-Pass-1", NewAddress())).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(userName, "Wrong-Pass-1", NewAddress())).StatusCode);
    }

    [Fact]
    public async Task Failures_DoNotFloodTheAuditLog()
    {
        var userName = await CreateAccountAsync();
        var address = NewAddress();
        for (var i = 0; i < 8; i++)
        {
            await TokenAsync(userName, "Wrong-Pass-1", address);
        }

        var rows = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Account == userName && e.Action.StartsWith("sign-in")));
        var lockouts = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Account == userName && e.Action == "lockout"));

        Assert.InRange(rows, 1, 2);
        Assert.Equal(1, lockouts);
    }

    /// <summary>The body without its trace id, which differs between any two answers.</summary>
    private static string Comparable(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    public sealed class OnSqlite(SignInLimitedSqliteApp app) : SignInThrottleTests(app), IClassFixture<SignInLimitedSqliteApp>;

    public sealed class OnPostgres(SignInLimitedPostgresApp app) : SignInThrottleTests(app), IClassFixture<SignInLimitedPostgresApp>;
}
