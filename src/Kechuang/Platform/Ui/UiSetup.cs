using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kechuang.Platform.Ui;

public static class UiSetup
{
    /// <summary>zh-CN is the default; English is the switch in the header (shell strings only).</summary>
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        services.AddLocalization();
        // Chinese text from resources is written as characters, not as &#x...; entities, in server-rendered pages.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<ScopedRunner>();
        // The shell names no module: menu groups, shortcuts, audit names and home figures are contributed.
        services.AddSingleton<NavCatalog>();
        services.AddSingleton<AuditNames>();
        services.AddSingleton<INavContribution, SystemNav>();
        services.AddSingleton<IAuditVocabulary, PlatformAuditVocabulary>();
        services.AddSingleton<IAuditVocabulary, AuditLogVocabulary>();
        services.AddScoped<DashboardHandler>();
        services.AddSingleton<DashboardCache>();
        // AntDesign's own texts (pagination, date pickers, empty tables) follow the UI culture; Chinese unless switched.
        AntDesign.LocaleProvider.DefaultLanguage = "zh-CN";
        return services;
    }

    /// <summary>
    /// Request culture from the <c>.AspNetCore.Culture</c> cookie only, zh-CN otherwise: a bureau PC
    /// with an English browser still gets Chinese. A Blazor circuit keeps the culture it started with.
    /// </summary>
    public static IApplicationBuilder UseUi(this IApplicationBuilder app) =>
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

    public static IEndpointRouteBuilder MapUi(this WebApplication app)
    {
        // The language switch: sets the culture cookie for a year and goes back to a local page.
        app.MapGet("/culture", (string? c, string? redirect, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(x => string.Equals(x.Name, c, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        // Our own CSP (UseSecurityHeaders) already forbids framing; Blazor's second header would duplicate it.
        // Each page carries its own [Authorize] or [AllowAnonymous]. The circuit hub and the framework's redirect
        // helper serve public pages too (the live auction), so they are open; a page inside a circuit is still
        // checked by AuthorizeRouteView.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .Add(endpoint =>
            {
                if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>().Any())
                {
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
                }
            });
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
