using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Carriers: creation with validation, data scope, and registered/resident counts computed from tenancy records.</summary>
public abstract class CarrierTests(KechuangApp app)
{
    [Fact]
    public async Task Create_ValidCarrier_IsListedAndAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("茭道众创空间");

        var id = await (await staff.PostJsonAsync("/api/v1/carriers", Carrier(name, "众创空间", level: "市级"))).CreatedIdAsync();

        var list = await (await staff.GetAsync($"/api/v1/carriers?q={name}")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("maker-space", item.GetProperty("kind").GetString());
        Assert.Equal("众创空间", item.GetProperty("kindName").GetString());
        Assert.Equal("市级", item.GetProperty("levelName").GetString());
        Assert.Equal("茭道镇", item.GetProperty("regionName").GetString());
        Assert.Equal(1200.5m, item.GetProperty("area").GetDecimal());
        Assert.Equal(0, item.GetProperty("residentCount").GetInt32());
        var admin = await app.ClientAsync("auditor");
        var audit = await (await admin.GetAsync($"/api/v1/audit?entity=carriers_carrier&key={id}")).ReadJsonAsync();
        Assert.Equal("create", audit.GetProperty("items")[0].GetProperty("action").GetString());
        Assert.Equal("wuyi.staff", audit.GetProperty("items")[0].GetProperty("account").GetString());
    }

    [Fact]
    public async Task Create_InvalidFields_Is400WithChineseMessagePerField_AndSavesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var body = new { name = "", kind = "factory", level = "world", regionCode = "999999", area = -5m, status = "operating", openedOn = (string?)null };

        var response = await staff.PostJsonAsync("/api/v1/carriers", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写载体名称", errors.GetProperty("name")[0].GetString());
        Assert.Contains("载体类型取值无效", errors.GetProperty("kind")[0].GetString());
        Assert.Contains("认定级别取值无效", errors.GetProperty("level")[0].GetString());
        Assert.Contains("不存在", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal("面积应大于0平方米", errors.GetProperty("area")[0].GetString());
        Assert.Equal("运营中的载体请填写开园（启用）日期", errors.GetProperty("openedOn")[0].GetString());
    }

    [Fact]
    public async Task Create_OpenedInTheFutureOrThreeDecimals_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        // The test clock is 2026-03-02 (Asia/Shanghai): the day after is in the future.
        var future = await staff.PostJsonAsync("/api/v1/carriers", Carrier(Unique("未来载体"), opened: "2026-03-03"));
        var area = await staff.PostJsonAsync("/api/v1/carriers", Carrier(Unique("面积载体"), area: 10.125m));
        var today = await staff.PostJsonAsync("/api/v1/carriers", Carrier(Unique("今日载体"), opened: "2026-03-02"));

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("不能晚于今天", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("openedOn")[0].GetString());
        Assert.Equal("面积最多保留两位小数", (await area.ReadJsonAsync()).GetProperty("errors").GetProperty("area")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, today.StatusCode);
    }

    [Fact]
    public async Task Create_DuplicateNameInTheCounty_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("重名孵化器");
        await CreateCarrierAsync(staff, name);

