using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>The cultivation pool list: search by name, credit code or pinyin initials, the pool filter, sort and paging, and the export of the list as shown.</summary>
public abstract class ScreeningListTests(KechuangApp app)
{
    private const string Screening = "/api/v1/cultivation/screening?regionCode=330723&year=2024";
    private const string Hengda = "武义县恒达电动工具有限公司";

    [Fact]
    public async Task List_SearchByPartOfName_FindsOnlyMatchingEnterprises()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync($"{Screening}&q={Uri.EscapeDataString("恒达")}")).ReadJsonAsync();

        Assert.Contains("武义县恒达电动工具有限公司", Names(list));
        Assert.All(Names(list), n => Assert.Contains("恒达", n, StringComparison.Ordinal));
        Assert.Equal(Names(list).Count, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_SearchByPinyinInitials_FindsTheEnterprise()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        // 恒达电动工具 → hdddgj, as the enterprise list finds it.
        var list = await (await staff.GetAsync($"{Screening}&q=HDDDGJ")).ReadJsonAsync();

        Assert.Equal([Hengda], Names(list));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_SearchByCreditCode_FindsTheEnterprise()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = (await (await staff.GetAsync($"/api/v1/enterprises?q={Uri.EscapeDataString(Hengda)}")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("creditCode").GetString()!;

        var list = await (await staff.GetAsync($"{Screening}&q={code.ToLowerInvariant()}")).ReadJsonAsync();
        var export = await staff.GetAsync($"/api/v1/cultivation/screening/export?regionCode=330723&year=2024&q={code}");

        Assert.Equal(18, code.Length);
        Assert.Equal([Hengda], Names(list));
        await using var stream = await export.Content.ReadAsStreamAsync();
        Assert.Equal([Hengda], stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["企业名称"].ToString()).ToList());
    }

    [Fact]
    public async Task List_SearchMatchingNoEnterpriseOfThePool_IsEmpty()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        // Letters that are the initials of no enterprise's name: the pinyin search must not match everything.
        var list = await (await staff.GetAsync($"{Screening}&q=qqxq")).ReadJsonAsync();

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Empty(Names(list));
    }

    [Fact]
    public async Task List_PoolFilter_ListsOnlyThatPool()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var all = await (await staff.GetAsync(Screening)).ReadJsonAsync();

        var pool = await (await staff.GetAsync($"{Screening}&pool=tech-sme-candidate")).ReadJsonAsync();

        Assert.InRange(pool.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
        Assert.All(pool.GetProperty("items").EnumerateArray(),
            i => Assert.Contains("tech-sme-candidate", i.GetProperty("pools").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public async Task List_SortBySalesRevenue_OrdersBothWays_AndPages()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var ascending = Revenues(await (await staff.GetAsync($"{Screening}&sort=salesRevenue")).ReadJsonAsync());
        var descending = Revenues(await (await staff.GetAsync($"{Screening}&sort=salesRevenue&desc=true")).ReadJsonAsync());
        var page = await (await staff.GetAsync($"{Screening}&sort=salesRevenue&desc=true&pageSize=10&page=2")).ReadJsonAsync();

        Assert.True(ascending.Count > 20);
        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending[0]);
        Assert.Equal(descending.Skip(10).Take(10), Revenues(page));
        Assert.Equal(descending.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_UnknownSortColumn_Is400()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var response = await staff.GetAsync($"{Screening}&sort=pools");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Export_WithSearchAndSort_HoldsExactlyTheListInItsOrder()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string filters = "&q=%E6%AD%A6%E4%B9%89&sort=name&desc=true";
        var list = await (await staff.GetAsync($"{Screening}{filters}")).ReadJsonAsync();

        var export = await staff.GetAsync($"/api/v1/cultivation/screening/export?regionCode=330723&year=2024{filters}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.True(rows.Count >= 2);
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(Names(list), rows.Select(r => r["企业名称"].ToString()!).ToList());
    }

    [Fact]
    public async Task Page_HasTheListToolbar_AndARegionPickedByName()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/cultivation?regionCode=330723&year=2024"));

        Assert.Contains("id=\"pool-search\"", html, StringComparison.Ordinal);
        Assert.Contains("所在地区", html, StringComparison.Ordinal);
        Assert.DoesNotContain("区划代码 <input", html, StringComparison.Ordinal);
    }

    private static List<string> Names(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    private static List<decimal> Revenues(JsonElement list) => list.GetProperty("items").EnumerateArray()
        .Select(i => i.GetProperty("salesRevenue") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : -1m).ToList();

    public sealed class OnSqlite(SqliteApp app) : ScreeningListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ScreeningListTests(app), IClassFixture<PostgresApp>;
}
