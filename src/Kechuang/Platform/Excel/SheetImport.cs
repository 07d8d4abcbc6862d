using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Platform.Excel;

/// <summary>
/// The one way an .xlsx becomes records. A module declares its <see cref="Sheet"/> and how a row becomes a record
/// (<see cref="Read"/>, with the checks that need the database in <see cref="CheckAsync"/>); the kit gives it:
/// <list type="bullet">
/// <item>the streaming reader (<see cref="XlsxRows"/>), parsing on one thread and reading rows on another while the
/// caller's thread checks and writes the previous chunk: memory holds a few chunks, never the file;</item>
/// <item>all-or-nothing: every row is read and every bad cell reported (row, column header, Chinese reason) as one
/// 400 (the first <see cref="ImportLimits.MaxReportedErrors"/> of them, with how many there are in all), and nothing
/// is saved when any row is bad; a file with no data row is a 400 on <c>file</c>;</item>
/// <item>the file read within <see cref="ImportLimits"/> (inflated size, rows, cell length), configured under
/// <c>Imports</c>: a file over one is a 400 on <c>file</c> as soon as it is found, and nothing is saved;</item>
/// <item>the audit entry of the import (who, file, how many rows; key: the import's id) in the same transaction as
/// the records, which are audited as any save audits them;</item>
/// <item>with <see cref="Bulk"/>, records written chunk by chunk through <see cref="BulkInsert"/> (imports of
/// hundreds of thousands of rows, docs/adr/008) instead of one tracked save.</item>
/// </list>
/// The upload limit and the template come with <see cref="ImportFile"/> and <see cref="ImportSheet.Template"/>.
/// </summary>
public abstract class SheetImport<TRecord>(KechuangDb db) where TRecord : class
{
    /// <summary>Rows parsed from the sheet handed to <see cref="Read"/> at a time.</summary>
    private const int ParsedBatch = 256;

    private BulkInsert? _bulk;

    private ImportLimits? _limits;

    protected KechuangDb Db => db;

    /// <summary>What the file may hold: the application's configured limits unless set (the benchmark, tests).</summary>
    internal ImportLimits Limits
    {
        get => _limits ??= ImportLimits.Of(db);
        init => _limits = value;
    }

    protected abstract ImportSheet Sheet { get; }

    /// <summary>The row of the role-permission table an import needs; checked before the file is read.</summary>
    protected abstract Access.Permission Permission { get; }

    /// <summary>Written through <see cref="BulkInsert"/> chunk by chunk (the audit chain held from start to commit) instead of one tracked save.</summary>
    protected virtual bool Bulk => false;

    /// <summary>
    /// Rows per chunk handed from the reading side to the writer: small enough that a chunk's objects die young, large
    /// enough that database round trips stay few (PostgreSQL's cost more).
    /// </summary>
    protected virtual int ChunkSize => db.IsSqlite ? 500 : 2000;

    /// <summary>The id of this import: the key of its audit entry, and of any batch record the module keeps.</summary>
    protected Guid ImportId { get; private set; }

    protected string? FileName { get; private set; }

    /// <summary>Where the time goes, when set (the benchmark's <c>--breakdown</c>).</summary>
    internal ImportStages? Stages { get; init; }

    /// <summary>Rows per chunk instead of <see cref="ChunkSize"/> (the benchmark's <c>--chunk</c>, to compare sizes).</summary>
    internal int? ChunkSizeOverride { get; init; }

    /// <summary>Loads what <see cref="Read"/> matches rows against (directories, codes already taken); on the caller's thread, before reading.</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One data row: the record it becomes, or null with its problems in <paramref name="errors"/> (by field; the sheet
    /// maps fields to columns). Called in file order on a thread of its own: no database here, only what
    /// <see cref="PrepareAsync"/> loaded and what earlier rows left (duplicates within the file).
    /// </summary>
    protected abstract TRecord? Read(SheetRow row, FieldErrors errors);

