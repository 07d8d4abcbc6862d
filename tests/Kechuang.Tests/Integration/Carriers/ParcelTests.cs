using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Land parcels (地块): area kept in ㎡ and shown in 亩, approval steps and their rules, data scope, the T1 indicator.</summary>
public abstract class ParcelTests(KechuangApp app)
{
    private const string LandSupplied = "carriers.land-supplied-area";

    private static object Parcel(string name, decimal? area, string? unit = "sqm", string region = "330723105", string? use = "industrial", Guid? carrierId = null) =>
        new { name, regionCode = region, carrierId, location = "武义县茭道镇", area, areaUnit = unit, use, plannedProject = "测试项目" };

    private static async Task<Guid> CreateParcelAsync(HttpClient staff, string name, decimal area, string unit = "sqm", string region = "330723105") =>
        await (await staff.PostJsonAsync("/api/v1/parcels", Parcel(name, area, unit, region))).CreatedIdAsync();

    private static Task<HttpResponseMessage> AddStepAsync(HttpClient staff, Guid parcel, string kind, string? submitted, string? completed) =>
        staff.PostJsonAsync($"/api/v1/parcels/{parcel}/steps", new { kind, submittedOn = submitted, completedOn = completed, note = "测试" });

    [Fact]
    public async Task Create_InMu_KeepsSquareMetres_ShowsBoth_AndIsAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("亩地块");
        var park = await CreateCarrierAsync(staff, Unique("茭道地块园区"), "park");

        var id = await (await staff.PostJsonAsync("/api/v1/parcels", Parcel(name, 107m, "mu", carrierId: park))).CreatedIdAsync();

