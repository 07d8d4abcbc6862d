using System.Diagnostics;
using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Bench;

/// <summary>
/// Cost of the audit chain on a write: saving one record at a time through KechuangDb (audit entry,
/// chain head read, hash) against the same inserts as plain SQL statements, one transaction each.
/// </summary>
internal static class AuditWriteBench
{
    private const int Rows = 2000;

    public static async Task<BenchResult> RunAsync()
    {
        await using var host = new BenchHost();
        await host.MigrateAsync();
        await using var db = await host.OpenAsync(u => u.UseSystemScope("bench"));

        var baseline = Stopwatch.StartNew();
        for (var i = 0; i < Rows; i++)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO directory_region (code, name, parent_code, level) VALUES ({0}, {1}, '330723', 'Town')",
                $"9{i:D8}", $"基准{i}");
        }
        baseline.Stop();

        var audited = Stopwatch.StartNew();
        for (var i = 0; i < Rows; i++)
        {
            db.Add(new Kechuang.Modules.Directory.Region($"8{i:D8}", $"审计{i}", "330723", Kechuang.Modules.Directory.RegionLevel.Town));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        audited.Stop();

        return new BenchResult(Rows / audited.Elapsed.TotalSeconds, Rows / baseline.Elapsed.TotalSeconds, "writes/s",
            "plain INSERT, one transaction each, no audit");
    }
}
