using System.Net;
using System.Net.Http.Headers;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The real executable is killed (<c>kill -9</c>) while it writes a large contract import: nothing of the file is in
/// the database after the restart (no contract, no import batch, no audit entry), the audit chain verifies, and the
/// same file sent again to the restarted server is imported whole.
/// </summary>
public abstract class ImportKillTests(KechuangApp app)
{
    private const int Rows = 60_000;

    [Fact]
    public async Task ServerKilledMidImport_NothingIsHalfWritten_AndTheFileCanBeSentAgain()
    {
        var tag = Unique("中断导入");
        var file = Workbook(Enumerable.Range(1, Rows).Select(i => Row($"{tag}-{i:D5}", i % 2 == 0 ? Hengda : Shouxiangu, Zju, 1000m + i, 900m + i)));
        var contracts = await app.WithDbAsync(db => db.Set<TechContract>().CountAsync());
        var batches = await app.WithDbAsync(db => db.Set<ContractImport>().CountAsync());
        var entries = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var server = await ChildServer.StartAsync(app);
        try
        {
            var staff = await server.ClientAsync("wuyi.staff");
            var import = PostAsync(staff, file);
            await WaitUntilWritingAsync(import, server);
            await server.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => import);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Equal(contracts, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync()));
        Assert.Equal(batches, await app.WithDbAsync(db => db.Set<ContractImport>().CountAsync()));
        // The sign-in on the child wrote its own entries; the import wrote none of its 60,000.
        Assert.InRange(await app.WithDbAsync(db => db.AuditEntries.CountAsync()) - entries, 0, 20);
        Assert.Null((await VerifyAsync()).BrokenAt);

        await using var restarted = await ChildServer.StartAsync(app);
        var again = await PostAsync(await restarted.ClientAsync("wuyi.staff"), file);

        Assert.True(again.StatusCode == HttpStatusCode.OK, $"{(int)again.StatusCode}: {await again.Content.ReadAsStringAsync()}\n{restarted.Output}");
        Assert.Equal(Rows, (await again.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(Rows, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync(c => c.Title.StartsWith(tag))));
        Assert.Null((await VerifyAsync()).BrokenAt);
    }

    /// <summary>
    /// Until the import's transaction is writing rows: on PostgreSQL a COPY of the child's connection is under way or
    /// done in a transaction still open; on SQLite the child holds the write lock for a whole second.
    /// </summary>
    private async Task WaitUntilWritingAsync(Task<HttpResponseMessage> import, ChildServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (import.IsCompleted)
            {
                var response = await import;
                Assert.Fail($"the import ended before it could be killed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            if (app.Provider == Provider.Postgres ? await CopyingAsync() : await WriteLockedAsync())
            {
                return;
            }
            await Task.Delay(20);
        }
        Assert.Fail("the import did not start writing:\n" + server.Output);
    }

    private async Task<bool> CopyingAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
            "AND query ILIKE 'COPY%' AND state IN ('active', 'idle in transaction')", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task<bool> WriteLockedAsync()
    {
        await using var connection = new SqliteConnection(app.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        command.CommandTimeout = 1;
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return true;
        }
        command.CommandText = "ROLLBACK";
        await command.ExecuteNonQueryAsync();
        return false;
    }

    private async Task<ChainReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        sheet.SaveAs(rows.ToList());
        return sheet.ToArray();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] workbook)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "contracts.xlsx");
        return await client.PostAsync("/api/v1/contracts/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : ImportKillTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ImportKillTests(app), IClassFixture<PostgresApp>;
}
