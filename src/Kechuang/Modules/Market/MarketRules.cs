using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>What a bid decision needs to know of a lot, as read together with its <see cref="Seq"/>.</summary>
public readonly record struct LotState(LotStatus Status, long StartingPriceFen, long IncrementFen, long CurrentPriceFen, int Seq, DateTime EndsAt);

/// <summary>An accepted bid's effect on its lot.</summary>
public readonly record struct BidDecision(int Seq, long PriceFen, DateTime EndsAt);

/// <summary>How a lot ends: 成交 at the hammer price, or 流拍.</summary>
public readonly record struct LotOutcome(LotStatus Status, long? HammerPriceFen);

/// <summary>
/// The auction rules (docs/rules/auctions.md §3, 浙江拍: the online rules are not published, so increment,
/// soft close and reserve are configured per session and lot). Pure functions, unit-tested at their boundaries.
/// </summary>
public static class MarketRules
{
    public const string NotStarted = "auction.not-started";
    public const string Closed = "auction.closed";
    public const string BidTooLow = "auction.bid-too-low";
    public const string NotRegistered = "auction.not-registered";

    /// <summary>The lowest acceptable bid: the starting price first, then the current price plus the increment.</summary>
    public static long MinimumBidFen(LotState lot) =>
        lot.Seq == 0 ? lot.StartingPriceFen : lot.CurrentPriceFen + lot.IncrementFen;

    /// <summary>
    /// Decides a bid received at <paramref name="now"/>: refused before the session starts, at or after the
    /// lot's end, or below <see cref="MinimumBidFen"/>; a bid received within the last
    /// <paramref name="softCloseSeconds"/> moves the lot's end to receive time + soft close.
    /// </summary>
    public static BidDecision Decide(LotState lot, DateTime auctionStartsAt, int softCloseSeconds, long amountFen, DateTime now)
    {
        if (Refusal(lot, auctionStartsAt, amountFen, now) is { } refusal)
        {
            throw refusal;
        }
        return new BidDecision(lot.Seq + 1, amountFen, SoftClose(lot.EndsAt, softCloseSeconds, now));
    }

    /// <summary>The rule a bid breaks, or null when <see cref="Decide"/> accepts it (not thrown: a hot lot refuses most bids).</summary>
    public static RuleException? Refusal(LotState lot, DateTime auctionStartsAt, long amountFen, DateTime now)
    {
        if (lot.Status != LotStatus.Open || now >= lot.EndsAt)
        {
            return new RuleException(Closed, "该标的竞价已结束");
        }
        if (now < auctionStartsAt)
        {
            return new RuleException(NotStarted, "拍卖会尚未开始竞价");
        }
        var minimum = MinimumBidFen(lot);
        return amountFen >= minimum
            ? null
            : new RuleException(BidTooLow, lot.Seq == 0
                ? $"首次出价不得低于起拍价 {Platform.Data.Money.ToYuan(minimum):0.00} 元"
                : $"出价不得低于当前价加加价幅度，即 {Platform.Data.Money.ToYuan(minimum):0.00} 元");
    }

    /// <summary>延时: within the last <paramref name="softCloseSeconds"/> the end becomes receive time + soft close.</summary>
    public static DateTime SoftClose(DateTime endsAt, int softCloseSeconds, DateTime receivedAt)
    {
        var extended = receivedAt.AddSeconds(softCloseSeconds);
        return extended > endsAt ? extended : endsAt;
    }

    /// <summary>Sold to the highest bidder when there is a bid at or above the reserve (if any); otherwise 流拍.</summary>
    public static LotOutcome Outcome(int seq, long currentPriceFen, long? reservePriceFen) =>
        seq > 0 && currentPriceFen >= (reservePriceFen ?? 0)
            ? new LotOutcome(LotStatus.Sold, currentPriceFen)
            : new LotOutcome(LotStatus.Unsold, null);

    /// <summary>溢价率 = (Σ成交价 − Σ起拍价) ÷ Σ起拍价 over sold lots (docs/rules/auctions.md §2.1: summed, not averaged); null without sales.</summary>
    public static decimal? PremiumRate(IEnumerable<(long StartingPriceFen, long HammerPriceFen)> soldLots)
    {
        long start = 0, hammer = 0;
        foreach (var (s, h) in soldLots)
        {
            start += s;
            hammer += h;
        }
        return start == 0 ? null : (decimal)(hammer - start) / start;
    }

    /// <summary>A bidder number as the public sees it: 523481 → 52**81.</summary>
    public static string MaskNumber(string? number) =>
        string.IsNullOrEmpty(number) ? "" : number.Length <= 4 ? new string('*', number.Length) : number[..2] + new string('*', number.Length - 4) + number[^2..];

    /// <summary>The lot's status as of <paramref name="now"/>: an open lot past its end is shown with its outcome before the sweep records it.</summary>
    public static LotStatus EffectiveStatus(LotStatus status, int seq, long currentPriceFen, long? reservePriceFen, DateTime endsAt, DateTime now) =>
        status == LotStatus.Open && now >= endsAt ? Outcome(seq, currentPriceFen, reservePriceFen).Status : status;
}
