using System.Globalization;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Kechuang.Platform.Data;

/// <summary>
/// Writes many new records without the change tracker, for imports of hundreds of thousands of rows:
/// prepared multi-row INSERTs on SQLite, binary COPY on PostgreSQL, in one transaction. It keeps every
/// guarantee of <see cref="KechuangDb.SaveChangesAsync(bool, CancellationToken)"/>: each record gets a
/// <c>create</c> audit entry with the same "after" values, linked into the same hash chain (the chain
/// is held for the whole transaction: the process-wide gate on SQLite, the advisory lock on
/// PostgreSQL), and a record outside the caller's data scope is refused (403). Nothing is visible to
/// others until <see cref="CommitAsync"/>; disposing without committing rolls everything back.
/// While it is open, do not call <c>SaveChangesAsync</c> on the same context (the chain is held by
/// this writer); queries in the same context run inside its transaction.
/// </summary>
public sealed class BulkInsert : IAsyncDisposable
{
    private readonly System.Buffers.ArrayBufferWriter<byte> _json = new(2048);
    private readonly System.Text.Json.Utf8JsonWriter _jsonWriter;
    private readonly string _hashedTime;
    private byte[] _scratch = new byte[4096];
    private readonly KechuangDb _db;
    private readonly IDbContextTransaction? _ownTransaction;
    private readonly bool _sqlite;
    private readonly DateTime _at;
    private readonly Dictionary<TableShape, SqliteStatements> _statements = [];
    private readonly DataScope _scope;
    private readonly string _account;
    private readonly string? _clientAddress;
    private long _seq;
    private long _writtenSeq;
    private string _prev;
    private bool _gateHeld;
    private bool _done;

    private BulkInsert(KechuangDb db, IDbContextTransaction? ownTransaction, bool sqlite, bool gateHeld, long seq, string prev)
    {
        _db = db;
        _ownTransaction = ownTransaction;
        _sqlite = sqlite;
        _gateHeld = gateHeld;
        _seq = seq;
        _writtenSeq = seq;
        _prev = prev;
        _scope = db.User.Scope;
        _account = db.User.UserName;
        _clientAddress = db.User.ClientAddress;
        _at = AuditEntry.Truncate(db.UtcNow);
        _hashedTime = AuditEntry.HashedTime(_at);
        _jsonWriter = new System.Text.Json.Utf8JsonWriter(_json, new System.Text.Json.JsonWriterOptions { Encoder = AuditRecorder.Encoder });
    }

    private const int BulkCacheKib = 32_768;
    private const int SqliteDefaultCacheKib = 2_000;

    /// <summary>
    /// Sets the connection's page cache through SQLite itself rather than a command: the pragma belongs to no
    /// transaction, and SQLite ends the transaction on some failures (a full disk), after which a command on it would
    /// throw "the transaction has completed" and hide the failure that ended it.
    /// </summary>
    private static void SetSqliteCache(KechuangDb db, long kib)
    {
        if (db.Database.GetDbConnection() is not Microsoft.Data.Sqlite.SqliteConnection { State: System.Data.ConnectionState.Open } connection)
        {
            return;
        }
        var rc = SQLitePCL.raw.sqlite3_exec(connection.Handle, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {-kib}"));
        Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Wall time spent writing each table (Stopwatch ticks: a write awaits the server and may end on another thread), for benchmarks.</summary>
    internal Dictionary<string, long> WriteTicks { get; } = [];

    /// <summary>Records written so far (audit entries not counted).</summary>
    public long Written { get; private set; }

    /// <summary>Opens the transaction (or joins the current one) and takes the audit chain's head.</summary>
    public static async Task<BulkInsert> BeginAsync(KechuangDb db, CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save or clear the tracked changes before a bulk insert.");
        }
        var sqlite = db.IsSqlite;
        if (sqlite)
        {
            await KechuangDb.SqliteAuditGate.WaitAsync(cancellationToken);
        }
        IDbContextTransaction? own = null;
        try
        {
            own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (!sqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({KechuangDb.AuditChainLock})", cancellationToken);
            }
            else
            {
                // A large transaction's index pages stay in memory instead of spilling to the WAL
                // mid-transaction (32 MB, this connection only; put back when the writer is disposed).
                SetSqliteCache(db, BulkCacheKib);
            }
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            return new BulkInsert(db, own, sqlite, sqlite, head?.Seq ?? 0, head?.Hash ?? AuditEntry.GenesisHash);
        }
        catch
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
            if (sqlite)
            {
                KechuangDb.SqliteAuditGate.Release();
            }
            throw;
        }
    }

