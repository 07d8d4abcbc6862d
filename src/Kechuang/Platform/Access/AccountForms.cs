using System.Security.Claims;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Kechuang.Platform.Access;

/// <summary>Form posts of the sign-in, change-password and sign-out pages (static server rendering, anti-forgery checked).</summary>
public static class AccountForms
{
    public const string MustChangeClaim = "kechuang:must-change";

    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapPost("/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, SignInHandler signIn, CancellationToken ct) =>
        {
            var result = await signIn.HandleAsync(userName, password, ct);
            switch (result.Outcome)
            {
                case SignInOutcome.Success:
                case SignInOutcome.PasswordChangeRequired:
                    var principal = SignInHandler.Principal(result.Account!, CookieAuthenticationDefaults.AuthenticationScheme);
                    if (result.Outcome == SignInOutcome.PasswordChangeRequired)
                    {
                        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(MustChangeClaim, "true"));
                    }
                    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                    return result.Outcome == SignInOutcome.PasswordChangeRequired
                        ? Results.LocalRedirect("/account/change-password")
                        : Results.LocalRedirect(SafeReturn(returnUrl));
                case SignInOutcome.Locked:
                    return Results.LocalRedirect($"/account/login?error=locked&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
                default:
                    return Results.LocalRedirect($"/account/login?error=bad&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
            }
        }).AllowAnonymous();

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
        });

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

    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
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
