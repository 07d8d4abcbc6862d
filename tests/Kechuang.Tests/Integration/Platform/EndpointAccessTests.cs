using System.Net;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Closed by default: every route the application maps (API, pages, hubs, forms, documents) needs a
/// signed-in user unless it is one of the published endpoints listed here by name.
/// </summary>
public abstract class EndpointAccessTests(KechuangApp app)
{
    /// <summary>What a visitor without an account may reach, as "METHODS route" (methods in the order the endpoint lists them).</summary>
    private static readonly string[] Published =
    [
        // Signing in and out, and the pages around it.
        "GET,POST /account/login",
        "POST /account/login",
        "POST /account/logout",
        "GET,POST /account/denied",
        // The second step of a sign-in (one-time code or first enrolment) and the recovery codes shown once after it.
        "GET,POST /account/second-factor",
        "POST /account/second-factor",
        "GET,POST /account/recovery-codes",
        "POST /api/v1/auth/token",
        "POST /api/v1/auth/change-password",
        "GET /culture",
        // Probes of a supervisor or load balancer: states of the checks only (docs/operations.md).
        "GET /health",
        "GET /health/live",
        "GET /health/ready",
        // Prometheus's scrape: anonymous, but answered only to the node itself or Metrics:AllowedNetworks (docs/security.md).
        "* /metrics",

        // The API contract and its reference page: no records in them, and a script's author reads them before holding a token.
        "GET /openapi/{documentName}.json",
        "GET /scalar/{documentName?}",
        "GET /scalar/scalar.js",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/favicon.svg",

        // The technology market is public: listed achievements, auctions, lots with their bids, published results.
        "GET,POST /market/achievements",
        "GET,POST /market/achievements/{Id:guid}",
        "GET,POST /market/auctions",
        "GET,POST /market/auctions/{Id:guid}",
        "GET,POST /market/auctions/{Id:guid}/results",
        "GET,POST /market/lots/{Id:guid}",
        "GET /api/v1/achievements",
        "GET /api/v1/achievements/{id:guid}",
        "GET /api/v1/auctions",
        "GET /api/v1/auctions/{id:guid}",
        "GET /api/v1/auctions/{id:guid}/results",
        "GET /api/v1/lots/{lotId:guid}",
        "GET /api/v1/lots/{lotId:guid}/bids",
        "* /hubs/auction",
        "* /hubs/auction/negotiate",

        // Blazor's circuit hub and redirect helper, which the public market pages need; each page inside a
        // circuit is still checked against its own [Authorize].
        "* /_blazor",
        "* /_blazor/negotiate",
        "* /_blazor/disconnect/",
        "* /_blazor/initializers/",
        "GET /_framework/opaque-redirect",
    ];

    [Fact]
    public async Task AnonymousEndpoints_AreExactlyThePublishedOnes()
    {
        var endpoints = await EndpointsAsync();

        var anonymous = endpoints.Where(e => e.Anonymous).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var unexpected = anonymous.Except(Published).Order(StringComparer.Ordinal).ToList();
        var missing = Published.Except(anonymous).Order(StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0 && missing.Count == 0,
            $"Anonymous but not published:\n  {string.Join("\n  ", unexpected)}\nPublished but not anonymous (or no longer mapped):\n  {string.Join("\n  ", missing)}");
        Assert.True(endpoints.Count > Published.Length, "the walk found no protected endpoint");
    }

    [Fact]
    public async Task ProtectedEndpoints_WithoutCredentials_Are401ForTheApiAndTheSignInPageElsewhere()
    {
        var endpoints = (await EndpointsAsync()).Where(e => !e.Anonymous).ToList();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl);
            using var response = await client.SendAsync(request);
            var api = endpoint.SampleUrl.StartsWith("/api/", StringComparison.Ordinal);
            var ok = api
                ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
            if (!ok)
            {
                wrong.Add($"{endpoint.Method} {endpoint.SampleUrl} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(endpoints.Count(e => e.SampleUrl.StartsWith("/api/", StringComparison.Ordinal)) >= 100, "fewer API endpoints than the application maps");
        Assert.True(wrong.Count == 0, "Answered a caller without credentials:\n  " + string.Join("\n  ", wrong));
    }

    private sealed record Endpoint(string Key, string Method, string SampleUrl, bool Anonymous);

    /// <summary>
    /// Every route endpoint with the decision the authorization middleware takes for it: the endpoint's own
    /// policies, or the fallback policy when it names none; anonymous when no policy results or it allows anonymous.
    /// </summary>
    private async Task<List<Endpoint>> EndpointsAsync()
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var result = new List<Endpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            var anonymous = policy is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            result.Add(new Endpoint($"{(methods.Count == 0 ? "*" : string.Join(",", methods))} {pattern}",
                methods.Count == 0 ? "GET" : methods[0], Sample(endpoint.RoutePattern), anonymous));
        }
        return result;
    }

    /// <summary>The route with every parameter filled: a new id where a guid is expected, a word elsewhere.</summary>
    private static string Sample(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString()
                : parameter.ParameterPolicies.Any(p => p.Content == "int") ? "1"
                : "sample",
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    public sealed class OnSqlite(SqliteApp app) : EndpointAccessTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EndpointAccessTests(app), IClassFixture<PostgresApp>;
}
