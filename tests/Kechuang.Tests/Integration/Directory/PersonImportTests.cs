using System.Net;
using System.Net.Http.Headers;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>The people sheet: all-or-nothing import naming each bad cell, and an export (as staff see it) that imports again unchanged.</summary>
public abstract class PersonImportTests(KechuangApp app)
{
    private static Dictionary<string, object?> Row(string name, string kind, string? organization, string region, string? phone = null, string? idNumber = null) => new()
    {
        ["姓名"] = name,
        ["人员类别"] = kind,
        ["所属组织"] = organization,
        ["行政区划代码"] = region,
        ["职称/职务"] = "高级工程师",
        ["专业领域"] = "电动工具",
        ["联系电话"] = phone,
        ["身份证号码"] = idNumber,
    };

    [Fact]
    public async Task Import_WithBadRows_ImportsNothing_AndNamesEachCell()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];

        var response = await UploadAsync(staff,
        [
            Row($"好人{tag}", "专家", null, "330723"),
            Row($"无组织{tag}", "专家", "不存在的组织", "330723"),
            Row($"错类别{tag}", "神仙", null, "330723"),
            Row($"越界{tag}", "专家", null, "330727"),
            Row($"坏号码{tag}", "专家", null, "330723", idNumber: "110105194912310021"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "所属组织"), bad);
        Assert.Contains((4, "人员类别"), bad);
        Assert.Contains((5, "行政区划代码"), bad);
        Assert.Contains((6, "身份证号码"), bad);
        Assert.DoesNotContain(bad, r => r.Item1 == 2);
        Assert.Equal(0, (await (await staff.GetAsync($"/api/v1/people?q={tag}")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Export_ThenImport_RoundTripsEveryColumn_AndRefusesTheSameIdNumberAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var idNumber = KechuangApp.NewIdNumber();
        var rows = new[]
        {
            Row($"往返甲{tag}", "专家", "武义县恒达电动工具有限公司", "330723101", "13800001111", idNumber),
            Row($"往返乙{tag}", "科技特派员", null, "330723102"),
        };
        var imported = await UploadAsync(staff, rows);
        Assert.Equal(2, (await imported.ReadJsonAsync()).GetProperty("imported").GetInt32());

        var export = await staff.GetAsync($"/api/v1/people/export?q={tag}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, exported.Count);
        foreach (var row in rows)
        {
            // The export, as staff see it, carries every imported field as it was given (numbers decrypted, not masked).
            var match = Assert.Single(exported, e => Equals(e["姓名"], row["姓名"]));
            foreach (var (column, value) in row)
            {
                Assert.Equal(value?.ToString() ?? "", match[column]?.ToString() ?? "");
            }
        }
        // Imported again, the file would register the same 身份证 a second time: one number belongs to one person.
        var again = await UploadAsync(staff, exported.Select(r => r.ToDictionary(k => k.Key, k => k.Value)));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var bad = (await again.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        var idRow = exported.FindIndex(e => Equals(e["身份证号码"]?.ToString(), idNumber)) + 2;
        Assert.Equal([(idRow, "身份证号码")], bad);
        Assert.Equal(2, (await (await staff.GetAsync($"/api/v1/people?q={tag}")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var content = new MultipartFormDataContent { { file, "file", "people.xlsx" } };
        return await client.PostAsync("/api/v1/people/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : PersonImportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PersonImportTests(app), IClassFixture<PostgresApp>;
}
