using System.Net;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>A 磐安县 account sees no 武义县 enterprise or person through list, detail, export and API.</summary>
public abstract class DataScopeTests(KechuangApp app)
{
    private string IdNumber { get; } = KechuangApp.NewIdNumber();

    private async Task<(Guid Enterprise, Guid Person, string Code)> WuyiRecordsAsync()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var code = KechuangApp.NewCreditCode();
        var enterprise = await (await wuyi.PostJsonAsync("/api/v1/organizations",
            new { name = "武义范围测试企业", kind = "enterprise", creditCode = code, regionCode = "330723101" })).CreatedIdAsync();
        var person = await (await wuyi.PostJsonAsync("/api/v1/people",
            new { name = "范围测试联系人", kind = "contact", organizationId = enterprise, phone = "13800001111", idNumber = IdNumber })).CreatedIdAsync();
        return (enterprise, person, code);
    }

    [Fact]
    public async Task PananStaff_SeesNoWuyiEnterpriseOrPerson_AnyWay()
    {
        var (enterprise, person, code) = await WuyiRecordsAsync();
        var panan = await app.ClientAsync("panan.staff");

        var orgList = await (await panan.GetAsync($"/api/v1/organizations?q={code}")).ReadJsonAsync();
        var orgAll = await (await panan.GetAsync("/api/v1/organizations?kind=enterprise&pageSize=200")).ReadJsonAsync();
        var orgDetail = await panan.GetAsync($"/api/v1/organizations/{enterprise}");
        var orgByRegion = await (await panan.GetAsync("/api/v1/organizations?regionCode=330723")).ReadJsonAsync();
        var personList = await (await panan.GetAsync("/api/v1/people?q=范围测试联系人")).ReadJsonAsync();
        var personDetail = await panan.GetAsync($"/api/v1/people/{person}");
        var export = await panan.GetAsync("/api/v1/organizations/export?kind=enterprise");
        var peopleExport = await panan.GetAsync("/api/v1/people/export");

        Assert.Equal(0, orgList.GetProperty("total").GetInt32());
        Assert.All(orgAll.GetProperty("items").EnumerateArray(), o => Assert.StartsWith("330727", o.GetProperty("regionCode").GetString()));
        Assert.True(orgAll.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.NotFound, orgDetail.StatusCode);
        Assert.Equal(0, orgByRegion.GetProperty("items").EnumerateArray().Count(o => o.GetProperty("kind").GetString() == "enterprise"));
        Assert.Equal(0, personList.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, personDetail.StatusCode);
        var exported = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.DoesNotContain(exported, r => (r["行政区划代码"]?.ToString() ?? "").StartsWith("330723", StringComparison.Ordinal));
        Assert.Contains(exported, r => (r["行政区划代码"]?.ToString() ?? "").StartsWith("330727", StringComparison.Ordinal));
        var exportedPeople = (await peopleExport.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.DoesNotContain(exportedPeople, r => Equals(r["姓名"], "范围测试联系人"));
    }

    [Fact]
    public async Task WuyiStaff_SeesItsRecords_AndCityStaffSeesBoth()
    {
        var (enterprise, person, _) = await WuyiRecordsAsync();
        var wuyi = await app.ClientAsync("wuyi.staff");
        var city = await app.ClientAsync("city.staff");

        Assert.Equal(HttpStatusCode.OK, (await wuyi.GetAsync($"/api/v1/organizations/{enterprise}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/people/{person}")).StatusCode);
        // The demo population puts hundreds of 武义 enterprises first in the list: ask per county.
        foreach (var county in new[] { "330723", "330727" })
        {
            var cityList = await (await city.GetAsync($"/api/v1/organizations?kind=enterprise&regionCode={county}")).ReadJsonAsync();
            Assert.True(cityList.GetProperty("total").GetInt32() > 0, county);
            Assert.All(cityList.GetProperty("items").EnumerateArray(), o => Assert.StartsWith(county, o.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
        }
        var wuyiAsksPanan = await (await wuyi.GetAsync("/api/v1/organizations?kind=enterprise&regionCode=330727")).ReadJsonAsync();
        Assert.Equal(0, wuyiAsksPanan.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CityAndCountyStaff_RegisterAndCorrectInstitutionsAndGovernmentUnitsOfAnyRegion_ButNoEnterpriseOutsideTheirScope()
    {
        var city = await app.ClientAsync("city.staff");
        var wuyi = await app.ClientAsync("wuyi.staff");
        var zju = KechuangApp.NewCreditCode();
        var bureau = KechuangApp.NewCreditCode();

        // 浙江大学 in 杭州市西湖区 (330106), registered by the city; a Shanghai government unit by a county clerk.
        var university = await (await city.PostJsonAsync("/api/v1/organizations",
            new { name = "浙江大学（范围测试）", kind = "institution", creditCode = zju, regionCode = "330106" })).CreatedIdAsync();
        var government = await (await wuyi.PostJsonAsync("/api/v1/organizations",
            new { name = "上海市科学技术委员会（范围测试）", kind = "government", creditCode = bureau, regionCode = "310101" })).CreatedIdAsync();
        var corrected = await wuyi.PutAsJsonAsync($"/api/v1/organizations/{university}",
            new { name = "浙江大学", kind = "institution", creditCode = zju, regionCode = "330106" });
        // An enterprise of 杭州 stays outside both scopes, and a shared unit cannot be turned into one.
        var enterprise = await wuyi.PostJsonAsync("/api/v1/organizations",
            new { name = "杭州范围测试有限公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330106" });
        var turned = await wuyi.PutAsJsonAsync($"/api/v1/organizations/{government}",
            new { name = "上海市科学技术委员会（范围测试）", kind = "enterprise", creditCode = bureau, regionCode = "310101" });

        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, turned.StatusCode);
        var saved = await (await wuyi.GetAsync($"/api/v1/organizations/{university}")).ReadJsonAsync();
        Assert.Equal("浙江大学", saved.GetProperty("name").GetString());
        Assert.Equal("330106", saved.GetProperty("regionCode").GetString());
        var unchanged = await (await city.GetAsync($"/api/v1/organizations/{government}")).ReadJsonAsync();
        Assert.Equal("government", unchanged.GetProperty("kind").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Kechuang.Modules.Directory.Organization>().IgnoreQueryFilters().CountAsync(o => o.Name == "杭州范围测试有限公司")));
    }

    [Fact]
    public async Task PananStaff_CannotChangeWuyiEnterprise()
    {
        var (enterprise, _, code) = await WuyiRecordsAsync();
        var panan = await app.ClientAsync("panan.staff");

        var response = await panan.PutAsJsonAsync($"/api/v1/organizations/{enterprise}",
            new { name = "被改名", kind = "enterprise", creditCode = code, regionCode = "330727101" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EnterpriseAccount_SeesOnlyItsOwnEnterprise_AndSharedInstitutions()
    {
        var shouxiangu = await app.ClientAsync("shouxiangu");

        var enterprises = await (await shouxiangu.GetAsync("/api/v1/organizations?kind=enterprise")).ReadJsonAsync();
        var institutions = await (await shouxiangu.GetAsync("/api/v1/organizations?kind=institution")).ReadJsonAsync();

        Assert.Equal(1, enterprises.GetProperty("total").GetInt32());
        Assert.Equal("浙江寿仙谷医药股份有限公司", enterprises.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.True(institutions.GetProperty("total").GetInt32() >= 5);
    }

    [Fact]
    public async Task PhoneAndIdNumber_AreMaskedForExpertButNotForStaff()
    {
        var (_, person, _) = await WuyiRecordsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var expert = await app.ClientAsync("expert.chen");

        var full = await (await staff.GetAsync($"/api/v1/people/{person}")).ReadJsonAsync();
        var masked = await (await expert.GetAsync($"/api/v1/people/{person}")).ReadJsonAsync();

        Assert.Equal("13800001111", full.GetProperty("phone").GetString());
        Assert.Equal("138****1111", masked.GetProperty("phone").GetString());
        Assert.Equal(IdNumber, full.GetProperty("idNumber").GetString());
        Assert.Equal(IdNumber[..6] + "********" + IdNumber[^4..], masked.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task EnterpriseAndExpert_CannotCreateOrganizations()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var expert = await app.ClientAsync("expert.chen");
        var body = new { name = "越权新建企业", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" };

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostJsonAsync("/api/v1/organizations", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostJsonAsync("/api/v1/organizations", body)).StatusCode);
    }

    [Fact]
    public async Task EnterpriseAccount_MayCorrectItsOwnEntry_ButNoOther()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var own = (await (await enterprise.GetAsync("/api/v1/organizations?kind=enterprise")).ReadJsonAsync()).GetProperty("items")[0];
        var (other, _, otherCode) = await WuyiRecordsAsync();

        var ownUpdate = await enterprise.PutAsJsonAsync($"/api/v1/organizations/{own.GetProperty("id").GetGuid()}", new
        {
            name = own.GetProperty("name").GetString(),
            kind = "enterprise",
            creditCode = own.GetProperty("creditCode").GetString(),
            regionCode = own.GetProperty("regionCode").GetString(),
            address = "武义县壶山街道商城路10号（已更正）",
        });
        var otherUpdate = await enterprise.PutAsJsonAsync($"/api/v1/organizations/{other}",
            new { name = "改别家", kind = "enterprise", creditCode = otherCode, regionCode = "330723101" });

        Assert.Equal(HttpStatusCode.NoContent, ownUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUpdate.StatusCode);
    }

    [Fact]
    public async Task EnterpriseAccount_SavingItsContactWithMaskedNumbersUnchanged_KeepsTheStoredNumbers()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var staff = await app.ClientAsync("wuyi.staff");
        var person = (await (await enterprise.GetAsync("/api/v1/people?q=钱海峰")).ReadJsonAsync()).GetProperty("items")[0];
        var id = person.GetProperty("id").GetGuid();
        var before = await (await staff.GetAsync($"/api/v1/people/{id}")).ReadJsonAsync();
        Assert.Contains("****", person.GetProperty("phone").GetString());

        var response = await enterprise.PutAsJsonAsync($"/api/v1/people/{id}", new
        {
            name = "钱海峰",
            kind = "contact",
            organizationId = person.GetProperty("organizationId").GetGuid(),
            phone = person.GetProperty("phone").GetString(),
            idNumber = person.GetProperty("idNumber").GetString(),
            title = "研发中心主任",
            fields = person.GetProperty("fields").GetString(),
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await (await staff.GetAsync($"/api/v1/people/{id}")).ReadJsonAsync();
        Assert.Equal(before.GetProperty("phone").GetString(), after.GetProperty("phone").GetString());
        Assert.Equal(before.GetProperty("idNumber").GetString(), after.GetProperty("idNumber").GetString());
        Assert.Equal("研发中心主任", after.GetProperty("title").GetString());
    }

    public sealed class OnSqlite(SqliteApp app) : DataScopeTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : DataScopeTests(app), IClassFixture<PostgresApp>;
}
