using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Kechuang.Modules.Market;

/// <summary>
/// An accepted bid as viewers receive it: <c>{ lotId, seq, price, leader, endsAt, committedAt }</c>
/// (<c>committedAt</c>: the server's time once the bid's transaction had committed).
/// </summary>
public sealed record BidEvent(Guid LotId, int Seq, decimal Price, string Leader, DateTime EndsAt, DateTime CommittedAt = default);

/// <summary>
/// <c>/hubs/auction</c>: anyone may watch a lot (auctions are public). Accepted bids are sent to the lot's
/// group as <c>bids</c>: an array of <see cref="BidEvent"/> in <c>seq</c> order (one bid when bids are few;
/// every bid committed while the previous message was being sent when they are many). Delivery is at most
/// once (a Redis backplane drops messages while Redis is down), so a client that reconnects or sees a gap in
/// <c>seq</c> re-reads <c>GET /api/v1/lots/{id}</c>.
/// </summary>
public sealed class AuctionHub : Hub
{
    public const string Path = "/hubs/auction";
    public const string BidsMessage = "bids";

    public static string Group(Guid lotId) => $"lot:{lotId:N}";

    public Task Watch(Guid lotId) => Groups.AddToGroupAsync(Context.ConnectionId, Group(lotId));

    public Task Unwatch(Guid lotId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(lotId));
}

/// <summary>Tells viewers of a lot about a bid that has been committed (never before: the caller commits first).</summary>
public interface IBidBroadcaster
{
    /// <summary>Queues the bid for its viewers and returns at once: a bidder's answer never waits for the fan-out.</summary>
    void Accepted(BidEvent bid);
}

/// <summary>
/// Sends committed bids to each lot's viewers from one loop per node. While one message is on its way to a
/// thousand viewers, the bids committed meanwhile wait and then go out together as one message per lot, so
/// the cost of a hot lot is per message sent, not per bid times viewers, and a quiet lot's bid goes out alone
/// at once. Messages are at least <see cref="Pace"/> apart, so a lot bid on dozens of times a second costs ten
/// messages a second per viewer, each well within the second the live page promises. The queue holds only
/// copies of committed facts; viewers that miss one refill from the database.
/// </summary>
internal sealed class HubBidBroadcaster(IHubContext<AuctionHub> hub, ILogger<HubBidBroadcaster> logger) : BackgroundService, IBidBroadcaster
{
    private readonly Channel<BidEvent> _queue = Channel.CreateUnbounded<BidEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Least time between two messages of a node (real time, not the business clock).</summary>
    internal static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    public void Accepted(BidEvent bid) => _queue.Writer.TryWrite(bid);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<BidEvent>();
        var sent = System.Diagnostics.Stopwatch.StartNew();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            // A bid after a quiet spell goes out at once; under a burst the bids of the last 100 ms go together.
            var wait = Pace - sent.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stoppingToken);
            }
            sent.Restart();
            batch.Clear();
            while (batch.Count < 10_000 && _queue.Reader.TryRead(out var bid))
            {
                batch.Add(bid);
            }
            foreach (var lot in batch.GroupBy(b => b.LotId))
            {
                var bids = lot.OrderBy(b => b.Seq).ToArray();
                try
                {
                    await hub.Clients.Group(AuctionHub.Group(lot.Key)).SendAsync(AuctionHub.BidsMessage, bids, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The bids are committed and acknowledged regardless; viewers refill the gap from the API.
                    logger.LogWarning(e, "Broadcast of bids {First}..{Last} on lot {LotId} failed", bids[0].Seq, bids[^1].Seq, lot.Key);
                }
            }
        }
    }
}
