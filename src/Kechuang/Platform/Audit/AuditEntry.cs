using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kechuang.Platform.Data;

namespace Kechuang.Platform.Audit;

/// <summary>
/// 审计日志 entry. Append-only; each entry carries the hash of the previous one, so changing or
/// removing any entry breaks the chain at that point (<c>kechuang audit verify</c>). New entries are hashed with SM3
/// (GB/T 32905, the commercial-cryptography hash that 密评 expects); entries written before the switch keep their
/// SHA-256 hashes, which <see cref="AuditChain"/> accepts only up to the first SM3 entry.
/// </summary>
public sealed class AuditEntry : INotAudited
{
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public string Account { get; set; } = "";
    public string? ClientAddress { get; set; }
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }

    /// <summary>
    /// A bulk write's "after" values as the UTF-8 they were built and hashed in, in a buffer the writer lends and takes
    /// back once the entry is written, instead of <see cref="After"/>: no string of twice the size per record, no
    /// conversion when it is written (both providers take the bytes as text). Not mapped.
    /// </summary>
    internal ReadOnlyMemory<byte> AfterUtf8 { get; set; }

    /// <summary>The buffer <see cref="AfterUtf8"/> lies in, to give back to the writer's pool.</summary>
    internal byte[]? AfterBuffer { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Time is truncated to microseconds so it hashes the same on SQLite and PostgreSQL.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>The time as it is hashed.</summary>
    public static string HashedTime(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The chain hash of a <c>create</c> entry whose "after" values are given as UTF-8 (bulk writes), encoded into
    /// <paramref name="scratch"/> (grown as needed) without building the payload as a string first.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static string CreateHash(ref byte[] scratch, long seq, string hashedTime, string account, string? clientAddress,
        string entity, string entityKey, ReadOnlySpan<byte> after, string prevHash) =>
        ChainHash(ref scratch, ChainHashKind.Sm3, seq, hashedTime, account, clientAddress, entity, entityKey, "create", "", after, prevHash);

    /// <summary>The entry's hash as a new entry is hashed (SM3).</summary>
    public string ComputeHash() => ComputeHash(ChainHashKind.Sm3);

    /// <summary>The entry's hash with <paramref name="kind"/>: SM3 for new entries, SHA-256 to verify older ones.</summary>
    public string ComputeHash(ChainHashKind kind)
    {
        var scratch = Array.Empty<byte>();
        return ChainHash(ref scratch, kind, Seq, HashedTime(At), Account, ClientAddress, Entity, EntityKey, Action, Before ?? "",
            Encoding.UTF8.GetBytes(After ?? ""), PrevHash);
    }

    /// <summary>The hash over the fields joined by U+001F, in UTF-8: the one definition of what the chain hashes.</summary>
    private static string ChainHash(ref byte[] scratch, ChainHashKind kind, long seq, string hashedTime, string account, string? clientAddress,
        string entity, string entityKey, string action, string before, ReadOnlySpan<byte> after, string prevHash)
    {
        var most = 20 + (3 * (hashedTime.Length + account.Length + (clientAddress?.Length ?? 0) + entity.Length + entityKey.Length
            + action.Length + before.Length + prevHash.Length + 8)) + after.Length + 10;
        if (scratch.Length < most)
        {
            scratch = new byte[Math.Max(most, scratch.Length * 2)];
        }
        var span = scratch.AsSpan();
        seq.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        n += Part(span[n..], hashedTime);
        n += Part(span[n..], account);
        n += Part(span[n..], clientAddress ?? "");
        n += Part(span[n..], entity);
        n += Part(span[n..], entityKey);
        n += Part(span[n..], action);
        n += Part(span[n..], before);
        span[n++] = 0x1f;
        after.CopyTo(span[n..]);
        n += after.Length;
        n += Part(span[n..], prevHash);
        Span<byte> hash = stackalloc byte[32];
        if (kind == ChainHashKind.Sm3)
        {
            Sm3.HashData(span[..n], hash);
        }
        else
        {
            SHA256.HashData(span[..n], hash);
        }
        return Convert.ToHexStringLower(hash);

        static int Part(Span<byte> into, string text)
        {
            into[0] = 0x1f;
            return 1 + Encoding.UTF8.GetBytes(text, into[1..]);
        }
    }
}

/// <summary>The hash function of an audit chain entry; both give 32 bytes, written as 64 lower-case hex digits.</summary>
public enum ChainHashKind
{
    /// <summary>Entries written before the chain moved to SM3.</summary>
    Sha256 = 1,

    /// <summary>SM3 (GB/T 32905-2016): every entry written now.</summary>
    Sm3 = 2,
}
