using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>The enterprise list (304 demo profiles for 武义): search incl. pinyin initials and credit code, qualification filter, sort, filtered export.</summary>
public abstract class EnterpriseListTests(KechuangApp app)
{
    private const string Shouxiangu = "浙江寿仙谷医药股份有限公司";

    [Fact]
    public async Task List_SearchByPinyinInitials_FindsTheEnterprise()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync("/api/v1/enterprises?q=zjsxg")).ReadJsonAsync();

        Assert.Equal([Shouxiangu], Names(list));
    }

    [Fact]
    public async Task List_SearchByCreditCode_FindsTheEnterprise()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = (await (await staff.GetAsync("/api/v1/enterprises?q=寿仙谷")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("creditCode").GetString()!;

        var list = await (await staff.GetAsync($"/api/v1/enterprises?q={code}")).ReadJsonAsync();

        Assert.Equal(18, code.Length);
        Assert.Equal([Shouxiangu], Names(list));
    }

    [Fact]
    public async Task List_QualificationFilter_ListsOnlyHolders()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var all = (await (await staff.GetAsync("/api/v1/enterprises")).ReadJsonAsync()).GetProperty("total").GetInt32();

        var list = await (await staff.GetAsync("/api/v1/enterprises?qualification=high-tech-enterprise&pageSize=200")).ReadJsonAsync();

        var total = list.GetProperty("total").GetInt32();
        Assert.InRange(total, 1, all - 1);
        Assert.All(list.GetProperty("items").EnumerateArray(),
            i => Assert.Contains("高新技术企业", i.GetProperty("qualifications").EnumerateArray().Select(q => q.GetString())));
    }

    [Fact]
    public async Task List_SortByRegistrationDateDescending_NewestFirst()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync("/api/v1/enterprises?sort=registrationDate&desc=true&pageSize=200")).ReadJsonAsync();

        var dates = list.GetProperty("items").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("registrationDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(200, dates.Count);
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.NotEqual(dates.Min(), dates.Max());
    }

    [Fact]
    public async Task Export_WithTheListsFilters_HoldsExactlyTheFilteredRows()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string filters = "qualification=high-tech-enterprise&sort=name&desc=true";
        var list = await (await staff.GetAsync($"/api/v1/enterprises?{filters}&pageSize=200")).ReadJsonAsync();

        var export = await staff.GetAsync($"/api/v1/enterprises/export?{filters}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(Names(list), rows.Select(r => r["企业名称"].ToString()!).ToList());
        Assert.All(rows, r => Assert.Contains("高新技术企业", r["资质"].ToString(), StringComparison.Ordinal));
    }

    private static List<string> Names(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

    public sealed class OnSqlite(SqliteApp app) : EnterpriseListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EnterpriseListTests(app), IClassFixture<PostgresApp>;
}