    /// <summary>
    /// A batch of new records of one type for <see cref="InsertAsync{T}(BulkBatch{T}, CancellationToken)"/>.
    /// Adding a record checks the data scope and builds its audit entry (after-values, next link of the
    /// chain), so the costly part of a bulk write can run on another thread while earlier batches are
    /// written. Batches take their place in the chain as records are added: build them from one
    /// thread at a time, and write every batch, in the order they were built, before committing.
    /// </summary>
    public BulkBatch<T> Batch<T>() where T : class
    {
        ObjectDisposedException.ThrowIf(_done, this);
        return new BulkBatch<T>(this, TableShape.Of(_db.Model, typeof(T)));
    }

    /// <summary>Inserts new records (and their audit entries, unless the type is <see cref="INotAudited"/>).</summary>
    public Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        var batch = Batch<T>();
        foreach (var row in rows)
        {
            batch.Add(row);
        }
        return InsertAsync(batch, cancellationToken);
    }

    /// <summary>Writes a batch: its records, then their audit entries.</summary>
    public async Task InsertAsync<T>(BulkBatch<T> batch, CancellationToken cancellationToken = default) where T : class
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (!ReferenceEquals(batch.Writer, this))
        {
            throw new InvalidOperationException("The batch belongs to another bulk insert.");
        }
        if (batch.AuditCount > 0 && batch.FirstSeq != _writtenSeq + 1)
        {
            throw new InvalidOperationException("Bulk batches must be written in the order they were built (the audit chain).");
        }
        if (batch.Rows.Count == 0)
        {
            return;
        }
        if (batch.RowsData is { } rows)
        {
            await WriteRawAsync(batch.Shape, rows, cancellationToken);
        }
        else
        {
            await WriteAsync(batch.Shape, batch.Rows, cancellationToken);
        }
        Written += batch.Rows.Count;
        if (batch.AuditCount > 0)
        {
            if (batch.AuditData is { } audit)
            {
                await WriteRawAsync(AuditShape, audit, cancellationToken);
            }
            else
            {
                await WriteAsync(AuditShape, batch.Audit, cancellationToken);
            }
            _writtenSeq = batch.LastSeq;
            foreach (var entry in batch.Audit)
            {
                GiveBack(entry);
            }
        }
    }

    /// <summary>
    /// Buffers for the entries' "after" values while they wait to be written, used again and again: an import builds
    /// one entry per record on the reading side and writes it a chunk later, so without them every record left a
    /// kilobyte or two behind for the collector.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]> _afterBuffers = new();

    private const int AfterBufferSize = 2048;

    private ReadOnlyMemory<byte> Lend(ReadOnlySpan<byte> after, out byte[] buffer)
    {
        buffer = after.Length <= AfterBufferSize && _afterBuffers.TryDequeue(out var pooled) ? pooled : new byte[Math.Max(after.Length, AfterBufferSize)];
        after.CopyTo(buffer);
        return buffer.AsMemory(0, after.Length);
    }

    private void GiveBack(AuditEntry entry)
    {
        if (entry.AfterBuffer is { Length: AfterBufferSize } buffer)
        {
            entry.AfterUtf8 = default;
            entry.AfterBuffer = null;
            _afterBuffers.Enqueue(buffer);
        }
    }

    /// <summary>Refuses a record outside the caller's data scope, as a save would.</summary>
    internal void EnsureMayAdd(object row)
    {
        if (row is IRegionScoped scoped && !_scope.All && !KechuangDb.Allows(_scope, scoped) && !KechuangDb.SharedByStaff(_scope, scoped))
        {
            throw new ForbiddenException("无权修改本数据范围以外的记录");
        }
    }

    /// <summary>
    /// The next link of the chain: the create entry of a new record. Its "after" values are written as
    /// UTF-8 by the table's compiled writer and hashed as bytes (<see cref="AuditEntry.CreateHash"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal AuditEntry Chain(TableShape shape, object row, bool serialisedNow = false)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        shape.WriteAudit(_jsonWriter, row);
        _jsonWriter.Flush();
        var after = _json.WrittenSpan;
        var seq = ++_seq;
        var key = shape.KeyOf(row);
        var hash = AuditEntry.CreateHash(ref _scratch, seq, _hashedTime, _account, _clientAddress, shape.Name, key, after, _prev);
        byte[]? buffer = null;
        var entry = new AuditEntry
        {
            Seq = seq,
            At = _at,
            Account = _account,
            ClientAddress = _clientAddress,
            Entity = shape.Name,
            EntityKey = key,
            Action = "create",
            // Serialised into a COPY at once, the values need no buffer of their own; else they wait in a lent one.
            AfterUtf8 = serialisedNow ? _json.WrittenMemory : Lend(after, out buffer),
            AfterBuffer = buffer,
            PrevHash = _prev,
            Hash = hash,
        };
        _prev = hash;
        return entry;
    }

    /// <summary>
    /// Writes an event that is not a record (an import: who, which file, how many rows) as the next link of the chain,
    /// as <see cref="KechuangDb.AuditEvent"/> would in a save. Only after every batch built so far was written.
    /// </summary>
    public async Task EventAsync(string entity, string key, string action, string? details, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_writtenSeq != _seq)
        {
            throw new InvalidOperationException("Write every batch before an event: the chain is written in order.");
        }
        var entry = new AuditEntry
        {
            Seq = ++_seq,
            At = _at,
            Account = _account,
            ClientAddress = _clientAddress,
            Entity = entity,
            EntityKey = key,
            Action = action,
            After = details,
            PrevHash = _prev,
        };
        entry.Hash = entry.ComputeHash();
        await WriteAsync(TableShape.Of(_db.Model, typeof(AuditEntry)), [entry], cancellationToken);
        _prev = entry.Hash;
        _writtenSeq = entry.Seq;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_writtenSeq != _seq)
        {
            throw new InvalidOperationException("Audit entries were built for records that were not written; nothing is committed.");
        }
        if (_ownTransaction is not null)
        {
            await _ownTransaction.CommitAsync(cancellationToken);
        }
        _done = true;
        ReleaseGate();
    }

    public async ValueTask DisposeAsync()
    {
        _done = true;
        await _jsonWriter.DisposeAsync();
        foreach (var statements in _statements.Values)
        {
            statements.Dispose();
        }
        _statements.Clear();
        try
        {
            if (_sqlite)
            {
                SetSqliteCache(_db, SqliteDefaultCacheKib);
            }
            if (_ownTransaction is not null)
            {
                await _ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            ReleaseGate();
        }
    }

    private void ReleaseGate()
    {
        if (_gateHeld)
        {
            _gateHeld = false;
            KechuangDb.SqliteAuditGate.Release();
        }
    }

    internal TableShape AuditShape => TableShape.Of(_db.Model, typeof(AuditEntry));

    /// <summary>PostgreSQL: rows serialised on the reading side, each batch of a table one COPY of their bytes.</summary>
    internal bool RawCopy => !_sqlite;

    /// <summary>The segments of this writer's serialised COPY rows, used again once written.</summary>
    internal System.Collections.Concurrent.ConcurrentQueue<byte[]> CopySegments { get; } = new();

    private async Task WriteRawAsync(TableShape table, PgCopyData data, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var connection = (NpgsqlConnection)_db.Database.GetDbConnection();
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {TableShape.Quote(table.Name)} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            await data.WriteToAsync(copy, cancellationToken);
        }
        WriteTicks[table.Name] = WriteTicks.GetValueOrDefault(table.Name) + (System.Diagnostics.Stopwatch.GetTimestamp() - started);
    }

    private async Task WriteAsync<T>(TableShape table, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await WriteRowsAsync(table, rows, cancellationToken);
        WriteTicks[table.Name] = WriteTicks.GetValueOrDefault(table.Name) + (System.Diagnostics.Stopwatch.GetTimestamp() - started);
    }

    private async Task WriteRowsAsync<T>(TableShape table, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        var connection = _db.Database.GetDbConnection();
        if (_sqlite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_statements.TryGetValue(table, out var statements))
            {
                statements = _statements[table] = new SqliteStatements(table);
            }
            statements.Insert((Microsoft.Data.Sqlite.SqliteConnection)connection, rows);
        }
        else
        {
            await table.CopyPostgresAsync((NpgsqlConnection)connection, rows, cancellationToken);
        }
    }

    /// <summary>SQLite: this writer's prepared statements for one table (finalized when the writer is disposed).</summary>
    private sealed class SqliteStatements(TableShape table) : IDisposable
    {
        private const int MaxParameters = 30_000;
        private const int MaxRowsPerStatement = 50;
        private readonly int _rowsPerStatement = Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / table.Columns.Count));
        private sqlite3_stmt? _batch;

        /// <summary>
        /// One prepared statement of many rows, reused for every full batch, its values bound by
        /// position through the native API (ADO.NET binds by name, which SQLite resolves by a linear
        /// scan: quadratic in the parameters of a multi-row statement). Values are stored as
        /// Microsoft.Data.Sqlite stores them, so EF reads them back unchanged.
        /// </summary>
        public void Insert<T>(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlyList<T> rows) where T : class
        {
            var offset = 0;
            if (rows.Count >= _rowsPerStatement)
            {
                _batch ??= Prepare(connection, _rowsPerStatement);
                for (; offset + _rowsPerStatement <= rows.Count; offset += _rowsPerStatement)
                {
                    Execute(connection, _batch, rows, offset, _rowsPerStatement);
                }
            }
            if (offset < rows.Count)
            {
                using var rest = Prepare(connection, rows.Count - offset);
                Execute(connection, rest, rows, offset, rows.Count - offset);
            }
        }

        private sqlite3_stmt Prepare(Microsoft.Data.Sqlite.SqliteConnection connection, int count)
        {
            var row = "(" + string.Join(", ", Enumerable.Repeat("?", table.Columns.Count)) + ")";
            var sql = $"INSERT INTO {TableShape.Quote(table.Name)} ({table.ColumnList}) VALUES {string.Join(", ", Enumerable.Repeat(row, count))}";
            Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
            return statement;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Execute<T>(Microsoft.Data.Sqlite.SqliteConnection connection, sqlite3_stmt statement, IReadOnlyList<T> rows, int offset, int count) where T : class
        {
            var index = 0;
            var binder = table.SqliteBinder;
            for (var r = 0; r < count; r++)
            {
                var row = rows[offset + r];
                if (binder is not null)
                {
                    Check(connection, binder(row, statement, index + 1));
                    index += table.Columns.Count;
                }
                else
                {
                    foreach (var column in table.Columns)
                    {
                        Check(connection, Bind(statement, ++index, column.ProviderValue(row)));
                    }
                }
            }
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(connection, rc);
            }
        }

        private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text(statement, index, s),
            Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            short s => raw.sqlite3_bind_int64(statement, index, s),
            byte b => raw.sqlite3_bind_int64(statement, index, b),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(statement, index, d),
            float f => raw.sqlite3_bind_double(statement, index, f),
            decimal m => raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTimeOffset t => raw.sqlite3_bind_text(statement, index, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"Bulk insert: no SQLite storage for {value.GetType().Name}."),
        };

        private static void Check(Microsoft.Data.Sqlite.SqliteConnection connection, int rc)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                throw new Microsoft.Data.Sqlite.SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc,
                    raw.sqlite3_extended_errcode(connection.Handle));
            }
        }

        public void Dispose() => _batch?.Dispose();
    }

    /// <summary>One mapped table: its columns in model order, how to read and convert each value, its audited names (cached per model).</summary>
    internal sealed class TableShape
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), TableShape> Cache = new();

        private TableShape(IEntityType type)
        {
            Name = type.GetTableName() ?? throw new InvalidOperationException($"{type.ClrType.Name} has no table.");
            var store = StoreObjectIdentifier.Table(Name, type.GetSchema());
            var properties = type.GetProperties().ToList();
            if (properties.Any(p => p.IsShadowProperty()))
            {
                throw new NotSupportedException($"{type.ClrType.Name} has shadow properties, which a bulk insert cannot read.");
            }
            _sqliteBinder = new(() => BulkCompiled.SqliteBinder(properties));
            _postgresCopier = new(() => BulkCompiled.PostgresCopier(properties));
            _postgresRowWriter = new(() => BulkCompiled.PostgresRowWriter(properties));
            _auditWriter = new(() => BulkCompiled.AuditWriter(properties));
            Columns = properties.Select(p => new Column(p.GetColumnName(store) ?? p.Name, p.GetGetter(),
                p.GetTypeMapping() as RelationalTypeMapping ?? throw new NotSupportedException(p.Name))).ToArray();
            Audited = properties.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.GetGetter())).ToList();
            Key = type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToArray();
            IsAudited = !typeof(INotAudited).IsAssignableFrom(type.ClrType);
            if (type.ClrType == typeof(AuditEntry) && (SqliteBinder is null || PostgresCopier is null))
            {
                throw new InvalidOperationException("The audit table is written by compiled delegates only (its values as UTF-8).");
            }
            ColumnList = string.Join(", ", Columns.Select(c => Quote(c.Name)));
        }

        public static TableShape Of(IModel model, Type type) =>
            Cache.GetOrAdd((model, type), key => new TableShape(key.Item1.FindEntityType(key.Item2)
                ?? throw new InvalidOperationException($"{key.Item2.Name} is not mapped.")));

        private readonly Lazy<Func<object, sqlite3_stmt, int, int>?> _sqliteBinder;
        private readonly Lazy<Action<object, NpgsqlBinaryImporter>?> _postgresCopier;
        private readonly Lazy<Action<object, PgCopyData>?> _postgresRowWriter;

        /// <summary>Serialises a row for a raw binary COPY (null: a column the raw path does not write; Npgsql's importer then).</summary>
        public Action<object, PgCopyData>? PostgresRowWriter => _postgresRowWriter.Value;
        private readonly Lazy<Action<System.Text.Json.Utf8JsonWriter, object>> _auditWriter;

        /// <summary>Binds a row's values from the given parameter index (null: a column the compiled path cannot read).</summary>
        public Func<object, sqlite3_stmt, int, int>? SqliteBinder => _sqliteBinder.Value;

        /// <summary>Writes a row's values into a started COPY row (null: a column the compiled path cannot read).</summary>
        public Action<object, NpgsqlBinaryImporter>? PostgresCopier => _postgresCopier.Value;

        /// <summary>Writes a new record's audit "after" values, as <see cref="AuditRecorder.Created"/> does.</summary>
        public void WriteAudit(System.Text.Json.Utf8JsonWriter writer, object row) => _auditWriter.Value(writer, row);

        public string Name { get; }

        public bool IsAudited { get; }

        public IReadOnlyList<Column> Columns { get; }

        public IReadOnlyList<(string Name, IClrPropertyGetter Getter)> Audited { get; }

        public string ColumnList { get; }

        private IClrPropertyGetter[] Key { get; }

        /// <summary>The audit log's key of a record, as a save writes it.</summary>
        public string KeyOf(object row) => Key.Length == 1
            ? Key[0].GetClrValueUsingContainingEntity(row)?.ToString() ?? ""
            : string.Join(",", Key.Select(k => k.GetClrValueUsingContainingEntity(row)?.ToString()));

        public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        /// <summary>
        /// PostgreSQL: one binary COPY of the rows. Values are written synchronously into the
        /// importer's buffer (it flushes to the socket when full): an awaited call per value costs
        /// more than the value.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void CopyRows<T>(NpgsqlBinaryImporter writer, IReadOnlyList<T> rows) where T : class
        {
            var copier = PostgresCopier;
            foreach (var row in rows)
            {
                writer.StartRow();
                if (copier is not null)
                {
                    copier(row, writer);
                    continue;
                }
                foreach (var column in Columns)
                {
                    column.Copy(writer, row);
                }
            }
        }

        public async Task CopyPostgresAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY {Quote(Name)} ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            CopyRows(writer, rows);
            await writer.CompleteAsync(cancellationToken);
        }
    }

    internal sealed class Column(string name, IClrPropertyGetter getter, RelationalTypeMapping mapping)
    {
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = mapping.Converter;
        private NpgsqlDbType? _pgType;

        public string Name { get; } = name;

        public RelationalTypeMapping Mapping { get; } = mapping;

        public object? ProviderValue(object row)
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }

        public void Copy(NpgsqlBinaryImporter writer, object row)
        {
            var value = ProviderValue(row);
            if (value is null)
            {
                writer.WriteNull();
                return;
            }
            var type = _pgType ??= PostgresType(value, Mapping.StoreType);
            switch (value)
            {
                case Guid g:
                    writer.Write(g, type);
                    break;
                case string s:
                    writer.Write(s, type);
                    break;
                case long l:
                    writer.Write(l, type);
                    break;
                case int i:
                    writer.Write(i, type);
                    break;
                case short s:
                    writer.Write(s, type);
                    break;
                case bool b:
                    writer.Write(b, type);
                    break;
                case decimal m:
                    writer.Write(m, type);
                    break;
                case double d:
                    writer.Write(d, type);
                    break;
                case DateOnly d:
                    writer.Write(d, type);
                    break;
                case DateTime t:
                    writer.Write(t, type);
                    break;
                case DateTimeOffset t:
                    writer.Write(t, type);
                    break;
                case byte[] bytes:
                    writer.Write(bytes, type);
                    break;
                default:
                    writer.Write(value, type);
                    break;
            }
        }

        private static NpgsqlDbType PostgresType(object value, string storeType) => value switch
        {
            Guid => NpgsqlDbType.Uuid,
            string => NpgsqlDbType.Text,
            long => NpgsqlDbType.Bigint,
            int => NpgsqlDbType.Integer,
            short => NpgsqlDbType.Smallint,
            bool => NpgsqlDbType.Boolean,
            decimal => NpgsqlDbType.Numeric,
            double => NpgsqlDbType.Double,
            DateOnly => NpgsqlDbType.Date,
            DateTime when storeType.StartsWith("timestamp with time zone", StringComparison.Ordinal) => NpgsqlDbType.TimestampTz,
            DateTime => NpgsqlDbType.Timestamp,
            DateTimeOffset => NpgsqlDbType.TimestampTz,
            byte[] => NpgsqlDbType.Bytea,
            _ => throw new NotSupportedException($"Bulk insert: no PostgreSQL type for {value.GetType().Name} ({storeType})."),
        };
    }
}

