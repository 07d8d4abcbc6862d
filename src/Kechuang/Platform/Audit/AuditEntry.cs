using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kechuang.Platform.Data;

namespace Kechuang.Platform.Audit;

/// <summary>
/// 审计日志 entry. Append-only; each entry carries the hash of the previous one, so changing or
/// removing any entry breaks the chain at that point (<c>kechuang audit verify</c>).
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
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Time is truncated to microseconds so it hashes the same on SQLite and PostgreSQL.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public string ComputeHash()
    {
        var at = DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var payload = string.Join('\u001f', Seq.ToString(CultureInfo.InvariantCulture), at, Account, ClientAddress ?? "",
            Entity, EntityKey, Action, Before ?? "", After ?? "", PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
    }
}
