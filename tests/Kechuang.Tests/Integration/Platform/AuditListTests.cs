using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>The audit log as a list: search, filters, sort by time and the export of exactly the filtered list.</summary>
public abstract class AuditListTests(KechuangApp app)
{
    private async Task<string> NewOrganizationAsync(string name)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        return (await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name, kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" })).CreatedIdAsync()).ToString();
    }

    [Fact]
    public async Task List_SearchByRecordKey_FindsOnlyThatRecordsEntries()
    {
        var id = await NewOrganizationAsync("审计搜索测试公司");
        var admin = await app.ClientAsync("auditor");

        var list = await (await admin.GetAsync($"/api/v1/audit?q={id}")).ReadJsonAsync();

        var keys = Items(list).Select(i => i.GetProperty("entityKey").GetString()).Distinct().ToList();
        Assert.Equal([id], keys);
        Assert.Contains(Items(list), i => i.GetProperty("action").GetString() == "create");
    }

    [Fact]
    public async Task List_SearchByAccount_FindsThatAccountsEntries()
    {
        await NewOrganizationAsync("审计账号搜索测试公司");
        var admin = await app.ClientAsync("auditor");

        var list = await (await admin.GetAsync("/api/v1/audit?q=wuyi.staff&pageSize=200")).ReadJsonAsync();

        Assert.NotEmpty(Items(list));
        Assert.All(Items(list), i => Assert.Contains("wuyi.staff", i.GetProperty("account").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_EntityAndActionFilters_ListOnlyThoseEntries()
    {
        await NewOrganizationAsync("审计筛选测试公司");
        var admin = await app.ClientAsync("auditor");
        var all = await (await admin.GetAsync("/api/v1/audit")).ReadJsonAsync();

        var list = await (await admin.GetAsync("/api/v1/audit?entity=directory_organization&action=create&pageSize=200")).ReadJsonAsync();

        Assert.InRange(list.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
        Assert.All(Items(list), i =>
        {
            Assert.Equal("directory_organization", i.GetProperty("entity").GetString());
            Assert.Equal("create", i.GetProperty("action").GetString());
        });
    }

    [Fact]
    public async Task List_DateRange_KeepsOnlyEntriesInside()
    {
        await NewOrganizationAsync("审计日期测试公司");
        var admin = await app.ClientAsync("auditor");
        var to = DateTime.UtcNow.AddDays(1).ToString("o");

        var future = await (await admin.GetAsync($"/api/v1/audit?from={Uri.EscapeDataString(to)}")).ReadJsonAsync();
        var past = await (await admin.GetAsync($"/api/v1/audit?to={Uri.EscapeDataString(to)}")).ReadJsonAsync();

        Assert.Equal(0, future.GetProperty("total").GetInt32());
        Assert.True(past.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task List_SortByTime_OrdersOnTheServerBothWays()
    {
        await NewOrganizationAsync("审计排序测试公司");
        var admin = await app.ClientAsync("auditor");

        var ascending = Seqs(await (await admin.GetAsync("/api/v1/audit?sort=at&pageSize=50")).ReadJsonAsync());
        var descending = Seqs(await (await admin.GetAsync("/api/v1/audit?sort=at&desc=true&pageSize=50")).ReadJsonAsync());

        Assert.True(ascending.Count > 10);
        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > ascending[^1]);
    }

    [Fact]
    public async Task List_UnknownSortColumn_Is400()
    {
        var admin = await app.ClientAsync("auditor");

        var response = await admin.GetAsync("/api/v1/audit?sort=account");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Export_WithTheListsFilters_HoldsExactlyTheFilteredRowsInTheListsOrder()
    {
        await NewOrganizationAsync("审计导出测试公司");
        var admin = await app.ClientAsync("auditor");
        const string filters = "entity=directory_organization&q=wuyi.staff&sort=at";
        var list = await (await admin.GetAsync($"/api/v1/audit?{filters}&pageSize=200")).ReadJsonAsync();

        var export = await admin.GetAsync($"/api/v1/audit/export?{filters}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.InRange(rows.Count, 1, 200);
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(Seqs(list), rows.Select(r => Convert.ToInt64(r["序号"], System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.All(rows, r => Assert.Equal("组织", r["对象"]));
    }

    [Fact]
    public async Task Export_ByStaff_IsForbidden()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var export = await staff.GetAsync("/api/v1/audit/export");

        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task Page_HasTheListToolbarWithLabelledFilters()
    {
        var admin = await app.ClientAsync("auditor");

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit"));

        Assert.Contains("id=\"account-filter\"", html, StringComparison.Ordinal);
        Assert.Contains("起始日期", html, StringComparison.Ordinal);
        Assert.Contains("截止日期", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/audit/export", html, StringComparison.Ordinal);
    }

    private static List<JsonElement> Items(JsonElement list) => list.GetProperty("items").EnumerateArray().ToList();

    private static List<long> Seqs(JsonElement list) => Items(list).Select(i => i.GetProperty("seq").GetInt64()).ToList();

    public sealed class OnSqlite(SqliteApp app) : AuditListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditListTests(app), IClassFixture<PostgresApp>;
}
