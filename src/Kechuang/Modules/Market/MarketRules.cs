using System.Linq.Expressions;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>What a bid decision needs to know of a lot, as read together with its <see cref="Seq"/>.</summary>
public readonly record struct LotState(LotStatus Status, long StartingPriceFen, long IncrementFen, long CurrentPriceFen, int Seq, DateTime EndsAt);

/// <summary>An accepted bid's effect on its lot.</summary>
public readonly record struct BidDecision(int Seq, long PriceFen, DateTime EndsAt);

/// <summary>How a lot ends: 成交 at the hammer price, or 流拍.</summary>
public readonly record struct LotOutcome(LotStatus Status, long? HammerPriceFen);

/// <summary>What a bid is decided on: the lot as it stands, its session's start and soft close, the amount, and when the bid was received.</summary>
public readonly record struct BidFacts(LotState Lot, DateTime AuctionStartsAt, int SoftCloseSeconds, long AmountFen, DateTime ReceivedAt);

/// <summary>Who bids: whether the organisation is registered for the session, and whether its deposit is confirmed where one is asked.</summary>
public readonly record struct BidderFacts(bool Registered, bool DepositRequired, bool DepositPaid);

/// <summary>
/// A bidding rule: the condition a bid must meet and the name of the refusal when it does not. The condition is an
/// expression so that it is stated once: C# runs it compiled, and the PostgreSQL bid function runs the SQL
/// <see cref="MarketRulesSql"/> writes from it (docs/adr/014-bid-rules-stated-once.md).
/// </summary>
public sealed class BidRule<TFacts>
{
    private readonly Func<TFacts, bool> _holds;

    public BidRule(string name, Expression<Func<TFacts, bool>> condition)
    {
        Name = name;
        Condition = condition;
        _holds = condition.Compile();
    }

    /// <summary>The refusal's name, as the database function returns it.</summary>
    public string Name { get; }

    public Expression<Func<TFacts, bool>> Condition { get; }

    public bool Holds(TFacts facts) => _holds(facts);
}

/// <summary>
/// The auction rules (docs/rules/auctions.md §3; the online rules of 浙江拍 are not published, so increment, soft close and reserve are
/// configured per session and lot). Pure functions, unit-tested at their boundaries. The bidding rules are
/// expressions, checked in order; the first one a bid breaks names its refusal.
/// </summary>
public static class MarketRules
{
    public const string NotStarted = "auction.not-started";
    public const string Closed = "auction.closed";
    public const string BidTooLow = "auction.bid-too-low";
    public const string NotRegistered = "auction.not-registered";

    /// <summary>Only organisations registered for the session bid, and only once their deposit is confirmed where the session asks for one.</summary>
    public static readonly IReadOnlyList<BidRule<BidderFacts>> BidderRules =
    [
        new("not-registered", f => f.Registered),
        new("deposit-unconfirmed", f => !f.DepositRequired || f.DepositPaid),
    ];

    /// <summary>The lowest acceptable bid: the starting price first, then the current price plus the increment.</summary>
    public static readonly Expression<Func<BidFacts, long>> Minimum =
        f => f.Lot.Seq == 0 ? f.Lot.StartingPriceFen : f.Lot.CurrentPriceFen + f.Lot.IncrementFen;

    /// <summary>
    /// A bid is taken while its lot is open and before the lot's end, once the session has started, and at no less
    /// than <see cref="Minimum"/>.
    /// </summary>
    public static readonly IReadOnlyList<BidRule<BidFacts>> LotRules =
    [
        new("closed", f => f.Lot.Status == LotStatus.Open && f.ReceivedAt < f.Lot.EndsAt),
        new("not-started", f => f.ReceivedAt >= f.AuctionStartsAt),
        new("too-low", Expression.Lambda<Func<BidFacts, bool>>(
            Expression.GreaterThanOrEqual(Expression.Property(Minimum.Parameters[0], nameof(BidFacts.AmountFen)), Minimum.Body), Minimum.Parameters)),
    ];

