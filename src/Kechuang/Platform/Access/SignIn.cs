using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kechuang.Platform.Access;

public enum SignInOutcome
{
    Success,
    BadCredentials,
    PasswordChangeRequired,

    /// <summary>Too many failures on this account from all clients together: answered 429 with <see cref="SignInResult.RetryAfterSeconds"/>.</summary>
    Throttled,

    /// <summary>The password is right; the account's one-time code is missing or wrong.</summary>
    SecondFactorRequired,

    /// <summary>The password is right; the account must enrol a second factor first (on the sign-in page).</summary>
    SecondFactorEnrolmentRequired,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account, int RetryAfterSeconds = 0);

/// <summary>
/// Checks credentials for pages and the token endpoint alike. An unknown account, a wrong password and a client
/// locked out of the account get the same answer and cost the same hashing time (<see cref="SignInGuard"/>): five
/// failures from one client lock that client out of the account for 30 minutes, and after ten failures on one
/// account from all clients within 15 minutes attempts are answered "try later" until the 15 minutes have passed —
/// except an attempt with the right password and the account's one-time code, which signs in anyway (the owner of
/// a second factor cannot be locked out by others). Only failures count: sign-ins with the right password, however
/// many at once, never use up a limit. The audit log gets the first failure of a client on an account, the
/// lockout and the start of a slow-down, not every attempt.
/// </summary>
public sealed class SignInHandler(KechuangDb db, IPasswordHasher<Account> hasher, IOptions<AccessOptions> options, SignInGuard guard, SecondFactor secondFactor)
{
    // Hashed once so that an unknown user name costs a real verification too.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Account>().HashPassword(null!, "Dummy-Password-1"));

    /// <summary>The address attempts are counted under: the client's, as the server sees it.</summary>
    private string Client => db.User.ClientAddress is { Length: > 0 } address ? address : "unknown";

