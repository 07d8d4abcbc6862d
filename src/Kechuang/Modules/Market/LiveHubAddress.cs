using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kechuang.Modules.Market;

/// <summary>
/// Where the live lot page (running inside the server's Blazor circuit) connects to <c>/hubs/auction</c>:
/// <c>Market:HubUrl</c> when set, else this node's own listening address (so a node never depends on the
/// load balancer to hear about bids: the backplane brings other nodes' bids to its own hub), else the
/// address the browser used.
/// </summary>
public sealed class LiveHubAddress(IConfiguration configuration, IServer server)
{
    public Uri For(Uri browserBase)
    {
        if (configuration["Market:HubUrl"] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null)
        {
            var local = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
            if (Uri.TryCreate(local, UriKind.Absolute, out var uri))
            {
                return new Uri(uri, AuctionHub.Path);
            }
        }
        return new Uri(browserBase, AuctionHub.Path.TrimStart('/'));
    }
}
