using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>Contract attachments: metadata (name, size, type, SHA-256, uploader, time), download, data scope, audit.</summary>
public abstract class ContractAttachmentTests(KechuangApp app)
{
    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid contractId, byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/contracts/{contractId}/attachments", content);
    }

    [Fact]
    public async Task Upload_ThenListAndDownload_KeepsTheMetadataAndTheBytes()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var contract = await CreateAsync(staff, await BodyAsync(app, Unique("附件合同")));
        var bytes = RandomNumberGenerator.GetBytes(50_000);

        var upload = await AttachAsync(staff, contract, bytes, "技术方案.pdf");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var attachmentId = await upload.CreatedIdAsync();
        var list = await (await staff.GetAsync($"/api/v1/contracts/{contract}/attachments")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("技术方案.pdf", item.GetProperty("fileName").GetString());
        Assert.Equal(50_000, item.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", item.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), item.GetProperty("sha256").GetString());
        Assert.Equal("wuyi.staff", item.GetProperty("uploadedBy").GetString());

        var download = await staff.GetAsync(item.GetProperty("downloadUrl").GetString());

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        await app.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.Where(e => e.Entity == "contracts_attachment" && e.EntityKey == attachmentId.ToString()).ToListAsync();
            Assert.Contains(entries, e => e.Action == "create" && e.After!.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.Ordinal));
            Assert.Contains(entries, e => e.Action == "download");
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Entity == "contracts_attachment_content"));
            return true;
        });
    }

    [Fact]
    public async Task Download_IsServedAsItsExtensionSays_NotAsTheUploaderClaimed()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var contract = await CreateAsync(staff, await BodyAsync(app, Unique("附件类型")));
        var page = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();

        var upload = await AttachAsync(staff, contract, page, "说明.txt", "text/html");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var item = (await (await staff.GetAsync($"/api/v1/contracts/{contract}/attachments")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal("text/plain; charset=utf-8", item.GetProperty("contentType").GetString());
        var download = await staff.GetAsync(item.GetProperty("downloadUrl").GetString());
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task OtherCounty_CannotListDownloadOrUpload()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var contract = await CreateAsync(staff, await BodyAsync(app, Unique("附件范围")));
        var attachmentId = await (await AttachAsync(staff, contract, [1, 2, 3], "发票.jpg", "image/jpeg")).CreatedIdAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await panan.GetAsync($"/api/v1/contracts/{contract}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await panan.GetAsync($"/api/v1/contracts/{contract}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(panan, contract, [4, 5], "x.pdf")).StatusCode);
    }

    [Fact]
    public async Task Upload_WrongTypeOrEmpty_IsRefusedInChinese()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var contract = await CreateAsync(staff, await BodyAsync(app, Unique("附件类型")));

        var exe = await AttachAsync(staff, contract, [1, 2, 3], "setup.exe", "application/octet-stream");
        var empty = await AttachAsync(staff, contract, [], "空.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("附件类型", await exe.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("空文件", await empty.Content.ReadAsStringAsync());
    }

    public sealed class OnSqlite(SqliteApp app) : ContractAttachmentTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractAttachmentTests(app), IClassFixture<PostgresApp>;
}
