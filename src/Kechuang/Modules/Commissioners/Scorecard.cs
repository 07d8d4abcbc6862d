namespace Kechuang.Modules.Commissioners;

/// <summary>
/// 年度考核评分方案 (configuration section <c>Commissioners:Scorecard</c>): points per service with a cap per item, and the
/// grade thresholds. The province's own scheme was not found; the defaults follow the local patterns in
/// docs/rules/commissioners.md and are meant to be replaced by the bureau's.
/// </summary>
public sealed class ScorecardScheme
{
    public decimal PointsPerTraining { get; set; } = 6m;
    public decimal TrainingCap { get; set; } = 30m;
    public decimal PointsPerVisit { get; set; } = 2m;
    public decimal VisitCap { get; set; } = 20m;
    public decimal PointsPerHelp { get; set; } = 4m;
    public decimal HelpCap { get; set; } = 20m;
    public decimal PointsPerVariety { get; set; } = 2m;
    public decimal VarietyCap { get; set; } = 15m;

    /// <summary>Points per 100 亩 promoted.</summary>
    public decimal PointsPerHundredMu { get; set; } = 1m;
    public decimal AreaCap { get; set; } = 15m;

    public decimal Excellent { get; set; } = 90m;
    public decimal Good { get; set; } = 75m;
    public decimal Pass { get; set; } = 60m;
}

/// <summary>What a commissioner did in a year, counted from the service records.</summary>
public sealed record ServiceTotals(int Trainings, int Trainees, int Varieties, decimal AreaMu, int Visits, int Helps);

public sealed record ScoreItem(string Name, string Measure, decimal Points, decimal Cap);

/// <summary>A commissioner's computed annual score; never stored.</summary>
public sealed record ScorecardDto(int Year, IReadOnlyList<ScoreItem> Items, decimal Total, string Grade, ServiceTotals Totals);

public static class ScorecardRules
{
    public static ScorecardDto Compute(int year, ServiceTotals totals, ScorecardScheme scheme)
    {
        List<ScoreItem> items =
        [
            Item("农业科技培训", $"{totals.Trainings} 场（{totals.Trainees} 人次）", totals.Trainings * scheme.PointsPerTraining, scheme.TrainingCap),
            Item("结对帮扶走访", $"{totals.Visits} 人次", totals.Visits * scheme.PointsPerVisit, scheme.VisitCap),
            Item("技术帮扶", $"{totals.Helps} 次", totals.Helps * scheme.PointsPerHelp, scheme.HelpCap),
            Item("引进新品种", $"{totals.Varieties} 个", totals.Varieties * scheme.PointsPerVariety, scheme.VarietyCap),
            Item("推广新品种面积", $"{totals.AreaMu:0.##} 亩", totals.AreaMu / 100m * scheme.PointsPerHundredMu, scheme.AreaCap),
        ];
        var total = items.Sum(i => i.Points);
        return new ScorecardDto(year, items, total, Grade(total, scheme), totals);
    }

    public static string Grade(decimal total, ScorecardScheme scheme) =>
        total >= scheme.Excellent ? "优秀" : total >= scheme.Good ? "良好" : total >= scheme.Pass ? "合格" : "不合格";

    private static ScoreItem Item(string name, string measure, decimal raw, decimal cap) =>
        new(name, measure, decimal.Round(Math.Min(raw, cap), 2, MidpointRounding.AwayFromZero), cap);
}
