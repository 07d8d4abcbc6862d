using Kechuang.Platform.Data;
using Kechuang.Tests.Support;
using Npgsql;
using NpgsqlTypes;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The COPY rows a bulk import serialises itself on PostgreSQL (<see cref="PgCopyData"/>) store exactly what Npgsql's own
/// binary importer stores for the same values: every column type it writes, nulls, infinities, and texts that cross
/// its 64 KB segments.
/// </summary>
public sealed class PgCopyDataTests
{
    private const string Columns = "n integer, id uuid, t text, b bigint, i integer, s smallint, f boolean, d double precision, day date, at timestamptz, local timestamp, bytes bytea";

    private sealed record Values(Guid Id, string? Text, long Big, int Int, short Small, bool Flag, double Real, DateOnly Day, DateTime At, DateTime Local, byte[] Bytes);

    private static IEnumerable<Values> Rows()
    {
        var at = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc).AddTicks(1234560);
        yield return new(Guid.CreateVersion7(), "含\"引号\"与中文 <b>& 😀", long.MinValue, int.MinValue, short.MinValue, false, -0.5, new DateOnly(1900, 2, 28), at, new DateTime(1999, 12, 31, 23, 59, 59), [0, 1, 255]);
        yield return new(Guid.Empty, "", long.MaxValue, int.MaxValue, short.MaxValue, true, double.MaxValue, DateOnly.MinValue, DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.MaxValue, []);
        yield return new(Guid.NewGuid(), null, 0, 0, 0, true, double.Epsilon, DateOnly.MaxValue, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), new DateTime(2000, 1, 1), [7]);
        // Long texts (over the inline limit, and over a whole segment) and many rows: values cross segment boundaries.
        yield return new(Guid.NewGuid(), new string('长', 1025), 1, 2, 3, false, Math.PI, new DateOnly(2000, 1, 1), at.AddYears(-30), new DateTime(1970, 1, 1), new byte[70_000]);
        yield return new(Guid.NewGuid(), string.Concat(Enumerable.Repeat("abc技术", 20_000)), 4, 5, 6, true, -1e-300, new DateOnly(1999, 12, 31), at.AddDays(1), new DateTime(2049, 6, 30, 12, 0, 0), [1, 2]);
        for (var k = 0; k < 3000; k++)
        {
            yield return new(Guid.CreateVersion7(), $"第{k}行{new string('x', k % 97)}", k * 1_000_003L, -k, (short)(k % 300), k % 2 == 0, k / 7.0, new DateOnly(2020, 1, 1).AddDays(k), at.AddSeconds(k), new DateTime(2021, 5, 5).AddMinutes(k), [(byte)k]);
        }
    }

    [Fact]
    public async Task RawCopy_StoresWhatNpgsqlsImporterStores()
    {
        await using var connection = new NpgsqlConnection(KechuangApp.PostgresServer + ";Database=postgres");
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE raw_copy ({Columns}); CREATE TEMP TABLE importer_copy ({Columns})", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var rows = Rows().ToList();
        var segments = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
        var data = new PgCopyData(segments);
        foreach (var (row, n) in rows.Select((r, n) => (r, n)))
        {
            data.StartRow(12);
            data.Write(n);
            data.Write(row.Id);
            if (row.Text is null)
            {
                data.Null();
            }
            else
            {
                data.Write(row.Text);
            }
            data.Write(row.Big);
            data.Write(row.Int);
            data.Write(row.Small);
            data.Write(row.Flag);
            data.Write(row.Real);
            data.Write(row.Day);
            data.Write(row.At);
            data.Write(row.Local);
            data.Write(row.Bytes);
        }
        Assert.Equal(rows.Count, data.Rows);
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY raw_copy FROM STDIN (FORMAT BINARY)"))
        {
            await data.WriteToAsync(copy, CancellationToken.None);
        }
        Assert.True(segments.Count > 10, "the rows spanned many segments, given back after writing");

        await using (var importer = await connection.BeginBinaryImportAsync("COPY importer_copy FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (row, n) in rows.Select((r, n) => (r, n)))
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(n, NpgsqlDbType.Integer);
                await importer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                if (row.Text is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(row.Text, NpgsqlDbType.Text);
                }
                await importer.WriteAsync(row.Big, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.Int, NpgsqlDbType.Integer);
                await importer.WriteAsync(row.Small, NpgsqlDbType.Smallint);
                await importer.WriteAsync(row.Flag, NpgsqlDbType.Boolean);
                await importer.WriteAsync(row.Real, NpgsqlDbType.Double);
                await importer.WriteAsync(row.Day, NpgsqlDbType.Date);
                await importer.WriteAsync(row.At, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(row.Local, NpgsqlDbType.Timestamp);
                await importer.WriteAsync(row.Bytes, NpgsqlDbType.Bytea);
            }
            await importer.CompleteAsync();
        }

        // Every column compared as the server stores it; any difference is one row of this query.
        await using var compare = new NpgsqlCommand(
            "SELECT n FROM (SELECT * FROM raw_copy EXCEPT ALL SELECT * FROM importer_copy) d "
            + "UNION ALL SELECT n FROM (SELECT * FROM importer_copy EXCEPT ALL SELECT * FROM raw_copy) e", connection);
        var differing = new List<int>();
        await using (var reader = await compare.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                differing.Add(reader.GetInt32(0));
            }
        }
        Assert.Empty(differing);
        await using var count = new NpgsqlCommand("SELECT count(*), count(*) FILTER (WHERE day = 'infinity' AND at = 'infinity') FROM raw_copy", connection);
        await using var counted = await count.ExecuteReaderAsync();
        await counted.ReadAsync();
        Assert.Equal(rows.Count, counted.GetInt64(0));
        Assert.Equal(1, counted.GetInt64(1));
    }
}
