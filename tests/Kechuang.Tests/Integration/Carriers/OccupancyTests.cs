using System.Net;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Registered and resident enterprises on any day of the tenancy history, and the occupancy rate of a carrier with a capacity (T4).</summary>
public abstract class OccupancyTests(KechuangApp app)
{
    private const string Occupancy = "carriers.joint-center-occupancy";

    private static object Centre(string name, int? capacity, string region) => new
    {
        name,
        kind = "joint-innovation-center",
        level = "county",
        regionCode = region,
        address = "武义县",
        area = 800m,
        openedOn = "2023-01-10",
        status = "operating",
        capacity,
    };

    [Fact]
    public async Task Counts_AtADay_FollowTheTenancyHistory_DayByDay()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await (await staff.PostJsonAsync("/api/v1/carriers", Centre(Unique("茭道联创"), 4, "330723105"))).CreatedIdAsync();
        var a = await CreateEnterpriseAsync(staff);
        var b = await CreateEnterpriseAsync(staff);
        var c = await CreateEnterpriseAsync(staff);
        await AddTenancyAsync(staff, id, a.Id, "resident", "2023-03-01");
        await AddTenancyAsync(staff, id, b.Id, "resident", "2023-03-15", "2023-06-30");
        await AddTenancyAsync(staff, id, c.Id, "registered", "2023-07-01");

        async Task<System.Text.Json.JsonElement> AtAsync(string day) => await (await staff.GetAsync($"/api/v1/carriers/{id}?at={day}")).ReadJsonAsync();
        var beforeAll = await AtAsync("2023-02-28");
        var both = await AtAsync("2023-06-30");
        var after = await AtAsync("2023-07-01");

        Assert.Equal(0, beforeAll.GetProperty("residentCount").GetInt32());
        Assert.Equal(0m, beforeAll.GetProperty("occupancyRate").GetDecimal());
        Assert.Equal(2, both.GetProperty("residentCount").GetInt32());
        Assert.Equal(50m, both.GetProperty("occupancyRate").GetDecimal());
        Assert.Equal("2023-06-30", both.GetProperty("countedOn").GetString());
        Assert.Equal(1, after.GetProperty("residentCount").GetInt32());
        Assert.Equal(1, after.GetProperty("registeredCount").GetInt32());
        Assert.Equal(25m, after.GetProperty("occupancyRate").GetDecimal());
        Assert.Equal(4, after.GetProperty("capacity").GetInt32());
        var list = await (await staff.GetAsync($"/api/v1/carriers?q={beforeAll.GetProperty("name").GetString()}&at=2023-06-30")).ReadJsonAsync();
        Assert.Equal(50m, list.GetProperty("items")[0].GetProperty("occupancyRate").GetDecimal());
    }

    [Fact]
    public async Task ACarrierWithoutCapacity_HasNoRate_AndBadInputIs400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await (await staff.PostJsonAsync("/api/v1/carriers", Centre(Unique("无容量联创"), null, "330723105"))).CreatedIdAsync();

        var carrier = await (await staff.GetAsync($"/api/v1/carriers/{id}")).ReadJsonAsync();
        var future = await staff.GetAsync($"/api/v1/carriers/{id}?at=2026-03-03");
        var futureList = await staff.GetAsync("/api/v1/carriers?at=2026-03-03");
        var zero = await staff.PostJsonAsync("/api/v1/carriers", Centre(Unique("零容量联创"), 0, "330723105"));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, carrier.GetProperty("occupancyRate").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("统计日期不能晚于今天", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("at")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, futureList.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("可入驻单元数应在1至100000之间", (await zero.ReadJsonAsync()).GetProperty("errors").GetProperty("capacity")[0].GetString());
    }

    [Fact]
    public async Task JointCenterOccupancy_IsResidentsOverCapacities_OnTheLastDayOfTheYear()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string region = "330723106"; // 大田乡: no demo carriers
        var small = await (await staff.PostJsonAsync("/api/v1/carriers", Centre(Unique("大田联创甲"), 4, region))).CreatedIdAsync();
        var large = await (await staff.PostJsonAsync("/api/v1/carriers", Centre(Unique("大田联创乙"), 6, region))).CreatedIdAsync();
        var uncounted = await (await staff.PostJsonAsync("/api/v1/carriers", Centre(Unique("大田联创丙"), null, region))).CreatedIdAsync();
        for (var i = 0; i < 3; i++)
        {
            await AddTenancyAsync(staff, small, (await CreateEnterpriseAsync(staff)).Id, "resident", "2023-02-01");
        }
        for (var i = 0; i < 6; i++)
        {
            await AddTenancyAsync(staff, large, (await CreateEnterpriseAsync(staff)).Id, "resident", "2023-02-01", i == 0 ? "2023-12-30" : null);
        }
        await AddTenancyAsync(staff, uncounted, (await CreateEnterpriseAsync(staff)).Id, "resident", "2023-02-01");

        var value = await (await staff.GetAsync($"/api/v1/indicators/{Occupancy}/value?regionCode={region}&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();
        var now = await (await staff.GetAsync($"/api/v1/indicators/{Occupancy}/value?regionCode={region}&year=2026")).ReadJsonAsync();

        Assert.Equal(80m, value.GetProperty("value").GetDecimal()); // (3 + 5) ÷ (4 + 6) on 2023-12-31
        Assert.Equal($"/carriers?kind=joint-innovation-center&regionCode={region}&at=2023-12-31", value.GetProperty("recordsUrl").GetString());
        Assert.Equal(3, records.GetProperty("total").GetInt32());
        Assert.Equal(8, records.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("capacity").ValueKind != System.Text.Json.JsonValueKind.Null)
            .Sum(i => i.GetProperty("residentCount").GetInt32()));
        Assert.Equal(80m, now.GetProperty("value").GetDecimal()); // counted today (2026-03-02) while 2026 runs
        Assert.EndsWith("&at=2026-03-02", now.GetProperty("recordsUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CountOnTheDayAsked()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var wangyi = (await (await staff.GetAsync("/api/v1/carriers?q=武义网易联合创新中心")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{wangyi}?at=2023-07-06"));
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/carriers?kind=joint-innovation-center&regionCode=330723401&at=2023-07-06"));

        Assert.Contains("截至 2023-07-06：注册企业 30 家，入驻企业 11 家，入驻率 68.8%（已入驻单元 11 ÷ 已交付单元 16）", detail, StringComparison.Ordinal);
        Assert.Contains("68.8%", list, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : OccupancyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OccupancyTests(app), IClassFixture<PostgresApp>;
}