    /// <summary>
    /// Called on the reading side as each chunk is complete (after <see cref="Read"/> saw its last row), while the writer
    /// writes the previous one: a check here runs beside the writer, on a connection of its own (never <see cref="Db"/>).
    /// </summary>
    protected virtual Task CheckBesideAsync(ImportChunk<TRecord> chunk, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Checks a chunk against the database (records already there), on the caller's thread, before it is written; called
    /// for every chunk, in file order, after <see cref="CheckBesideAsync"/> ran for it on the reading side.
    /// </summary>
    protected virtual Task CheckAsync(ImportChunk<TRecord> chunk, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tracked imports: puts a chunk's records into the context (default: added; a module may update existing records instead).</summary>
    protected virtual Task WriteAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        db.AddRange(records);
        return Task.CompletedTask;
    }

    /// <summary>After the last chunk, when every row was good: records that describe the whole import (written with <see cref="AddAsync{T}"/>).</summary>
    protected virtual Task CompleteAsync(int imported, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tracked imports: the one save (a module may translate its unique-index conflicts).</summary>
    protected virtual Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// A conflict the database found while writing, as the rule it breaks; null for any other failure. By default a unique
    /// index's refusal (a row registered by someone else while the file was read) is a 409 and nothing is imported.
    /// </summary>
    protected virtual RuleException? Conflict(DbException exception) =>
        SaveUnique.IsUniqueViolation(exception)
            ? new RuleException("import.concurrent-duplicate", "导入期间有相同的记录被同时登记，未导入任何记录，请核对后重试")
            : null;

    /// <summary>Releases what <see cref="PrepareAsync"/> opened (a second connection), after the import, whatever its end.</summary>
    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;

    /// <summary>Adds records of another type to this import's writes (bulk or tracked).</summary>
    protected async Task AddAsync<T>(IReadOnlyList<T> records, CancellationToken cancellationToken) where T : class
    {
        if (_bulk is not null)
        {
            await _bulk.InsertAsync(records, cancellationToken);
        }
        else
        {
            db.AddRange(records);
        }
    }

    public Task<int> HandleAsync(ImportFile file, CancellationToken cancellationToken = default) => HandleAsync(file.Stream, file.FileName, cancellationToken);

    public Task<int> HandleAsync(Stream file, CancellationToken cancellationToken = default) => HandleAsync(file, null, cancellationToken);

    /// <summary>Imports the file, all or nothing; answers how many records it entered.</summary>
    public async Task<int> HandleAsync(Stream file, string? fileName, CancellationToken cancellationToken)
    {
        Access.PermissionChecks.Demand(db.User, Permission);
        ImportId = Guid.CreateVersion7();
        FileName = string.IsNullOrWhiteSpace(fileName) ? null : fileName.Trim();
        await PrepareAsync(cancellationToken);
        // Bulk: the chain is held from here to the commit (or the rollback of a file with bad rows): the reading side
        // builds each accepted record's audit entry as it goes, in file order (docs/adr/008).
        await using var bulk = Bulk ? await BulkInsert.BeginAsync(db, cancellationToken) : null;
        _bulk = bulk;
        if (bulk is not null)
        {
            Stages?.Tables = bulk.WriteTicks;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<ImportChunk<TRecord>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(() => ReadSheetAsync(file, channel.Writer, stop.Token), CancellationToken.None);
        var limits = Limits;
        var bad = new List<ImportRowError>();
        var badTotal = 0;
        var imported = 0;
        try
        {
            var stages = Stages;
            var w0 = System.Diagnostics.Stopwatch.GetTimestamp();
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                // Wall time: the writer awaits the server, and its continuations may run on any thread.
                var w1 = System.Diagnostics.Stopwatch.GetTimestamp();
                await CheckAsync(chunk, cancellationToken);
                if (chunk.Errors.Count > 0)
                {
                    // Chunks come in file order: the first errors of the file are the first of each chunk in row order.
                    badTotal += chunk.Errors.Count;
                    bad.AddRange(chunk.Errors.OrderBy(b => b.Row).Take(limits.MaxReportedErrors - bad.Count));
                }
                var w2 = System.Diagnostics.Stopwatch.GetTimestamp();
                if (badTotal == 0)
                {
                    imported += chunk.Accepted.Count;
                    if (bulk is not null)
                    {
                        await bulk.InsertAsync(chunk.Batch!, cancellationToken);
                    }
                    else if (chunk.Accepted.Count > 0)
                    {
                        await WriteAsync(chunk.Records, cancellationToken);
                    }
                }
                var w3 = System.Diagnostics.Stopwatch.GetTimestamp();
                if (stages is not null)
                {
                    stages.WriterWait += w1 - w0;
                    stages.Check += w2 - w1;
                    stages.Write += w3 - w2;
                }
                w0 = w3;
            }
            if (badTotal > 0)
            {
                throw new ImportRowsException(bad, badTotal);
            }
            if (imported == 0)
            {
                throw InputException.For("file", "文件中没有可导入的数据行");
            }
            await CompleteAsync(imported, cancellationToken);
            var details = JsonSerializer.Serialize(new { file = FileName, rows = imported }, AuditJson);
            if (bulk is not null)
            {
                await bulk.EventAsync(Sheet.AuditEntity, ImportId.ToString(), "import", details, cancellationToken);
                await bulk.CommitAsync(cancellationToken);
            }
            else
            {
                db.AuditEvent(Sheet.AuditEntity, ImportId.ToString(), "import", details);
                await SaveAsync(cancellationToken);
            }
            Operations.KechuangMetrics.RowsImported(Sheet.AuditEntity, imported);
            return imported;
        }
        // A bulk import sees the provider's exception; a tracked one sees it wrapped by EF Core.
        catch (Exception e) when ((e as DbException ?? (e as DbUpdateException)?.InnerException as DbException) is { } failure
            && Conflict(failure) is { } conflict)
        {
            throw conflict;
        }
        finally
        {
            _bulk = null;
            if (bulk is null)
            {
                // A tracked import that failed leaves nothing behind in the context.
                db.ChangeTracker.Clear();
            }
            // Stops the reading side when the import ended early (a bad file, a cancelled request, a database error).
            await stop.CancelAsync();
            await reader; // never throws: its failure was delivered through the channel
            await ReleaseAsync();
        }
    }

    /// <summary>
    /// Two stages on two threads: one parses the worksheet's XML (most of the reading), the other reads rows into
    /// records (and, in bulk, their audit entries) in file order. Either stage's failure ends both and reaches the
    /// writer through <paramref name="output"/>.
    /// </summary>
    private async Task ReadSheetAsync(Stream file, ChannelWriter<ImportChunk<TRecord>> output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parsed = Channel.CreateBounded<List<SheetRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var parser = Task.Run(() => ParseSheetAsync(file, parsed.Writer, stop.Token), CancellationToken.None);
        try
        {
            var rows = new RowStage(this);
            var chunkSize = ChunkSizeOverride ?? ChunkSize;
            var chunk = rows.NewChunk();
            var stages = Stages;
            await foreach (var batch in parsed.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var row in batch)
                {
                    if (stages is null)
                    {
                        rows.Take(row, chunk);
                    }
                    else
                    {
                        var t1 = ImportStages.Now;
                        var a1 = ImportStages.Allocated;
                        rows.Take(row, chunk);
                        stages.Validate += ImportStages.Now - t1;
                        stages.RowsBytes += ImportStages.Allocated - a1;
                    }
                    if (chunk.Size >= chunkSize)
                    {
                        await CheckBesideAsync(chunk, stop.Token);
                        await output.WriteAsync(chunk, stop.Token);
                        chunk = rows.NewChunk();
                    }
                }
            }
            await CheckBesideAsync(chunk, stop.Token);
            await output.WriteAsync(chunk, stop.Token);
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
        finally
        {
            await stop.CancelAsync();
            await parser; // never throws: its failure was delivered through the channel
        }
    }

    private async Task ParseSheetAsync(Stream file, ChannelWriter<List<SheetRow>> output, CancellationToken cancellationToken)
    {
        try
        {
            var stages = Stages;
            var batch = new List<SheetRow>(ParsedBatch);
            using var sheet = XlsxRows.Read(file, Sheet, Limits).GetEnumerator();
            while (true)
            {
                bool more;
                if (stages is null)
                {
                    more = sheet.MoveNext();
                }
                else
                {
                    var t0 = ImportStages.Now;
                    var a0 = ImportStages.Allocated;
                    more = sheet.MoveNext();
                    stages.Read += ImportStages.Now - t0;
                    stages.ReadBytes += ImportStages.Allocated - a0;
                }
                if (!more)
                {
                    break;
                }
                batch.Add(sheet.Current);
                if (batch.Count == ParsedBatch)
                {
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new List<SheetRow>(ParsedBatch);
                }
            }
            await output.WriteAsync(batch, cancellationToken);
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    /// <summary>The reading side's per-row work, kept in a class so it is compiled optimized from the first row.</summary>
    private sealed class RowStage(SheetImport<TRecord> import)
    {
        private readonly FieldErrors _errors = new();
        private readonly ImportSheet _sheet = import.Sheet;
        private bool _anyBad;

        public ImportChunk<TRecord> NewChunk() => new(import._bulk?.Batch<TRecord>());

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Take(SheetRow row, ImportChunk<TRecord> chunk)
        {
            _errors.Clear();
            var record = import.Read(row, _errors);
            if (_errors.Any)
            {
                _anyBad = true;
                foreach (var (field, messages) in _errors.Entries)
                {
                    foreach (var message in messages)
                    {
                        chunk.Errors.Add(new ImportRowError(row.Number, _sheet.ColumnOf(field), message));
                    }
                }
                return;
            }
            if (record is null)
            {
                return;
            }
            chunk.Accept(row.Number, record);
            if (!_anyBad && chunk.Batch is { } batch)
            {
                // Nothing is written once a row is bad: its audit entry would be built for nothing.
                if (import.Stages is not { } stages)
                {
                    batch.Add(record);
                    return;
                }
                var t0 = ImportStages.Now;
                var a0 = ImportStages.Allocated;
                batch.Add(record);
                stages.Audit += ImportStages.Now - t0;
                stages.AuditBytes += ImportStages.Allocated - a0;
            }
        }
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>Rows of an import handed from the reading side to the writer: the accepted records with their row numbers, and the problems found.</summary>
public sealed class ImportChunk<TRecord> where TRecord : class
{
    private readonly List<(int Row, TRecord Record)> _accepted = [];
    private readonly List<TRecord> _records = [];

    internal ImportChunk(BulkBatch<TRecord>? batch)
    {
        Batch = batch;
    }

    public IReadOnlyList<(int Row, TRecord Record)> Accepted => _accepted;

    internal IReadOnlyList<TRecord> Records => _records;

    internal List<ImportRowError> Errors { get; } = [];

    internal BulkBatch<TRecord>? Batch { get; }

    internal int Size => _accepted.Count + Errors.Count;

    /// <summary>Reports a problem of an accepted row found by a check (the import then saves nothing).</summary>
    public void Reject(int row, SheetColumn column, string message) => Errors.Add(new ImportRowError(row, column.Header, message));

    internal void Accept(int row, TRecord record)
    {
        _accepted.Add((row, record));
        _records.Add(record);
    }
}

/// <summary>Time spent in each stage of an import (Stopwatch ticks), for the benchmark's breakdown.</summary>
internal sealed class ImportStages
{
    /// <summary>The reading side's stages, in <see cref="Clock"/> ticks.</summary>
    public long Read, Validate, Audit;

    /// <summary>The writer's wall time (Stopwatch ticks): waiting for the next chunk, checking it, writing it.</summary>
    public long WriterWait, Check, Write;

    /// <summary>Bytes allocated by the reading side's stages (the thread's own allocations).</summary>
    public long ReadBytes, RowsBytes, AuditBytes;

    public static long Allocated => GC.GetAllocatedBytesForCurrentThread();

    public Dictionary<string, long>? Tables { get; set; }

    /// <summary>The clock the stages are measured with: wall time, or (set by the benchmark) the calling thread's CPU time in Stopwatch ticks.</summary>
    public static Func<long> Clock { get; set; } = System.Diagnostics.Stopwatch.GetTimestamp;

    public static long Now => Clock();

    public override string ToString()
    {
        static string S(long ticks) => (ticks / (double)System.Diagnostics.Stopwatch.Frequency).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        static string M(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return $"reading side: sheet {S(Read)} s ({M(ReadBytes)} MB allocated), rows {S(Validate - Audit)} s ({M(RowsBytes - AuditBytes)} MB), audit entries {S(Audit)} s ({M(AuditBytes)} MB); "
            + $"writer (wall time): waiting for chunks {S(WriterWait)} s, database checks {S(Check)} s, inserts {S(Write)} s ("
            + string.Join(", ", (Tables ?? []).Select(t => $"{t.Key} {S(t.Value)} s")) + ")";
    }
}
