using System.Net;
using System.Net.Http.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>
/// Registration points (合同登记点) and the 14-digit numbers they issue: year, city, point, six-digit sequence. The
/// test host's clock stands in 2026; the demo's points are 金华市's counties, 武义县 03 and 磐安县 05.
/// </summary>
public abstract class RegistrationPointTests(KechuangApp app)
{
    private static object Point(string? region, string? code, string? name, bool? active = true) => new { regionCode = region, code, name, active };

    [Fact]
    public async Task List_ShowsTheCitysPoints_WithThisYearsPrefix()
    {
        var staff = await app.ClientAsync("city.staff");

        var list = await (await staff.GetAsync("/api/v1/registration-points")).ReadJsonAsync();

        var wuyi = list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("regionCode").GetString() == "330723");
        Assert.Equal("03", wuyi.GetProperty("code").GetString());
        Assert.Equal("武义县", wuyi.GetProperty("regionName").GetString());
        Assert.Equal("26330703", wuyi.GetProperty("numberPrefix").GetString());
        Assert.True(list.GetProperty("total").GetInt32() >= 9);
        // A county's staff see their own point only.
        var county = await (await (await app.ClientAsync("wuyi.staff")).GetAsync("/api/v1/registration-points")).ReadJsonAsync();
        Assert.Equal(["330723"], county.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task Register_EachCountyNumbersUnderItsOwnPoint()
    {
        var wuyi = await CreateAsync(await app.ClientAsync("wuyi.staff"), await BodyAsync(app, Unique("武义登记点合同")), "submit", "review");
        var panan = await CreateAsync(await app.ClientAsync("panan.staff"), await BodyAsync(app, Unique("磐安登记点合同"), seller: Bencao), "submit", "review");

        var wuyiNumber = (await (await (await app.ClientAsync("wuyi.staff")).PostAsync($"/api/v1/contracts/{wuyi}/register", null)).ReadJsonAsync())
            .GetProperty("registrationNumber").GetString()!;
        var pananNumber = (await (await (await app.ClientAsync("panan.staff")).PostAsync($"/api/v1/contracts/{panan}/register", null)).ReadJsonAsync())
            .GetProperty("registrationNumber").GetString()!;

        Assert.Matches("^26330703[0-9]{6}$", wuyiNumber);
        Assert.Matches("^26330705[0-9]{6}$", pananNumber);
    }

    [Fact]
    public async Task NextNumber_StartsAgainInANewYear_AndTakesTheTownsCounty()
    {
        var (next2027, nextNow) = await app.WithDbAsync(async db =>
        {
            return (await RegisterContractHandler.NextNumberAsync(db, "330723101", 2027, CancellationToken.None),
                await RegisterContractHandler.NextNumberAsync(db, "330723", 2026, CancellationToken.None));
        });

        Assert.Equal("27330703000001", next2027);
        Assert.Matches("^26330703[0-9]{6}$", nextNow);
    }

    [Fact]
    public async Task Register_WithoutAnActivePoint_Is409_AndNothingChanges()
    {
        var city = await app.ClientAsync("city.staff");
        var wuyiStaff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(wuyiStaff, await BodyAsync(app, Unique("停用登记点合同")), "submit", "review");
        var point = await app.WithDbAsync(db => db.Set<RegistrationPoint>().SingleAsync(p => p.RegionCode == "330723"));
        Assert.Equal(HttpStatusCode.NoContent, (await city.PutAsJsonAsync($"/api/v1/registration-points/{point.Id}", Point(null, "03", point.Name, active: false))).StatusCode);
        try
        {
            var refused = await wuyiStaff.PostAsync($"/api/v1/contracts/{id}/register", null);

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("contracts.no-registration-point", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
            var detail = await (await wuyiStaff.GetAsync($"/api/v1/contracts/{id}")).ReadJsonAsync();
            Assert.Equal("under-review", detail.GetProperty("status").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await city.PutAsJsonAsync($"/api/v1/registration-points/{point.Id}", Point(null, "03", point.Name))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await wuyiStaff.PostAsync($"/api/v1/contracts/{id}/register", null)).StatusCode);
    }

    [Fact]
    public async Task Create_ChecksFields_Duplicates_RoleAndScope()
    {
        var city = await app.ClientAsync("city.staff");

        var invalid = await city.PostJsonAsync("/api/v1/registration-points", Point("330700", "3", ""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("登记点设在县（市、区），请选择县级行政区划", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal("登记点编号为两位数字（01–99）", errors.GetProperty("code")[0].GetString());
        Assert.Equal("请填写登记点名称", errors.GetProperty("name")[0].GetString());

        var sameCounty = await city.PostJsonAsync("/api/v1/registration-points", Point("330723", "42", "武义县第二登记点"));
        Assert.Equal(HttpStatusCode.Conflict, sameCounty.StatusCode);
        Assert.Equal("contracts.registration-point-exists", (await sameCounty.ReadJsonAsync()).GetProperty("code").GetString());

        // 金华市's code 03 is 武义县's: no other county of the city takes it. 杭州市 (another city's numbers) is outside the
        // city staff's scope.
        var outside = await city.PostJsonAsync("/api/v1/registration-points", Point("330106", "03", "西湖区技术合同登记点"));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("该行政区划不在您的数据范围内", (await outside.ReadJsonAsync()).GetProperty("errors").GetProperty("regionCode")[0].GetString());

        var county = await app.ClientAsync("wuyi.staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostJsonAsync("/api/v1/registration-points", Point("330723", "42", "武义县第二登记点"))).StatusCode);

        var point = await app.WithDbAsync(db => db.Set<RegistrationPoint>().SingleAsync(p => p.RegionCode == "330726"));
        var takenCode = await city.PutAsJsonAsync($"/api/v1/registration-points/{point.Id}", Point(null, "03", point.Name));
        Assert.Equal(HttpStatusCode.Conflict, takenCode.StatusCode);
        Assert.Equal("contracts.duplicate-registration-point", (await takenCode.ReadJsonAsync()).GetProperty("code").GetString());
        var moved = await city.PutAsJsonAsync($"/api/v1/registration-points/{point.Id}", Point("330723", point.Code, point.Name));
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(point.Code, (await app.WithDbAsync(db => db.Set<RegistrationPoint>().SingleAsync(p => p.Id == point.Id))).Code);
    }

    public sealed class OnSqlite(SqliteApp app) : RegistrationPointTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RegistrationPointTests(app), IClassFixture<PostgresApp>;
}
