using System.Globalization;
using System.Linq.Expressions;
using System.Text;

namespace Kechuang.Modules.Market;

/// <summary>
/// The PostgreSQL functions <c>market_place_bids</c> decides bids with, written from the expressions of
/// <see cref="MarketRules"/> so that the rules are stated once (docs/adr/014-bid-rules-stated-once.md):
/// <list type="bullet">
/// <item><c>market_bidder_refusal(…)</c>: the first of <see cref="MarketRules.BidderRules"/> a bidder breaks, or NULL;</item>
/// <item><c>market_lot_refusal(…)</c>: the first of <see cref="MarketRules.LotRules"/> a bid breaks, or NULL;</item>
/// <item><c>market_bid_ends_after(…)</c>: the lot's end after an accepted bid (<see cref="MarketRules.EndsAfter"/>).</item>
/// </list>
/// A migration holds the text as it was when the migration was written; a test fails when the rules have changed
/// since the last migration that created these functions, as the model test does for tables.
/// </summary>
public static class MarketRulesSql
{
    /// <summary>Each fact's SQL parameter: the facts' members in the order of the functions' parameters.</summary>
    private static readonly (string Path, string Name, string Type)[] LotFacts =
    [
        ("Lot.Status", "p_status", "text"),
        ("Lot.Seq", "p_seq", "integer"),
        ("Lot.CurrentPriceFen", "p_current_price", "bigint"),
        ("Lot.StartingPriceFen", "p_starting_price", "bigint"),
        ("Lot.IncrementFen", "p_increment", "bigint"),
        ("Lot.EndsAt", "p_ends_at", "timestamptz"),
        ("AuctionStartsAt", "p_starts_at", "timestamptz"),
        ("SoftCloseSeconds", "p_soft_close", "integer"),
        ("AmountFen", "p_amount", "bigint"),
        ("ReceivedAt", "p_received_at", "timestamptz"),
    ];

    private static readonly (string Path, string Name, string Type)[] BidderFacts =
    [
        ("Registered", "p_registered", "boolean"),
        ("DepositRequired", "p_deposit_required", "boolean"),
        ("DepositPaid", "p_deposit_paid", "boolean"),
    ];

    public static string BidderRefusal { get; } = Function("market_bidder_refusal", BidderFacts, "text", Refusal(MarketRules.BidderRules, BidderFacts));

    public static string LotRefusal { get; } = Function("market_lot_refusal", LotFacts, "text", Refusal(MarketRules.LotRules, LotFacts));

    public static string EndsAfter { get; } = Function("market_bid_ends_after", LotFacts, "timestamptz", Translate(MarketRules.EndsAfter, LotFacts));

    /// <summary>The three functions, as a migration creates them.</summary>
    public static IReadOnlyList<string> Functions { get; } = [BidderRefusal, LotRefusal, EndsAfter];

    /// <summary>
    /// A rule that does not hold (false, or NULL from a missing fact) refuses: <c>IS NOT TRUE</c>, so that no NULL
    /// lets a bid through.
    /// </summary>
    private static string Refusal<TFacts>(IEnumerable<BidRule<TFacts>> rules, (string Path, string Name, string Type)[] facts)
    {
        var sql = new StringBuilder("CASE");
        foreach (var rule in rules)
        {
            sql.Append(CultureInfo.InvariantCulture, $"\n    WHEN {Translate(rule.Condition, facts)} IS NOT TRUE THEN {Text(rule.Name)}");
        }
        return sql.Append("\nEND").ToString();
    }

    // STABLE, not IMMUTABLE: timestamptz + interval is stable in PostgreSQL. A one-expression SQL function is inlined
    // into the plpgsql expression that calls it.
    private static string Function(string name, (string Path, string Name, string Type)[] facts, string returns, string body) =>
        $"""
        CREATE OR REPLACE FUNCTION {name}({string.Join(", ", facts.Select(f => $"{f.Name} {f.Type}"))})
        RETURNS {returns} LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT {body}
        $fn$;
        """;

