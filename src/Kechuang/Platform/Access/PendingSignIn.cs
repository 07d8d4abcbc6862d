using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Kechuang.Platform.Access;

/// <summary>
/// A page sign-in between the password and the one-time code: which account (and its security stamp then),
/// where to go afterwards, and, for a first enrolment, the new secret. Kept for five minutes in an encrypted,
/// HttpOnly cookie on <c>/account</c>; nothing is signed in until the code is right.
/// </summary>
public sealed record PendingSignIn(Guid AccountId, string Stamp, string ReturnUrl, string? NewSecret)
{
    public const string CookieName = "kechuang.pending";
    public const string RecoveryCookieName = "kechuang.recovery";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static ITimeLimitedDataProtector Protector(HttpContext http, string purpose) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Kechuang.Access." + purpose).ToTimeLimitedDataProtector();

    public void Write(HttpContext http) =>
        http.Response.Cookies.Append(CookieName, Protector(http, "PendingSignIn").Protect(JsonSerializer.Serialize(this), Lifetime), Options(http));

    public static PendingSignIn? Read(HttpContext http) =>
        Unprotect(http, CookieName, "PendingSignIn") is { } json ? JsonSerializer.Deserialize<PendingSignIn>(json) : null;

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http));

    /// <summary>The recovery codes of a new enrolment and where to go next, for the page that shows them once.</summary>
    public static void WriteRecoveryCodes(HttpContext http, IReadOnlyList<string> codes, string next) =>
        http.Response.Cookies.Append(RecoveryCookieName,
            Protector(http, "RecoveryCodes").Protect(JsonSerializer.Serialize(new RecoveryNotice(codes, next)), Lifetime), Options(http));

    public static RecoveryNotice? TakeRecoveryCodes(HttpContext http)
    {
        var json = Unprotect(http, RecoveryCookieName, "RecoveryCodes");
        http.Response.Cookies.Delete(RecoveryCookieName, Options(http));
        return json is null ? null : JsonSerializer.Deserialize<RecoveryNotice>(json);
    }

    private static string? Unprotect(HttpContext http, string cookie, string purpose)
    {
        if (http.Request.Cookies[cookie] is not { Length: > 0 } value)
        {
            return null;
        }
        try
        {
            return Protector(http, purpose).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired or forged
        }
    }

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/account",
        IsEssential = true,
        MaxAge = Lifetime,
    };
}

public sealed record RecoveryNotice(IReadOnlyList<string> Codes, string Next);
