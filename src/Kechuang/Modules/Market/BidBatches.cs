using System.Collections.Concurrent;
using Npgsql;

namespace Kechuang.Modules.Market;

/// <summary>A bid received by this node, waiting for its lot's next call of <c>market_place_bids</c>.</summary>
internal sealed record PendingBid(Guid OrganizationId, string Key, long AmountFen, DateTime ReceivedAt, Guid BidId, string Account)
{
    public TaskCompletionSource<PlaceBidRow> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// PostgreSQL: the bids this node receives for a lot go to the database together — those that arrive while the
/// lot's previous call is running wait for it and then go in one call of <c>market_place_bids</c>, one
/// transaction, in the order received (docs/adr/011-bids-decided-in-batches.md). A quiet lot's bid goes alone
/// and at once; a hot lot's bids share one round trip, one row lock and one commit instead of paying each.
/// Every answer is given after its batch has committed. The decision stays in the database, on the lot's
/// latest committed row, so several nodes (each batching its own bids) still make one history per lot.
/// </summary>
public sealed class BidBatches(ILogger<BidBatches> logger, NpgsqlDataSource? postgres = null)
{
    /// <summary>Most bids in one call: keeps a call's arrays and its time under the row lock bounded.</summary>
    internal const int MaxBatch = 256;

    private const int MaxAttempts = 20;

    private readonly ConcurrentDictionary<Guid, LotQueue> _lots = new();

    internal Task<PlaceBidRow> PlaceAsync(Guid lotId, PendingBid bid)
    {
        var source = postgres ?? throw new InvalidOperationException("Bid batches need PostgreSQL.");
        var queue = _lots.GetOrAdd(lotId, static id => new LotQueue(id));
        if (queue.Enqueue(bid))
        {
            _ = Task.Run(() => DrainAsync(source, queue));
        }
        return bid.Answer.Task;
    }

    private async Task DrainAsync(NpgsqlDataSource source, LotQueue queue)
    {
        while (queue.TakeBatch() is { } batch)
        {
            try
            {
                var rows = await ExecuteAsync(source, queue.LotId, batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Answer.TrySetResult(rows[i]);
                }
            }
            catch (Exception e)
            {
                // Nothing of the batch committed: each waiting request answers with the failure (500, logged there).
                foreach (var bid in batch)
                {
                    bid.Answer.TrySetException(e);
                }
            }
        }
    }

    private async Task<PlaceBidRow[]> ExecuteAsync(NpgsqlDataSource source, Guid lotId, List<PendingBid> batch)
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
                var rows = new PlaceBidRow[batch.Count];
                await using var reader = await command.ExecuteReaderAsync();
                var n = 0;
                while (await reader.ReadAsync())
                {
                    rows[n++] = PlaceBidRow.Read(reader);
                }
                return n == batch.Count ? rows : throw new InvalidOperationException($"market_place_bids answered {n} of {batch.Count} bids");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Another node inserted a bid under one of these keys at the same moment: the unique index kept
                // it and rolled this batch back; decided again, that bid answers as the original.
                logger.LogDebug("Bid batch on lot {LotId} met a key inserted concurrently; deciding it again", lotId);
            }
        }
    }

    /// <summary>One lot's waiting bids; at most one batch of a lot is in the database at a time from this node.</summary>
    private sealed class LotQueue(Guid lotId)
    {
        private readonly Lock _gate = new();
        private List<PendingBid> _waiting = [];
        private bool _draining;

        public Guid LotId { get; } = lotId;

        /// <summary>Adds a bid; true when no batch is running, and the caller must start draining.</summary>
        public bool Enqueue(PendingBid bid)
        {
            lock (_gate)
            {
                _waiting.Add(bid);
                if (_draining)
                {
                    return false;
                }
                _draining = true;
                return true;
            }
        }

        /// <summary>
        /// The next batch in order received, or null (and draining ends) when none waits. A key repeated while
        /// its first bid waits goes in the following batch, where it finds that bid as its original.
        /// </summary>
        public List<PendingBid>? TakeBatch()
        {
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _draining = false;
                    return null;
                }
                var batch = _waiting;
                _waiting = [];
                HashSet<(Guid, string)>? keys = null;
                if (batch.Count > 1)
                {
                    keys = [];
                    var kept = new List<PendingBid>(Math.Min(batch.Count, MaxBatch));
                    foreach (var bid in batch)
                    {
                        if (kept.Count < MaxBatch && keys.Add((bid.OrganizationId, bid.Key)))
                        {
                            kept.Add(bid);
                        }
                        else
                        {
                            _waiting.Add(bid);
                        }
                    }
                    batch = kept;
                }
                return batch;
            }
        }
    }
}
