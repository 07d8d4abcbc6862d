using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>The fields of the national form JJ-001 through the API, the import and the export (docs/rules/contract-registration.md §10).</summary>
public abstract class ContractRegistrationFormTests(KechuangApp app)
{
    private static readonly string[] CodeFields =
        ["sellerCountry", "sellerDivision", "sellerNature", "buyerCountry", "buyerDivision", "buyerNature", "techField", "socioEconomicGoal", "ipType", "planCategory"];

    private async Task<Dictionary<string, object?>> FullBodyAsync(string title, string type = "transfer") =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(await BodyAsync(app, title, 500000m, 450000m, type: type,
            transferKind: type == "transfer" ? "patent" : null)))!
        .Concat(new Dictionary<string, object?>
        {
            ["validFrom"] = "2026-02-10",
            ["validTo"] = "2027-02-09",
            ["sellerNature"] = "170",
            ["buyerCountry"] = "156",
            ["buyerDivision"] = "110101",
            ["buyerNature"] = "高等院校",
            ["techField"] = "03",
            ["socioEconomicGoal"] = "04",
            ["ipType"] = "01",
            ["planCategory"] = "03",
            ["expectedInvestment"] = 1200000.5m,
            ["expectedOutput"] = 3000000m,
        }).ToDictionary(k => k.Key, k => k.Value);

    [Fact]
    public async Task Create_WithEveryField_GetAnswersThemWithTheirChineseNames()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff, await FullBodyAsync(Unique("登记表全部字段")));

        var c = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();

        Assert.Equal("2026-02-10", c.GetProperty("validFrom").GetString());
        Assert.Equal("2027-02-09", c.GetProperty("validTo").GetString());
        Assert.Equal(["156", "330723", "170", "156", "110101", "022", "03", "04", "01", "03"], CodeFields.Select(f => c.GetProperty(f).GetString()));
        Assert.Equal(["中国", "武义县", "私营企业", "东城区", "高等院校", "先进制造", "促进工业发展", "专利", "市级科技计划"],
            new[] { "sellerCountryName", "sellerDivisionName", "sellerNatureName", "buyerDivisionName", "buyerNatureName", "techFieldName", "socioEconomicGoalName", "ipTypeName", "planCategoryName" }
                .Select(f => c.GetProperty(f).GetString()));
        Assert.Equal(1200000.5m, c.GetProperty("expectedInvestment").GetDecimal());
        Assert.Equal(3000000m, c.GetProperty("expectedOutput").GetDecimal());
    }

    [Fact]
    public async Task Create_WithoutPartyFacts_TakesThemFromTheDirectoryAsASnapshot()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff, await BodyAsync(app, Unique("性质取自名录"), seller: Shouxiangu, buyer: Zju));

        var c = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();

        Assert.Equal(["156", "330723", "160", "156", "330106", "022"], CodeFields.Take(6).Select(f => c.GetProperty(f).GetString()));
        Assert.Equal(JsonValueKind.Null, c.GetProperty("expectedInvestment").ValueKind);
    }

    [Fact]
    public async Task Transfer_WithoutExpectedInvestmentAndOutput_Is400WithChineseFieldMessages()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var body = await FullBodyAsync(Unique("转让缺预计投入"));
        body.Remove("expectedInvestment");
        body.Remove("expectedOutput");

        var response = await staff.PostJsonAsync("/api/v1/contracts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("技术转让合同须填写预计新增投入", errors.GetProperty("expectedInvestment")[0].GetString());
        Assert.Equal("技术转让合同须填写预计新增产值", errors.GetProperty("expectedOutput")[0].GetString());
    }

    [Fact]
    public async Task InvalidCodesAndPeriod_Are400PerField()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var body = await FullBodyAsync(Unique("代码无效"), "consulting");
        body["validTo"] = "2026-02-09";
        body["buyerDivision"] = "330723101";
        body["sellerCountry"] = "中华";
        body["planCategory"] = "省级";

        var response = await staff.PostJsonAsync("/api/v1/contracts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["buyerDivision", "planCategory", "sellerCountry", "validTo"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("合同有效期限的截止日期不能早于起始日期", errors.GetProperty("validTo")[0].GetString());
    }

    [Fact]
    public async Task Update_ChangesTheFields_AndAnAuctionDraftMustCompleteThemBeforeSubmitting()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var body = await FullBodyAsync(Unique("修改登记表字段"));
        var id = await CreateAsync(staff, body);
        body["techField"] = "01";
        body["buyerCountry"] = "840";
        body["buyerDivision"] = null;
        body["expectedOutput"] = 0m;

        var update = await staff.PutAsJsonAsync($"/api/v1/contracts/{id}", body);

        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var c = await (await staff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
        Assert.Equal(("01", "840", "美国", JsonValueKind.Null, 0m), (c.GetProperty("techField").GetString(), c.GetProperty("buyerCountry").GetString(),
            c.GetProperty("buyerCountryName").GetString(), c.GetProperty("buyerDivision").ValueKind, c.GetProperty("expectedOutput").GetDecimal()));

        // A transfer that another module drafted without the expected amounts cannot be submitted until they are filled in.
        var draft = await app.WithServiceAsync<Kechuang.Modules.Contracts.Public.ITechContracts, Guid>(async contracts =>
        {
            return await contracts.CreateDraftAsync(new Kechuang.Modules.Contracts.Public.DraftContract(Unique("拍卖转让待补"), "transfer",
                (await OrgAsync(app, Hengda)).Id, (await OrgAsync(app, Zju)).Id, new DateOnly(2026, 2, 20), 10000m, "测试"));
        });
        var submit = await staff.PostAsync($"/api/v1/contracts/{draft}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        var errors = (await submit.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("expectedInvestment", out _));
    }

    [Fact]
    public async Task Export_CarriesEveryField_AndImportsBackTheSame()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Unique("登记表往返");
        var full = await FullBodyAsync($"{tag}-全");
        await CreateAsync(staff, full);
        await CreateAsync(staff, await BodyAsync(app, $"{tag}-简", 20000m, seller: Shouxiangu, buyer: Bencao, type: "service"));
        var before = (await (await staff.GetAsync($"/api/v1/contracts?q={tag}&sort=title")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var export = await staff.GetAsync($"/api/v1/contracts/export?q={tag}");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var first = exported.Single(r => Equals(r["合同名称"], $"{tag}-全"));
        Assert.Equal(("私营企业", "110101", "先进制造", "专利", "市级科技计划"), (first["卖方性质"], first["买方行政区划代码"]?.ToString(), first["技术领域"], first["知识产权类型"], first["计划类别"]));
        Assert.Equal(120.00005m, Convert.ToDecimal(first["预计新增投入（万元）"], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var row in exported)
        {
            row["合同名称"] = "再导入" + row["合同名称"];
        }
        var again = await UploadAsync(staff, exported);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var after = (await (await staff.GetAsync($"/api/v1/contracts?q=再导入{tag}&sort=title")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, after.Count);
        string[] fields = [.. CodeFields, "validFrom", "validTo", "expectedInvestment", "expectedOutput"];
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(fields.Select(f => before[i].GetProperty(f).ToString()), fields.Select(f => after[i].GetProperty(f).ToString()));
        }
    }

    [Fact]
    public async Task Import_TransferRowWithoutExpectedAmounts_IsABadRowInThoseColumns()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var row = Row(Unique("导入转让缺预计"), Hengda, Zju, 1000m, 1000m, "技术转让");
        row["技术转让类别"] = "专利权转让";
        row["预计新增产值（万元）"] = "很多";

        var response = await UploadAsync(staff, [row]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("column").GetString(), r.GetProperty("message").GetString())).ToList();
        Assert.Contains(("预计新增投入（万元）", "技术转让合同须填写预计新增投入"), bad);
        Assert.Contains(bad, b => b.Item1 == "预计新增产值（万元）" && b.Item2!.Contains("不是数字", StringComparison.Ordinal));
        Assert.Equal(2, bad.Count);
    }

    [Fact]
    public async Task Reference_ListsEveryCodeListOfTheForm()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var reference = await (await staff.GetAsync("/api/v1/contracts/reference")).ReadJsonAsync();

        Assert.Equal(("156", "中国"), (reference.GetProperty("countries")[0].GetProperty("value").GetString(), reference.GetProperty("countries")[0].GetProperty("name").GetString()));
        Assert.Equal(18, reference.GetProperty("natures").GetArrayLength());
        Assert.Equal([11, 13, 8, 5], new[] { "techFields", "socioEconomicGoals", "ipTypes", "planCategories" }.Select(p => reference.GetProperty(p).GetArrayLength()));
    }

    public sealed class OnSqlite(SqliteApp app) : ContractRegistrationFormTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractRegistrationFormTests(app), IClassFixture<PostgresApp>;
}
