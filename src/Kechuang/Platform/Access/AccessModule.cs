using Kechuang.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Access;

public static class AccessModule
{
    public const string SmartScheme = "Kechuang";

    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection("Access"));
        var idle = TimeSpan.FromMinutes(configuration.GetValue("Access:IdleMinutes", 30));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<SecondFactor>();
        services.AddSignInRateLimiting(configuration);
        services.AddSingleton<BearerTokenLookups>();
        services.AddScoped<AccountAdminHandler>();
        services.AddScoped<GetAccountNameHandler>();
        services.AddSingleton<PermissionTable>();
        services.AddSingleton<IPermissionContribution, AccessPermissions>();
        services.AddScoped<SessionCheck>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddHttpContextAccessor();
        // Secure under HTTPS (plain HTTP on 127.0.0.1 still works for a first look).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "kechuang.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = idle;
                o.SlidingExpiration = true;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                o.Events.OnRedirectToLogin = context => ApiStatus(context, 401);
                o.Events.OnRedirectToAccessDenied = context => ApiStatus(context, 403);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            // Closed by default: an endpoint that names no policy is for signed-in users. The published ones
            // (sign-in, health, the public market, the API contract) say AllowAnonymous where they are mapped.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Admin, p => p.RequireRole(nameof(Role.CityAdmin)))
            .AddPolicy(Roles.AccountAdmins, p => p.RequireRole(nameof(Role.CityAdmin), nameof(Role.SecurityAdmin)))
            .AddPolicy(Roles.Auditors, p => p.RequireRole(nameof(Role.AuditAdmin)))
            .AddPolicy(Roles.Administrators, p => p.RequireRole(nameof(Role.CityAdmin), nameof(Role.SecurityAdmin), nameof(Role.AuditAdmin)))
            .AddPolicy(Roles.Staff, p => p.RequireRole(nameof(Role.CityAdmin), nameof(Role.CityStaff), nameof(Role.CountyStaff)))
            .AddPolicy(Roles.StaffAndEnterprises, p => p.RequireRole(nameof(Role.CityAdmin), nameof(Role.CityStaff), nameof(Role.CountyStaff), nameof(Role.Enterprise)))
            .AddPolicy(PagePermissionAttribute.PolicyName, p => p.RequireAuthenticatedUser().AddRequirements(new PagePermissionRequirement()));
        services.AddSingleton<IAuthorizationHandler, PagePermissionHandler>();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// A page session ends when its account is disabled or its security stamp changed since sign-in (password,
    /// role, region, organisation) — checked in the database on every request, so it holds across nodes.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapAccessApi();
        app.MapAccountForms();
        return app;
    }
}
