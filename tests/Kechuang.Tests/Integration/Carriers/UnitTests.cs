using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Units (单元) of buildings and spaces, the units a tenancy occupies, and the 入驻率 counted from them.</summary>
public abstract class UnitTests(KechuangApp app)
{
    private static object Unit(string number, decimal? area = 120.5m, int? floor = 3, string? use = "office", string? availableFrom = "2023-01-10") =>
        new { floor, number, area, use, availableFrom };

    private static Task<HttpResponseMessage> AddUnitAsync(HttpClient staff, Guid carrier, object unit) =>
        staff.PostJsonAsync($"/api/v1/carriers/{carrier}/units", unit);

    private static Task<HttpResponseMessage> MoveInAsync(HttpClient staff, Guid carrier, Guid enterprise, string entered, string? left, params Guid[] unitIds) =>
        staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies", new { enterpriseId = enterprise, kind = "resident", enteredOn = entered, leftOn = left, unitIds });

    private static async Task<List<JsonElement>> UnitsAsync(HttpClient staff, Guid carrier, string at) =>
        (await (await staff.GetAsync($"/api/v1/carriers/{carrier}/units?at={at}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private static async Task<string?> ConflictCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("code").GetString();
    }

    [Fact]
    public async Task Create_ListsByFloor_WithUseNames_AndIsAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("单元楼宇"), "building");

        var upper = await (await AddUnitAsync(staff, carrier, Unit("402", 88.25m, 4, "研发"))).CreatedIdAsync();
        var lower = await (await AddUnitAsync(staff, carrier, Unit("B1-01", 300m, -1, "support", null))).CreatedIdAsync();
        var units = await UnitsAsync(staff, carrier, "2024-01-01");

        Assert.Equal([lower, upper], units.Select(u => u.GetProperty("id").GetGuid()));
        Assert.Equal("研发", units[1].GetProperty("useName").GetString());
        Assert.Equal(88.25m, units[1].GetProperty("area").GetDecimal());
        Assert.True(units[1].GetProperty("available").GetBoolean());
        Assert.False(units[0].GetProperty("available").GetBoolean()); // not handed over yet
        Assert.Equal(JsonValueKind.Null, units[1].GetProperty("occupantId").ValueKind);
        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync($"/api/v1/audit?entity=carriers_unit&key={upper}")).ReadJsonAsync();
        Assert.Equal("create", audit.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task BadInput_Is400PerField_ADuplicateNumberOrAPark_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("单元校验楼宇"), "building");
        var park = await CreateCarrierAsync(staff, Unique("单元校验园区"), "park");
        var first = await (await AddUnitAsync(staff, carrier, Unit("301"))).CreatedIdAsync();
        var second = await (await AddUnitAsync(staff, carrier, Unit("302"))).CreatedIdAsync();