    /// <summary>延时: a bid received within the last soft-close seconds moves the lot's end to receive time + soft close.</summary>
    public static readonly Expression<Func<BidFacts, DateTime>> EndsAfter =
        f => f.ReceivedAt.AddSeconds(f.SoftCloseSeconds) > f.Lot.EndsAt ? f.ReceivedAt.AddSeconds(f.SoftCloseSeconds) : f.Lot.EndsAt;

    private static readonly Func<BidFacts, long> MinimumOf = Minimum.Compile();
    private static readonly Func<BidFacts, DateTime> EndsAfterOf = EndsAfter.Compile();

    /// <summary>The lowest acceptable bid on <paramref name="lot"/> (<see cref="Minimum"/>).</summary>
    public static long MinimumBidFen(LotState lot) => MinimumOf(new BidFacts(lot, default, 0, 0, default));

    /// <summary>
    /// Decides a bid received at <paramref name="now"/> by the <see cref="LotRules"/>; an accepted bid takes the next
    /// seq, its amount becomes the price, and the lot's end follows <see cref="EndsAfter"/>.
    /// </summary>
    public static BidDecision Decide(LotState lot, DateTime auctionStartsAt, int softCloseSeconds, long amountFen, DateTime now)
    {
        var facts = new BidFacts(lot, auctionStartsAt, softCloseSeconds, amountFen, now);
        if (Refusal(facts) is { } refusal)
        {
            throw refusal;
        }
        return new BidDecision(lot.Seq + 1, amountFen, EndsAfterOf(facts));
    }

    /// <summary>The rule a bid breaks, or null when <see cref="Decide"/> accepts it (not thrown: a hot lot refuses most bids).</summary>
    public static RuleException? Refusal(LotState lot, DateTime auctionStartsAt, long amountFen, DateTime now) =>
        Refusal(new BidFacts(lot, auctionStartsAt, 0, amountFen, now));

    private static RuleException? Refusal(BidFacts facts) =>
        LotRules.FirstOrDefault(r => !r.Holds(facts)) is { } broken ? Refused(broken.Name, facts.Lot) : null;

    /// <summary>The rule a bidder breaks, or null when it may bid.</summary>
    public static RuleException? Refusal(BidderFacts bidder) =>
        BidderRules.FirstOrDefault(r => !r.Holds(bidder)) is { } broken ? Refused(broken.Name, default) : null;

    /// <summary>The problem a refusal named by a rule (here or by the database function) is answered with.</summary>
    public static RuleException Refused(string rule, LotState lot) => rule switch
    {
        "closed" => new RuleException(Closed, "该标的竞价已结束"),
        "not-started" => new RuleException(NotStarted, "拍卖会尚未开始竞价"),
        "too-low" => new RuleException(BidTooLow, lot.Seq == 0
            ? $"首次出价不得低于起拍价 {Platform.Data.Money.ToYuan(MinimumBidFen(lot)):0.00} 元"
            : $"出价不得低于当前价加加价幅度，即 {Platform.Data.Money.ToYuan(MinimumBidFen(lot)):0.00} 元"),
        "not-registered" => new RuleException(NotRegistered, "贵单位未登记为本场竞买人"),
        "deposit-unconfirmed" => new RuleException(NotRegistered, "贵单位的保证金尚未确认，暂不能出价"),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No bidding rule has this name."),
    };

    /// <summary>The lot's end after a bid received at <paramref name="receivedAt"/> (<see cref="EndsAfter"/>).</summary>
    public static DateTime SoftClose(DateTime endsAt, int softCloseSeconds, DateTime receivedAt) =>
        EndsAfterOf(new BidFacts(new LotState(LotStatus.Open, 0, 0, 0, 0, endsAt), default, softCloseSeconds, 0, receivedAt));

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
