using System.Collections.Concurrent;
using Kechuang.Platform.Data;
using Npgsql;

namespace Kechuang.Modules.Market;

/// <summary>A bid received by this node, waiting for its lot's next call of <c>market_place_bids</c>.</summary>
internal sealed record PendingBid(Guid OrganizationId, string Key, long AmountFen, DateTime ReceivedAt, Guid BidId, string Account);

/// <summary>
/// PostgreSQL: the bids this node receives for a lot go to the database together — those that arrive while the
/// lot's previous call is running wait for it and then go in one call of <c>market_place_bids</c>, one
/// transaction, in the order received (<see cref="GroupCommit{TRequest,TAnswer}"/>, docs/adr/011-bids-decided-in-batches.md).
/// A quiet lot's bid goes alone and at once; a hot lot's bids share one round trip, one row lock and one commit
/// instead of paying each. Every answer is given after its batch has committed. The decision stays in the
/// database, on the lot's latest committed row, so several nodes (each batching its own bids) still make one
/// history per lot. A key repeated while its first bid waits goes in the following batch, where it finds that
/// bid as its original.
/// </summary>
public sealed class BidBatches(ILogger<BidBatches> logger, NpgsqlDataSource? postgres = null)
{
    /// <summary>Most bids in one call: keeps a call's arrays and its time under the row lock bounded.</summary>
    internal const int MaxBatch = 256;

    private const int MaxAttempts = 20;

    private readonly ConcurrentDictionary<Guid, GroupCommit<PendingBid, PlaceBidRow>> _lots = new();

    /// <summary>Bids are decided in batches (PostgreSQL); on SQLite the handler decides them itself.</summary>
    public bool OnPostgres => postgres is not null;

    internal Task<PlaceBidRow> PlaceAsync(Guid lotId, PendingBid bid)
    {
        var source = postgres ?? throw new InvalidOperationException("Bid batches need PostgreSQL.");
        var queue = _lots.GetOrAdd(lotId, id => new GroupCommit<PendingBid, PlaceBidRow>(
            batch => ExecuteAsync(source, id, batch), MaxBatch, b => (b.OrganizationId, b.Key)));
        return queue.EnqueueAsync(bid);
    }

    private async Task<PlaceBidRow[]> ExecuteAsync(NpgsqlDataSource source, Guid lotId, IReadOnlyList<PendingBid> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var command = source.CreateCommand("SELECT * FROM market_place_bids($1, $2, $3, $4, $5, $6, $7)");
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lotId });
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(b => b.OrganizationId)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(b => b.Key)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. batch.Select(b => b.AmountFen)] });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. batch.Select(b => b.ReceivedAt)] });
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(b => b.BidId)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(b => b.Account)] });
            try
            {
                var rows = new List<PlaceBidRow>(batch.Count);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(PlaceBidRow.Read(reader));
                }
                return [.. rows];
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Another node inserted a bid under one of these keys at the same moment: the unique index kept
                // it and rolled this batch back; decided again, that bid answers as the original.
                logger.LogDebug("Bid batch on lot {LotId} met a key inserted concurrently; deciding it again", lotId);
            }
        }
    }
}