        var bad = await AddUnitAsync(staff, carrier, new { floor = 0, number = "", area = 10.125m, use = "farm" });
        var duplicate = await AddUnitAsync(staff, carrier, Unit(" 301 "));
        var renamedOntoAnother = await staff.PutAsJsonAsync($"/api/v1/carriers/{carrier}/units/{second}", Unit("301"));
        var inPark = await AddUnitAsync(staff, park, Unit("101"));
        var elsewhere = await (await AddUnitAsync(staff, await CreateCarrierAsync(staff, Unique("另一楼宇"), "building"), Unit("301"))).CreatedIdAsync();
        var edited = await staff.PutAsJsonAsync($"/api/v1/carriers/{carrier}/units/{first}", Unit("301", 130m, 3, "production", "2023-02-01"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("楼层应在-5至200之间且不为0（地下一层填-1）", errors.GetProperty("floor")[0].GetString());
        Assert.Equal("请填写单元号", errors.GetProperty("number")[0].GetString());
        Assert.Equal("单元面积最多保留两位小数", errors.GetProperty("area")[0].GetString());
        Assert.StartsWith("单元用途取值无效", errors.GetProperty("use")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("carriers.duplicate-unit", await ConflictCodeAsync(duplicate));
        Assert.Equal("该载体已有单元号为“301”的单元", (await duplicate.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal("carriers.duplicate-unit", await ConflictCodeAsync(renamedOntoAnother));
        Assert.Equal("carriers.units-of-a-park", await ConflictCodeAsync(inPark));
        Assert.NotEqual(Guid.Empty, elsewhere); // numbers are unique within a carrier only
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        var units = await UnitsAsync(staff, carrier, "2024-01-01");
        Assert.Equal("生产", units.Single(u => u.GetProperty("id").GetGuid() == first).GetProperty("useName").GetString());
    }

    [Fact]
    public async Task ATenancysUnits_MustBeTheCarriersHandedOverUnits_AndOnlyForAResident()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("单元归属楼宇"), "building");
        var other = await CreateCarrierAsync(staff, Unique("别的楼宇"), "building");
        var own = await (await AddUnitAsync(staff, carrier, Unit("501", availableFrom: "2024-03-01"))).CreatedIdAsync();
        var foreign = await (await AddUnitAsync(staff, other, Unit("501"))).CreatedIdAsync();
        var enterprise = await CreateEnterpriseAsync(staff);

        var notOurs = await MoveInAsync(staff, carrier, enterprise.Id, "2024-05-01", null, foreign);
        var early = await MoveInAsync(staff, carrier, enterprise.Id, "2024-02-01", null, own);
        var registered = await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies",
            new { enterpriseId = enterprise.Id, kind = "registered", enteredOn = "2024-05-01", unitIds = new[] { own } });

        Assert.Equal(HttpStatusCode.BadRequest, notOurs.StatusCode);
        Assert.Equal("所选单元不属于该载体", (await notOurs.ReadJsonAsync()).GetProperty("errors").GetProperty("unitIds")[0].GetString());
        Assert.Equal("单元 501 于 2024-03-01 交付，入驻日期不能早于交付日期", (await early.ReadJsonAsync()).GetProperty("errors").GetProperty("unitIds")[0].GetString());
        Assert.Equal("注册记录不占用单元，只有入驻记录可选择单元", (await registered.ReadJsonAsync()).GetProperty("errors").GetProperty("unitIds")[0].GetString());
        Assert.Empty((await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AUnitHoldsOneResident_BeforeOnAndAfterAMove()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("搬迁楼宇"), "building");
        var unit = await (await AddUnitAsync(staff, carrier, Unit("601"))).CreatedIdAsync();
        await AddUnitAsync(staff, carrier, Unit("602"));
        var first = await CreateEnterpriseAsync(staff);
        var second = await CreateEnterpriseAsync(staff);
        await (await MoveInAsync(staff, carrier, first.Id, "2024-01-01", null, unit)).CreatedIdAsync();
        var tenancy = (await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostJsonAsync($"/api/v1/carriers/{carrier}/tenancies/{tenancy}/end", new { leftOn = "2024-06-30" })).StatusCode);

        var overlapsBefore = await MoveInAsync(staff, carrier, second.Id, "2023-06-01", "2024-01-01", unit);
        var onTheLastDay = await MoveInAsync(staff, carrier, second.Id, "2024-06-30", null, unit);
        var dayAfter = await MoveInAsync(staff, carrier, second.Id, "2024-07-01", null, unit);
        var again = await MoveInAsync(staff, carrier, first.Id, "2025-01-01", null, unit);

        Assert.Equal("carriers.unit-occupied", await ConflictCodeAsync(overlapsBefore));
        Assert.Equal("carriers.unit-occupied", await ConflictCodeAsync(onTheLastDay));
        Assert.Equal($"单元 601 已由 {first.Name} 入驻（2024-01-01 至 2024-06-30），同一单元同一时间只能有一家入驻企业",
            (await onTheLastDay.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, dayAfter.StatusCode);
        Assert.Equal("carriers.unit-occupied", await ConflictCodeAsync(again));
        Assert.Contains(second.Name, (await again.ReadJsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        async Task<string?> OccupantOn(string day) =>
            (await UnitsAsync(staff, carrier, day)).Single(u => u.GetProperty("id").GetGuid() == unit).GetProperty("occupantName").GetString();
        Assert.Null(await OccupantOn("2023-12-31"));
        Assert.Equal(first.Name, await OccupantOn("2024-06-30"));
        Assert.Equal(second.Name, await OccupantOn("2024-07-01"));

        async Task<decimal?> RateOn(string day)
        {
            var c = await (await staff.GetAsync($"/api/v1/carriers/{carrier}?at={day}")).ReadJsonAsync();
            return c.GetProperty("occupancyRate").ValueKind == JsonValueKind.Null ? null : c.GetProperty("occupancyRate").GetDecimal();
        }
        Assert.Equal(0m, await RateOn("2023-12-31"));
        Assert.Equal(50m, await RateOn("2024-06-30")); // one of two handed-over units
        Assert.Equal(50m, await RateOn("2024-07-01"));
    }

    [Fact]
    public async Task EnterprisesMovingIntoOneUnitAtTheSameMoment_OneIsResident_TheOthersAre409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("抢占楼宇"), "building");
        var unit = await (await AddUnitAsync(staff, carrier, Unit("801"))).CreatedIdAsync();
        var enterprises = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            enterprises.Add((await CreateEnterpriseAsync(staff)).Id);
        }
        var clients = await Task.WhenAll(enterprises.Select(_ => app.ClientAsync("wuyi.staff")));

        var responses = await Task.WhenAll(clients.Select((c, i) => MoveInAsync(c, carrier, enterprises[i], "2024-03-01", null, unit)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal("carriers.unit-occupied", await ConflictCodeAsync(refused));
        }
        var tenancies = (await (await staff.GetAsync($"/api/v1/carriers/{carrier}/tenancies")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(1, tenancies.GetArrayLength());
        Assert.NotNull((await UnitsAsync(staff, carrier, "2024-03-01")).Single().GetProperty("occupantName").GetString());
    }

    [Fact]
    public async Task Occupancy_FollowsHandoverDays_AndTheCarriersBasis()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("口径楼宇");
        var body = Carrier(name, "joint-innovation-center");
        var carrier = await (await staff.PostJsonAsync("/api/v1/carriers", body)).CreatedIdAsync();
        var small = await (await AddUnitAsync(staff, carrier, Unit("101", 100m, 1, "office", "2024-01-01"))).CreatedIdAsync();
        await AddUnitAsync(staff, carrier, Unit("102", 300m, 1, "office", "2024-01-01"));
        await AddUnitAsync(staff, carrier, Unit("201", 100m, 2, "office", "2024-07-01"));
        await (await MoveInAsync(staff, carrier, (await CreateEnterpriseAsync(staff)).Id, "2024-02-01", null, small)).CreatedIdAsync();

        async Task<JsonElement> On(string day) => await (await staff.GetAsync($"/api/v1/carriers/{carrier}?at={day}")).ReadJsonAsync();
        var twoHanded = await On("2024-06-30");
        var threeHanded = await On("2024-07-01");
        var put = await staff.PutAsJsonAsync($"/api/v1/carriers/{carrier}", new
        {
            name,
            kind = "joint-innovation-center",
            level = "county",
            regionCode = "330723105",
            address = "武义县茭道镇",
            area = 1200.5m,
            openedOn = "2023-01-10",
            status = "operating",
            occupancyBasis = "area",
        });
        var byArea = await On("2024-07-01");
        // A later change that does not name the basis keeps it.
        var renamed = await staff.PutAsJsonAsync($"/api/v1/carriers/{carrier}", new
        {
            name,
            kind = "joint-innovation-center",
            level = "county",
            regionCode = "330723105",
            address = "武义县茭道镇",
            area = 1200.5m,
            openedOn = "2023-01-10",
            status = "operating",
        });
        var keptBasis = await On("2024-07-01");
        var badBasis = await staff.PutAsJsonAsync($"/api/v1/carriers/{carrier}", new { name, kind = "incubator", regionCode = "330723105", status = "planned", occupancyBasis = "rooms" });

        Assert.Equal(50m, twoHanded.GetProperty("occupancyRate").GetDecimal());
        Assert.Equal("已入驻单元 1 ÷ 已交付单元 2", twoHanded.GetProperty("occupancyTerms").GetString());
        Assert.Equal(33.3m, threeHanded.GetProperty("occupancyRate").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("area", byArea.GetProperty("occupancyBasis").GetString());
        Assert.Equal(20m, byArea.GetProperty("occupancyRate").GetDecimal()); // 100 of 500 ㎡
        Assert.Equal("已入驻面积 100 ㎡ ÷ 已交付面积 500 ㎡", byArea.GetProperty("occupancyTerms").GetString());
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);
        Assert.Equal("area", keptBasis.GetProperty("occupancyBasis").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badBasis.StatusCode);
        Assert.StartsWith("入驻率计算口径取值无效", (await badBasis.ReadJsonAsync()).GetProperty("errors").GetProperty("occupancyBasis")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentDuplicates_Are409_Never500()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("并发楼宇"), "building");
        var parcel = await (await staff.PostJsonAsync("/api/v1/parcels",
            new { name = Unique("并发地块"), regionCode = "330723105", location = "武义县", area = 1000m, areaUnit = "sqm", use = "industrial" })).CreatedIdAsync();
        var project = await (await staff.PostJsonAsync("/api/v1/construction-projects", new { name = Unique("并发项目"), regionCode = "330723105" })).CreatedIdAsync();

        async Task<HttpStatusCode[]> FireAsync(Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ClientAsync("wuyi.staff")));
            var responses = await Task.WhenAll(clients.Select(send));
            return responses.Select(r => r.StatusCode).ToArray();
        }
        var units = await FireAsync(c => AddUnitAsync(c, carrier, Unit("701")));
        var steps = await FireAsync(c => c.PostJsonAsync($"/api/v1/parcels/{parcel}/steps", new { kind = "zoning-adjustment", submittedOn = "2024-01-05" }));
        var milestones = await FireAsync(c => c.PutAsJsonAsync($"/api/v1/construction-projects/{project}/milestones/design-tender", new { plannedOn = "2024-03-01" }));
        var months = await FireAsync(c => c.PostJsonAsync($"/api/v1/construction-projects/{project}/progress", new { month = "2024-01", percent = 0m, note = "月报" }));

        foreach (var statuses in new[] { units, steps, months })
        {
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        }
        // A milestone's save is an upsert: a later one updates, a concurrent first one loses to the index.
        Assert.All(milestones, s => Assert.Contains(s, new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }));
        Assert.Contains(HttpStatusCode.NoContent, milestones);
        Assert.Single(await UnitsAsync(staff, carrier, "2024-01-01"));
    }

    [Fact]
    public async Task DetailPage_ListsTheUnits_WithTheirOccupantsOnTheDayAsked()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var wangyi = (await (await staff.GetAsync("/api/v1/carriers?q=武义网易联合创新中心")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var units = await UnitsAsync(staff, wangyi, "2023-07-06");
        var firstOccupant = units.First(u => u.GetProperty("occupantName").ValueKind == JsonValueKind.String).GetProperty("occupantName").GetString()!;

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{wangyi}?at=2023-07-06"));
        var opening = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{wangyi}?at=2023-05-14"));

        Assert.Contains("单元（16 个）", page, StringComparison.Ordinal);
        Assert.Contains("已交付 16 个，已入驻 11 个，入驻率 68.8%（已入驻单元 11 ÷ 已交付单元 16）", page, StringComparison.Ordinal);
        Assert.Contains(firstOccupant, page, StringComparison.Ordinal);
        Assert.Contains("id=\"unit-form\"", page, StringComparison.Ordinal);
        Assert.Contains("已交付 16 个，已入驻 1 个", opening, StringComparison.Ordinal); // the first resident moved in on the opening day
    }

    public sealed class OnSqlite(SqliteApp app) : UnitTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : UnitTests(app), IClassFixture<PostgresApp>;
}
