namespace Kechuang.Modules.Market;

/// <summary>
/// 标的: one achievement put up in a session. Its price, <see cref="Seq"/> and end change only through the
/// conditional update in <see cref="PlaceBidHandler"/> (guarded by <see cref="Seq"/>), its outcome only
/// through <see cref="LotCloser"/>.
/// </summary>
public sealed class Lot
{
    private Lot()
    {
    }

    public Lot(Guid auctionId, int number, Guid achievementId, long startingPriceFen, long incrementFen, long? reservePriceFen, DateTime endsAt, string contractType)
    {
        Id = Guid.CreateVersion7();
        AuctionId = auctionId;
        Number = number;
        AchievementId = achievementId;
        StartingPriceFen = startingPriceFen;
        IncrementFen = incrementFen;
        ReservePriceFen = reservePriceFen;
        EndsAt = endsAt;
        ContractType = contractType;
        Status = LotStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid AuctionId { get; private set; }

    /// <summary>第N号标的, from 1 within a session.</summary>
    public int Number { get; private set; }
    public Guid AchievementId { get; private set; }
    public long StartingPriceFen { get; private set; }
    public long IncrementFen { get; private set; }
    public long? ReservePriceFen { get; private set; }

    /// <summary>Current end of bidding for this lot (moved by soft close).</summary>
    public DateTime EndsAt { get; private set; }

    /// <summary>Highest accepted bid; 0 before the first bid.</summary>
    public long CurrentPriceFen { get; private set; }

    /// <summary>Number of accepted bids; the n-th accepted bid has seq n.</summary>
    public int Seq { get; private set; }
    public Guid? LeaderBidderId { get; private set; }
    public string? LeaderNumber { get; private set; }
    public LotStatus Status { get; private set; }
    public long? HammerPriceFen { get; private set; }
    public Guid? WinnerOrganizationId { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary><c>transfer</c> or <c>license</c>: the kind of contract a sale becomes.</summary>
    public string ContractType { get; private set; } = "transfer";

    /// <summary>The draft technology contract created for a sold lot; null while pending.</summary>
    public Guid? ContractId { get; private set; }

    /// <summary>
    /// Set while one node creates this lot's draft contract (a concurrency token: of two nodes retrying the same
    /// pending sale, only the one whose claim was saved creates the contract); a claim older than the lease is
    /// considered abandoned (its node died) and may be taken over.
    /// </summary>
    public Guid? ContractClaim { get; private set; }
    public DateTime? ContractClaimedAt { get; private set; }

    /// <summary>In memory only (demo loader, rules tests): the database path is the conditional update.</summary>
    internal void ApplyAccepted(Bid bid)
    {
        CurrentPriceFen = bid.AmountFen;
        Seq = bid.Seq;
        LeaderBidderId = bid.BidderId;
        LeaderNumber = bid.BidderNumber;
        EndsAt = bid.EndsAtAfter;
    }

    internal void Close(LotOutcome outcome, Guid? winnerOrganizationId, DateTime now)
    {
        Status = outcome.Status;
        HammerPriceFen = outcome.HammerPriceFen;
        WinnerOrganizationId = outcome.Status == LotStatus.Sold ? winnerOrganizationId : null;
        ClosedAt = now;
    }

    internal bool TryClaimContract(DateTime now, TimeSpan lease)
    {
        if (ContractId is not null || (ContractClaim is not null && ContractClaimedAt > now - lease))
        {
            return false;
        }
        ContractClaim = Guid.CreateVersion7();
        ContractClaimedAt = now;
        return true;
    }

    internal void ReleaseContractClaim()
    {
        ContractClaim = null;
        ContractClaimedAt = null;
    }

    internal void LinkContract(Guid contractId)
    {
        ContractId = contractId;
        ReleaseContractClaim();
    }
}

public enum LotStatus
{
    Open = 1,
    Sold = 2,
    Unsold = 3,
}
