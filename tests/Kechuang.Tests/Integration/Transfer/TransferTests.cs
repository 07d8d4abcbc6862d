using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Transfer.TransferScenario;

namespace Kechuang.Tests.Integration.Transfer;

/// <summary>Stations, assessments, payments, events, demands and cooperations through the API: fields, rules, scope, audit.</summary>
public abstract class TransferTests(KechuangApp app)
{
    [Fact]
    public async Task Station_Created_IsListedWithItsInstitution_AndAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("测试技术转移中心");
        var zju = await InstitutionAsync(app);

        var id = await (await staff.PostJsonAsync("/api/v1/transfer/stations", Station(name, zju))).CreatedIdAsync();

        var list = await (await staff.GetAsync($"/api/v1/transfer/stations?q={name}")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("浙江大学", item.GetProperty("institutionName").GetString());
        Assert.Equal("茭道镇", item.GetProperty("regionName").GetString());
        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync($"/api/v1/audit?entity=transfer_station&key={id}")).ReadJsonAsync();
        Assert.Equal("create", audit.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Station_InvalidFields_Is400InChinese_AndADuplicateNameIs409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);

        var bad = await staff.PostJsonAsync("/api/v1/transfer/stations", new { name = "", institutionId = enterprise.Id, regionCode = "999999", openedOn = "2026-03-03" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写工作站名称", errors.GetProperty("name")[0].GetString());
        Assert.Equal("行政区划代码 999999 不存在", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal("设立日期不能晚于今天", errors.GetProperty("openedOn")[0].GetString());
        Assert.Contains("不是高校院所", errors.GetProperty("institutionId")[0].GetString());

        var name = Unique("重名工作站");
        var zju = await InstitutionAsync(app);
        await (await staff.PostJsonAsync("/api/v1/transfer/stations", Station(name, zju))).CreatedIdAsync();
        var duplicate = await staff.PostJsonAsync("/api/v1/transfer/stations", Station(name, zju, "330723101"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("transfer.duplicate-station", (await duplicate.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherCounty_NeitherSeesNorChangesAStation()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var name = Unique("武义专属工作站");
        var id = await (await wuyi.PostJsonAsync("/api/v1/transfer/stations", Station(name, await InstitutionAsync(app)))).CreatedIdAsync();

        var list = await (await panan.GetAsync($"/api/v1/transfer/stations?q={name}")).ReadJsonAsync();
        var get = await panan.GetAsync($"/api/v1/transfer/stations/{id}");
        var put = await panan.PutAsJsonAsync($"/api/v1/transfer/stations/{id}", Station(name, await InstitutionAsync(app), "330727101"));
        var assess = await panan.PostJsonAsync($"/api/v1/transfer/stations/{id}/assessments", new { year = 2025, projects = 1 });

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assess.StatusCode);
    }

    [Fact]
    public async Task Assessment_IsScoredByTheCountysScheme_WithCaps_AndPaymentsFollowTheGrade()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var station = await (await staff.PostJsonAsync("/api/v1/transfer/stations", Station(Unique("考核工作站"), await InstitutionAsync(app)))).CreatedIdAsync();
        var noScheme = await staff.PostJsonAsync($"/api/v1/transfer/stations/{station}/assessments", new { year = 2031, projects = 1 });
        Assert.Equal("transfer.no-scheme", (await noScheme.ReadJsonAsync()).GetProperty("code").GetString());

        var scheme = await staff.PostJsonAsync("/api/v1/transfer/schemes", new
        {
            name = "2031年度考核办法",
            year = 2031,
            regionCode = "330723",
            items = new object[] { new { indicator = "projects", weight = 10m, cap = 40m }, new { indicator = "visits", weight = 1m, cap = 30m } },
            excellentFrom = 60m,
            goodFrom = 50m,
            passFrom = 30m,
        });
        Assert.Equal(HttpStatusCode.Created, scheme.StatusCode);
        var failed = await (await staff.PostJsonAsync("/api/v1/transfer/stations/" + station + "/assessments", new { year = 2031, projects = 6, visits = 12 })).CreatedIdAsync();

        var assessments = await (await staff.GetAsync($"/api/v1/transfer/stations/{station}/assessments")).ReadJsonAsync();
        var row = assessments.GetProperty("items")[0];
        // 6 × 10 = 60 → capped at 40; 12 × 1 = 12: 52, 良好.
        Assert.Equal(52m, row.GetProperty("score").GetDecimal());
        Assert.Equal("良好", row.GetProperty("gradeName").GetString());
        Assert.True(row.GetProperty("points")[0].GetProperty("capped").GetBoolean());
        var again = await staff.PostJsonAsync($"/api/v1/transfer/stations/{station}/assessments", new { year = 2031, projects = 1 });
        Assert.Equal("transfer.assessment-exists", (await again.ReadJsonAsync()).GetProperty("code").GetString());

        var reward = await staff.PostJsonAsync($"/api/v1/transfer/stations/{station}/payments", new { kind = "reward", assessmentId = failed, amount = 30000m, paidOn = "2026-02-01" });
        Assert.Equal(HttpStatusCode.Created, reward.StatusCode);
        var payments = await (await staff.GetAsync($"/api/v1/transfer/payments?stationId={station}")).ReadJsonAsync();
        Assert.Equal(30000m, payments.GetProperty("amount").GetDecimal());
        Assert.Equal(2031, payments.GetProperty("items")[0].GetProperty("assessmentYear").GetInt32());
    }

    [Fact]
    public async Task Reward_ForAFailedYear_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var station = await (await staff.PostJsonAsync("/api/v1/transfer/stations", Station(Unique("不合格工作站"), await InstitutionAsync(app)))).CreatedIdAsync();
        await staff.PostJsonAsync("/api/v1/transfer/schemes", new
        {
            name = "2032年度考核办法",
            year = 2032,
            regionCode = "330723",
            items = new object[] { new { indicator = "projects", weight = 10m, cap = 100m } },
            excellentFrom = 90m,
            goodFrom = 80m,
            passFrom = 60m,
        });
        var assessment = await (await staff.PostJsonAsync($"/api/v1/transfer/stations/{station}/assessments", new { year = 2032, projects = 1 })).CreatedIdAsync();

        var reward = await staff.PostJsonAsync($"/api/v1/transfer/stations/{station}/payments", new { kind = "reward", assessmentId = assessment, amount = 10000m, paidOn = "2026-02-01" });
        var funds = await staff.PostJsonAsync($"/api/v1/transfer/stations/{station}/payments", new { kind = "working-funds", amount = 10000m, paidOn = "2026-02-01" });

        Assert.Equal(HttpStatusCode.Conflict, reward.StatusCode);
        Assert.Equal("transfer.reward-failed-grade", (await reward.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, funds.StatusCode);
    }

    [Fact]
    public async Task Event_CountsOneAttendancePerExpert_AndRefusesTheSameExpertTwice()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var zju = await InstitutionAsync(app);
        var title = Unique("对接会");
        var id = await (await staff.PostJsonAsync("/api/v1/transfer/events", new { title, mode = "offline", heldOn = "2026-02-15", regionCode = "330723105", place = "茭道镇" })).CreatedIdAsync();

        await (await staff.PostJsonAsync($"/api/v1/transfer/events/{id}/attendances", new { expertName = "王教授", institutionId = zju, title = "教授" })).CreatedIdAsync();
        await (await staff.PostJsonAsync($"/api/v1/transfer/events/{id}/attendances", new { expertName = "李研究员", institutionId = zju })).CreatedIdAsync();
        var twice = await staff.PostJsonAsync($"/api/v1/transfer/events/{id}/attendances", new { expertName = "王教授", institutionId = zju });
        var future = await (await staff.PostJsonAsync("/api/v1/transfer/events", new { title = Unique("未来活动"), mode = "online", heldOn = "2026-05-01", regionCode = "330723" })).CreatedIdAsync();
        var early = await staff.PostJsonAsync($"/api/v1/transfer/events/{future}/attendances", new { expertName = "赵专家" });

        Assert.Equal("transfer.attendance-exists", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("transfer.event-not-held", (await early.ReadJsonAsync()).GetProperty("code").GetString());
        var detail = await (await staff.GetAsync($"/api/v1/transfer/events/{id}")).ReadJsonAsync();
        Assert.Equal(2, detail.GetProperty("event").GetProperty("expertCount").GetInt32());
        var attendances = await (await staff.GetAsync("/api/v1/transfer/attendances?regionCode=330723105&from=2026-02-15&to=2026-02-16")).ReadJsonAsync();
        Assert.Equal(2, attendances.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("eventTitle").GetString() == title));
    }

    [Fact]
    public async Task Demand_PostedByAnEnterprise_IsItsOwn_AndOnlyItsOwnIsSeen()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var staff = await app.ClientAsync("wuyi.staff");
        var other = await CreateEnterpriseAsync(staff);
        var title = Unique("灵芝需求");
        var othersTitle = Unique("他人需求");

        // The body names another enterprise: the account posts for itself all the same.
        var id = await (await enterprise.PostJsonAsync("/api/v1/transfer/demands", Demand(other.Id, title))).CreatedIdAsync();
        var othersId = await (await staff.PostJsonAsync("/api/v1/transfer/demands", Demand(other.Id, othersTitle))).CreatedIdAsync();

        var own = await (await enterprise.GetAsync($"/api/v1/transfer/demands/{id}")).ReadJsonAsync();
        Assert.Equal("浙江寿仙谷医药股份有限公司", own.GetProperty("enterpriseName").GetString());
        Assert.True(own.GetProperty("postedByEnterprise").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/v1/transfer/demands/{othersId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.PutAsJsonAsync($"/api/v1/transfer/demands/{othersId}", Demand(null, "改他人的"))).StatusCode);
        var list = await (await enterprise.GetAsync("/api/v1/transfer/demands?pageSize=200")).ReadJsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), d => Assert.Equal("浙江寿仙谷医药股份有限公司", d.GetProperty("enterpriseName").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PutAsJsonAsync($"/api/v1/transfer/demands/{id}", Demand(null, title + "（修订）"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostJsonAsync($"/api/v1/transfer/demands/{id}/status", new { status = "matched" })).StatusCode);
    }

    [Fact]
    public async Task Demand_WrongMove_Is409_AndAClosedDemandCannotBeChanged()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);
        var id = await (await staff.PostJsonAsync("/api/v1/transfer/demands", Demand(enterprise.Id, Unique("状态需求")))).CreatedIdAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostJsonAsync($"/api/v1/transfer/demands/{id}/status", new { status = "matched" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostJsonAsync($"/api/v1/transfer/demands/{id}/status", new { status = "已关闭" })).StatusCode);
        var reopen = await staff.PostJsonAsync($"/api/v1/transfer/demands/{id}/status", new { status = "open" });
        var change = await staff.PutAsJsonAsync($"/api/v1/transfer/demands/{id}", Demand(enterprise.Id, "改关闭的需求"));
        var bad = await staff.PostJsonAsync($"/api/v1/transfer/demands/{id}/status", new { status = "done" });

        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        var problem = await reopen.ReadJsonAsync();
        Assert.Equal("transfer.demand-transition", problem.GetProperty("code").GetString());
        Assert.Equal("transfer.demand-closed", (await change.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("需求状态取值无效", (await bad.ReadJsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task Cooperation_FromADemand_MovesItToCooperating_AndAClosedDemandRefusesOne()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);
        var zju = await InstitutionAsync(app);
        var demand = await (await staff.PostJsonAsync("/api/v1/transfer/demands", Demand(enterprise.Id, Unique("合作需求")))).CreatedIdAsync();

        var id = await (await staff.PostJsonAsync("/api/v1/transfer/cooperations", Cooperation(enterprise.Id, zju, Unique("合作项目"), demand))).CreatedIdAsync();

        var after = await (await staff.GetAsync($"/api/v1/transfer/demands/{demand}")).ReadJsonAsync();
        Assert.Equal("cooperating", after.GetProperty("status").GetString());
        Assert.Equal(1, after.GetProperty("cooperationCount").GetInt32());
        var cooperation = await (await staff.GetAsync($"/api/v1/transfer/cooperations/{id}")).ReadJsonAsync();
        Assert.Equal("合作开发", cooperation.GetProperty("kindName").GetString());
        Assert.Equal(enterprise.Name, cooperation.GetProperty("enterpriseName").GetString());

        await staff.PostJsonAsync($"/api/v1/transfer/demands/{demand}/status", new { status = "closed" });
        var late = await staff.PostJsonAsync("/api/v1/transfer/cooperations", Cooperation(enterprise.Id, zju, Unique("迟到的合作"), demand));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("transfer.demand-closed", (await late.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cooperation_BadFields_Are400_IncludingAnUnknownContract()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);
        var other = await CreateEnterpriseAsync(staff);
        var demand = await (await staff.PostJsonAsync("/api/v1/transfer/demands", Demand(other.Id, Unique("别家需求")))).CreatedIdAsync();

        var response = await staff.PostJsonAsync("/api/v1/transfer/cooperations",
            new { title = "", enterpriseId = enterprise.Id, institutionId = enterprise.Id, kind = "合资", amount = 0m, signedOn = "2026-03-05", demandId = demand, contractId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写合作项目名称", errors.GetProperty("title")[0].GetString());
        Assert.Contains("不是高校院所", errors.GetProperty("institutionId")[0].GetString());
        Assert.Contains("合作方式取值无效", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("合作金额应大于0元", errors.GetProperty("amount")[0].GetString());
        Assert.Equal("签约日期不能晚于今天", errors.GetProperty("signedOn")[0].GetString());
        Assert.Equal("来源需求须为合作企业提出的需求", errors.GetProperty("demandId")[0].GetString());
        Assert.Equal("技术合同不存在或不在您的数据范围内", errors.GetProperty("contractId")[0].GetString());
    }

    [Fact]
    public async Task DemandImport_WithOneBadRow_ImportsNothing_AndAnExportImportsAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);
        var title = Unique("导入需求");
        IDictionary<string, object?>[] rows =
        [
            new Dictionary<string, object?> { ["企业名称"] = enterprise.Name, ["统一社会信用代码"] = enterprise.CreditCode, ["需求类型"] = "技术需求", ["需求名称"] = title, ["预算金额（元）"] = null, ["征集（登记）日期"] = "2026-01-05" },
            new Dictionary<string, object?> { ["企业名称"] = enterprise.Name, ["统一社会信用代码"] = enterprise.CreditCode, ["需求类型"] = "专利需求", ["需求名称"] = title + "2", ["预算金额（元）"] = -5, ["征集（登记）日期"] = null },
        ];

        var refused = await UploadAsync(staff, "/api/v1/transfer/demands/import", rows);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var bad = (await refused.ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "需求类型"), bad);
        Assert.Contains((3, "预算金额（元）"), bad);
        Assert.Equal(0, (await (await staff.GetAsync($"/api/v1/transfer/demands?q={title}")).ReadJsonAsync()).GetProperty("total").GetInt32());

        var imported = await UploadAsync(staff, "/api/v1/transfer/demands/import", [rows[0]]);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var exported = await ExportAsync(staff, $"/api/v1/transfer/demands/export?q={title}");
        var again = await UploadAsync(staff, "/api/v1/transfer/demands/import", exported);
        Assert.Equal(1, (await again.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var list = await (await staff.GetAsync($"/api/v1/transfer/demands?q={title}")).ReadJsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), d => Assert.Equal(new DateOnly(2026, 1, 5), DateOnly.Parse(d.GetProperty("collectedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task CooperationAndStationExports_ImportAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);
        var title = Unique("导出合作");
        var stationName = Unique("导出工作站");
        var zju = await InstitutionAsync(app);
        var station = await (await staff.PostJsonAsync("/api/v1/transfer/stations", Station(stationName, zju))).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/transfer/cooperations", new { title, enterpriseId = enterprise.Id, institutionId = zju, kind = "transfer", amount = 123456.78m, signedOn = "2026-01-20", stationId = station })).CreatedIdAsync();

        var cooperations = await ExportAsync(staff, $"/api/v1/transfer/cooperations/export?q={title}");
        var again = await UploadAsync(staff, "/api/v1/transfer/cooperations/import", cooperations);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var list = await (await staff.GetAsync($"/api/v1/transfer/cooperations?q={title}")).ReadJsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal(123456.78m, c.GetProperty("amount").GetDecimal());
            Assert.Equal(stationName, c.GetProperty("stationName").GetString());
        });

        // A station's name is unique in its county: its export imports again under another county's staff and code.
        var stations = await ExportAsync(staff, $"/api/v1/transfer/stations/export?q={stationName}");
        var duplicate = await UploadAsync(staff, "/api/v1/transfer/stations/import", stations);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var panan = await app.ClientAsync("panan.staff");
        var moved = stations.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r) { ["所在行政区划代码"] = "330727101" }).ToList();
        Assert.Equal(1, (await (await UploadAsync(panan, "/api/v1/transfer/stations/import", moved)).ReadJsonAsync()).GetProperty("imported").GetInt32());
        var pananList = await (await panan.GetAsync($"/api/v1/transfer/stations?q={stationName}")).ReadJsonAsync();
        Assert.Equal("浙江大学", pananList.GetProperty("items")[0].GetProperty("institutionName").GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : TransferTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TransferTests(app), IClassFixture<PostgresApp>;
}
