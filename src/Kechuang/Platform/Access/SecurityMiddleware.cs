using System.Net;

namespace Kechuang.Platform.Access;

/// <summary>
/// The security layer every request passes, in this order: security headers on every answer (set as the answer
/// starts, so an internal error's and a refusal's carry them too), the control-character guard, and the
/// per-client limit of the sign-in endpoints.
/// </summary>
public static class SecurityMiddleware
{
    /// <summary>
    /// The one inline handler the pages carry: AntDesign's multiple select renders each chosen tag's remove icon with
    /// <c>onclick="event.stopPropagation()"</c>. Its hash, and nothing else inline, may run ('unsafe-hashes' admits hashes
    /// for event-handler attributes only as listed).
    /// </summary>
    internal const string SelectTagRemoveHandler = "'sha256-jHF5hTIlMDyGZRAsNK0HO/WFYrwPvI2I1q0o1xKKB6I='";

    private static readonly string ContentPolicy = Policy($"'self' 'unsafe-hashes' {SelectTagRemoveHandler}");

    private static readonly string ApiReferencePolicy = Policy("'self' 'unsafe-inline'");

    /// <summary>One year, the least the browsers' HSTS preload lists accept; without includeSubDomains, which would bind other bureau sites.</summary>
    public const string StrictTransport = "max-age=31536000";

    private static string Policy(string scripts) =>
        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurity(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SetHeaders(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseMiddleware<ControlCharacterGuard>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>等保: CSP without external sources, no framing, no MIME sniffing; HSTS on HTTPS.</summary>
    private static void SetHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        // The API reference page configures itself with an inline script; every other page runs only our own files.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // A browser remembers HSTS per host name: on a loopback name it would bind every other local site too.
        if (context.Request.IsHttps && !IsLoopback(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = StrictTransport;
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
