using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>The targets list: search by indicator, year and region filters, server-side sort and the filtered export.</summary>
public abstract class TargetListTests(KechuangApp app)
{
    private static readonly string[] Counties = ["330782", "330702", "330784"];

    // Each test sets its targets in a year of its own, so the tests do not see each other's rows.
    private async Task<(string First, string Second)> SetTargetsAsync(int year)
    {
        var city = await app.ClientAsync("city.staff");
        var indicators = (await (await city.GetAsync("/api/v1/indicators")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => (Code: i.GetProperty("code").GetString()!, Name: i.GetProperty("name").GetString()!)).ToList();
        var first = indicators[0];
        var second = indicators.First(i => !i.Name.Contains(first.Name, StringComparison.Ordinal) && !first.Name.Contains(i.Name, StringComparison.Ordinal));
        foreach (var region in Counties)
        {
            foreach (var code in new[] { first.Code, second.Code })
            {
                var response = await city.PostJsonAsync("/api/v1/targets", new { regionCode = region, year, indicatorCode = code, comparator = ">=", target = 10m });
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
        }
        return (first.Name, second.Name);
    }

    [Fact]
    public async Task List_SearchByIndicatorName_ListsOnlyThatIndicatorsTargets()
    {
        var (first, _) = await SetTargetsAsync(2041);
        var city = await app.ClientAsync("city.staff");

        var list = await (await city.GetAsync($"/api/v1/targets?year=2041&q={Uri.EscapeDataString(first)}")).ReadJsonAsync();

        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.All(Items(list), i => Assert.Equal(first, i.GetProperty("indicatorName").GetString()));
    }

    [Fact]
    public async Task List_RegionFilter_ListsOnlyThatRegionsTargets()
    {
        await SetTargetsAsync(2042);
        var city = await app.ClientAsync("city.staff");

        var list = await (await city.GetAsync("/api/v1/targets?year=2042&regionCode=330782")).ReadJsonAsync();

        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.All(Items(list), i => Assert.Equal("330782", i.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task List_SortByRegion_OrdersOnTheServerBothWays_AndPages()
    {
        await SetTargetsAsync(2043);
        var city = await app.ClientAsync("city.staff");

        var ascending = Regions(await (await city.GetAsync("/api/v1/targets?year=2043&sort=regionCode")).ReadJsonAsync());
        var descending = Regions(await (await city.GetAsync("/api/v1/targets?year=2043&sort=regionCode&desc=true")).ReadJsonAsync());
        var page = await (await city.GetAsync("/api/v1/targets?year=2043&sort=regionCode&pageSize=4&page=2")).ReadJsonAsync();

        Assert.Equal(["330702", "330702", "330782", "330782", "330784", "330784"], ascending);
        Assert.Equal(["330784", "330784", "330782", "330782", "330702", "330702"], descending);
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(["330784", "330784"], Regions(page));
    }

    [Fact]
    public async Task List_UnknownSortColumn_Is400()
    {
        var city = await app.ClientAsync("city.staff");

        var response = await city.GetAsync("/api/v1/targets?sort=target");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Export_WithTheListsFilters_HoldsExactlyTheFilteredRowsInTheListsOrder()
    {
        await SetTargetsAsync(2044);
        var city = await app.ClientAsync("city.staff");
        const string filters = "year=2044&sort=regionCode&desc=true";
        var list = await (await city.GetAsync($"/api/v1/targets?{filters}")).ReadJsonAsync();

        var export = await city.GetAsync($"/api/v1/targets/export?{filters}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(Regions(list), rows.Select(r => r["区划代码"].ToString()!).ToList());
    }

    private static List<JsonElement> Items(JsonElement list) => list.GetProperty("items").EnumerateArray().ToList();

    private static List<string> Regions(JsonElement list) => Items(list).Select(i => i.GetProperty("regionCode").GetString()!).ToList();

    public sealed class OnSqlite(SqliteApp app) : TargetListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TargetListTests(app), IClassFixture<PostgresApp>;
}
