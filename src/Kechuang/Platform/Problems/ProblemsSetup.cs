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
}
