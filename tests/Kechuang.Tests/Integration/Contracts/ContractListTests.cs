using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>The contract list sorts by money on the server (fen, exact on both providers) and exports the filtered list.</summary>
public abstract class ContractListTests(KechuangApp app)
{
    [Fact]
    public async Task List_SortByAmountDescending_LargestFirst()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var list = await (await staff.GetAsync("/api/v1/contracts?sort=amount&desc=true&pageSize=200")).ReadJsonAsync();

        var amounts = Amounts(list);
        Assert.True(amounts.Count > 5);
        Assert.Equal(amounts.OrderDescending(), amounts);
        Assert.NotEqual(amounts[0], amounts[^1]);
    }

    [Fact]
    public async Task Export_FilteredAsTheIndicatorLink_HoldsExactlyTheListsRowsAndSum()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string filters = "status=registered&regionCode=330723&year=2022&sort=amount";
        var list = await (await staff.GetAsync($"/api/v1/contracts?{filters}&pageSize=200")).ReadJsonAsync();

        var export = await staff.GetAsync($"/api/v1/contracts/export?{filters}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList(),
            rows.Select(r => r["合同名称"]?.ToString()).ToList());
    }

    private static List<decimal> Amounts(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("amount").GetDecimal()).ToList();

    public sealed class OnSqlite(SqliteApp app) : ContractListTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractListTests(app), IClassFixture<PostgresApp>;
}
