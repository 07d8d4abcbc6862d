using System.Net;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Tenancy sheets: all-or-nothing import naming every bad cell, and an export that imports again.</summary>
public abstract class TenancyImportTests(KechuangApp app)
{
    [Fact]
    public async Task Import_WithOneBadRow_ImportsNothingAndNamesRowAndColumn()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("导入孵化器");
        var carrier = await CreateCarrierAsync(staff, name);
        var a = await CreateEnterpriseAsync(staff);
        var b = await CreateEnterpriseAsync(staff);
        IDictionary<string, object?>[] rows =
        [
            Row(name, a.Name, a.CreditCode, "注册", "2023-03-01"),
            Row(name, b.Name, b.CreditCode, "入驻", new DateTime(2023, 5, 14)),
            Row(name, b.Name, b.CreditCode, "入驻", "2023-13-40"),
        ];

        var response = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString(), r.GetProperty("message").GetString())).ToList();
        var only = Assert.Single(bad);
        Assert.Equal(4, only.Item1);
        Assert.Equal("入驻（注册）日期", only.Item2);
        Assert.Contains("不是有效日期", only.Item3);
        var saved = await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies")).ReadJsonAsync();
        Assert.Equal(0, saved.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_ReportsEveryKindOfBadRow()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("坏行孵化器");
        await CreateCarrierAsync(staff, name);
        var a = await CreateEnterpriseAsync(staff);
        var pananCarrier = await CreateCarrierAsync(await app.ClientAsync("panan.staff"), Unique("磐安孵化器"), region: "330727101");
        var pananName = (await (await (await app.ClientAsync("panan.staff")).GetAsync($"/api/v1/carriers/{pananCarrier}")).ReadJsonAsync()).GetProperty("name").GetString()!;
        IDictionary<string, object?>[] rows =
        [
            Row(name, a.Name, a.CreditCode, "入驻", "2023-03-01"),
            Row("不存在的载体", a.Name, a.CreditCode, "入驻", "2023-03-01"),
            Row(pananName, a.Name, a.CreditCode, "入驻", "2023-03-01"),
            Row(name, a.Name, KechuangApp.NewCreditCode(), "入驻", "2023-03-01"),
            Row(name, "别的名字有限公司", a.CreditCode, "注册", "2023-03-01"),
            Row(name, a.Name, a.CreditCode, "租户", "2023-03-01"),
            Row(name, a.Name, a.CreditCode, "注册", "2023-03-01", "2023-02-01"),
            Row(name, a.Name, a.CreditCode, "入驻", "2024-01-01"),
            Row(name, a.Name, a.CreditCode, "注册", "2030-01-01"),
        ];

        var response = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.DoesNotContain(bad, r => r.Item1 == 2);
        Assert.Contains((3, "载体名称"), bad);
        Assert.Contains((4, "载体名称"), bad);
        Assert.Contains((5, "统一社会信用代码"), bad);
        Assert.Contains((6, "企业名称"), bad);
        Assert.Contains((7, "入驻类型"), bad);
        Assert.Contains((8, "迁出日期"), bad);
        Assert.Contains((9, "入驻（注册）日期"), bad); // overlaps row 2
        Assert.Contains((10, "入驻（注册）日期"), bad); // in the future
    }

    [Fact]
    public async Task Export_ThenImportIntoAnotherCarrier_RoundTrips()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var source = Unique("往返孵化器甲");
        var target = Unique("往返孵化器乙");
        var sourceId = await CreateCarrierAsync(staff, source);
        var targetId = await CreateCarrierAsync(staff, target);
        var a = await CreateEnterpriseAsync(staff);
        var b = await CreateEnterpriseAsync(staff);
        var imported = await UploadAsync(staff,
        [
            Row(source, a.Name, a.CreditCode, "注册", "2023-03-01"),
            Row(source, a.Name, a.CreditCode, "入驻", "2023-05-14"),
            Row(source, b.Name, b.CreditCode, "入驻", "2023-04-01", "2024-06-30"),
        ]);
        Assert.Equal(3, (await imported.ReadJsonAsync()).GetProperty("imported").GetInt32());

        var export = await staff.GetAsync($"/api/v1/carriers/tenancies/export?carrierId={sourceId}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, exported.Count);
        var left = exported.Single(r => Equals(r["统一社会信用代码"], b.CreditCode));
        Assert.Equal("2024-06-30", left["迁出日期"]?.ToString());
        Assert.Equal("入驻", left["入驻类型"]);
        // The same sheet, pointed at another carrier, imports again and gives the same counts.
        var again = await UploadAsync(staff, exported.Select(r =>
        {
            var row = r.ToDictionary(k => k.Key, k => (object?)k.Value);
            row["载体名称"] = target;
            return (IDictionary<string, object?>)row;
        }));
        Assert.Equal(3, (await again.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var sourceDto = await (await staff.GetAsync($"/api/v1/carriers/{sourceId}")).ReadJsonAsync();
        var targetDto = await (await staff.GetAsync($"/api/v1/carriers/{targetId}")).ReadJsonAsync();
        Assert.Equal(1, targetDto.GetProperty("registeredCount").GetInt32());
        Assert.Equal(1, targetDto.GetProperty("residentCount").GetInt32());
        Assert.Equal(sourceDto.GetProperty("residentCount").GetInt32(), targetDto.GetProperty("residentCount").GetInt32());
    }

    [Fact]
    public async Task Template_HasTheSheetsColumns()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.GetAsync("/api/v1/carriers/tenancies/import-template");

        await using var stream = await response.Content.ReadAsStreamAsync();
        var headers = stream.GetColumns(useHeaderRow: true).ToList();
        Assert.Equal(["载体名称", "企业名称", "统一社会信用代码", "入驻类型", "入驻（注册）日期", "迁出日期"], headers);
    }

    public sealed class OnSqlite(SqliteApp app) : TenancyImportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TenancyImportTests(app), IClassFixture<PostgresApp>;
}
