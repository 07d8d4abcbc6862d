using System.Text;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Crypto.Digests;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The audit chain is hashed with SM3 (GB/T 32905-2016). A log kept from before the switch has SHA-256 entries first:
/// they still verify, up to the first SM3 entry; a SHA-256 entry after it is refused as a downgrade. Each provider on its
/// own database, since the test rewrites the log.
/// </summary>
public abstract class AuditHashSwitchTests(KechuangApp app)
{
    /// <summary>SM3 as GB/T 32905 defines it, checked against the standard's own example in <see cref="Sm3_IsTheStandardsHash"/>.</summary>
    public static string Sm3Hex(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash);
    }

    [Fact]
    public void Sm3_IsTheStandardsHash() =>
        // GB/T 32905-2016, appendix A, example 1: the message "abc".
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3Hex(Encoding.ASCII.GetBytes("abc")));

    private async Task<ChainReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Kechuang.Platform.Access.CurrentUser>().UseSystemScope("test");
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    private async Task UnguardAsync()
    {
        var unguard = app.Provider == Provider.Sqlite
            ? "DROP TRIGGER audit_entry_no_update"
            : "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_guard";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(unguard));
    }

    [Fact]
    public async Task OldSha256Entries_ThenSm3_Verify_ButASha256EntryAfterSm3_BreaksTheChain()
    {
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync());
        Assert.True(entries.Count > 20);
        Assert.All(entries, e => Assert.Equal(e.ComputeHash(ChainHashKind.Sm3), e.Hash)); // every new entry is SM3

        // The log as an installation from before the switch has it: its first ten entries hashed with SHA-256, the rest
        // (written after the upgrade) with SM3, each linked to the one before.
        await UnguardAsync();
        var prev = AuditEntry.GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            entry.PrevHash = prev;
            entry.Hash = entry.ComputeHash(i < 10 ? ChainHashKind.Sha256 : ChainHashKind.Sm3);
            prev = entry.Hash;
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET prev_hash = {0}, hash = {1} WHERE seq = {2}",
                entry.PrevHash, entry.Hash, entry.Seq));
        }
        var mixed = await VerifyAsync();

        // A SHA-256 hash after the first SM3 entry: the last entry rehashed the old way.
        var last = entries[^1];
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET hash = {0} WHERE seq = {1}",
            last.ComputeHash(ChainHashKind.Sha256), last.Seq));
        var downgraded = await VerifyAsync();

        Assert.Null(mixed.BrokenAt);
        Assert.Equal(entries.Count, mixed.Checked);
        Assert.Equal(last.Seq, downgraded.BrokenAt);
        Assert.Equal("内容与哈希不符（记录被修改）", downgraded.Reason);
    }

    public sealed class OnSqlite(SqliteApp app) : AuditHashSwitchTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditHashSwitchTests(app), IClassFixture<PostgresApp>;
}
