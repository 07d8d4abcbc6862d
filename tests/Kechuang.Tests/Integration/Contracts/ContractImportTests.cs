using System.Net;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

public abstract class ContractImportTests(KechuangApp app)
{
    [Fact]
    public async Task Import_OneBadRowAmongGood_ImportsNothingAndReportsEveryBadRow()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("全有全无");
        var rows = new[]
        {
            Row($"{tag}-好1", Hengda, Zju, 100000m, 90000m),
            Row($"{tag}-超额", Hengda, Zju, 100000m, 100000.01m),
            Row($"{tag}-好2", Shouxiangu, "浙江工业大学", 200000m, 200000m, "技术咨询"),
            Row($"{tag}-无名买方", Hengda, "不存在的公司", 1000m, 1000m),
            Row($"{tag}-越权", Bencao, Zju, 1000m, 1000m),
            Row($"{tag}-登记号已存在", Hengda, Zju, 1000m, 1000m, number: "22330703000001", registeredOn: "2022-12-01"),
        };

        var response = await UploadAsync(staff, rows);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "技术交易额（元）"), bad);
        Assert.Contains((5, "买方名称"), bad);
        Assert.Contains((6, "卖方名称"), bad);
        Assert.Contains((7, "登记号"), bad);
        Assert.DoesNotContain(bad, r => r.Item1 is 2 or 4);
        var list = await (await staff.GetAsync($"/api/v1/contracts?q={tag}")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_RowsWithAndWithoutNumber_EnterAsRegisteredAndSubmitted()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("历史导入");
        var number = $"HIST{Random.Shared.Next(10_000_000, 99_999_999)}";

        var response = await UploadAsync(staff,
        [
            Row($"{tag}-已登记", Hengda, Zju, 300000m, 250000m, number: number, registeredOn: "2026-02-01"),
            Row($"{tag}-待审", Hengda, Zju, 10000m, 10000m),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var items = (await (await staff.GetAsync($"/api/v1/contracts?q={tag}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var registered = items.Single(i => i.GetProperty("title").GetString()!.EndsWith("已登记", StringComparison.Ordinal));
        Assert.Equal("registered", registered.GetProperty("status").GetString());
        Assert.Equal(number, registered.GetProperty("registrationNumber").GetString());
        Assert.Equal("submitted", items.Single(i => i.GetProperty("title").GetString()!.EndsWith("待审", StringComparison.Ordinal)).GetProperty("status").GetString());

        var again = await UploadAsync(staff, [Row($"{tag}-再次", Hengda, Zju, 1000m, 1000m, number: number, registeredOn: "2026-02-01")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("登记号", (await again.ReadJsonAsync()).GetProperty("rows")[0].GetProperty("column").GetString());
    }

    [Fact]
    public async Task Export_ThenImportEdited_RoundTrips()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("往返");
        await UploadAsync(staff, [Row($"{tag}-甲", Hengda, Zju, 120000.5m, 100000.25m), Row($"{tag}-乙", Shouxiangu, Bencao, 88000m, 88000m, "技术服务")]);

        var export = await staff.GetAsync($"/api/v1/contracts/export?q={tag}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, exported.Count);
        var first = exported.Single(r => Equals(r["合同名称"], $"{tag}-甲"));
        Assert.Equal("委托开发", first["合同类型"]);
        Assert.Equal(100000.25m, Convert.ToDecimal(first["技术交易额（元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("已提交", first["状态"]);
        Assert.Equal(18, first["卖方统一社会信用代码"]?.ToString()?.Length);
        foreach (var row in exported)
        {
            row["合同名称"] = "再导入" + row["合同名称"];
        }
        var again = await UploadAsync(staff, exported);
        Assert.Equal(2, (await again.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var list = await (await staff.GetAsync($"/api/v1/contracts?q=再导入{tag}")).ReadJsonAsync();
        Assert.Equal(208000.5m, list.GetProperty("sumAmount").GetDecimal());
    }

    [Fact]
    public async Task Template_HasTheImportHeaders()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var template = await staff.GetAsync("/api/v1/contracts/import-template");

        await using var stream = await template.Content.ReadAsStreamAsync();
        var headers = stream.GetColumns(useHeaderRow: true).ToList();
        Assert.Equal(["合同名称", "合同类型", "技术转让类别", "卖方名称", "卖方统一社会信用代码", "卖方国别（地区）", "卖方行政区划代码", "卖方性质",
            "买方名称", "买方统一社会信用代码", "买方国别（地区）", "买方行政区划代码", "买方性质", "签订日期", "合同有效期自", "合同有效期至",
            "合同成交额（元）", "技术交易额（元）", "技术领域", "社会经济目标", "知识产权类型", "计划类别", "预计新增投入（万元）", "预计新增产值（万元）",
            "登记号", "登记日期", "状态", "登记地区"], headers);
    }

    public sealed class OnSqlite(SqliteApp app) : ContractImportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractImportTests(app), IClassFixture<PostgresApp>;
}