        var response = await staff.PostJsonAsync("/api/v1/carriers", Carrier(name, region: "330723101"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("carriers.duplicate-name", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_ParentBelowItself_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var park = await CreateCarrierAsync(staff, Unique("循环园区"), "park");
        var building = await CreateCarrierAsync(staff, Unique("循环楼宇"), "building", parentId: park);

        var response = await staff.PutAsJsonAsync($"/api/v1/carriers/{park}", Carrier(Unique("循环园区"), "park", parentId: building));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("上级载体不能是本载体的下级载体", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("parentId")[0].GetString());
    }

    [Fact]
    public async Task PananStaff_CannotSeeOrEditWuyiCarriers()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var name = Unique("武义专属载体");
        var id = await CreateCarrierAsync(wuyi, name);

        var list = await (await panan.GetAsync($"/api/v1/carriers?q={name}")).ReadJsonAsync();
        var get = await panan.GetAsync($"/api/v1/carriers/{id}");
        var put = await panan.PutAsJsonAsync($"/api/v1/carriers/{id}", Carrier(name + "改", region: "330727101"));
        var tenants = await panan.GetAsync($"/api/v1/carriers/{id}/tenancies");
        var create = await panan.PostJsonAsync("/api/v1/carriers", Carrier(Unique("越权载体"), region: "330723101"));
        var demo = await (await panan.GetAsync("/api/v1/carriers?q=武义科技城")).ReadJsonAsync();

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(0, demo.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tenants.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal("该行政区划不在您的数据范围内", (await create.ReadJsonAsync()).GetProperty("errors").GetProperty("regionCode")[0].GetString());
        var unchanged = await (await wuyi.GetAsync($"/api/v1/carriers/{id}")).ReadJsonAsync();
        Assert.Equal(name, unchanged.GetProperty("name").GetString());
    }

    [Fact]
    public async Task EnterpriseAccount_CannotCreateCarriers_AndSeesTheListWithoutStaffActions()
    {
        var enterprise = await app.ClientAsync("shouxiangu");

        var response = await enterprise.PostJsonAsync("/api/v1/carriers", Carrier(Unique("企业建的载体")));
        var page = WebUtility.HtmlDecode(await enterprise.GetStringAsync("/carriers"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("武义科技城", page, StringComparison.Ordinal);
        Assert.DoesNotContain("新增载体", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PananStaff_CannotReadWuyisParkTechSmes()
    {
        var panan = await app.ClientAsync("panan.staff");

        var records = await panan.GetAsync("/api/v1/carriers/park-tech-smes?regionCode=330723&year=2023");
        var value = await panan.GetAsync("/api/v1/indicators/enterprises.park-tech-sme-count/value?regionCode=330723&year=2023");
        var own = await (await panan.GetAsync("/api/v1/indicators/enterprises.park-tech-sme-count/value?regionCode=330727&year=2023")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, records.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, value.StatusCode);
        Assert.Equal(0m, own.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Counts_AreComputedFromTenancies_AndEndingOneLowersThem()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("计数孵化器"));
        var a = await CreateEnterpriseAsync(staff);
        var b = await CreateEnterpriseAsync(staff);
        var c = await CreateEnterpriseAsync(staff);
        await AddTenancyAsync(staff, carrier, a.Id, "registered", "2023-02-01");
        await AddTenancyAsync(staff, carrier, b.Id, "注册", "2023-03-01");
        await AddTenancyAsync(staff, carrier, a.Id, "resident", "2023-05-14");
        var leaving = await AddTenancyAsync(staff, carrier, c.Id, "resident", "2023-06-01");
        // A stay that ended before today counts for its time only.
        await AddTenancyAsync(staff, carrier, b.Id, "resident", "2023-01-01", "2023-12-31");

        var before = await (await staff.GetAsync($"/api/v1/carriers/{carrier}")).ReadJsonAsync();
        var ended = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies/{leaving}/end", new { leftOn = "2026-03-01" });
        var after = await (await staff.GetAsync($"/api/v1/carriers/{carrier}")).ReadJsonAsync();

        Assert.Equal(2, before.GetProperty("registeredCount").GetInt32());
        Assert.Equal(2, before.GetProperty("residentCount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(2, after.GetProperty("registeredCount").GetInt32());
        Assert.Equal(1, after.GetProperty("residentCount").GetInt32());
        var current = await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies?currentOnly=true")).ReadJsonAsync();
        Assert.Equal(3, current.GetProperty("total").GetInt32());
        var all = await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies")).ReadJsonAsync();
        Assert.Equal(5, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AddTenancy_BadInput_Is400Or409_AndSavesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("校验孵化器"));
        var enterprise = await CreateEnterpriseAsync(staff);
        var university = (await (await staff.GetAsync("/api/v1/organizations?q=浙江大学")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var first = await AddTenancyAsync(staff, carrier, enterprise.Id, "resident", "2023-05-01");

        var missing = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies", new { kind = "lodger" });
        var notEnterprise = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies", new { enterpriseId = university, kind = "resident", enteredOn = "2023-05-01" });
        var backwards = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies", new { enterpriseId = enterprise.Id, kind = "registered", enteredOn = "2023-05-01", leftOn = "2023-04-30" });
        var overlap = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies", new { enterpriseId = enterprise.Id, kind = "resident", enteredOn = "2024-01-01" });
        var endBefore = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies/{first}/end", new { leftOn = "2023-04-30" });
        var endTwice1 = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies/{first}/end", new { leftOn = "2023-05-01" });
        var endTwice2 = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies/{first}/end", new { leftOn = "2023-06-01" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请选择企业", errors.GetProperty("enterpriseId")[0].GetString());
        Assert.Contains("入驻类型取值无效", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("请填写入驻（注册）日期", errors.GetProperty("enteredOn")[0].GetString());
        Assert.Contains("不是企业", (await notEnterprise.ReadJsonAsync()).GetProperty("errors").GetProperty("enterpriseId")[0].GetString());
        Assert.Equal("迁出日期不能早于入驻（注册）日期", (await backwards.ReadJsonAsync()).GetProperty("errors").GetProperty("leftOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal("carriers.tenancy-overlap", (await overlap.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, endBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, endTwice1.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, endTwice2.StatusCode);
        Assert.Equal("carriers.tenancy-ended", (await endTwice2.ReadJsonAsync()).GetProperty("code").GetString());
        var all = await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies")).ReadJsonAsync();
        Assert.Equal(1, all.GetProperty("total").GetInt32());
    }

    public sealed class OnSqlite(SqliteApp app) : CarrierTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CarrierTests(app), IClassFixture<PostgresApp>;
}
