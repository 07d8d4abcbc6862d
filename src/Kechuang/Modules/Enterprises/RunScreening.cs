using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// 筛查入库: screens every enterprise of a region as <see cref="ScreenEnterprisesHandler"/> does and stores the results of the year.
/// </summary>
/// <remarks>
/// Created by the services it also gets the context factory: a run then reads on a second connection while it writes on the
/// first. Created with a context alone (tests) it does everything on that one.
/// </remarks>
public sealed class RunScreeningHandler(KechuangDb db, IDbContextFactory<KechuangDb>? contexts = null)
{
    /// <summary>Enterprises whose earlier results of the year one delete statement removes.</summary>
    private const int DeleteChunkSize = 10_000;

    /// <summary>The API's run: the caller's permission before the year is checked, then the run.</summary>
    public async Task<ScreeningSummary> HandleAsync(string? regionCode, int? year, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.RunScreening);
        var errors = new Platform.Problems.FieldErrors();
        var y = errors.Year("year", year);
        errors.ThrowIfAny();
        return await HandleAsync(regionCode, y, null, ct);
    }

    /// <summary>
    /// Screens and stores one result per enterprise and year (replacing an earlier run of the year), a chunk at a time (results replaced through the bulk writer in one transaction),
    /// reporting each enterprise as it is recorded (position from 1, count, row) — the command line prints it — and returns
    /// the count of every pool. The rows themselves are not kept: a county can hold hundreds of thousands.
    /// A pipeline (ADR 009): a reader task reads chunks into a bounded channel, an evaluator task screens them and builds their
    /// results, the run's counts and its digest into a second one, and this flow writes them. With a context factory (the handler
    /// as the services create it) the reader has a connection of its own, so reading overlaps writing; otherwise reads and writes
    /// take turns on the one connection. At most a few chunks are in memory.
    /// </summary>
    public async Task<ScreeningSummary> HandleAsync(string? regionCode, int year, Action<int, int, ScreeningRow>? progress, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.RunScreening);
        var enterprises = await ScreenEnterprisesHandler.EnterprisesAsync(db, regionCode, ct);
        var run = new ScreeningRun(year, db.UtcNow);
        var position = 0;
        // The reader's own context: same caller, same data scope, its own connection (reads committed records; the results it
        // never reads are written in the transaction below).
        await using var readerDb = contexts?.CreateDbContext();
        var source = readerDb ?? db;
        await using var readerConnection = readerDb is null ? null : await ScreeningInputs.OpenReaderAsync(readerDb, ct);
        using var turns = readerDb is null ? new SemaphoreSlim(1, 1) : null;
        // The run replaces the year's results in one transaction (all or nothing): the enterprises' earlier results are
        // deleted first, then the new ones written by the bulk writer (results are not audited row by row, ADR 009).
        await using (var bulk = await BulkInsert.BeginAsync(db, ct))
        {
            foreach (var chunk in enterprises.Chunk(DeleteChunkSize))
            {
                var ids = chunk.Select(id => (Guid?)id).ToList();
                await db.Set<ScreeningRecord>().Where(r => r.Year == year && EF.Parameter(ids).Contains(r.OrganizationId)).ExecuteDeleteAsync(ct);
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var read = Channel.CreateBounded<(Guid[] Chunk, Dictionary<Guid, ScreeningInputs> Inputs)>(
                new BoundedChannelOptions(PipelineDepth) { SingleReader = true, SingleWriter = true });
            var screened = Channel.CreateBounded<ScreenedChunk>(new BoundedChannelOptions(PipelineDepth) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(async () =>
            {
                try
                {
                    foreach (var chunk in enterprises.Chunk(ScreenEnterprisesHandler.ChunkSize))
                    {
                        var inputs = await OnConnectionAsync(turns, () => ScreeningInputs.ReadAsync(source, chunk, year, stop.Token), stop.Token);
                        await read.Writer.WriteAsync((chunk, inputs), stop.Token);
                    }
                    read.Writer.Complete();
                }
                catch (Exception e)
                {
                    read.Writer.Complete(e);
                }
            }, stop.Token);
            var evaluating = Task.Run(async () =>
            {
                try
                {
                    await foreach (var (chunk, inputs) in read.Reader.ReadAllAsync(stop.Token))
                    {
                        await screened.Writer.WriteAsync(run.Add(ScreenEnterprisesHandler.Evaluate(chunk, inputs, year)), stop.Token);
                    }
                    screened.Writer.Complete();
                }
                catch (Exception e)
                {
                    screened.Writer.Complete(e);
                }
            }, stop.Token);
            try
            {
                await foreach (var chunk in screened.Reader.ReadAllAsync(stop.Token))
                {
                    await OnConnectionAsync(turns, async () =>
                    {
                        await bulk.InsertAsync(chunk.Records, stop.Token);
                        return true;
                    }, stop.Token);
                    foreach (var row in chunk.Rows)
                    {
                        position++;
                        progress?.Invoke(position, enterprises.Count, row);
                    }
                }
            }
            finally
            {
                // A failure anywhere stops the others; none outlives the contexts (their errors come through the channels).
                await stop.CancelAsync();
                await Task.WhenAll(reading, evaluating).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await bulk.CommitAsync(ct);
        }
        // One event for the run instead of one entry per result (ADR 009): who screened which region and year, how
        // many, what each pool held, and a digest over every stored result in screening order.
        var details = JsonSerializer.Serialize(new
        {
            year,
            regionCode = regionCode ?? "",
            screened = position,
            pools = run.Counts,
            sha256 = run.Digest(),
        });
        db.AuditEvent("enterprises_screening_record", $"{regionCode}/{year}", "screen", details);
        await db.SaveChangesAsync(ct);
        return new ScreeningSummary(year, year - 1, regionCode ?? "", position, run.Counts);
    }

    /// <summary>Chunks waiting between the reader, the evaluator and the writer.</summary>
    private const int PipelineDepth = 2;

    /// <summary>Runs a database step, taking turns with the other task when both share one connection.</summary>
    private static async Task<T> OnConnectionAsync<T>(SemaphoreSlim? turns, Func<Task<T>> step, CancellationToken ct)
    {
        if (turns is null)
        {
            return await step();
        }
        await turns.WaitAsync(ct);
        try
        {
            return await step();
        }
        finally
        {
            turns.Release();
        }
    }

    private sealed record ScreenedChunk(List<ScreeningRow> Rows, List<ScreeningRecord> Records);

    /// <summary>
    /// A run's results as they are built, chunk after chunk (one chunk at a time, in screening order): the records to store,
    /// the count of every pool and the SHA-256 over every result, appended chunk by chunk.
    /// </summary>
    private sealed class ScreeningRun(int year, DateTime now)
    {
        private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly StringBuilder _text = new();
        private byte[] _bytes = [];

        public Dictionary<string, int> Counts { get; } = CultivationPools.Names.Keys.ToDictionary(k => k, _ => 0);

        public ScreenedChunk Add(List<ScreeningRow> rows)
        {
            var records = new List<ScreeningRecord>(rows.Count);
            _text.Clear();
            foreach (var row in rows)
            {
                var record = new ScreeningRecord(row.EnterpriseId, row.RegionCode, year, now);
                record.Record(row, now);
                records.Add(record);
                // The line of each result in the digest: enterprise, eligibility, scores, pools (as before the pipeline).
                _text.Append(CultureInfo.InvariantCulture,
                    $"{row.EnterpriseId:N}|{record.TechSmeEligible}|{record.TechSmeScore}|{record.HighTechHardConditionsMet}|{record.HighTechMinScore}|{record.HighTechMaxScore}|{record.Pools}\n");
                foreach (var pool in row.Pools)
                {
                    Counts[pool]++;
                }
            }
            var length = Encoding.UTF8.GetMaxByteCount(_text.Length);
            if (_bytes.Length < length)
            {
                _bytes = new byte[length];
            }
            var written = 0;
            foreach (var part in _text.GetChunks())
            {
                written += Encoding.UTF8.GetBytes(part.Span, _bytes.AsSpan(written));
            }
            _digest.AppendData(_bytes, 0, written);
            return new ScreenedChunk(rows, records);
        }

        public string Digest()
        {
            using (_digest)
            {
                return Convert.ToHexStringLower(_digest.GetHashAndReset());
            }
        }
    }
}
