using System.Net;
using System.Net.Http.Headers;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Directory;

public abstract class OrganizationTests(KechuangApp app)
{
    private static object Body(string name, string creditCode, string region = "330723101", string kind = "enterprise") =>
        new { name, kind, creditCode, regionCode = region, address = "武义县桐琴镇" };

    [Fact]
    public async Task Create_ValidEnterprise_IsListedAndAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = KechuangApp.NewCreditCode();

        var id = await (await staff.PostJsonAsync("/api/v1/organizations", Body("武义县测试电器有限公司", code))).CreatedIdAsync();

        var list = await (await staff.GetAsync($"/api/v1/organizations?q={code}")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("桐琴镇", list.GetProperty("items")[0].GetProperty("regionName").GetString());
        var admin = await app.ClientAsync("auditor");
        var audit = await (await admin.GetAsync($"/api/v1/audit?entity=directory_organization&key={id}")).ReadJsonAsync();
        var entry = audit.GetProperty("items")[0];
        Assert.Equal("create", entry.GetProperty("action").GetString());
        Assert.Equal("wuyi.staff", entry.GetProperty("account").GetString());
        Assert.Contains(code, entry.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Create_BadCheckCharacter_Is400NamingTheProblem_AndSavesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var good = KechuangApp.NewCreditCode();
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');

        var response = await staff.PostJsonAsync("/api/v1/organizations", Body("校验位错误公司", bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("creditCode")[0].GetString();
        Assert.Contains("校验位错误", message);
        var list = await (await staff.GetAsync("/api/v1/organizations?q=校验位错误公司")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_DuplicateCreditCodeInAnotherCounty_Is409()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var code = KechuangApp.NewCreditCode();
        await (await wuyi.PostJsonAsync("/api/v1/organizations", Body("武义重复代码公司", code))).CreatedIdAsync();

        var response = await panan.PostJsonAsync("/api/v1/organizations", Body("磐安重复代码公司", code, "330727101"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("directory.duplicate-credit-code", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_InAnotherCounty_Is403()
    {
        var panan = await app.ClientAsync("panan.staff");

        var response = await panan.PostJsonAsync("/api/v1/organizations", Body("越权创建公司", KechuangApp.NewCreditCode(), "330723101"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_WithBadRows_ImportsNothingAndReportsEveryRow()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var good = KechuangApp.NewCreditCode();
        var rows = new[]
        {
            Row("导入好公司一", "企业", good, "330723101"),
            Row("", "企业", KechuangApp.NewCreditCode(), "330723101"),
            Row("导入坏代码公司", "企业", "91330723MA0000001Z", "330723"),
            Row("导入重复公司", "enterprise", good, "330723"),
            Row("导入越权公司", "企业", KechuangApp.NewCreditCode("330727"), "330727"),
        };

        var response = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "组织名称"), bad);
        Assert.Contains((4, "统一社会信用代码"), bad);
        Assert.Contains((5, "统一社会信用代码"), bad);
        Assert.Contains((6, "行政区划代码"), bad);
        Assert.DoesNotContain(bad, r => r.Item1 == 2);
        var list = await (await staff.GetAsync($"/api/v1/organizations?q={good}")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Export_ThenImportEdited_RoundTrips()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var codes = new[] { KechuangApp.NewCreditCode(), KechuangApp.NewCreditCode() };
        var imported = await UploadAsync(staff, [Row("往返导入公司甲", "企业", codes[0], "330723102"), Row("往返导入公司乙", "服务机构", codes[1], "330723")]);
        Assert.Equal(2, (await imported.ReadJsonAsync()).GetProperty("imported").GetInt32());

        var export = await staff.GetAsync("/api/v1/organizations/export?q=往返导入公司");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, exported.Count);
        var first = exported.Single(r => Equals(r["组织名称"], "往返导入公司甲"));
        Assert.Equal("330723102", first["行政区划代码"]?.ToString());
        Assert.Equal("企业", first["组织类型"]);

        // The exported sheet, edited, imports again (after the codes are freed for a new pair of records).
        foreach (var row in exported)
        {
            row["统一社会信用代码"] = KechuangApp.NewCreditCode();
            row["组织名称"] = "再导入" + row["组织名称"];
        }
        var again = await UploadAsync(staff, exported.Select(r => r.ToDictionary(k => k.Key, k => (object?)k.Value)));
        Assert.Equal(2, (await again.ReadJsonAsync()).GetProperty("imported").GetInt32());
    }

    private static Dictionary<string, object?> Row(string name, string kind, string code, string region) => new()
    {
        ["组织名称"] = name,
        ["组织类型"] = kind,
        ["统一社会信用代码"] = code,
        ["行政区划代码"] = region,
        ["地址"] = "武义县",
        ["联系人"] = null,
        ["联系电话"] = null,
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "organizations.xlsx");
        return await client.PostAsync("/api/v1/organizations/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : OrganizationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OrganizationTests(app), IClassFixture<PostgresApp>;
}
