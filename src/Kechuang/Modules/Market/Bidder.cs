namespace Kechuang.Modules.Market;

/// <summary>竞买人: an organisation registered for one session; it may bid once its deposit is confirmed (when required, <see cref="MarketRules.BidderRules"/>).</summary>
public sealed class Bidder
{
    private Bidder()
    {
    }

    public Bidder(Guid auctionId, Guid organizationId, string organizationName, string number, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AuctionId = auctionId;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        Number = number;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AuctionId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";

    /// <summary>竞买号: six digits, unique in the session; shown masked to the public.</summary>
    public string Number { get; private set; } = "";
    public bool DepositPaid { get; private set; }
    public DateTime? DepositConfirmedAt { get; private set; }
    public string? DepositConfirmedBy { get; private set; }
    public DateTime RegisteredAt { get; private set; }

    public void ConfirmDeposit(string by, DateTime now)
    {
        DepositPaid = true;
        DepositConfirmedAt = now;
        DepositConfirmedBy = by;
    }
}
