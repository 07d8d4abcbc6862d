using Kechuang.Modules.Market;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Market;

/// <summary>The auction rules' refusals as the bidder reads them, the lot's status before the sweep, and the masks.</summary>
public class MarketRulesBoundaryTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(1);

    /// <summary>起拍价 10万元, 加价幅度 1000元, no bid yet.</summary>
    private static LotState Fresh => new(LotStatus.Open, 100_000_00, 1_000_00, 0, 0, End);

    [Fact]
    public void Refusal_FirstBidBelowTheStartingPrice_NamesTheStartingPrice()
    {
        var refusal = MarketRules.Refusal(Fresh, Start, 99_999_99, Start);

        Assert.Equal((MarketRules.BidTooLow, "首次出价不得低于起拍价 100000.00 元"), (refusal!.Code, refusal.Message));
    }

    [Fact]
    public void Refusal_LaterBidBelowTheIncrement_NamesTheMinimum()
    {
        var refusal = MarketRules.Refusal(Fresh with { Seq = 2, CurrentPriceFen = 105_000_50 }, Start, 106_000_49, Start);

        Assert.Equal((MarketRules.BidTooLow, "出价不得低于当前价加加价幅度，即 106000.50 元"), (refusal!.Code, refusal.Message));
    }

    [Fact]
    public void Refusal_ClosedAndNotStarted_AreWorded()
    {
        var closed = MarketRules.Refusal(Fresh, Start, 100_000_00, End);
        var withdrawn = MarketRules.Refusal(Fresh with { Status = LotStatus.Unsold }, Start, 100_000_00, Start);
        var early = MarketRules.Refusal(Fresh, Start, 100_000_00, Start.AddSeconds(-1));

        Assert.Equal((MarketRules.Closed, "该标的竞价已结束"), (closed!.Code, closed.Message));
        Assert.Equal(MarketRules.Closed, withdrawn!.Code);
        Assert.Equal((MarketRules.NotStarted, "拍卖会尚未开始竞价"), (early!.Code, early.Message));
        Assert.Null(MarketRules.Refusal(Fresh, Start, 100_000_00, Start));
    }

    [Fact]
    public void Decide_WithinTheSoftClose_ExtendsTheLot()
    {
        var decision = MarketRules.Decide(Fresh with { Seq = 1, CurrentPriceFen = 100_000_00 }, Start, 300, 101_000_00, End.AddSeconds(-10));

        Assert.Equal(new BidDecision(2, 101_000_00, End.AddSeconds(290)), decision);
    }

    [Fact]
    public void Outcome_WithoutAReserve_SellsAtTheLastBid()
    {
        Assert.Equal(new LotOutcome(LotStatus.Sold, 1), MarketRules.Outcome(1, 1, null));
        Assert.Equal(new LotOutcome(LotStatus.Unsold, null), MarketRules.Outcome(0, 0, null));
    }

    [Fact]
    public void PremiumRate_OfLotsStartingAtZero_IsNone()
    {
        Assert.Null(MarketRules.PremiumRate([(0, 500)]));
        Assert.Equal(-0.5m, MarketRules.PremiumRate([(200, 100)]));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("1", "*")]
    [InlineData("1234", "****")]
    [InlineData("12345", "12*45")]
    [InlineData("523481", "52**81")]
    public void MaskNumber_KeepsTwoDigitsAtEachEndOfLongerNumbers(string number, string masked)
    {
        Assert.Equal(masked, MarketRules.MaskNumber(number));
    }

    [Theory]
    [InlineData(LotStatus.Open, 0, 0L, null, -1, LotStatus.Open)]        // still running
    [InlineData(LotStatus.Open, 3, 5000L, 5000L, 0, LotStatus.Sold)]     // at its end, reserve met
    [InlineData(LotStatus.Open, 3, 4999L, 5000L, 0, LotStatus.Unsold)]
    [InlineData(LotStatus.Open, 0, 0L, null, 1, LotStatus.Unsold)]       // past its end without a bid
    [InlineData(LotStatus.Sold, 3, 5000L, null, 1, LotStatus.Sold)]
    [InlineData(LotStatus.Unsold, 3, 5000L, null, 1, LotStatus.Unsold)]  // a recorded outcome stands
    public void EffectiveStatus_AnOpenLotPastItsEndShowsItsOutcome(LotStatus status, int seq, long price, long? reserve, int secondsAfterEnd, LotStatus expected)
    {
        Assert.Equal(expected, MarketRules.EffectiveStatus(status, seq, price, reserve, End, End.AddSeconds(secondsAfterEnd)));
    }
}
