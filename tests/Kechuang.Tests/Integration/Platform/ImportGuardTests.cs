using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Platform.Excel;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Kechuang.Tests.Support.Workbooks;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Hostile files to the import endpoints (a sheet inflating to 1.3 GB, a million rows, 1,500 bad rows, an empty file):
/// each is a 400 with a Chinese message, the database is as it was, and the server allocates little while refusing.
/// The application here allows <see cref="MaxRows"/> data rows (configured, as an operator would); the other limits
/// are the defaults.
/// </summary>
/// <remarks>
/// Memory is measured as the bytes the whole process allocated during the request
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>): whatever the server held it first allocated, so this bounds its peak
/// from above, and unlike a working set it does not depend on when the collector ran. The test host is the server's
/// process, so these tests run alone (a collection without parallelisation) for the figure to be theirs.
/// </remarks>
public abstract class ImportGuardTests(KechuangApp app)
{
    public const int MaxRows = 5_000;
    private const long Megabyte = 1024 * 1024;

    public static TheoryData<string> Endpoints() =>
    [
        "/api/v1/organizations/import", "/api/v1/people/import", "/api/v1/contracts/import",
        "/api/v1/carriers/tenancies/import", "/api/v1/enterprise-years/import", "/api/v1/achievements/import",
    ];

    [Theory]
    [MemberData(nameof(Endpoints), MemberType = typeof(ImportGuardTests))]
    public async Task Import_SheetInflatingToGigabytes_Is400_ChangesNothing_AndAllocatesLittle(string url)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var before = await StateAsync();

        var (response, allocated) = await PostAsync(staff, url, GigabyteSheet);

        await AssertRefusedAsync(response, "文件解压后超过 256 MB（内容过大或文件已损坏），未导入任何记录，请拆分为几个文件分批导入");
        Assert.Equal(before, await StateAsync());
        // The 8 MB upload itself is read into a buffer and a temporary file; 1.3 GB read as rows would be gigabytes.
        Assert.True(allocated < 64 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public async Task ContractImport_AMillionRows_Is400AtTheRowLimit_ChangesNothing_AndAllocatesLittle()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var file = Build(sheet =>
        {
            Write(sheet, SheetStart + Row(1, "合同名称"));
            Repeat(sheet, Row(null, "百万行"), 1_000_000L * System.Text.Encoding.UTF8.GetByteCount(Row(null, "百万行")));
            Write(sheet, SheetEnd);
        });
        var before = await StateAsync();

        var (response, allocated) = await PostAsync(staff, "/api/v1/contracts/import", file);

        await AssertRefusedAsync(response, "文件的数据行超过 5,000 行，未导入任何记录，请拆分为几个文件分批导入");
        Assert.Equal(before, await StateAsync());
        // Reviewed before the limits, this file was answered with 1.09 GB of errors.
        Assert.True(allocated < 128 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public async Task ContractImport_1500BadRows_Lists1000InRowOrder_AndSaysThereAre1500()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Contracts.ContractApi.Unique("千五");
        // Each row is bad in one cell only: its technical amount is over the contract amount.
        var rows = Enumerable.Range(1, 1_500)
            .Select(i => (IDictionary<string, object?>)Contracts.ContractApi.Row($"{tag}-{i}", Contracts.ContractApi.Hengda, Contracts.ContractApi.Zju, 1000m, 1000.5m))
            .ToList();
        var before = await StateAsync();

        var response = await Contracts.ContractApi.UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("导入文件共有 1500 处错误，未导入任何记录；以下只列出前 1000 处，其余 500 处未列出，请修改后重新上传", problem.GetProperty("title").GetString());
        Assert.Equal(1500, problem.GetProperty("total").GetInt32());
        var listed = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(2, 1000), listed.Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(listed, r => Assert.Equal("技术交易额（元）", r.GetProperty("column").GetString()));
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task ContractImport_EmptyOrTinyFile_Is400InChinese_AndChangesNothing(int length)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var before = await StateAsync();

        var (response, _) = await PostAsync(staff, "/api/v1/contracts/import", new byte[length]);

        await AssertRefusedAsync(response, "无法读取文件，请上传 .xlsx 格式的 Excel 文件");
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>Every contract and every audit entry (each change and each import adds one): equal before and after means nothing changed.</summary>
    private Task<(int Contracts, int AuditEntries)> StateAsync() => app.WithDbAsync(async db =>
        (await db.Set<TechContract>().IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync()));

    private static async Task<(HttpResponseMessage Response, long Allocated)> PostAsync(HttpClient client, string url, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ExcelFile.ContentType);
        using var form = new MultipartFormDataContent { { content, "file", "bomb.xlsx" } };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.PostAsync(url, form);
        await response.Content.LoadIntoBufferAsync();
        return (response, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.True(response.Content.Headers.ContentLength is null or < 4096, $"an answer of {response.Content.Headers.ContentLength} bytes");
        Assert.Equal(JsonValueKind.Undefined, problem.TryGetProperty("rows", out var rows) ? rows.ValueKind : JsonValueKind.Undefined);
    }

    [Collection(nameof(ImportGuardTests))]
    public sealed class OnSqlite(ImportGuardSqliteApp app) : ImportGuardTests(app), IClassFixture<ImportGuardSqliteApp>;

    [Collection(nameof(ImportGuardTests))]
    public sealed class OnPostgres(ImportGuardPostgresApp app) : ImportGuardTests(app), IClassFixture<ImportGuardPostgresApp>;
}

/// <summary>The memory these tests measure is the whole test process's: nothing else runs meanwhile.</summary>
[CollectionDefinition(nameof(ImportGuardTests), DisableParallelization = true)]
public sealed class ImportGuardRunsAlone;

/// <summary>The application allowing <see cref="ImportGuardTests.MaxRows"/> data rows per import.</summary>
public sealed class ImportGuardSqliteApp() : KechuangApp(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ImportLimits.MaxRowsSetting, ImportGuardTests.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The application allowing <see cref="ImportGuardTests.MaxRows"/> data rows per import.</summary>
public sealed class ImportGuardPostgresApp() : KechuangApp(Provider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ImportLimits.MaxRowsSetting, ImportGuardTests.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
