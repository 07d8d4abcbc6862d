using Microsoft.AspNetCore.SignalR;

namespace Kechuang.Modules.Market;

/// <summary>An accepted bid as viewers receive it: <c>{ lotId, seq, price, leader, endsAt }</c>.</summary>
public sealed record BidEvent(Guid LotId, int Seq, decimal Price, string Leader, DateTime EndsAt);

/// <summary>
/// <c>/hubs/auction</c>: anyone may watch a lot (auctions are public). Every accepted bid is sent to the
/// lot's group as <c>bid</c>. Delivery is at most once (a Redis backplane drops messages while Redis is
/// down), so a client that reconnects or sees a gap in <c>seq</c> re-reads <c>GET /api/v1/lots/{id}</c>.
/// </summary>
public sealed class AuctionHub : Hub
{
    public const string Path = "/hubs/auction";
    public const string BidMessage = "bid";

    public static string Group(Guid lotId) => $"lot:{lotId:N}";

    public Task Watch(Guid lotId) => Groups.AddToGroupAsync(Context.ConnectionId, Group(lotId));

    public Task Unwatch(Guid lotId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(lotId));
}

/// <summary>Tells viewers of a lot about a bid that has been committed.</summary>
public interface IBidBroadcaster
{
    Task AcceptedAsync(BidEvent bid, CancellationToken cancellationToken);
}

internal sealed class HubBidBroadcaster(IHubContext<AuctionHub> hub, ILogger<HubBidBroadcaster> logger) : IBidBroadcaster
{
    public async Task AcceptedAsync(BidEvent bid, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(AuctionHub.Group(bid.LotId)).SendAsync(AuctionHub.BidMessage, bid, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The bid is committed and acknowledged regardless; viewers refill the gap from the API.
            logger.LogWarning(e, "Broadcast of bid {Seq} on lot {LotId} failed", bid.Seq, bid.LotId);
        }
    }
}
