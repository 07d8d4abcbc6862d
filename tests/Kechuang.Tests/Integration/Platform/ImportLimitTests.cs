using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Kechuang.Platform.Excel;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Every import endpoint refuses a file over the upload limit (here 1 MB) with 413 and a Chinese message naming the
/// limit, and imports nothing; the same rows without the padding then import, so the refusal was the size alone.
/// </summary>
public abstract class ImportLimitTests(KechuangApp app)
{
    public const int LimitMegabytes = 1;
    private const long Limit = LimitMegabytes * 1024L * 1024L;

    public static TheoryData<string, long> Endpoints()
    {
        var data = new TheoryData<string, long>();
        foreach (var url in new[]
        {
            "/api/v1/organizations/import", "/api/v1/people/import", "/api/v1/contracts/import",
            "/api/v1/carriers/tenancies/import", "/api/v1/enterprise-years/import", "/api/v1/achievements/import",
        })
        {
            // Far over: answered from the request's declared length. Just over: the file's length once the form is read.
            data.Add(url, Limit + (512 * 1024));
            data.Add(url, Limit + 1);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints), MemberType = typeof(ImportLimitTests))]
    public async Task Import_FileOverTheLimit_Is413WithTheLimitInChinese_AndImportsNothing(string url, long fileBytes)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (rows, countAsync) = await ArrangeAsync(url, staff);
        var sheet = Sheet(rows);
        var padded = Padded(sheet, fileBytes);
        Assert.Equal(fileBytes, padded.Length);
        var importsBefore = await ImportEntriesAsync();

        var refused = await staff.PostAsync(url, Upload(padded));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal($"文件不能超过 {LimitMegabytes} MB，请拆分为几个文件分批导入", problem.GetProperty("title").GetString());
        Assert.Equal("upload.too-large", problem.GetProperty("code").GetString());
        Assert.Equal(0, await countAsync());
        Assert.Equal(importsBefore, await ImportEntriesAsync());

        var accepted = await staff.PostAsync(url, Upload(sheet));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await countAsync());
        Assert.Equal(importsBefore + 1, await ImportEntriesAsync());
    }

    private Task<int> ImportEntriesAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "import"));

    /// <summary>One importable row for the endpoint, and how many records it has entered so far (through the list API).</summary>
    private static async Task<(Dictionary<string, object?> Row, Func<Task<int>> Count)> ArrangeAsync(string url, HttpClient staff)
    {
        var tag = Unique("限额");
        async Task<int> Total(string list) => (await (await staff.GetAsync(list)).ReadJsonAsync()).GetProperty("total").GetInt32();
        switch (url)
        {
            case "/api/v1/organizations/import":
                return (new() { ["组织名称"] = tag + "公司", ["组织类型"] = "企业", ["统一社会信用代码"] = KechuangApp.NewCreditCode(), ["行政区划代码"] = "330723" },
                    () => Total($"/api/v1/organizations?q={tag}"));
            case "/api/v1/people/import":
                return (new() { ["姓名"] = tag, ["人员类别"] = "专家", ["行政区划代码"] = "330723" }, () => Total($"/api/v1/people?q={tag}"));
            case "/api/v1/contracts/import":
                return (Contracts.ContractApi.Row(tag, Contracts.ContractApi.Hengda, Contracts.ContractApi.Zju, 1000m, 1000m),
                    () => Total($"/api/v1/contracts?q={tag}"));
            case "/api/v1/carriers/tenancies/import":
                var carrier = await CreateCarrierAsync(staff, tag);
                var tenant = await CreateEnterpriseAsync(staff);
                return (Row(tag, tenant.Name, tenant.CreditCode, "入驻", "2023-03-01"), () => Total($"/api/v1/carriers/{carrier}/tenancies"));
            case "/api/v1/enterprise-years/import":
                var enterprise = await CreateEnterpriseAsync(staff);
                return (new() { ["统一社会信用代码"] = enterprise.CreditCode, ["年度"] = 2024, ["销售收入（元）"] = 1_000_000m, ["资产总额（元）"] = 2_000_000m, ["职工总数"] = 20, ["科技人员数"] = 5, ["重大事故或严重违法（是/否）"] = "否" },
                    () => Total($"/api/v1/enterprise-years?enterpriseId={enterprise.Id}"));
            case "/api/v1/achievements/import":
                return (new() { ["成果名称"] = tag, ["所有单位"] = "浙江大学", ["技术领域"] = "智能装备", ["关键词"] = "限额", ["成熟度"] = "实验室阶段", ["成果简介"] = "限额测试" },
                    () => Total($"/api/v1/achievements?q={tag}"));
            default:
                throw new ArgumentOutOfRangeException(nameof(url), url, null);
        }
    }

    private static byte[] Sheet(Dictionary<string, object?> row)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }

    /// <summary>The same workbook with an incompressible part no reader looks at, to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(byte[] sheet, long size)
    {
        var padding = size - sheet.Length;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var stream = new MemoryStream();
            stream.Write(sheet);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            {
                using var part = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.NoCompression).Open();
                var bytes = new byte[Math.Max(0, padding)];
                Random.Shared.NextBytes(bytes);
                part.Write(bytes);
            }
            if (stream.Length == size)
            {
                return stream.ToArray();
            }
            padding -= stream.Length - size; // the zip's own headers for the new part
        }
        throw new InvalidOperationException("could not pad the workbook to the size asked for");
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(ExcelFile.ContentType);
        return new MultipartFormDataContent { { content, "file", "limit.xlsx" } };
    }

    public sealed class OnSqlite(SmallUploadSqliteApp app) : ImportLimitTests(app), IClassFixture<SmallUploadSqliteApp>;

    public sealed class OnPostgres(SmallUploadPostgresApp app) : ImportLimitTests(app), IClassFixture<SmallUploadPostgresApp>;
}

/// <summary>The application with an import limit of <see cref="ImportLimitTests.LimitMegabytes"/> MB.</summary>
public sealed class SmallUploadSqliteApp() : KechuangApp(Provider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ImportUpload.Setting, ImportLimitTests.LimitMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The application with an import limit of <see cref="ImportLimitTests.LimitMegabytes"/> MB.</summary>
public sealed class SmallUploadPostgresApp() : KechuangApp(Provider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ImportUpload.Setting, ImportLimitTests.LimitMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
