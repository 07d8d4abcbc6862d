using Kechuang.Platform.Data;

namespace Kechuang.Modules.Market;

/// <summary>
/// 出价: an accepted bid. Only accepted bids are stored; the table is append-only and is itself the
/// trail of every price change of a lot (account, receive time, amount, resulting end), so it is kept
/// out of the general audit chain, whose single chain-head lock would serialise every bid of every lot
/// behind every other write in the system (see docs/adr/007-market-bids-outside-audit-chain.md).
/// </summary>
public sealed class Bid : INotAudited
{
    private Bid()
    {
    }

    public Bid(Guid lotId, int seq, long amountFen, Bidder bidder, string account, string idempotencyKey, DateTime receivedAt, DateTime endsAtAfter)
    {
        Id = Guid.CreateVersion7();
        LotId = lotId;
        Seq = seq;
        AmountFen = amountFen;
        BidderId = bidder.Id;
        BidderOrganizationId = bidder.OrganizationId;
        BidderNumber = bidder.Number;
        Account = account;
        IdempotencyKey = idempotencyKey;
        ReceivedAt = receivedAt;
        EndsAtAfter = endsAtAfter;
    }

    public Guid Id { get; private set; }
    public Guid LotId { get; private set; }
    public int Seq { get; private set; }
    public long AmountFen { get; private set; }
    public Guid BidderId { get; private set; }
    public Guid BidderOrganizationId { get; private set; }
    public string BidderNumber { get; private set; } = "";
    public string Account { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public DateTime ReceivedAt { get; private set; }

    /// <summary>The lot's end after this bid (later than before when it fell in the soft-close window).</summary>
    public DateTime EndsAtAfter { get; private set; }
}