        var parcel = await (await staff.GetAsync($"/api/v1/parcels/{id}")).ReadJsonAsync();
        Assert.Equal(71_333.333333m, parcel.GetProperty("areaSquareMetres").GetDecimal());
        Assert.Equal(107m, parcel.GetProperty("areaMu").GetDecimal());
        Assert.Equal("工业用地", parcel.GetProperty("useName").GetString());
        Assert.Equal("茭道镇", parcel.GetProperty("regionName").GetString());
        Assert.Equal(park, parcel.GetProperty("carrierId").GetGuid());
        var list = await (await staff.GetAsync($"/api/v1/parcels?q={name}")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync($"/api/v1/audit?entity=carriers_parcel&key={id}")).ReadJsonAsync();
        Assert.Equal("create", audit.GetProperty("items")[0].GetProperty("action").GetString());
        Assert.Equal("wuyi.staff", audit.GetProperty("items")[0].GetProperty("account").GetString());
    }

    [Fact]
    public async Task Update_TheSameAreaAgain_InEitherUnit_ChangesNothing_AndMoreDecimalsThanTheUnitKeeps_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var inSquareMetres = Unique("平方米地块");
        var inMu = Unique("亩地块");
        var a = await CreateParcelAsync(staff, inSquareMetres, 61_691.24m);
        var b = await CreateParcelAsync(staff, inMu, 107m, "mu");

        async Task<System.Text.Json.JsonElement> GetAsync(Guid id) => await (await staff.GetAsync($"/api/v1/parcels/{id}")).ReadJsonAsync();
        var mu = (await GetAsync(a)).GetProperty("areaMu").GetDecimal();
        // 92.53686 亩 has five decimals: refused rather than rounded to a figure that is not the parcel's.
        var fiveDecimals = await staff.PutAsJsonAsync($"/api/v1/parcels/{a}", Parcel(inSquareMetres, mu, "mu"));
        var sameSquareMetres = await staff.PutAsJsonAsync($"/api/v1/parcels/{a}", Parcel(inSquareMetres, 61_691.24m));
        var sameMu = await staff.PutAsJsonAsync($"/api/v1/parcels/{b}", Parcel(inMu, (await GetAsync(b)).GetProperty("areaMu").GetDecimal(), "mu"));

        Assert.Equal(92.53686m, mu);
        Assert.Equal(HttpStatusCode.BadRequest, fiveDecimals.StatusCode);
        Assert.Equal("以亩填写的面积最多保留四位小数", (await fiveDecimals.ReadJsonAsync()).GetProperty("errors").GetProperty("area")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, sameSquareMetres.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, sameMu.StatusCode);
        Assert.Equal(61_691.24m, (await GetAsync(a)).GetProperty("areaSquareMetres").GetDecimal());
        Assert.Equal(92.53686m, (await GetAsync(a)).GetProperty("areaMu").GetDecimal());
        Assert.Equal(71_333.333333m, (await GetAsync(b)).GetProperty("areaSquareMetres").GetDecimal());
        Assert.Equal(107m, (await GetAsync(b)).GetProperty("areaMu").GetDecimal());
    }

    [Fact]
    public async Task Create_InvalidFields_Is400WithChineseMessagePerField()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.PostJsonAsync("/api/v1/parcels",
            new { name = "", regionCode = "999999", area = 10.125m, areaUnit = "sqm", use = "farm", carrierId = Guid.NewGuid() });
        var unit = await staff.PostJsonAsync("/api/v1/parcels", Parcel(Unique("单位地块"), 10m, "hectare"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写地块名称", errors.GetProperty("name")[0].GetString());
        Assert.Contains("不存在", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal("以平方米填写的面积最多保留两位小数", errors.GetProperty("area")[0].GetString());
        Assert.Contains("用地性质取值无效", errors.GetProperty("use")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        Assert.Equal("面积单位取值无效，可选：sqm（平方米）、mu（亩）", (await unit.ReadJsonAsync()).GetProperty("errors").GetProperty("areaUnit")[0].GetString());
    }

    [Fact]
    public async Task Create_DuplicateNameInTheCounty_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("重名地块");
        await CreateParcelAsync(staff, name, 100m);

        var response = await staff.PostJsonAsync("/api/v1/parcels", Parcel(name, 200m, region: "330723101"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("carriers.duplicate-parcel-name", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Steps_AreRecordedOncePerKind_InTheirOrder_AndLandSupplyWaitsForTheConversion()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateParcelAsync(staff, Unique("审批地块"), 5_000m);

        var conversion = await (await AddStepAsync(staff, id, "农转用", "2023-05-26", null)).CreatedIdAsync();
        var twice = await AddStepAsync(staff, id, "farmland-conversion", "2023-06-01", null);
        var supplyBeforeApproval = await AddStepAsync(staff, id, "land-supply", null, "2023-12-01");
        var supplySubmitted = await AddStepAsync(staff, id, "供地", "2023-11-01", null);
        var rekind = await staff.PutAsJsonAsync($"/api/v1/parcels/{id}/steps/{conversion}", new { kind = "subdivision", submittedOn = "2023-05-26" });

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("carriers.parcel-step-exists", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, supplyBeforeApproval.StatusCode);
        var problem = await supplyBeforeApproval.ReadJsonAsync();
        Assert.Equal("carriers.land-supply-before-conversion", problem.GetProperty("code").GetString());
        Assert.Equal("该地块的农转用尚未批复，不能登记供地完成", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, supplySubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rekind.StatusCode);
        Assert.Equal("已登记的审批环节不能改为其他环节", (await rekind.ReadJsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString());
        var parcel = await (await staff.GetAsync($"/api/v1/parcels/{id}")).ReadJsonAsync();
        var steps = parcel.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["farmland-conversion", "land-supply"], steps.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("2023-05-26 报批", steps[0].GetProperty("stateName").GetString());
        Assert.Equal("2023-11-01 报批", steps[1].GetProperty("stateName").GetString());
    }

    [Fact]
    public async Task LandSupply_AfterTheConversionIsApproved_Is201_AndAStepIn2027_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateParcelAsync(staff, Unique("供地地块"), 5_000m);
        var conversion = await (await AddStepAsync(staff, id, "farmland-conversion", "2023-05-26", null)).CreatedIdAsync();

        var approved = await staff.PutAsJsonAsync($"/api/v1/parcels/{id}/steps/{conversion}", new { submittedOn = "2023-05-26", completedOn = "2023-10-12" });
        var early = await AddStepAsync(staff, id, "land-supply", "2023-09-01", "2023-10-11");
        var supply = await AddStepAsync(staff, id, "land-supply", "2023-11-01", "2023-12-20");
        var unapprove = await staff.PutAsJsonAsync($"/api/v1/parcels/{id}/steps/{conversion}", new { submittedOn = "2023-05-26", completedOn = "2023-12-21" });
        var future = await AddStepAsync(staff, id, "subdivision", "2027-01-01", null);
        var none = await AddStepAsync(staff, id, "subdivision", null, null);

        Assert.Equal(HttpStatusCode.NoContent, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("供地日期 2023-10-11 早于农转用批复日期 2023-10-12", (await early.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, supply.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unapprove.StatusCode);
        var parcel = await (await staff.GetAsync($"/api/v1/parcels/{id}")).ReadJsonAsync();
        Assert.Equal("2023-10-12 完成", parcel.GetProperty("steps")[0].GetProperty("stateName").GetString());
        Assert.Equal("报批日期不能晚于今天", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("submittedOn")[0].GetString());
        Assert.Equal("请填写报批日期或完成日期", (await none.ReadJsonAsync()).GetProperty("errors").GetProperty("submittedOn")[0].GetString());
    }

    [Fact]
    public async Task LandSuppliedArea_SumsTheMuOfParcelsSuppliedInTheYear_AndListsExactlyThem()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string region = "330723106"; // 大田乡: no demo parcels
        var inMu = await CreateParcelAsync(staff, Unique("大田甲"), 107m, "mu", region);
        var inSquareMetres = await CreateParcelAsync(staff, Unique("大田乙"), 666.67m, "sqm", region);
        var lastYear = await CreateParcelAsync(staff, Unique("大田丙"), 1_000m, "sqm", region);
        var submittedOnly = await CreateParcelAsync(staff, Unique("大田丁"), 2_000m, "sqm", region);
        await (await AddStepAsync(staff, inMu, "land-supply", null, "2023-12-31")).CreatedIdAsync();
        await (await AddStepAsync(staff, inSquareMetres, "land-supply", "2022-12-01", "2023-01-01")).CreatedIdAsync();
        await (await AddStepAsync(staff, lastYear, "land-supply", null, "2022-12-31")).CreatedIdAsync();
        await (await AddStepAsync(staff, submittedOnly, "land-supply", "2023-06-01", null)).CreatedIdAsync();

        var value = await (await staff.GetAsync($"/api/v1/indicators/{LandSupplied}/value?regionCode={region}&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();

        Assert.Equal(107m + 1.000005m, value.GetProperty("value").GetDecimal());
        Assert.Equal($"/parcels?regionCode={region}&step=land-supply&year=2023", value.GetProperty("recordsUrl").GetString());
        Assert.Equal(new[] { inMu, inSquareMetres }.Order(), records.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        Assert.Equal(107m + 1.000005m, records.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("areaMu").GetDecimal()));
        var before = await (await staff.GetAsync($"/api/v1/indicators/{LandSupplied}/value?regionCode={region}&year=2022")).ReadJsonAsync();
        Assert.Equal(1.5m, before.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task List_YearWithoutStep_Is400_AndAnUnknownStep_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var year = await staff.GetAsync("/api/v1/parcels?year=2023");
        var step = await staff.GetAsync("/api/v1/parcels?step=auction");

        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.Equal("按年度筛选时请同时选择审批环节（该环节在当年完成）", (await year.ReadJsonAsync()).GetProperty("errors").GetProperty("year")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        Assert.Contains("审批环节取值无效", (await step.ReadJsonAsync()).GetProperty("errors").GetProperty("step")[0].GetString());
    }

    [Fact]
    public async Task PananStaff_CannotSeeOrChangeWuyiParcels()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var name = Unique("武义专属地块");
        var id = await CreateParcelAsync(wuyi, name, 300m);

        var list = await (await panan.GetAsync("/api/v1/parcels?pageSize=200")).ReadJsonAsync();
        var get = await panan.GetAsync($"/api/v1/parcels/{id}");
        var put = await panan.PutAsJsonAsync($"/api/v1/parcels/{id}", Parcel(name, 1m, region: "330727101"));
        var step = await AddStepAsync(panan, id, "subdivision", "2023-01-01", null);
        var create = await panan.PostJsonAsync("/api/v1/parcels", Parcel(Unique("越权地块"), 1m, region: "330723101"));

        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("regionCode").GetString()!.StartsWith("330723", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.Equal("该行政区划不在您的数据范围内", (await create.ReadJsonAsync()).GetProperty("errors").GetProperty("regionCode")[0].GetString());
    }

    [Fact]
    public async Task EnterpriseAccount_CannotRecordParcels()
    {
        var enterprise = await app.ClientAsync("shouxiangu");

        var response = await enterprise.PostJsonAsync("/api/v1/parcels", Parcel(Unique("企业地块"), 1m));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_HoldsTheFilteredParcels_InSquareMetresAndMu()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("导出地块");
        var id = await CreateParcelAsync(staff, name, 107m, "mu");
        await (await AddStepAsync(staff, id, "zoning-adjustment", "2023-04-18", null)).CreatedIdAsync();

        var export = await staff.GetAsync($"/api/v1/parcels/export?q={name}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList());
        Assert.Equal(name, row["地块名称"]);
        Assert.Equal(71_333.33m, Convert.ToDecimal(row["面积（㎡）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(107m, Convert.ToDecimal(row["面积（亩）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("控规调整：2023-04-18 报批", row["审批环节"]);
    }

    [Fact]
    public async Task Pages_ListAndShowTheDemoParcels()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var b = (await (await staff.GetAsync("/api/v1/parcels?q=科技城B地块")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/parcels?regionCode=330723401"));
        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/parcels/{b}"));
        var form = WebUtility.HtmlDecode(await staff.GetStringAsync($"/parcels/{b}/edit"));
        var supplied = WebUtility.HtmlDecode(await staff.GetStringAsync("/parcels?regionCode=330723401&step=land-supply&year=2023"));

        Assert.Contains("科技城工业地块", list, StringComparison.Ordinal);
        Assert.Contains("61,691.24", list, StringComparison.Ordinal);
        Assert.Contains("面积 71,333.33 平方米（107 亩），拟建新兴产业聚集区项目", detail, StringComparison.Ordinal);
        Assert.Contains("2023-12-20", detail, StringComparison.Ordinal);
        Assert.Contains("新兴产业聚集区项目", form, StringComparison.Ordinal);
        Assert.Contains("共 1 块地块", supplied, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : ParcelTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ParcelTests(app), IClassFixture<PostgresApp>;
}
