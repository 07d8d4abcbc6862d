using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using OpenTelemetry.Metrics;

namespace Kechuang.Platform.Operations;

/// <summary>
/// What an operator reads about a running node (docs/operations.md, docs/adr/025-metrics-and-json-logs.md):
/// <list type="bullet">
/// <item>logs as one JSON object per line on standard output (<c>Logging:Format=json</c>, the default in
/// Production when standard output is redirected), each with the request's trace id among its scopes, the same id a 500 or 503 answer shows the
/// user; the lines the host prints at start (address, first administrator password) stay plain text;</item>
/// <item><c>/metrics</c> in Prometheus text: requests per route (rate and latency), the runtime (GC, threads),
/// the PostgreSQL pool, and <see cref="KechuangMetrics"/>. Read from the node itself (loopback) or from the
/// networks named in <c>Metrics:AllowedNetworks</c>; anyone else, and anything a reverse proxy forwards, gets 404.</item>
/// </list>
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        // JSON by default where a collector reads the output (a service, a container: Production with standard output
        // redirected); someone who started the server in a terminal, as README says, reads plain lines.
        var format = builder.Configuration["Logging:Format"]
            ?? (builder.Environment.IsProduction() && Console.IsOutputRedirected ? "json" : "simple");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                // The request scope carries TraceId and SpanId (the host's activity tracking), RequestPath and RequestId.
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                // Chinese messages read as Chinese in the log, not as \u escapes; a log line is never HTML.
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        else if (!string.Equals(format, "simple", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Logging:Format: “{format}” is neither json nor simple.");
        }

        builder.Services.AddSingleton(MetricsAccess.From(builder.Configuration));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(KechuangMetrics.MeterName)
                .AddPrometheusExporter();
            if (Data.DataSetup.IsPostgres(builder.Configuration))
            {
                metrics.AddNpgsqlInstrumentation();
            }
        });
        return builder;
    }

    /// <summary>Maps <c>/metrics</c>: anonymous (a scraper holds no account) but only for the callers <see cref="MetricsAccess"/> admits.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
        {
            var access = context.RequestServices.GetRequiredService<MetricsAccess>();
            if (access.Admits(context))
            {
                return next(context);
            }
            // Not there for anyone else: 404 says nothing about what a scraper would find.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }), optionsName: null)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}

/// <summary>Who may read <c>/metrics</c>: the node itself, and the networks in <c>Metrics:AllowedNetworks</c> (CIDR, comma-separated).</summary>
public sealed class MetricsAccess(IReadOnlyList<System.Net.IPNetwork> networks)
{
    public static MetricsAccess From(IConfiguration configuration)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in (configuration["Metrics:AllowedNetworks"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            networks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"Metrics:AllowedNetworks: “{text}” is not a CIDR range such as 10.0.0.0/24."));
        }
        return new MetricsAccess(networks);
    }

    public bool Admits(HttpContext context)
    {
        // A proxy on the same machine would make every visitor look local: what it forwards is never admitted.
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }
}

/// <summary>
/// The application's own counters, beside what the framework measures. Names follow OpenTelemetry's conventions;
/// Prometheus reads them as <c>kechuang_market_bids_total</c> and <c>kechuang_import_rows_total</c>.
/// </summary>
public static class KechuangMetrics
{
    public const string MeterName = "Kechuang";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Bids = Meter.CreateCounter<long>("kechuang.market.bids", "{bid}",
        "Bids answered, by outcome: accepted (a key sent again answers as its first bid), refused (a bidding rule)");

    private static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("kechuang.import.rows", "{row}",
        "Rows entered by imports that committed, by sheet");

    public static void BidDecided(string outcome) => Bids.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void RowsImported(string sheet, int rows) => ImportedRows.Add(rows, new KeyValuePair<string, object?>("sheet", sheet));
}
