using System.Security.Claims;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Access;

/// <summary>Form posts of the sign-in, change-password and sign-out pages (static server rendering, anti-forgery checked).</summary>
public static class AccountForms
{
    public const string MustChangeClaim = "kechuang:must-change";

    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapPost("/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? oneTimeCode, [FromForm] string? returnUrl,
            HttpContext http, SignInHandler signIn, CancellationToken ct) =>
        {
            var result = await signIn.HandleAsync(userName, password, oneTimeCode, ct);
            var back = SafeReturn(returnUrl);
            switch (result.Outcome)
            {
                case SignInOutcome.Success:
                case SignInOutcome.PasswordChangeRequired:
                    return await SignedInAsync(http, result, back);
                case SignInOutcome.SecondFactorRequired:
                    new PendingSignIn(result.Account!.Id, result.Account.SecurityStamp, back, null).Write(http);
                    return Results.LocalRedirect(string.IsNullOrWhiteSpace(oneTimeCode) ? "/account/second-factor" : "/account/second-factor?error=code");
                case SignInOutcome.SecondFactorEnrolmentRequired:
                    new PendingSignIn(result.Account!.Id, result.Account.SecurityStamp, back, SecondFactor.NewSecret()).Write(http);
                    return Results.LocalRedirect("/account/second-factor");
                case SignInOutcome.Throttled:
                    http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.LocalRedirect($"/account/login?error=throttled&retryAfter={result.RetryAfterSeconds}&returnUrl={Uri.EscapeDataString(back)}");
                default:
                    return Results.LocalRedirect($"/account/login?error=bad&returnUrl={Uri.EscapeDataString(back)}");
            }
        }).AllowAnonymous().RequireRateLimiting(SignInLimits.ClientPolicy);

        // The second step of a sign-in: the one-time code, or, at the first sign-in of an account that must have a
        // second factor, a code of the new secret that enrols it (then the recovery codes are shown once).
        account.MapPost("/second-factor", async ([FromForm] string? oneTimeCode, HttpContext http, SignInHandler signIn, SecondFactor secondFactor,
            KechuangDb db, CancellationToken ct) =>
        {
            var pending = PendingSignIn.Read(http);
            var target = pending is null ? null : await db.Accounts.FirstOrDefaultAsync(a => a.Id == pending.AccountId, ct);
            if (pending is null || target is null || target.Disabled || target.SecurityStamp != pending.Stamp)
            {
                PendingSignIn.Clear(http);
                return Results.LocalRedirect("/account/login?error=expired");
            }
            if (pending.NewSecret is { } secret)
            {
                var codes = await secondFactor.EnrolAsync(target, secret, oneTimeCode, ct);
                if (codes is null)
                {
                    return Results.LocalRedirect("/account/second-factor?error=code");
                }
                var enrolled = await signIn.EnrolledAsync(target, ct);
                PendingSignIn.Clear(http);
                await SignInCookieAsync(http, enrolled);
                PendingSignIn.WriteRecoveryCodes(http, codes, Next(enrolled, pending.ReturnUrl));
                return Results.LocalRedirect("/account/recovery-codes");
            }
            var result = await signIn.CompleteAsync(target, oneTimeCode, ct);
            if (result.Outcome == SignInOutcome.Throttled)
            {
                PendingSignIn.Clear(http);
                http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.LocalRedirect($"/account/login?error=throttled&retryAfter={result.RetryAfterSeconds}&returnUrl={Uri.EscapeDataString(pending.ReturnUrl)}");
            }
            if (result.Outcome is not (SignInOutcome.Success or SignInOutcome.PasswordChangeRequired))
            {
                return Results.LocalRedirect("/account/second-factor?error=code");
            }
            PendingSignIn.Clear(http);
            return await SignedInAsync(http, result, pending.ReturnUrl);
        }).AllowAnonymous().RequireRateLimiting(SignInLimits.ClientPolicy);

        account.MapPost("/change-password", async ([FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword,
            HttpContext http, SignInHandler signIn, KechuangDb db, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            {
                return Results.LocalRedirect("/account/login");
            }
            if (newPassword != confirmPassword)
            {
                return Results.LocalRedirect("/account/change-password?error=" + Uri.EscapeDataString("两次输入的新密码不一致"));
            }
            try
            {
                await signIn.ChangePasswordAsync(id, currentPassword, newPassword, ct);
            }
            catch (InputException e)
            {
                return Results.LocalRedirect("/account/change-password?error=" + Uri.EscapeDataString(string.Join("；", e.Errors.SelectMany(x => x.Value))));
            }
            var account = await db.Accounts.FindAsync([id], ct);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInHandler.Principal(account!, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.LocalRedirect("/?passwordChanged=1");
        }).RequireRateLimiting(SignInLimits.ClientPolicy);

        // reason=idle comes from wwwroot/js/idle.js after the idle time without activity on an open page.
        account.MapPost("/logout", async ([FromForm] string? reason, HttpContext http, KechuangDb db, CurrentUser user, CancellationToken ct) =>
        {
            var idle = reason == "idle";
            if (user.IsSignedIn)
            {
                db.AuditEvent("access_account", user.AccountId?.ToString() ?? "", "sign-out", idle ? "{\"reason\":\"idle\"}" : null);
                await db.SaveChangesAsync(ct);
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(idle ? "/account/login?signedOut=idle" : "/account/login?signedOut=1");
        }).AllowAnonymous(); // an expired session still signs out and lands on the sign-in page with its reason
        return app;
    }

    private static async Task<IResult> SignedInAsync(HttpContext http, SignInResult result, string back)
    {
        await SignInCookieAsync(http, result);
        return Results.LocalRedirect(Next(result, back));
    }

    private static Task SignInCookieAsync(HttpContext http, SignInResult result)
    {
        var principal = SignInHandler.Principal(result.Account!, CookieAuthenticationDefaults.AuthenticationScheme);
        if (result.Outcome == SignInOutcome.PasswordChangeRequired)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(MustChangeClaim, "true"));
        }
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    private static string Next(SignInResult result, string back) =>
        result.Outcome == SignInOutcome.PasswordChangeRequired ? "/account/change-password" : back;

    /// <summary>A local path to go back to, else the home page: never another host, never a control character (which LocalRedirect refuses).</summary>
    internal static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !ControlCharacterGuard.HasControl(returnUrl) && !returnUrl.Contains(' ', StringComparison.Ordinal)
            ? returnUrl
            : "/";

    /// <summary>While a password must be changed, every page leads to the change-password page.</summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(MustChangeClaim, "true"))
        {
            if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/v1/auth"))
            {
                await Results.Problem(title: "首次登录或密码已过期，请先修改密码", statusCode: 403,
                    extensions: new Dictionary<string, object?> { ["code"] = "auth.password-change-required" }).ExecuteAsync(context);
                return;
            }
            if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/api")
                && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_framework")
                && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/health"))
            {
                context.Response.Redirect("/account/change-password");
                return;
            }
        }
        await next(context);
    });
}
