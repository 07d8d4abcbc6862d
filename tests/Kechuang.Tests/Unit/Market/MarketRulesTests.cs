using Kechuang.Modules.Market;
using Kechuang.Platform.Problems;

namespace Kechuang.Tests.Unit.Market;

public class MarketRulesTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(1);

    private static LotState Fresh => new(LotStatus.Open, 100_000_00, 1_000_00, 0, 0, End);

    private static LotState After(long price, int seq) => Fresh with { CurrentPriceFen = price, Seq = seq };

    private static string Code(Action act) => Assert.Throws<RuleException>(act).Code;

    [Fact]
    public void Decide_FirstBid_ExactlyTheStartingPriceIsAccepted_OneFenLessIsTooLow()
    {
        Assert.Equal(new BidDecision(1, 100_000_00, End), MarketRules.Decide(Fresh, Start, 300, 100_000_00, Start));
        Assert.Equal(MarketRules.BidTooLow, Code(() => MarketRules.Decide(Fresh, Start, 300, 100_000_00 - 1, Start)));
    }

    [Fact]
    public void Decide_LaterBid_ExactlyCurrentPlusIncrementIsAccepted_OneFenLessIsTooLow()
    {
        var lot = After(105_000_00, 3);
        Assert.Equal(4, MarketRules.Decide(lot, Start, 300, 106_000_00, Start).Seq);
        Assert.Equal(MarketRules.BidTooLow, Code(() => MarketRules.Decide(lot, Start, 300, 106_000_00 - 1, Start)));
    }

    [Fact]
    public void Decide_Timing_BeforeStartIsNotStarted_AtTheEndIsClosed_OneTickBeforeIsAccepted()
    {
        Assert.Equal(MarketRules.NotStarted, Code(() => MarketRules.Decide(Fresh, Start, 300, 100_000_00, Start.AddTicks(-1))));
        Assert.Equal(MarketRules.Closed, Code(() => MarketRules.Decide(Fresh, Start, 300, 100_000_00, End)));
        Assert.Equal(MarketRules.Closed, Code(() => MarketRules.Decide(Fresh with { Status = LotStatus.Sold }, Start, 300, 100_000_00, Start)));
        Assert.Equal(1, MarketRules.Decide(Fresh, Start, 300, 100_000_00, End.AddTicks(-1)).Seq);
    }

    [Fact]
    public void SoftClose_MovesTheEndOnlyWithinTheWindow_ToReceiveTimePlusTheWindow()
    {
        Assert.Equal(End, MarketRules.SoftClose(End, 300, End.AddSeconds(-301)));
        Assert.Equal(End, MarketRules.SoftClose(End, 300, End.AddSeconds(-300)));
        Assert.Equal(End.AddSeconds(1), MarketRules.SoftClose(End, 300, End.AddSeconds(-299)));
        Assert.Equal(End.AddSeconds(299), MarketRules.SoftClose(End, 300, End.AddSeconds(-1)));
        Assert.Equal(End, MarketRules.SoftClose(End, 0, End.AddSeconds(-1)));
    }

    [Fact]
    public void Outcome_ExactlyTheReserveSells_OneFenBelowOrNoBidIsUnsold()
    {
        Assert.Equal(new LotOutcome(LotStatus.Sold, 180_000_00), MarketRules.Outcome(3, 180_000_00, 180_000_00));
        Assert.Equal(LotStatus.Unsold, MarketRules.Outcome(3, 180_000_00 - 1, 180_000_00).Status);
        Assert.Equal(LotStatus.Unsold, MarketRules.Outcome(0, 0, null).Status);
        Assert.Equal(LotStatus.Sold, MarketRules.Outcome(1, 1, null).Status);
    }

    [Theory]
    [InlineData(200, 300, "0.5")] // 长三角联合拍 浙工大: 50%
    [InlineData(895, 1230, "0.3743")] // 2020 安吉专场: 37.43%
    [InlineData(210, 537, "1.5571")] // 2018 衢州学院专场: 156% (155.71%)
    [InlineData(790, 1014, "0.2835")] // 2017 秋拍纺织专场: 28%
    [InlineData(1707, 1981.2, "0.1606")] // 武义首场 (letter A9): 16.06%
    public void PremiumRate_OfSummedPrices_MatchesPublishedFigures(decimal startWan, decimal hammerWan, string expected)
    {
        var rate = MarketRules.PremiumRate([((long)(startWan * 1_000_000), (long)(hammerWan * 1_000_000))]);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decimal.Round(rate!.Value, 4));
    }

    [Fact]
    public void PremiumRate_IsOnSums_NotAnAverageOfLotRates_AndNullWithoutSales()
    {
        var rate = MarketRules.PremiumRate([(100, 200), (900, 900)]);

        Assert.Equal(0.1m, rate);
        Assert.Null(MarketRules.PremiumRate([]));
    }

    [Fact]
    public void MaskNumber_HidesTheMiddleDigits()
    {
        Assert.Equal("52**81", MarketRules.MaskNumber("523481"));
        Assert.Equal("", MarketRules.MaskNumber(null));
    }

    [Fact]
    public void DemoLots_AddUpToTheLettersFigures()
    {
        var sold = MarketDemoData.Lots.Where(l => l.LastBid is { } last && last >= (l.Reserve ?? 0)).ToList();

        Assert.Equal(12, MarketDemoData.Lots.Length);
        Assert.Equal(6, MarketDemoData.Lots.Select(l => l.Owner).Distinct().Count());
        Assert.Equal(9, sold.Count);
        Assert.Equal(1981.2m, sold.Sum(l => l.LastBid!.Value));
        Assert.Equal(0.1606m, decimal.Round(MarketRules.PremiumRate(sold.Select(l => ((long)(l.Start * 1_000_000), (long)(l.LastBid!.Value * 1_000_000))))!.Value, 4));
    }

    [Fact]
    public void Ladder_RisesByTheIncrementThenEndsOnTheLastBid()
    {
        Assert.Equal([120_0000_00, 122_0000_00, 124_0000_00, 126_0000_00, 128_0000_00, 130_0000_00, 132_0000_00, 134_0000_00, 136_2000_00],
            MarketDemoData.Ladder(120_0000_00, 2_0000_00, 136_2000_00));
        Assert.Equal([100], MarketDemoData.Ladder(100, 10, 100));
    }
}
