using System.Net;
using Kechuang.Tests.Support;
using static Kechuang.Tests.Integration.Contracts.ContractApi;

namespace Kechuang.Tests.Integration.Contracts;

public abstract class TargetsTests(KechuangApp app)
{
    [Fact]
    public async Task PostTarget_CityCreatesThenReplaces_CountyIsForbidden()
    {
        var city = await app.ClientAsync("city.staff");
        var county = await app.ClientAsync("wuyi.staff");
        var body = new { regionCode = "330726", year = 2031, indicatorCode = "contracts.registered-count", comparator = ">=", target = 40m };

        var created = await city.PostJsonAsync("/api/v1/targets", body);
        var replaced = await city.PostJsonAsync("/api/v1/targets", body with { target = 45.5m });
        var forbidden = await county.PostJsonAsync("/api/v1/targets", body with { regionCode = "330723" });
        var bad = await city.PostJsonAsync("/api/v1/targets", new { regionCode = "999999", year = 1800, indicatorCode = "nope", comparator = "==", target = -1m });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal((await created.ReadJsonAsync()).GetProperty("id").GetGuid(), (await replaced.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "regionCode", "year", "indicatorCode", "comparator", "target" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var list = await (await city.GetAsync("/api/v1/targets?regionCode=330726&year=2031")).ReadJsonAsync();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(45.5m, item.GetProperty("target").GetDecimal());
        Assert.Equal(0m, item.GetProperty("actual").GetDecimal());
        Assert.False(item.GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Registering_ChangesTheIndicatorOfTheYear()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var before = (await (await staff.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?year=2026")).ReadJsonAsync()).GetProperty("value").GetDecimal();
        var id = await CreateAsync(staff, await BodyAsync(app, Unique("指标变化合同"), 500000m, 432100.5m), "submit", "review");
        var unchanged = (await (await staff.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?year=2026")).ReadJsonAsync()).GetProperty("value").GetDecimal();

        await staff.PostAsync($"/api/v1/contracts/{id}/register", null);

        var after = (await (await staff.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?year=2026")).ReadJsonAsync()).GetProperty("value").GetDecimal();
        Assert.Equal(before, unchanged);
        Assert.True(after - before >= 432100.5m);
    }

    public sealed class OnSqlite(SqliteApp app) : TargetsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TargetsTests(app), IClassFixture<PostgresApp>;
}
