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
    Locked,
    PasswordChangeRequired,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account);

/// <summary>
/// Checks credentials for pages and the token endpoint alike. An unknown account and a wrong password
/// get the same answer and cost the same hashing time; failures, lockouts and successes are audited.
/// </summary>
public sealed class SignInHandler(KechuangDb db, IPasswordHasher<Account> hasher, IOptions<AccessOptions> options)
{
    // Hashed once so that an unknown user name costs a real verification too.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Account>().HashPassword(null!, "Dummy-Password-1"));

    public async Task<SignInResult> HandleAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var now = db.UtcNow;
        var account = name.Length == 0 ? null : await db.Accounts.FirstOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null || account.Disabled)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
            db.AuditEvent("access_account", name, "sign-in-failure", account is null ? "{\"reason\":\"unknown\"}" : "{\"reason\":\"disabled\"}", name);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.BadCredentials, null);
        }
        if (account.IsLocked(now))
        {
            db.AuditEvent("access_account", account.Id.ToString(), "sign-in-locked", null, account.UserName);
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.Locked, account);
        }
        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verified == PasswordVerificationResult.Failed)
        {
            var locked = account.RecordFailure(now);
            db.AuditEvent("access_account", account.Id.ToString(), "sign-in-failure", $"{{\"failures\":{account.FailedSignIns}}}", account.UserName);
            if (locked)
            {
                db.AuditEvent("access_account", account.Id.ToString(), "lockout", $"{{\"until\":\"{account.LockedUntil:O}\"}}", account.UserName);
            }
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(locked ? SignInOutcome.Locked : SignInOutcome.BadCredentials, locked ? account : null);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.SetPassword(hasher.HashPassword(account, password!), account.MustChangePassword, account.PasswordChangedAt);
        }
        account.RecordSuccess(now);
        db.AuditEvent("access_account", account.Id.ToString(), "sign-in", null, account.UserName);
        await db.SaveChangesAsync(cancellationToken);
        var mustChange = account.MustChangePassword
            || account.PasswordExpired(now, TimeSpan.FromDays(options.Value.StaffPasswordExpiryDays));
        return new SignInResult(mustChange ? SignInOutcome.PasswordChangeRequired : SignInOutcome.Success, account);
    }

    /// <summary>When the password last changed: a session from before a reset or change is ended.</summary>
    public const string PasswordStampClaim = "kechuang:pwd";

    public static ClaimsPrincipal Principal(Account account, string scheme) =>
        Principal(account.Id, account.UserName, account.Role, account.RegionCode, account.DisplayName, account.PasswordChangedAt, account.OrganizationId, scheme);

    public static ClaimsPrincipal Principal(Guid id, string userName, Role role, string regionCode, string displayName, DateTime passwordChangedAt,
        Guid? organizationId, string scheme)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id.ToString()),
            new Claim(ClaimTypes.Name, userName),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(CurrentUser.RegionClaim, regionCode),
            new Claim(CurrentUser.DisplayNameClaim, displayName),
            new Claim(PasswordStampClaim, passwordChangedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. organizationId is { } org ? new[] { new Claim(CurrentUser.OrganizationClaim, org.ToString()) } : [],
        ], scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Issues a bearer token; only its SHA-256 is stored.</summary>
    public async Task<(string Token, DateTime ExpiresAt)> IssueTokenAsync(Account account, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = db.UtcNow.AddHours(options.Value.TokenHours);
        db.AccessTokens.Add(new AccessToken { AccountId = account.Id, TokenHash = HashToken(token), CreatedAt = db.UtcNow, ExpiresAt = expires });
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
    }
}
