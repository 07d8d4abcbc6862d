namespace Kechuang.Platform.Problems;

public static class ProblemsSetup
{
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        // Malformed bodies and parameters reach ProblemHandler as exceptions, which answers 400 in Chinese.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddInputJson();
        return services;
    }

    public static IApplicationBuilder UseProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api") || http.Response.HasStarted || http.Response.ContentLength > 0)
            {
                return;
            }
            var title = http.Response.StatusCode switch
            {
                401 => "请先登录或提供有效的访问令牌",
                403 => "无权执行此操作",
                404 => "请求的资源不存在",
                405 => "不支持该请求方法",
                415 => "请求内容类型不受支持",
                _ => "请求无法处理",
            };
            await Results.Problem(title: title, statusCode: http.Response.StatusCode).ExecuteAsync(http);
        });
        return app;
    }

    private static readonly string ContentPolicy = Policy("'self'");

    private static readonly string ApiReferencePolicy = Policy("'self' 'unsafe-inline'");

    private static string Policy(string scripts) =>
        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>等保: CSP without external sources, no framing, no MIME sniffing.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        // The API reference page configures itself with an inline script; every other page runs only our own files.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        await next(context);
    });
}
