using Kechuang.Modules.Market;
using Kechuang.Tests.Support;
using Npgsql;

namespace Kechuang.Tests.Integration.Market;

/// <summary>
/// PostgreSQL decides bids with SQL written from <see cref="MarketRules"/>' expressions; here the migrated database's
/// functions and the C# rules answer every combination of the boundaries alike: each status, a first and a later
/// bid, one fen under and at the minimum, a microsecond either side of the start and the end, with and without soft close.
/// </summary>
public sealed class BidRulesInSqlTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static readonly DateTime Start = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(1);
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    [Fact]
    public async Task LotRules_InTheDatabase_AgreeWithCSharp_OnEveryBoundary()
    {
        var cases = (
            from status in Enum.GetValues<LotStatus>()
            from lot in new[] { new LotState(status, 100_000_00, 1_000_00, 0, 0, End), new LotState(status, 100_000_00, 1_000_00, 105_000_00, 6, End) }
            from amount in new long[] { 100_000_00 - 1, 100_000_00, 106_000_00 - 1, 106_000_00, 200_000_00 }
            from received in new[] { Start - Microsecond, Start, Start.AddMinutes(58), End - Microsecond, End, End + Microsecond }
            from softClose in new[] { 0, 300 }
            select new BidFacts(lot, Start, softClose, amount, received)).ToList();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT market_lot_refusal(s, q, c, st, inc, e, sa, sc, a, r), market_bid_ends_after(s, q, c, st, inc, e, sa, sc, a, r)
              FROM unnest($1::text[], $2::integer[], $3::bigint[], $4::bigint[], $5::bigint[], $6::timestamptz[], $7::timestamptz[],
                          $8::integer[], $9::bigint[], $10::timestamptz[]) WITH ORDINALITY AS x(s, q, c, st, inc, e, sa, sc, a, r, i)
             ORDER BY i
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. cases.Select(f => f.Lot.Status.ToString())] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. cases.Select(f => f.Lot.Seq)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. cases.Select(f => f.Lot.CurrentPriceFen)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. cases.Select(f => f.Lot.StartingPriceFen)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. cases.Select(f => f.Lot.IncrementFen)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. cases.Select(f => f.Lot.EndsAt)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. cases.Select(f => f.AuctionStartsAt)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. cases.Select(f => f.SoftCloseSeconds)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. cases.Select(f => f.AmountFen)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. cases.Select(f => f.ReceivedAt)] });
        var answers = new List<(string? Refusal, DateTime EndsAfter)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                answers.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetDateTime(1)));
            }
        }

        Assert.Equal(cases.Count, answers.Count);
        var disagreements = cases.Zip(answers)
            .Select(p => (Facts: p.First, Sql: p.Second, CSharp: (MarketRules.LotRules.FirstOrDefault(r => !r.Holds(p.First))?.Name,
                MarketRules.SoftClose(p.First.Lot.EndsAt, p.First.SoftCloseSeconds, p.First.ReceivedAt))))
            .Where(x => x.Sql != x.CSharp)
            .Select(x => $"{x.Facts}: SQL {x.Sql}, C# {x.CSharp}")
            .ToList();
        Assert.Empty(disagreements);
        // Every rule, and acceptance, occurs among the cases.
        Assert.Equal([null, "closed", "not-started", "too-low"], answers.Select(a => a.Refusal).Distinct().Order());
        Assert.Contains(answers, a => a.EndsAfter > End);
    }

    [Fact]
    public async Task BidderRules_InTheDatabase_AgreeWithCSharp()
    {
        var cases = (from registered in new[] { false, true }
                     from required in new[] { false, true }
                     from paid in new[] { false, true }
                     select new BidderFacts(registered, required, paid)).ToList();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT market_bidder_refusal(r, q, p) FROM unnest($1::boolean[], $2::boolean[], $3::boolean[]) WITH ORDINALITY AS x(r, q, p, i) ORDER BY i", connection);
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. cases.Select(f => f.Registered)] });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. cases.Select(f => f.DepositRequired)] });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. cases.Select(f => f.DepositPaid)] });
        var answers = new List<string?>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                answers.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        }

        Assert.Equal(cases.Select(f => MarketRules.BidderRules.FirstOrDefault(r => !r.Holds(f))?.Name), answers);
        Assert.Equal([null, "deposit-unconfirmed", "not-registered"], answers.Distinct().Order());
    }
}
