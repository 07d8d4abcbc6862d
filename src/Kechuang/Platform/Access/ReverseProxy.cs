using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kechuang.Platform.Access;

/// <summary>
/// Behind nginx every request comes from the proxy's address, over plain HTTP: the per-client sign-in limit would
/// count the whole county as one client, the audit log would name the proxy, and HTTPS-only headers and cookies
/// would be left off. The client's address and scheme are taken from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> only when the request comes from a proxy named in configuration
/// (<c>ReverseProxy:KnownProxies</c>, addresses, or <c>ReverseProxy:KnownNetworks</c>, CIDR ranges, each a
/// comma-separated list), and only the hop that proxy added: anyone else can write those headers too.
/// </summary>
public static class ReverseProxy
{
    public static ForwardedHeadersOptions? Options(IConfiguration configuration)
    {
        var proxies = List(configuration["ReverseProxy:KnownProxies"]);
        var networks = List(configuration["ReverseProxy:KnownNetworks"]);
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return null;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // The defaults trust loopback; only what the operator names is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: “{proxy}” is not an IP address."));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: “{network}” is not a CIDR range such as 10.0.0.0/24."));
        }
        return options;
    }

    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, IConfiguration configuration) =>
        Options(configuration) is { } options ? app.UseForwardedHeaders(options) : app;

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
