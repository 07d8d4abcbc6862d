using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Kechuang.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Kechuang.Platform.Data;

/// <summary>
/// Per-table delegates compiled once from the EF model for <see cref="BulkInsert"/>: read each column's
/// provider value (the model's value converter inlined) with its static type, and bind it (SQLite) or
/// copy it (PostgreSQL), or write a record's audit "after" values as UTF-8 JSON. No boxing, no type
/// switch per value: at hundreds of thousands of rows those cost more than the database's own work.
/// The values written are exactly those of the reflective path (tests compare the two).
/// A table with a column these cannot read statically gets null delegates and the reflective path.
/// </summary>
internal static class BulkCompiled
{
    /// <summary>(row, statement, first parameter index) → 0, or a failed sqlite3_bind_* code.</summary>
    public static Func<object, sqlite3_stmt, int, int>? SqliteBinder(IReadOnlyList<IProperty> columns)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var first = Expression.Parameter(typeof(int), "first");
        Expression? rc = null;
        for (var i = 0; i < columns.Count; i++)
        {
            var index = Expression.Add(first, Expression.Constant(i));
            if (IsAuditAfter(columns[i]))
            {
                var after = Expression.Call(typeof(SqliteValues), nameof(SqliteValues.BindAfter), null, statement, index, Expression.Convert(row, typeof(AuditEntry)));
                rc = rc is null ? after : Expression.Or(rc, after);
                continue;
            }
            var value = ProviderValue(columns[i], row);
            if (value is null)
            {
                return null;
            }
            var bind = NullChecked(value, v => SqliteBindCall(statement, index, v),
                () => Expression.Call(typeof(raw), nameof(raw.sqlite3_bind_null), null, statement, index));
            if (bind is null)
            {
                return null;
            }
            rc = rc is null ? bind : Expression.Or(rc, bind);
        }
        return Expression.Lambda<Func<object, sqlite3_stmt, int, int>>(rc ?? Expression.Constant(0), row, statement, first).Compile();
    }

    /// <summary>(row, importer) → the row's values written in column order (the row already started).</summary>
    public static Action<object, NpgsqlBinaryImporter>? PostgresCopier(IReadOnlyList<IProperty> columns)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var writer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "writer");
        var writes = new List<Expression>();
        foreach (var column in columns)
        {
            if (IsAuditAfter(column))
            {
                writes.Add(Expression.Call(typeof(BulkCompiled), nameof(CopyAfter), null, writer, Expression.Convert(row, typeof(AuditEntry))));
                continue;
            }
            var value = ProviderValue(column, row);
            if (value is null)
            {
                return null;
            }
            var storeType = column.GetRelationalTypeMapping().StoreType;
            var copy = NullChecked(value, v => PostgresType(v.Type, storeType) is { } type
                    ? Expression.Call(writer, nameof(NpgsqlBinaryImporter.Write), [v.Type], v, Expression.Constant(type))
                    : null,
                () => Expression.Call(writer, nameof(NpgsqlBinaryImporter.WriteNull), null));
            if (copy is null)
            {
                return null;
            }
            writes.Add(copy);
        }
        return Expression.Lambda<Action<object, NpgsqlBinaryImporter>>(Expression.Block(writes), row, writer).Compile();
    }

    /// <summary>
    /// (row, data) → the row serialised for a raw binary COPY (<see cref="PgCopyData"/>); null when a column's type or
    /// store type is one this does not write byte for byte (the table then goes through Npgsql's importer).
    /// </summary>
    public static Action<object, PgCopyData>? PostgresRowWriter(IReadOnlyList<IProperty> columns)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var data = Expression.Parameter(typeof(PgCopyData), "data");
        var writes = new List<Expression> { Expression.Call(data, nameof(PgCopyData.StartRow), null, Expression.Constant((short)columns.Count)) };
        foreach (var column in columns)
        {
            if (IsAuditAfter(column))
            {
                writes.Add(Expression.Call(typeof(BulkCompiled), nameof(CopyAfterRaw), null, data, Expression.Convert(row, typeof(AuditEntry))));
                continue;
            }
            var value = ProviderValue(column, row);
            if (value is null)
            {
                return null;
            }
            var storeType = column.GetRelationalTypeMapping().StoreType;
            var write = NullChecked(value, v => RawCopyMatches(v.Type, storeType)
                    ? Expression.Call(data, typeof(PgCopyData).GetMethod(nameof(PgCopyData.Write), [v.Type])!, v)
                    : null,
                () => Expression.Call(data, nameof(PgCopyData.Null), null));
            if (write is null)
            {
                return null;
            }
            writes.Add(write);
        }
        return Expression.Lambda<Action<object, PgCopyData>>(Expression.Block(writes), row, data).Compile();
    }

    /// <summary>Whether <see cref="PgCopyData"/> writes this CLR type in the binary format of this column type.</summary>
    private static bool RawCopyMatches(Type type, string storeType)
    {
        var store = storeType.ToLowerInvariant();
        return type switch
        {
            _ when type == typeof(string) => store is "text" || store.StartsWith("character varying", StringComparison.Ordinal) || store.StartsWith("varchar", StringComparison.Ordinal),
            _ when type == typeof(Guid) => store == "uuid",
            _ when type == typeof(long) => store == "bigint",
            _ when type == typeof(int) => store == "integer",
            _ when type == typeof(short) => store == "smallint",
            _ when type == typeof(bool) => store == "boolean",
            _ when type == typeof(double) => store == "double precision",
            _ when type == typeof(DateOnly) => store == "date",
            _ when type == typeof(DateTime) => store is "timestamp with time zone" or "timestamp without time zone",
            _ when type == typeof(DateTimeOffset) => store == "timestamp with time zone",
            _ when type == typeof(byte[]) => store == "bytea",
            _ => false,
        };
    }

    /// <summary>The audit "after" values into a raw COPY row: the UTF-8 bytes as they were hashed, or the text.</summary>
    internal static void CopyAfterRaw(PgCopyData data, AuditEntry entry)
    {
        if (!entry.AfterUtf8.IsEmpty)
        {
            data.Text(entry.AfterUtf8.Span);
        }
        else if (entry.After is { } after)
        {
            data.Write(after);
        }
        else
        {
            data.Null();
        }
    }

    /// <summary>
    /// (writer, row) → the record's audit "after" object, as <see cref="AuditRecorder.Created"/> writes
    /// it: the properties sorted by name, masked ones and unusual types through the recorder itself.
    /// </summary>
    public static Action<Utf8JsonWriter, object> AuditWriter(IEnumerable<IProperty> properties)
    {
        var writer = Expression.Parameter(typeof(Utf8JsonWriter), "writer");
        var row = Expression.Parameter(typeof(object), "row");
        var body = new List<Expression> { Expression.Call(writer, nameof(Utf8JsonWriter.WriteStartObject), null) };
        foreach (var property in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var name = JsonEncodedText.Encode(property.Name, AuditRecorder.Encoder);
            body.Add(Expression.Call(writer, nameof(Utf8JsonWriter.WritePropertyName), null, Expression.Constant(name)));
            var value = ModelValue(property, row);
            Expression? write = null;
            if (value is not null && !AuditRecorder.IsMasked(property.Name))
            {
                write = NullChecked(value, v => JsonCall(writer, v), () => Expression.Call(writer, nameof(Utf8JsonWriter.WriteNullValue), null));
            }
            if (write is null)
            {
                var getter = property.GetGetter();
                write = Expression.Call(typeof(AuditRecorder), nameof(AuditRecorder.WriteValue), null, writer, Expression.Constant(property.Name),
                    Expression.Call(Expression.Constant(getter), typeof(IClrPropertyGetter).GetMethod(nameof(IClrPropertyGetter.GetClrValueUsingContainingEntity))!, row));
            }
            body.Add(write);
        }
        body.Add(Expression.Call(writer, nameof(Utf8JsonWriter.WriteEndObject), null));
        return Expression.Lambda<Action<Utf8JsonWriter, object>>(Expression.Block(body), writer, row).Compile();
    }

    /// <summary>The audit table's "after" column: its values come as UTF-8 (<see cref="AuditEntry.AfterUtf8"/>) or as text.</summary>
    private static bool IsAuditAfter(IProperty column) =>
        column.DeclaringType.ClrType == typeof(AuditEntry) && column.Name == nameof(AuditEntry.After);

    /// <summary>PostgreSQL takes UTF-8 bytes for a text column as they are.</summary>
    internal static void CopyAfter(NpgsqlBinaryImporter writer, AuditEntry entry)
    {
        if (!entry.AfterUtf8.IsEmpty)
        {
            writer.Write(entry.AfterUtf8, NpgsqlDbType.Text);
        }
        else if (entry.After is { } after)
        {
            writer.Write(after, NpgsqlDbType.Text);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static MemberExpression? ModelValue(IProperty property, ParameterExpression row)
    {
        if (property.IsShadowProperty())
        {
            return null;
        }
        var typed = Expression.Convert(row, property.DeclaringType.ClrType);
        return property.PropertyInfo is { GetMethod: not null } p ? Expression.Property(typed, p)
            : property.FieldInfo is { } f ? Expression.Field(typed, f)
            : null;
    }

    /// <summary>The column's provider value, typed: the property read, the model's value converter inlined (null stays null).</summary>
    private static Expression? ProviderValue(IProperty property, ParameterExpression row)
    {
        var value = ModelValue(property, row);
        if (value is null)
        {
            return null;
        }
        var converter = property.GetRelationalTypeMapping().Converter;
        if (converter is null)
        {
            return value;
        }
        var convert = converter.ConvertToProviderExpression;
        var modelType = convert.Parameters[0].Type;
        if (value.Type == modelType)
        {
            return ReplacingExpressionVisitor.Replace(convert.Parameters[0], value, convert.Body);
        }
        if (Nullable.GetUnderlyingType(value.Type) != modelType)
        {
            return null;
        }
        var provider = convert.ReturnType;
        var result = provider.IsValueType && Nullable.GetUnderlyingType(provider) is null ? typeof(Nullable<>).MakeGenericType(provider) : provider;
        var local = Expression.Variable(value.Type, "value");
        return Expression.Block([local], Expression.Assign(local, value),
            Expression.Condition(Expression.Property(local, "HasValue"),
                Expression.Convert(ReplacingExpressionVisitor.Replace(convert.Parameters[0], Expression.Property(local, "Value"), convert.Body), result),
                Expression.Constant(null, result)));
    }

    /// <summary>Applies <paramref name="write"/> to the value, or <paramref name="writeNull"/> when it is null (nullable value types, references).</summary>
    private static Expression? NullChecked(Expression value, Func<Expression, Expression?> write, Func<Expression> writeNull)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type);
        var local = Expression.Variable(value.Type, "value");
        if (underlying is not null)
        {
            var inner = write(Expression.Property(local, "Value"));
            return inner is null ? null : Expression.Block([local], Expression.Assign(local, value),
                Expression.Condition(Expression.Property(local, "HasValue"), inner, Convert(writeNull(), inner.Type)));
        }
        if (!value.Type.IsValueType)
        {
            var inner = write(local);
            return inner is null ? null : Expression.Block([local], Expression.Assign(local, value),
                Expression.Condition(Expression.Equal(local, Expression.Constant(null, value.Type)), Convert(writeNull(), inner.Type), inner));
        }
        return write(value);
    }

    private static Expression Convert(Expression e, Type type) => e.Type == type ? e : Expression.Convert(e, type);

    private static MethodCallExpression? SqliteBindCall(ParameterExpression statement, Expression index, Expression value)
    {
        var type = value.Type.IsEnum ? null : value.Type;
        var method = type is null ? null : typeof(SqliteValues).GetMethod(nameof(SqliteValues.Bind), [typeof(sqlite3_stmt), typeof(int), type]);
        return method is null ? null : Expression.Call(method, statement, index, value);
    }

    private static MethodCallExpression? JsonCall(ParameterExpression writer, Expression value)
    {
        if (value.Type.IsEnum)
        {
            return Enum.GetUnderlyingType(value.Type) == typeof(int)
                ? Expression.Call(writer, nameof(Utf8JsonWriter.WriteNumberValue), null, Expression.Convert(value, typeof(int)))
                : null;
        }
        var method = typeof(JsonValues).GetMethod(nameof(JsonValues.Write), [typeof(Utf8JsonWriter), value.Type]);
        return method is null ? null : Expression.Call(method, writer, value);
    }

    internal static NpgsqlDbType? PostgresType(Type type, string storeType) => type switch
    {
        _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
        _ when type == typeof(string) => NpgsqlDbType.Text,
        _ when type == typeof(long) => NpgsqlDbType.Bigint,
        _ when type == typeof(int) => NpgsqlDbType.Integer,
        _ when type == typeof(short) => NpgsqlDbType.Smallint,
        _ when type == typeof(bool) => NpgsqlDbType.Boolean,
        _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
        _ when type == typeof(double) => NpgsqlDbType.Double,
        _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
        _ when type == typeof(DateTime) && storeType.StartsWith("timestamp with time zone", StringComparison.Ordinal) => NpgsqlDbType.TimestampTz,
        _ when type == typeof(DateTime) => NpgsqlDbType.Timestamp,
        _ when type == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        _ when type == typeof(byte[]) => NpgsqlDbType.Bytea,
        _ => null,
    };

    /// <summary>SQLite storage as Microsoft.Data.Sqlite writes it (so EF reads it back unchanged), formatted without allocating.</summary>
    internal static class SqliteValues
    {
        /// <summary>
        /// Text as UTF-8, the database's encoding: bound as UTF-16, SQLite would keep a copy and convert it into a second
        /// buffer when it builds the record (two allocations and a conversion per value, millions of values in an import).
        /// </summary>
        public static int Bind(sqlite3_stmt s, int i, string v)
        {
            if (v.Length <= 256)
            {
                Span<byte> utf8 = stackalloc byte[768];
                return raw.sqlite3_bind_text(s, i, utf8[..System.Text.Encoding.UTF8.GetBytes(v, utf8)]);
            }
            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(v.Length));
            try
            {
                return raw.sqlite3_bind_text(s, i, rented.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(v, rented)));
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        public static int BindAfter(sqlite3_stmt s, int i, AuditEntry entry) =>
            !entry.AfterUtf8.IsEmpty ? raw.sqlite3_bind_text(s, i, entry.AfterUtf8.Span)
            : entry.After is { } after ? Bind(s, i, after)
            : raw.sqlite3_bind_null(s, i);

        public static int Bind(sqlite3_stmt s, int i, long v) => raw.sqlite3_bind_int64(s, i, v);

        public static int Bind(sqlite3_stmt s, int i, int v) => raw.sqlite3_bind_int64(s, i, v);

        public static int Bind(sqlite3_stmt s, int i, short v) => raw.sqlite3_bind_int64(s, i, v);

        public static int Bind(sqlite3_stmt s, int i, byte v) => raw.sqlite3_bind_int64(s, i, v);

        public static int Bind(sqlite3_stmt s, int i, bool v) => raw.sqlite3_bind_int64(s, i, v ? 1 : 0);

        public static int Bind(sqlite3_stmt s, int i, double v) => raw.sqlite3_bind_double(s, i, v);

        public static int Bind(sqlite3_stmt s, int i, byte[] v) => raw.sqlite3_bind_blob(s, i, v);

        public static int Bind(sqlite3_stmt s, int i, Guid v)
        {
            Span<byte> text = stackalloc byte[36];
            v.TryFormat(text, out _);
            for (var c = 0; c < text.Length; c++)
            {
                if (text[c] is >= (byte)'a' and <= (byte)'f')
                {
                    text[c] = (byte)(text[c] - 32);
                }
            }
            return raw.sqlite3_bind_text(s, i, text);
        }

        public static int Bind(sqlite3_stmt s, int i, DateTime v)
        {
            Span<byte> text = stackalloc byte[40];
            v.TryFormat(text, out var n, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            return raw.sqlite3_bind_text(s, i, text[..n]);
        }

        public static int Bind(sqlite3_stmt s, int i, DateOnly v)
        {
            Span<byte> text = stackalloc byte[16];
            v.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return raw.sqlite3_bind_text(s, i, text[..n]);
        }

        public static int Bind(sqlite3_stmt s, int i, DateTimeOffset v)
        {
            Span<byte> text = stackalloc byte[48];
            v.TryFormat(text, out var n, "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
            return raw.sqlite3_bind_text(s, i, text[..n]);
        }

        public static int Bind(sqlite3_stmt s, int i, decimal v) =>
            raw.sqlite3_bind_text(s, i, v.ToString("0.0###########################", CultureInfo.InvariantCulture));
    }

    /// <summary>Values as <see cref="JsonSerializer"/> writes them (what a save's audit entry holds).</summary>
    internal static class JsonValues
    {
        public static void Write(Utf8JsonWriter w, string v) => w.WriteStringValue(v);

        public static void Write(Utf8JsonWriter w, Guid v) => w.WriteStringValue(v);

        public static void Write(Utf8JsonWriter w, long v) => w.WriteNumberValue(v);

        public static void Write(Utf8JsonWriter w, int v) => w.WriteNumberValue(v);

        public static void Write(Utf8JsonWriter w, bool v) => w.WriteBooleanValue(v);

        public static void Write(Utf8JsonWriter w, DateTime v) => w.WriteStringValue(v);

        public static void Write(Utf8JsonWriter w, DateOnly v)
        {
            Span<char> text = stackalloc char[16];
            v.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.WriteStringValue(text[..n]);
        }
    }
}