/// <summary>New records of one type and their audit entries, built for one <see cref="BulkInsert"/> (see <see cref="BulkInsert.Batch{T}"/>).</summary>
public sealed class BulkBatch<T> where T : class
{
    internal BulkBatch(BulkInsert writer, BulkInsert.TableShape shape)
    {
        Writer = writer;
        Shape = shape;
        // Each part goes raw only where its writer compiled (the model of the provider in use decides; a column type the
        // raw writer does not know leaves that table to Npgsql's importer).
        if (writer.RawCopy)
        {
            RowsData = shape.PostgresRowWriter is not null ? new PgCopyData(writer.CopySegments) : null;
            AuditData = shape.IsAudited && writer.AuditShape.PostgresRowWriter is not null ? new PgCopyData(writer.CopySegments) : null;
        }
    }

    internal BulkInsert Writer { get; }

    internal BulkInsert.TableShape Shape { get; }

    internal List<T> Rows { get; } = [];

    /// <summary>The audit entries waiting to be written (none kept when they are serialised at once, <see cref="AuditData"/>).</summary>
    internal List<AuditEntry> Audit { get; } = [];

    /// <summary>The batch's links of the chain: how many, the first and the last sequence number.</summary>
    internal int AuditCount { get; private set; }

    internal long FirstSeq { get; private set; }

    internal long LastSeq { get; private set; }

    /// <summary>PostgreSQL: the records and their audit entries serialised for COPY as they are added.</summary>
    internal PgCopyData? RowsData { get; }

    internal PgCopyData? AuditData { get; }

    public int Count => Rows.Count;

    /// <summary>Adds a new record: refused (403) outside the caller's data scope; its audit entry is built now.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(T row)
    {
        Writer.EnsureMayAdd(row);
        Rows.Add(row);
        if (RowsData is not null)
        {
            Shape.PostgresRowWriter!(row, RowsData);
        }
        if (Shape.IsAudited)
        {
            var entry = Writer.Chain(Shape, row, serialisedNow: AuditData is not null);
            if (AuditCount++ == 0)
            {
                FirstSeq = entry.Seq;
            }
            LastSeq = entry.Seq;
            if (AuditData is not null)
            {
                // Serialised, the entry is not kept: a chunk's entries would otherwise outlive several collections
                // while the chunk waits for the writer, and be copied into older generations for nothing.
                Writer.AuditShape.PostgresRowWriter!(entry, AuditData);
                return;
            }
            Audit.Add(entry);
        }
    }
}
