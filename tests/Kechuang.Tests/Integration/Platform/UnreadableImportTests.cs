using System.Net;
using System.Text;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>Every importer answers a file that is not an .xlsx with one clear 400 on <c>file</c>, and saves nothing.</summary>
public abstract class UnreadableImportTests(KechuangApp app)
{
    [Theory]
    [InlineData("/api/v1/organizations/import")]
    [InlineData("/api/v1/people/import")]
    [InlineData("/api/v1/contracts/import")]
    public async Task Import_TextFileNamedXlsx_Is400OnFile(string url)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("名称,类型\n某公司,企业\n")), "file", "list.xlsx");

        var response = await staff.PostAsync(url, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("无法读取文件", message);
    }

    public sealed class OnSqlite(SqliteApp app) : UnreadableImportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : UnreadableImportTests(app), IClassFixture<PostgresApp>;
}
