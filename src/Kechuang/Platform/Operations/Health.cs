using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kechuang.Platform.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers (a supervisor restarts it when it does not). <c>/health/ready</c>: it can
/// serve — the database answers, every migration of this version is applied, and Redis answers when one is configured
/// (a load balancer sends it no requests while it is not). <c>/health</c> is the older name of ready. The answers
/// name each check and its state, never a host, an account or an exception's text: those go to the log.
/// </summary>
public static class Health
{
    public const string ReadyTag = "ready";

    /// <summary>A check that has not answered by then has failed: a probe must not hang on a database that does not reply.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The probes, and the <c>backup</c> and <c>restore</c> commands (docs/operations.md).</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICommand, BackupCommand>();
        services.AddSingleton<ICommand, RestoreCommand>();
        return services.AddHealth(configuration);
    }

    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks();
        if (DataSetup.IsPostgres(configuration))
        {
            checks.AddNpgSql(sp => sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), name: "database", tags: [ReadyTag], timeout: CheckTimeout);
        }
        else
        {
            checks.AddDbContextCheck<KechuangDb>("database", tags: [ReadyTag]);
        }
        checks.AddCheck<MigrationsCheck>("migrations", tags: [ReadyTag], timeout: CheckTimeout);
        var redis = configuration["Redis:Connection"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            checks.AddRedis(redis, name: "redis", tags: [ReadyTag], timeout: CheckTimeout);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", (HttpContext http) => Answer(http, new HealthReport(new Dictionary<string, HealthReportEntry>(), TimeSpan.Zero)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadyAsync(HttpContext http, HealthCheckService health, CancellationToken cancellationToken) =>
        Answer(http, await health.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), cancellationToken));

    private static IResult Answer(HttpContext http, HealthReport report)
    {
        // A cached "healthy" would hide a database that has since gone away.
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                durationMs = (long)e.Value.Duration.TotalMilliseconds,
                // Only our own checks' descriptions: a library's failure text is its exception's message (hosts, accounts).
                description = e.Value.Exception is null ? e.Value.Description : null,
            }),
        };
        return Results.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}

/// <summary>Ready only when the database holds every migration this version knows: an older schema would fail requests one by one.</summary>
internal sealed class MigrationsCheck(KechuangDb db, ILogger<MigrationsCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("迁移已全部应用")
                : new HealthCheckResult(context.Registration.FailureStatus, $"有 {pending} 个迁移尚未应用");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "就绪检查：无法读取数据库的迁移记录");
            return new HealthCheckResult(context.Registration.FailureStatus, "无法读取数据库的迁移记录");
        }
    }
}
