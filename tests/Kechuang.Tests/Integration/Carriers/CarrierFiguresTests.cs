using System.Net;
using Kechuang.Modules.Enterprises.Public;
using Kechuang.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>The letter's carrier figures (C8, C9) and T5 (园区科技型中小企业) computed from the demo's tenancy records.</summary>
public abstract class CarrierFiguresTests(KechuangApp app)
{
    private const string T5 = "enterprises.park-tech-sme-count";

    [Theory]
    [InlineData("武义网易联合创新中心", 30, 11)] // C8: 注册企业30家, 入驻企业11家
    [InlineData("武义县电子商务公共服务中心", 0, 11)] // C9: 入驻企业11家
    public async Task DemoCarriers_CountTheLettersTenants(string name, int registered, int resident)
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync($"/api/v1/carriers?q={name}")).ReadJsonAsync();

        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);
        Assert.Equal(registered, item.GetProperty("registeredCount").GetInt32());
        Assert.Equal(resident, item.GetProperty("residentCount").GetInt32());
        var id = item.GetProperty("id").GetGuid();
        var tenants = await (await staff.GetAsync($"/api/v1/carriers/{id}/tenancies?kind=resident&currentOnly=true&pageSize=100")).ReadJsonAsync();
        Assert.Equal(resident, tenants.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DemoCarriers_KeepTheLettersFacts()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var items = (await (await staff.GetAsync("/api/v1/carriers?regionCode=330723&pageSize=100")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);

        Assert.Equal("operating", items["研发总部7#楼"].GetProperty("status").GetString()); // C2
        Assert.Equal("武义科技城", items["研发总部7#楼"].GetProperty("parentName").GetString());
        Assert.Equal("operating", items["研发总部3#楼"].GetProperty("status").GetString()); // T3, delivered in 2024
        Assert.Equal("2024-05-30", items["研发总部3#楼"].GetProperty("openedOn").GetString());
        Assert.Equal("2024-09-26", items["研发总部8#楼"].GetProperty("openedOn").GetString());
        Assert.Equal("2023-05-14", items["武义网易联合创新中心"].GetProperty("openedOn").GetString()); // C8
        Assert.Equal("研发总部7#楼", items["武义网易联合创新中心"].GetProperty("parentName").GetString());
        Assert.Equal("浙江科兴电动工具检测有限公司", items["电动（园林）工具检测实验室"].GetProperty("operatorName").GetString()); // C10
        Assert.Equal("enclave", items["武义杭州科创飞地"].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ParkTechSmes_Demo2023_CountsResidentTechSmesOfTheParkOnly()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        // 8 in the 网易 centre, 3 in 7#楼, 科兴 in the park itself; the 电商 centre's two 科小 are not in a park.
        var value = await (await staff.GetAsync($"/api/v1/indicators/{T5}/value?regionCode=330723401&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync("/api/v1/carriers/park-tech-smes?regionCode=330723401&year=2023")).ReadJsonAsync();
        var before = await (await staff.GetAsync($"/api/v1/indicators/{T5}/value?regionCode=330723401&year=2022")).ReadJsonAsync();

        Assert.Equal(12m, value.GetProperty("value").GetDecimal());
        Assert.Equal("/carriers/park-tech-smes?regionCode=330723401&year=2023", value.GetProperty("recordsUrl").GetString());
        Assert.Equal(12, records.GetProperty("total").GetInt32());
        Assert.Contains(records.GetProperty("items").EnumerateArray(), r => r.GetProperty("enterpriseName").GetString() == "浙江科兴电动工具检测有限公司");
        Assert.DoesNotContain(records.GetProperty("items").EnumerateArray(), r => r.GetProperty("carriers").GetString()!.Contains("电子商务"));
        Assert.Equal(0m, before.GetProperty("value").GetDecimal()); // no 2022 entries among the park's tenants
    }

    [Fact]
    public async Task ParkTechSmes_Target2023_IsThe14OfTheLetter_WithTheActualFromRecords()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync($"/api/v1/targets?regionCode=330723&year=2023&indicatorCode={T5}")).ReadJsonAsync();
        var value = await (await staff.GetAsync($"/api/v1/indicators/{T5}/value?regionCode=330723&year=2023")).ReadJsonAsync();

        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == T5);
        Assert.Equal(14m, item.GetProperty("target").GetDecimal());
        Assert.Equal(">=", item.GetProperty("comparator").GetString());
        Assert.Equal(value.GetProperty("value").GetDecimal(), item.GetProperty("actual").GetDecimal());
        Assert.True(value.GetProperty("value").GetDecimal() >= 12m);
    }

    [Fact]
    public async Task ParkTechSmes_CountOnlyResidentsOfParksWithAnEntryValidInTheYear()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        // A park of 茭道镇 (330723105) with a building; an incubator outside any park.
        var park = await CreateCarrierAsync(staff, Unique("茭道园区"), "park");
        var building = await CreateCarrierAsync(staff, Unique("茭道楼宇"), "building", parentId: park);
        var outside = await CreateCarrierAsync(staff, Unique("茭道园外孵化器"));
        var inPark = await CreateEnterpriseAsync(staff);
        var inBuilding = await CreateEnterpriseAsync(staff);
        var registeredOnly = await CreateEnterpriseAsync(staff);
        var leftBefore = await CreateEnterpriseAsync(staff);
        var noEntry = await CreateEnterpriseAsync(staff);
        var notInPark = await CreateEnterpriseAsync(staff);
        await AddTenancyAsync(staff, park, inPark.Id, "resident", "2023-12-31");
        await AddTenancyAsync(staff, building, inBuilding.Id, "resident", "2022-06-01", "2023-01-01");
        await AddTenancyAsync(staff, park, registeredOnly.Id, "registered", "2023-03-01");
        await AddTenancyAsync(staff, building, leftBefore.Id, "resident", "2022-01-01", "2022-12-31");
        await AddTenancyAsync(staff, building, noEntry.Id, "resident", "2023-03-01");
        await AddTenancyAsync(staff, outside, notInPark.Id, "resident", "2023-03-01");
        var roster = app.Services.GetRequiredService<ITechSmeRoster>();
        var serial = Random.Shared.Next(100_000, 999_999);
        await app.WithDbAsync(async db =>
        {
            foreach (var e in new[] { inPark, inBuilding, registeredOnly, leftBefore, notInPark })
            {
                await roster.AddEntryAsync(db, e.Id, "330723105", 2023, $"20233307230B{serial++:D6}");
            }
            await roster.AddEntryAsync(db, noEntry.Id, "330723105", 2022, $"20223307230B{serial++:D6}");
            return await db.SaveChangesAsync();
        });

        var value = await (await staff.GetAsync($"/api/v1/indicators/{T5}/value?regionCode=330723105&year=2023")).ReadJsonAsync();
        var records = await (await staff.GetAsync("/api/v1/carriers/park-tech-smes?regionCode=330723105&year=2023")).ReadJsonAsync();

        // inPark (entered on the last day of the year) and inBuilding (left on its first day) count; the others do not.
        Assert.Equal(2m, value.GetProperty("value").GetDecimal());
        var names = records.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("enterpriseName").GetString()).ToHashSet();
        Assert.Equal(new[] { inBuilding.Name, inPark.Name }.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnclaveAndMakerSpaceIndicators_CountTheRegionsRecords()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string region = "330723106"; // 大田乡: no demo carriers
        var enclave = await CreateCarrierAsync(staff, Unique("大田飞地"), "enclave", region);
        var tenant = await CreateEnterpriseAsync(staff);
        var gone = await CreateEnterpriseAsync(staff);
        await AddTenancyAsync(staff, enclave, tenant.Id, "resident", "2023-08-01");
        await AddTenancyAsync(staff, enclave, gone.Id, "resident", "2022-01-01", "2022-12-31");
        await (await staff.PostJsonAsync("/api/v1/carriers", Carrier(Unique("大田市级众创空间"), "maker-space", region, level: "city", opened: "2023-12-31"))).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/carriers", Carrier(Unique("大田县级众创空间"), "maker-space", region, level: "county"))).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/carriers", Carrier(Unique("大田省级众创空间"), "maker-space", region, level: "provincial", opened: "2024-01-01"))).CreatedIdAsync();

        async Task<decimal> ValueAsync(string code, int year) =>
            (await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode={region}&year={year}")).ReadJsonAsync()).GetProperty("value").GetDecimal();

        Assert.Equal(1m, await ValueAsync("carriers.enclave-resident-count", 2023));
        Assert.Equal(1m, await ValueAsync("carriers.enclave-resident-count", 2022));
        Assert.Equal(1m, await ValueAsync("carriers.city-maker-space-count", 2023));
        Assert.Equal(2m, await ValueAsync("carriers.city-maker-space-count", 2024));
        var targets = (await (await staff.GetAsync("/api/v1/targets?regionCode=330723&year=2023")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("indicatorCode").GetString()!, i => i.GetProperty("target").GetDecimal());
        Assert.Equal(5m, targets["carriers.enclave-resident-count"]);
        Assert.Equal(2m, targets["carriers.city-maker-space-count"]);
    }

    [Fact]
    public async Task TechSmeRoster_RefusesASecondEntryOfTheSameYear()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await CreateEnterpriseAsync(staff);
        var roster = app.Services.GetRequiredService<ITechSmeRoster>();
        var serial = Random.Shared.Next(100_000, 999_999);
        await app.WithDbAsync(async db =>
        {
            await roster.AddEntryAsync(db, enterprise.Id, "330723105", 2023, $"20233307230C{serial:D6}");
            return await db.SaveChangesAsync();
        });

        var problem = await Assert.ThrowsAsync<Kechuang.Platform.Problems.RuleException>(() => app.WithDbAsync(db =>
            roster.AddEntryAsync(db, enterprise.Id, "330723105", 2023, $"20233307230C{serial + 1:D6}")));

        Assert.Equal("enterprises.tech-sme-entry-exists", problem.Code);
    }

    [Fact]
    public async Task Pages_RenderTheDemoCarriersAndTheirTenants()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var wangyi = (await (await staff.GetAsync("/api/v1/carriers?q=武义网易联合创新中心")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/carriers"));
        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{wangyi}"));
        var form = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{wangyi}/edit"));
        var records = WebUtility.HtmlDecode(await staff.GetStringAsync("/carriers/park-tech-smes?regionCode=330723401&year=2023"));
        var park = (await (await staff.GetAsync("/api/v1/carriers?q=武义科技城&kind=park")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var parkPage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/carriers/{park}"));

        Assert.Contains("武义科技城", list, StringComparison.Ordinal);
        Assert.Contains("联合创新中心", list, StringComparison.Ordinal);
        Assert.Contains("注册企业 30 家", detail, StringComparison.Ordinal);
        Assert.Contains("入驻企业 11 家", detail, StringComparison.Ordinal);
        Assert.Contains("武义易联网络科技有限公司", detail, StringComparison.Ordinal);
        Assert.Contains("武义网易联合创新中心", form, StringComparison.Ordinal);
        Assert.Contains("共 12 家", records, StringComparison.Ordinal);
        // 武义科技城 itself: 科兴; with 7#楼 (4 residents now, one left in 2024) and the 网易 centre (30 registered, 11 resident).
        Assert.Contains("注册企业 0 家，入驻企业 1 家", parkPage, StringComparison.Ordinal);
        Assert.Contains("含下级载体：注册企业 30 家，入驻企业 16 家", parkPage, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : CarrierFiguresTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CarrierFiguresTests(app), IClassFixture<PostgresApp>;
}
