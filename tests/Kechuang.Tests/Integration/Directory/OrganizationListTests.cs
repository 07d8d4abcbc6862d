using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Directory;

/// <summary>The organisation list's search, filters, server-side sort and filtered export, on the demo directory.</summary>
public abstract class OrganizationListTests(KechuangApp app)
{
    private const string Shouxiangu = "浙江寿仙谷医药股份有限公司";

    [Theory]
    [InlineData("zjsxg")]
    [InlineData("ZJSXG")]
    [InlineData("寿仙谷")]
    public async Task List_SearchByNameOrPinyinInitials_FindsTheOrganization(string q)
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(q)}")).ReadJsonAsync();

        Assert.Contains(Shouxiangu, Names(list));
    }

    [Fact]
    public async Task List_SearchByPartOfCreditCode_FindsTheOrganization()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = (await (await staff.GetAsync("/api/v1/organizations?q=zjsxg")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("creditCode").GetString()!;

        var list = await (await staff.GetAsync($"/api/v1/organizations?q={code[8..].ToLowerInvariant()}")).ReadJsonAsync();

        Assert.Equal([Shouxiangu], Names(list));
    }

    [Fact]
    public async Task List_KindFilter_ListsOnlyThatKind()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var all = await (await staff.GetAsync("/api/v1/organizations?pageSize=200")).ReadJsonAsync();

        var government = await (await staff.GetAsync("/api/v1/organizations?kind=government&pageSize=200")).ReadJsonAsync();

        var kinds = government.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Distinct().ToList();
        Assert.Equal(["government"], kinds);
        Assert.InRange(government.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
    }

    [Fact]
    public async Task List_SortByCreditCode_OrdersOnTheServerBothWays()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var ascending = Codes(await (await staff.GetAsync("/api/v1/organizations?sort=creditCode&pageSize=200")).ReadJsonAsync());
        var descending = Codes(await (await staff.GetAsync("/api/v1/organizations?sort=creditCode&desc=true&pageSize=200")).ReadJsonAsync());

        Assert.True(ascending.Count > 10);
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(descending.OrderDescending(StringComparer.Ordinal), descending);
        Assert.True(string.CompareOrdinal(descending[0], ascending[^1]) > 0);
    }

    [Fact]
    public async Task List_PagesSortedByAColumnWithTies_NeitherRepeatNorSkipRows()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var total = (await (await staff.GetAsync("/api/v1/organizations?sort=kindName")).ReadJsonAsync()).GetProperty("total").GetInt32();

        var seen = new List<string>();
        for (var page = 1; (page - 1) * 7 < total; page++)
        {
            seen.AddRange(Ids(await (await staff.GetAsync($"/api/v1/organizations?sort=kindName&pageSize=7&page={page}")).ReadJsonAsync()));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_TownRegionFilter_ListsOnlyThatTownsOrganizations_AndTheCountyListsBoth()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var token = $"乡镇筛选{Guid.NewGuid():N}"[..14];
        await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name = $"{token}桐琴公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723101" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name = $"{token}泉溪公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723102" })).CreatedIdAsync();

        var town = await (await staff.GetAsync($"/api/v1/organizations?regionCode=330723101&q={Uri.EscapeDataString(token)}")).ReadJsonAsync();
        var county = await (await staff.GetAsync($"/api/v1/organizations?regionCode=330723&q={Uri.EscapeDataString(token)}")).ReadJsonAsync();

        Assert.Equal([$"{token}桐琴公司"], Names(town));
        Assert.Equal(2, county.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_UnknownSortColumn_Is400NamingTheChoices()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.GetAsync("/api/v1/organizations?sort=contactPhone");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("creditCode", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("sort")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithTheListsFilters_HoldsExactlyTheFilteredRowsInTheListsOrder()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string filters = "kind=enterprise&q=zj&sort=creditCode&desc=true";
        var list = await (await staff.GetAsync($"/api/v1/organizations?{filters}&pageSize=200")).ReadJsonAsync();

        var export = await staff.GetAsync($"/api/v1/organizations/export?{filters}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.InRange(rows.Count, 2, 200);
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(Codes(list), rows.Select(r => r["统一社会信用代码"].ToString()!).ToList());
        Assert.All(rows, r => Assert.Equal("企业", r["组织类型"]));
    }

    private static List<string> Names(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    private static List<string> Codes(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("creditCode").GetString()!).ToList();

    private static List<string> Ids(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    public sealed class OnSqlite(SqliteApp app) : OrganizationListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OrganizationListTests(app), IClassFixture<PostgresApp>;
}
