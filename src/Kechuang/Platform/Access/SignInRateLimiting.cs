using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Kechuang.Platform.Access;

/// <summary>
/// The per-client limit of the sign-in endpoints (ASP.NET Core's rate limiter, per node; ADR 015 says why
/// that is enough): <c>Access:SignInPerClientPerMinute</c> attempts per client address in a sliding minute.
/// </summary>
public static class SignInRateLimiting
{
    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Access:SignInPerClientPerMinute", SignInLimits.DefaultClientPerMinute);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimits.ClientPolicy, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
            o.OnRejected = (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                return new ValueTask(Throttled(context.HttpContext, seconds));
            };
        });
        return services;
    }

    /// <summary>
    /// "Too many attempts": 429 with Retry-After and a Chinese problem for the API; the sign-in form goes back to
    /// its page, which says the same.
    /// </summary>
    public static Task Throttled(HttpContext http, int seconds)
    {
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var signIn = http.Request.Path.StartsWithSegments("/account") || http.Request.Path.StartsWithSegments("/api/v1/auth");
        if (signIn && !http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.Redirect($"/account/login?error=throttled&retryAfter={seconds}");
            return Task.CompletedTask;
        }
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // Another public page (a confirmation link): a plain answer, not the sign-in page the visitor never asked for.
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(OtherMessage(seconds), http.RequestAborted);
        }
        return Results.Problem(title: signIn ? Message(seconds) : OtherMessage(seconds), statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["code"] = signIn ? "auth.throttled" : "throttled", ["retryAfter"] = seconds }).ExecuteAsync(http);
    }

    public static string Message(int seconds) => $"登录尝试过于频繁，请在{Wait(seconds)}后再试";

    private static string OtherMessage(int seconds) => $"操作过于频繁，请在{Wait(seconds)}后再试";

    private static string Wait(int seconds) => seconds < 60 ? $"{seconds}秒" : $"{(seconds + 59) / 60}分钟";
}
