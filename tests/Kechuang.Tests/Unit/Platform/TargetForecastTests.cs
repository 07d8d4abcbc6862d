using Kechuang.Platform.Indicators;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>The year-end forecast of a target at its boundaries, and the difference a breakdown names.</summary>
public sealed class TargetForecastTests
{
    private static readonly decimal[] Flow = [10m, 20m, 30m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m];

    [Fact]
    public void PastYear_IsItsActual() =>
        Assert.Equal(57m, TargetForecast.YearEnd(2025, new DateOnly(2026, 3, 15), 57m, []));

    [Fact]
    public void FutureYearOrFirstMonth_HasNoForecast()
    {
        Assert.Null(TargetForecast.YearEnd(2027, new DateOnly(2026, 6, 1), 0m, []));
        Assert.Null(TargetForecast.YearEnd(2026, new DateOnly(2026, 1, 31), 10m, [10m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m]));
        Assert.False(TargetForecast.FallsShort(">=", null, 100m));
    }

    [Fact]
    public void RunningYear_GoesOnAtThePaceOfTheMonthsOver()
    {
        // On 15 March two months are over (30 in all, 15 a month); March's 30 so far count, nine months are to come.
        Assert.Equal(60m + 15m * 9, TargetForecast.YearEnd(2026, new DateOnly(2026, 3, 15), 60m, Flow));
        // On 1 December eleven months are over and only December is running: nothing is projected beyond it.
        Assert.Equal(60m, TargetForecast.YearEnd(2026, new DateOnly(2026, 12, 1), 60m, Flow));
    }

    [Fact]
    public void LevelNotSumOfMonths_StaysWhereItIs() =>
        Assert.Equal(12m, TargetForecast.YearEnd(2026, new DateOnly(2026, 7, 1), 12m, [12m, 12m, 12m, 12m, 12m, 12m, 12m, 12m, 12m, 12m, 12m, 12m]));

    [Fact]
    public void FallsShort_FollowsTheComparator()
    {
        Assert.True(TargetForecast.FallsShort(">=", 195m, 200m));
        Assert.False(TargetForecast.FallsShort(">=", 200m, 200m));
        Assert.True(TargetForecast.FallsShort("<=", 201m, 200m));
    }

    [Fact]
    public void Difference_IsWrittenInTheMagnitudeOfTheWhole()
    {
        Assert.Null(TargetCascade.Difference(750_000_000m, 750_000_000m, "元"));
        Assert.Equal("分解合计7.2亿元，比上级目标少0.3亿元", TargetCascade.Difference(750_000_000m, 720_000_000m, "元"));
        Assert.Equal("分解合计85万元，比上级目标多5万元", TargetCascade.Difference(800_000m, 850_000m, "元"));
        Assert.Equal("分解合计13家，比上级目标少1家", TargetCascade.Difference(14m, 13m, "家"));
        Assert.False(TargetCascade.IsAdditive("%"));
    }
}