    public async Task<SignInResult> HandleAsync(string? userName, string? password, string? oneTimeCode = null, CancellationToken cancellationToken = default)
    {
        var name = SignInLimits.Key(userName);
        var client = Client;
        var account = name.Length == 0 ? null : await db.Accounts.FirstOrDefaultAsync(a => a.UserName == name, cancellationToken);
        // A slowed-down account is answered without waiting for its turn, so a flood of refused attempts queues nowhere.
        if (await guard.ThrottledForAsync(name, db.UtcNow, cancellationToken) is { } waitSeconds)
        {
            return await RefusedAsync(account, client, password, oneTimeCode, waitSeconds, cancellationToken);
        }
        using var gate = await SignInGuard.EnterAsync(name, cancellationToken);
        var now = db.UtcNow;
        // Failures counted while this attempt waited for its turn count against it.
        if (await guard.ThrottledForAsync(name, now, cancellationToken) is { } seconds)
        {
            return await RefusedAsync(account, client, password, oneTimeCode, seconds, cancellationToken);
        }
        if (await guard.LockedUntilAsync(name, client, cancellationToken) > now)
        {
            return await RefusedAsync(account, client, password, oneTimeCode, null, cancellationToken);
        }
        if (account is null || account.Disabled)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
            await FailedAsync(name, account?.Id.ToString() ?? name, client, account is null ? "unknown" : "disabled", now, cancellationToken);
            return new SignInResult(SignInOutcome.BadCredentials, null);
        }
        if (!Verify(account, password))
        {
            await FailedAsync(name, account.Id.ToString(), client, "password", now, cancellationToken);
            return new SignInResult(SignInOutcome.BadCredentials, null);
        }
        if (account.HasSecondFactor)
        {
            if (string.IsNullOrWhiteSpace(oneTimeCode))
            {
                // Not a failure: the password is right; the code completes the sign-in (and a wrong code is a failure).
                return new SignInResult(SignInOutcome.SecondFactorRequired, account);
            }
            if (!await secondFactor.VerifyAsync(account, oneTimeCode, cancellationToken))
            {
                await FailedAsync(name, account.Id.ToString(), client, "second-factor", now, cancellationToken);
                return new SignInResult(SignInOutcome.SecondFactorRequired, account);
            }
        }
        else if (secondFactor.IsRequired(account))
        {
            return new SignInResult(SignInOutcome.SecondFactorEnrolmentRequired, account);
        }
        return await SucceededAsync(account, client, now, null, cancellationToken);
    }

    /// <summary>
    /// An attempt on a slowed-down account (<paramref name="waitSeconds"/>) or from a locked-out client: refused
    /// unless it brings the right password and a one-time code of the account. Not counted: it checks no guess.
    /// </summary>
    private async Task<SignInResult> RefusedAsync(Account? account, string client, string? password, string? oneTimeCode, int? waitSeconds,
        CancellationToken cancellationToken)
    {
        if (account is { Disabled: false, HasSecondFactor: true } && !string.IsNullOrWhiteSpace(oneTimeCode))
        {
            if (Verify(account, password) && await secondFactor.VerifyAsync(account, oneTimeCode, cancellationToken))
            {
                return await SucceededAsync(account, client, db.UtcNow, "{\"unlockedBySecondFactor\":true}", cancellationToken);
            }
        }
        else
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
        }
        return waitSeconds is { } seconds
            ? new SignInResult(SignInOutcome.Throttled, null, seconds)
            : new SignInResult(SignInOutcome.BadCredentials, null);
    }

    /// <summary>The second step of a page sign-in: the one-time code after the password; a wrong code is a failure.</summary>
    public async Task<SignInResult> CompleteAsync(Account account, string? oneTimeCode, CancellationToken cancellationToken = default)
    {
        var client = Client;
        using var gate = await SignInGuard.EnterAsync(account.UserName, cancellationToken);
        var now = db.UtcNow;
        if (await guard.ThrottledForAsync(account.UserName, now, cancellationToken) is { } seconds)
        {
            return new SignInResult(SignInOutcome.Throttled, null, seconds);
        }
        if (await guard.LockedUntilAsync(account.UserName, client, cancellationToken) > now)
        {
            return new SignInResult(SignInOutcome.BadCredentials, null);
        }
        if (!await secondFactor.VerifyAsync(account, oneTimeCode, cancellationToken))
        {
            await FailedAsync(account.UserName, account.Id.ToString(), client, "second-factor", now, cancellationToken);
            return new SignInResult(SignInOutcome.SecondFactorRequired, account);
        }
        return await SucceededAsync(account, client, now, null, cancellationToken);
    }

    /// <summary>A page sign-in that has just enrolled its second factor (the enrolment checked a code of the new secret).</summary>
    public Task<SignInResult> EnrolledAsync(Account account, CancellationToken cancellationToken = default) =>
        SucceededAsync(account, Client, db.UtcNow, "{\"enrolled\":true}", cancellationToken);

    private bool Verify(Account account, string? password)
    {
        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.Rehash(hasher.HashPassword(account, password!));
        }
        return verified != PasswordVerificationResult.Failed;
    }

    private async Task<SignInResult> SucceededAsync(Account account, string client, DateTime now, string? details, CancellationToken cancellationToken)
    {
        await guard.ClearAsync(account.UserName, client, cancellationToken);
        account.RecordSignIn(now);
        db.AuditEvent("access_account", account.Id.ToString(), "sign-in", details, account.UserName);
        await db.SaveChangesAsync(cancellationToken);
        var mustChange = account.MustChangePassword
            || account.PasswordExpired(now, TimeSpan.FromDays(options.Value.StaffPasswordExpiryDays));
        return new SignInResult(mustChange ? SignInOutcome.PasswordChangeRequired : SignInOutcome.Success, account);
    }

    /// <summary>
    /// Counts a failure of the client on the account and of the account from all clients; audits the client's first
    /// failure, the one that locks the client out (the fifth) and the one that slows the account down (the tenth).
    /// </summary>
    private async Task FailedAsync(string name, string key, string client, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var here = await guard.CountAsync(name, client, SignInLimits.ClientLockout, now, cancellationToken);
        var everywhere = await guard.CountAsync(name, SignInAttempts.AnyClient, SignInLimits.AccountWindow, now, cancellationToken);
        if (here.Attempts == 1)
        {
            db.AuditEvent("access_account", key, "sign-in-failure", $"{{\"reason\":\"{reason}\"}}", name);
        }
        if (here.Attempts >= SignInLimits.ClientFailures
            && await guard.LockAsync(name, client, now + SignInLimits.ClientLockout, now, cancellationToken))
        {
            db.AuditEvent("access_account", key, "lockout",
                $"{{\"failures\":{here.Attempts},\"until\":\"{now + SignInLimits.ClientLockout:O}\"}}", name);
        }
        if (everywhere.Attempts == SignInLimits.AccountAttempts)
        {
            db.AuditEvent("access_account", key, "sign-in-throttled", $"{{\"failures\":{everywhere.Attempts}}}", name);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The account's <see cref="Account.SecurityStamp"/> at sign-in: a session from before a change of password, role or scope is ended.</summary>
    public const string StampClaim = "kechuang:stamp";

    public static ClaimsPrincipal Principal(Account account, string scheme) =>
        Principal(account.Id, account.UserName, account.Role, account.RegionCode, account.DisplayName, account.SecurityStamp, account.OrganizationId, scheme);

    public static ClaimsPrincipal Principal(Guid id, string userName, Role role, string regionCode, string displayName, string securityStamp,
        Guid? organizationId, string scheme)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id.ToString()),
            new Claim(ClaimTypes.Name, userName),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(CurrentUser.RegionClaim, regionCode),
            new Claim(CurrentUser.DisplayNameClaim, displayName),
            new Claim(StampClaim, securityStamp),
            .. organizationId is { } org ? new[] { new Claim(CurrentUser.OrganizationClaim, org.ToString()) } : [],
        ], scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Issues a bearer token; only its SHA-256 is stored.</summary>
    public async Task<(string Token, DateTime ExpiresAt)> IssueTokenAsync(Account account, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = db.UtcNow.AddHours(options.Value.TokenHours);
        db.AccessTokens.Add(new AccessToken
        {
            AccountId = account.Id,
            TokenHash = HashToken(token),
            CreatedAt = db.UtcNow,
            ExpiresAt = expires,
            SecurityStamp = account.SecurityStamp,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (token, expires);
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Changes one's own password: the current one must match and the new one meet the policy and differ.</summary>
    public async Task ChangePasswordAsync(Guid accountId, string? current, string? next, CancellationToken cancellationToken = default)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) ?? throw new NotFoundException("账号不存在");
        var errors = new FieldErrors();
        if (hasher.VerifyHashedPassword(account, account.PasswordHash, current ?? "") == PasswordVerificationResult.Failed)
        {
            errors.Add("currentPassword", "当前密码不正确");
        }
        if (PasswordPolicy.Problem(next) is { } problem)
        {
            errors.Add("newPassword", problem);
        }
        else if (current == next)
        {
            errors.Add("newPassword", "新密码不能与当前密码相同");
        }
        errors.ThrowIfAny();
        account.SetPassword(hasher.HashPassword(account, next!), mustChange: false, db.UtcNow);
        db.AuditEvent("access_account", account.Id.ToString(), "password-change", null, account.UserName);
        await db.SaveChangesAsync(cancellationToken);
        // The stamp already refuses them; deleting keeps the table to tokens that can still be used.
        await db.AccessTokens.Where(t => t.AccountId == account.Id && t.SecurityStamp != account.SecurityStamp).ExecuteDeleteAsync(cancellationToken);
    }
}
