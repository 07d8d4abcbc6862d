using System.Collections.Concurrent;
using System.Net;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// A PostgreSQL primary with a synchronous standby (docs/operations.md): statistics and 地区对比 are read from the standby, while
/// what a user reads back after writing comes from the primary.
/// </summary>
public sealed class StandbyReportTests(ReplicaPairApp app) : IClassFixture<ReplicaPairApp>
{
    private const string Statistics = "/api/v1/contracts/statistics?from=2026-01-01&to=2026-12-31";

    [Fact]
    public async Task Statistics_AreReadFromTheStandby_TheContractItselfFromThePrimary()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        await WaitForReplayAsync(staff, await CountAsync(staff));
        var before = await CountAsync(staff);
        var compared = await ComparedAsync(staff);

        await StandbyAsync("SELECT pg_wal_replay_pause()");
        Guid id;
        try
        {
            id = await CreateAsync(staff, await BodyAsync(app, Unique("备库统计")), "submit", "review", "register");

            // The writer reads its contract back at once (primary); the statistics still show the standby's state.
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/contracts/{id}")).StatusCode);
            Assert.Equal(before, await CountAsync(staff));
            Assert.Equal(compared, await ComparedAsync(staff));
        }
        finally
        {
            await StandbyAsync("SELECT pg_wal_replay_resume()");
        }
        await WaitForReplayAsync(staff, before + 1);
        Assert.Equal(compared + 1, await ComparedAsync(staff));
    }

    [Fact]
    public async Task Export_IsReadFromTheStandby_ItsAuditEntryWrittenOnThePrimary()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var title = Unique("备库导出");
        var exportsBefore = await ExportEntriesAsync();

        await StandbyAsync("SELECT pg_wal_replay_pause()");
        try
        {
            await CreateAsync(staff, await BodyAsync(app, title), "submit", "review", "register");

            // The list page reads the primary and shows it; the export of the same list reads the standby, which has not
            // replayed it yet. Writing the export's audit entry works all the same (the primary).
            Assert.Equal(1, (await (await staff.GetAsync($"/api/v1/contracts?q={Uri.EscapeDataString(title)}")).ReadJsonAsync()).GetProperty("total").GetInt32());
            Assert.Empty(await ExportedTitlesAsync(staff, title));
            Assert.Equal(exportsBefore + 1, await ExportEntriesAsync());
        }
        finally
        {
            await StandbyAsync("SELECT pg_wal_replay_resume()");
        }
        for (var i = 0; i < 100 && (await ExportedTitlesAsync(staff, title)).Count == 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal([title], await ExportedTitlesAsync(staff, title));
    }

    private static async Task<List<string?>> ExportedTitlesAsync(HttpClient staff, string title)
    {
        var export = await staff.GetAsync($"/api/v1/contracts/export?q={Uri.EscapeDataString(title)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        // A sheet of no rows still reads back as one empty row under its headers.
        return [.. MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["合同名称"]?.ToString()).Where(t => t is not null)];
    }

    private Task<int> ExportEntriesAsync() =>
        app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "export"));

    /// <summary>武义县's registered contracts of 2026 as 地区对比 reports them (a report: read from the standby).</summary>
    private static async Task<decimal> ComparedAsync(HttpClient staff) =>
        (await (await staff.GetAsync("/api/v1/indicators/contracts.registered-count/regions?regionCode=330723&year=2026")).ReadJsonAsync())
            .GetProperty("whole").GetProperty("actual").GetDecimal();

    private static async Task<int> CountAsync(HttpClient staff) =>
        (await (await staff.GetAsync(Statistics)).ReadJsonAsync()).GetProperty("total").GetProperty("count").GetInt32();

    private static async Task WaitForReplayAsync(HttpClient staff, int expected)
    {
        for (var i = 0; i < 100 && await CountAsync(staff) != expected; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(expected, await CountAsync(staff));
    }

    private async Task StandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.StandbyConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The failover drill of docs/operations.md: the primary of a synchronous pair is killed (kill -9) while staff write
/// contracts, the standby is promoted, and every write that was acknowledged is on the promoted server; the requests
/// in between answer 503, and writing goes on without restarting the application.
/// </summary>
public sealed class FailoverDrillTests(ReplicaPairApp app) : IClassFixture<ReplicaPairApp>
{
    [Fact]
    public async Task PrimaryKilledDuringWrites_StandbyPromoted_EveryAcknowledgedWriteIsThere()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var body = await BodyAsync(app, "故障切换演练");
        var acknowledged = new ConcurrentBag<(Guid Id, bool AfterPromotion)>();
        var failures = new ConcurrentBag<HttpStatusCode>();
        var promoted = false;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var after = Volatile.Read(ref promoted);
                    var response = await staff.PostJsonAsync("/api/v1/contracts", Titled(body, $"故障切换演练-{w}-{i}-{Guid.NewGuid():N}"));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.CreatedIdAsync(), after));
                    }
                    else
                    {
                        failures.Add(response.StatusCode);
                        await Task.Delay(100);
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await WaitUntilAsync(() => acknowledged.Count >= 40, "writes before the kill");
        await app.KillPrimaryAsync();
        await app.PromoteStandbyAsync();
        Volatile.Write(ref promoted, true);
        await WaitUntilAsync(() => acknowledged.Count(a => a.AfterPromotion) >= 20, "writes on the promoted standby");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var ids = acknowledged.Select(a => a.Id).ToList();
        var found = await app.WithDbAsync(db => db.Set<TechContract>().CountAsync(c => ids.Contains(c.Id)));
        Assert.Equal(ids.Count, found);
        // While the primary was gone the answers were 503 (database unavailable), never a 500.
        Assert.All(failures, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        Assert.Null((await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync()).BrokenAt);
    }

    private static Dictionary<string, object?> Titled(object body, string title)
    {
        var fields = System.Text.Json.JsonSerializer.SerializeToElement(body).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["title"] = title;
        return fields;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
