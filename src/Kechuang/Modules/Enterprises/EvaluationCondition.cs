namespace Kechuang.Modules.Enterprises;

/// <summary>One condition of an official evaluation: a stable code, whether it holds, and the numbers compared (Chinese).</summary>
public sealed record EvaluationCondition(string Code, bool Met, string Detail);
