using System.Buffers.Binary;
using System.Text;

namespace Kechuang.Platform.Data;

/// <summary>
/// Rows of a PostgreSQL binary COPY (<c>FORMAT BINARY</c>), serialised ahead of time: a bulk import builds them on its
/// reading side while the writer streams the previous chunk's bytes to the server as they are. The per-value work of
/// <see cref="Npgsql.NpgsqlBinaryImporter"/> (a type look-up and a parameter per value, some seven million values in a
/// 200,000-row contract import with its audit entries) was a large part of the writer's time, on the thread that feeds
/// the server. Held in 64 KB segments (no large-object-heap arrays) borrowed from the writer's own pool and given back
/// once written, so an import's few chunks in flight reuse the same segments from start to end. Formats as the server reads them: integers big-endian, uuid in RFC 4122 byte order, text as UTF-8, date as
/// days and timestamps as microseconds since 2000-01-01.
/// </summary>
internal sealed class PgCopyData(System.Collections.Concurrent.ConcurrentQueue<byte[]> segments)
{
    public const int SegmentSize = 64 * 1024;
    /// <summary>The signature PGCOPY\n\377\r\n\0, no flags, no header extension.</summary>
    private static readonly byte[] Header = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Trailer = [0xff, 0xff];
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly List<(byte[] Segment, int Length)> _full = [];
    private byte[] _segment = [];
    private int _length;

    public int Rows { get; private set; }

    public void StartRow(short fields)
    {
        Rows++;
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), fields);
    }

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    public void Write(Guid value)
    {
        var span = Reserve(20);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        value.TryWriteBytes(span[4..], bigEndian: true, out _);
    }

    public void Write(string value)
    {
        if (value.Length <= 1024)
        {
            var span = Reserve(4 + (value.Length * 3));
            var written = Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32BigEndian(span, written);
            _length -= (value.Length * 3) - written;
            return;
        }
        Text(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>UTF-8 text (or bytea) as it is.</summary>
    public void Text(ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value.Length);
        while (value.Length > 0)
        {
            var room = _segment.Length - _length;
            if (room == 0)
            {
                NextSegment();
                continue;
            }
            var part = Math.Min(room, value.Length);
            value[..part].CopyTo(_segment.AsSpan(_length));
            _length += part;
            value = value[part..];
        }
    }

    public void Write(byte[] value) => Text(value);

    public void Write(long value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Write(int value)
    {
        var span = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void Write(short value)
    {
        var span = Reserve(6);
        BinaryPrimitives.WriteInt32BigEndian(span, 2);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], value);
    }

    public void Write(bool value)
    {
        var span = Reserve(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
    }

    public void Write(double value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    /// <summary>Days since 2000-01-01; the smallest and largest dates are -infinity and infinity, as Npgsql writes them.</summary>
    public void Write(DateOnly value) => Write(value == DateOnly.MinValue ? int.MinValue : value == DateOnly.MaxValue ? int.MaxValue : value.DayNumber - EpochDay);

    /// <summary>
    /// timestamp and timestamp with time zone alike: microseconds since 2000-01-01 of the value as given (UTC for the
    /// latter, which the model's converter ensures); the smallest and largest times are -infinity and infinity.
    /// </summary>
    public void Write(DateTime value) => Write(value == DateTime.MinValue ? long.MinValue
        : value == DateTime.MaxValue ? long.MaxValue
        : (value.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond);

    public void Write(DateTimeOffset value) => Write(value == DateTimeOffset.MinValue ? long.MinValue
        : value == DateTimeOffset.MaxValue ? long.MaxValue
        : (value.UtcTicks - EpochTicks) / TimeSpan.TicksPerMicrosecond);

    /// <summary>Streams the rows as one COPY (header, rows, trailer) and gives the segments back.</summary>
    public async Task WriteToAsync(Stream copy, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(Header, cancellationToken);
        foreach (var (segment, length) in _full)
        {
            await copy.WriteAsync(segment.AsMemory(0, length), cancellationToken);
        }
        await copy.WriteAsync(_segment.AsMemory(0, _length), cancellationToken);
        await copy.WriteAsync(Trailer, cancellationToken);
        Release();
    }

    /// <summary>Gives the segments back to the pool (after writing, or when the rows will not be written).</summary>
    public void Release()
    {
        foreach (var (segment, _) in _full)
        {
            segments.Enqueue(segment);
        }
        if (_segment.Length > 0)
        {
            segments.Enqueue(_segment);
        }
        _full.Clear();
        _segment = [];
        _length = 0;
        Rows = 0;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _segment.Length)
        {
            NextSegment();
        }
        var span = _segment.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void NextSegment()
    {
        if (_segment.Length > 0)
        {
            _full.Add((_segment, _length));
        }
        _segment = segments.TryDequeue(out var reused) ? reused : new byte[SegmentSize];
        _length = 0;
    }
}
