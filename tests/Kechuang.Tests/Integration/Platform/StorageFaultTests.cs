using System.Net;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The disk under the SQLite database fills up for real (a small file system of its own, every byte taken) while
/// the server runs: a write that needs space answers 503 in Chinese with nothing of it saved, reads go on, and once
/// space is freed the same write succeeds, the database passes its integrity check and the audit chain verifies.
/// </summary>
public sealed class StorageFaultTests(SmallDiskApp app) : IClassFixture<SmallDiskApp>
{
    [Fact]
    public async Task DiskFull_ImportAnswers503InChinese_SavesNothing_AndSucceedsOnceSpaceIsFreed()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("磁盘已满");
        // Larger than the write-ahead log the demo data left: the import has to grow the log on the full disk.
        var rows = Enumerable.Range(1, 8000).Select(i => Row($"{tag}-{i:D5}", i % 2 == 0 ? Hengda : Shouxiangu, Zju, 1000m + i, 900m + i)).ToList();
        var contractsBefore = await app.WithDbAsync(db => db.Set<TechContract>().CountAsync());
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        await app.FillAsync();
        HttpResponseMessage refused;
        try
        {
            Assert.True(app.FreeBytes < 64 * 1024, $"the disk still has {app.FreeBytes} bytes free");
            refused = await UploadAsync(staff, rows);
            var body = await refused.Content.ReadAsStringAsync();

            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode}: {body}");
            Assert.Contains("服务器存储空间已满，本次操作没有保存", body, StringComparison.Ordinal);
            Assert.Contains("storage.unavailable", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            // Reading needs no space: the list still answers while the disk is full.
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/contracts?pageSize=5")).StatusCode);
        }
        finally
        {
            app.Free();
        }
        Assert.Equal(contractsBefore, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync(c => c.Title.StartsWith(tag))));

        var accepted = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(rows.Count, (await accepted.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(contractsBefore + rows.Count, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync()) >= auditBefore + rows.Count);
        Assert.Equal("ok", await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()).ContinueWith(t => string.Join(',', t.Result)));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        var report = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
        Assert.Null(report.BrokenAt);
    }
}