    private static string Translate(LambdaExpression lambda, (string Path, string Name, string Type)[] facts) =>
        new Translator(lambda.Parameters[0], facts.ToDictionary(f => f.Path, f => f.Name, StringComparer.Ordinal)).Sql(lambda.Body);

    private static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The few expression forms the rules use; anything else fails loudly rather than being misread.</summary>
    private sealed class Translator(ParameterExpression facts, Dictionary<string, string> names)
    {
        public string Sql(Expression e) => e switch
        {
            BinaryExpression { NodeType: ExpressionType.AndAlso } b => $"({Sql(b.Left)} AND {Sql(b.Right)})",
            BinaryExpression { NodeType: ExpressionType.OrElse } b => $"({Sql(b.Left)} OR {Sql(b.Right)})",
            BinaryExpression b when Operator(b.NodeType) is { } op => Compare(b, op),
            UnaryExpression { NodeType: ExpressionType.Not } u => $"(NOT {Sql(u.Operand)})",
            UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u => Sql(u.Operand),
            ConditionalExpression c => $"(CASE WHEN {Sql(c.Test)} THEN {Sql(c.IfTrue)} ELSE {Sql(c.IfFalse)} END)",
            MethodCallExpression { Method.Name: nameof(DateTime.AddSeconds), Object: { } time } m when m.Method.DeclaringType == typeof(DateTime) =>
                $"({Sql(time)} + make_interval(secs => {Sql(m.Arguments[0])}))",
            MemberExpression m when Path(m) is { } path =>
                names.TryGetValue(path, out var name) ? name : throw new NotSupportedException($"The fact {path} has no SQL parameter."),
            ConstantExpression c => Constant(c.Value, c.Type),
            _ => throw new NotSupportedException($"A bidding rule cannot be written in SQL: {e}"),
        };

        private static string? Operator(ExpressionType type) => type switch
        {
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "<>",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            ExpressionType.Add => "+",
            ExpressionType.Subtract => "-",
            _ => null,
        };

        // An enum is compared as its underlying number in C# and stored by name (HasConversion<string>): a constant
        // compared with an enum fact is written as the member's name.
        private string Compare(BinaryExpression b, string op)
        {
            var left = Sql(b.Left);
            var right = Sql(b.Right);
            if (EnumOf(b.Left) is { } leftType && Constant(b.Right) is { } rightValue)
            {
                right = Text(Enum.ToObject(leftType, rightValue).ToString()!);
            }
            else if (EnumOf(b.Right) is { } rightType && Constant(b.Left) is { } leftValue)
            {
                left = Text(Enum.ToObject(rightType, leftValue).ToString()!);
            }
            return $"({left} {op} {right})";
        }

        private static Type? EnumOf(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert, Operand.Type.IsEnum: true } u && u.Operand is MemberExpression
            ? u.Operand.Type
            : null;

        private static object? Constant(Expression e) => e switch
        {
            ConstantExpression c => c.Value,
            UnaryExpression { NodeType: ExpressionType.Convert, Operand: ConstantExpression c } => c.Value,
            _ => null,
        };

        private static string Constant(object? value, Type type) => value switch
        {
            null => "NULL",
            Enum e => Text(e.ToString()),
            bool b => b ? "TRUE" : "FALSE",
            int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            string s => Text(s),
            _ => throw new NotSupportedException($"A bidding rule's constant of type {type} cannot be written in SQL."),
        };

        /// <summary>"Lot.Status" for f.Lot.Status; null for a member not reached from the facts.</summary>
        private string? Path(MemberExpression m) => m.Expression switch
        {
            ParameterExpression p when p == facts => m.Member.Name,
            MemberExpression inner when Path(inner) is { } path => path + "." + m.Member.Name,
            _ => null,
        };
    }
}
