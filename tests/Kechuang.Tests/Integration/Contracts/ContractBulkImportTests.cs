using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>The bulk write path of the import (docs/adr/008): audit chain, audit values, import batch on the timeline, upload limit.</summary>
public abstract class ContractBulkImportTests(KechuangApp app)
{
    private async Task<ChainReport> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemScope("test");
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    [Fact]
    public async Task Import_ThenAuditChainVerifies_AndEveryContractHasItsCreateEntry()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("审计链导入");
        var rows = Enumerable.Range(1, 120).Select(i => Row($"{tag}-{i:D3}", i % 2 == 0 ? Hengda : Shouxiangu, Zju, 1000m + i, 900m + i)).ToList();
        rows.Add(Row($"{tag}-已登记", Hengda, Zju, 5000m, 5000m, number: $"AUD{Random.Shared.Next(10_000_000, 99_999_999)}", registeredOn: "2026-02-01"));

        var response = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(121, (await response.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var report = await VerifyAsync();
        Assert.Null(report.BrokenAt);
        await app.WithDbAsync(async db =>
        {
            var contracts = await db.Set<TechContract>().Where(c => c.Title.StartsWith(tag)).ToListAsync();
            Assert.Equal(121, contracts.Count);
            var importId = Assert.Single(contracts.Select(c => c.ImportId).Distinct());
            var keys = contracts.Select(c => c.Id.ToString()).ToList();
            var entries = await db.AuditEntries.Where(e => e.Entity == "contracts_contract" && keys.Contains(e.EntityKey)).ToListAsync();
            Assert.Equal(121, entries.Count);
            Assert.All(entries, e => Assert.Equal("create", e.Action));
            Assert.All(entries, e => Assert.Equal("wuyi.staff", e.Account));
            var registered = contracts.Single(c => c.Title.EndsWith("已登记", StringComparison.Ordinal));
            using var after = JsonDocument.Parse(entries.Single(e => e.EntityKey == registered.Id.ToString()).After!);
            Assert.Equal(registered.RegistrationNumber, after.RootElement.GetProperty("RegistrationNumber").GetString());
            Assert.Equal(500000, after.RootElement.GetProperty("AmountFen").GetInt64());
            Assert.Equal(importId.ToString(), after.RootElement.GetProperty("ImportId").GetString());
            var batch = await db.Set<ContractImport>().SingleAsync(i => i.Id == importId);
            Assert.Equal((120, 1), (batch.Submitted, batch.Registered));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Entity == "contracts_import" && e.EntityKey == importId.ToString()));
            return true;
        });
    }

    [Fact]
    public async Task ImportedContract_TimelineStartsWithTheImportBatch()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("导入时间线");
        var number = $"TL{Random.Shared.Next(10_000_000, 99_999_999)}";
        await UploadAsync(staff, [Row($"{tag}-待审", Hengda, Zju, 1000m, 1000m), Row($"{tag}-已登记", Hengda, Zju, 2000m, 2000m, number: number, registeredOn: "2026-02-01")]);
        var items = (await (await staff.GetAsync($"/api/v1/contracts?q={tag}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var submittedId = items.Single(i => i.GetProperty("status").GetString() == "submitted").GetProperty("id").GetGuid();
        var registeredId = items.Single(i => i.GetProperty("status").GetString() == "registered").GetProperty("id").GetGuid();

        await (await staff.PostAsync($"/api/v1/contracts/{submittedId}/review", null)).Content.ReadAsStringAsync();
        var submitted = (await (await staff.GetAsync($"/api/v1/contracts/{submittedId}")).ReadJsonAsync()).GetProperty("timeline").EnumerateArray().ToList();
        var registered = (await (await staff.GetAsync($"/api/v1/contracts/{registeredId}")).ReadJsonAsync()).GetProperty("timeline").EnumerateArray().ToList();

        Assert.Equal(["submitted", "under-review"], submitted.Select(s => s.GetProperty("to").GetString()));
        Assert.Contains("Excel 导入“contracts.xlsx”，本批共 2 份", submitted[0].GetProperty("note").GetString());
        Assert.Equal("wuyi.staff", submitted[0].GetProperty("account").GetString());
        var only = Assert.Single(registered);
        Assert.Equal("registered", only.GetProperty("to").GetString());
        Assert.Contains($"登记号 {number}", only.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Import_BadRowAfterManyGood_WritesNothing_AndTheChainStaysIntact()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("大批量坏行");
        // More than one chunk of good rows is written before the bad row is read; all of it rolls back.
        var rows = Enumerable.Range(1, 2500).Select(i => Row($"{tag}-{i:D4}", Hengda, Zju, 1000m, 1000m)).ToList();
        rows.Add(Row($"{tag}-坏", Hengda, Zju, 1000m, 2000m));
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2502, Assert.Single(bad).GetProperty("row").GetInt32());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TechContract>().CountAsync(c => c.Title.StartsWith(tag))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync()) - before < 10);
        Assert.Null((await VerifyAsync()).BrokenAt);
    }

    [Fact]
    public async Task Import_FileOverTheOldTwentyMegabytes_IsRead_NotRefusedForItsSize()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[21 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "big.xlsx");

        var response = await staff.PostAsync("/api/v1/contracts/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取文件", await response.Content.ReadAsStringAsync());
    }

    public sealed class OnSqlite(SqliteApp app) : ContractBulkImportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractBulkImportTests(app), IClassFixture<PostgresApp>;
}
