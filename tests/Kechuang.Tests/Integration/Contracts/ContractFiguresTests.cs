using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>Letter figures A13 (8.29亿元), A14 (111.9%) and T11 (≥7.5亿元), computed from the demo records through the APIs.</summary>
public abstract class ContractFiguresTests(KechuangApp app)
{
    [Fact]
    public async Task TransactionAmount_Wuyi2022_Is829Million()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var value = await (await staff.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330723&year=2022")).ReadJsonAsync();

        Assert.Equal("contracts.transaction-amount", value.GetProperty("code").GetString());
        Assert.Equal("技术交易额", value.GetProperty("name").GetString());
        Assert.Equal("元", value.GetProperty("unit").GetString());
        Assert.Equal(829_000_000.00m, value.GetProperty("value").GetDecimal());
        Assert.Equal("/contracts?status=registered&regionCode=330723&year=2022", value.GetProperty("recordsUrl").GetString());
    }

    [Fact]
    public async Task RecordsUrl_ListsExactlyTheRecordsCounted()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var value = await (await staff.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330723&year=2022")).ReadJsonAsync();
        var count = await (await staff.GetAsync("/api/v1/indicators/contracts.registered-count/value?regionCode=330723&year=2022")).ReadJsonAsync();

        var list = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString() + "&pageSize=200")).ReadJsonAsync();

        Assert.Equal(829_000_000.00m, list.GetProperty("sumTransactionAmount").GetDecimal());
        Assert.Equal(count.GetProperty("value").GetDecimal(), list.GetProperty("total").GetInt32());
        Assert.InRange(list.GetProperty("total").GetInt32(), 40, 80);
        Assert.Equal(829_000_000.00m, list.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("transactionAmount").GetDecimal()));
    }

    [Fact]
    public async Task Targets_Wuyi2022_Completion1119Percent_And2023Target750Million()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var targets = await (await staff.GetAsync("/api/v1/targets?regionCode=330723")).ReadJsonAsync();

        var items = targets.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("indicatorCode").GetString() == "contracts.transaction-amount").ToList();
        var y2022 = items.Single(t => t.GetProperty("year").GetInt32() == 2022);
        Assert.Equal(741_000_000m, y2022.GetProperty("target").GetDecimal());
        Assert.Equal(829_000_000m, y2022.GetProperty("actual").GetDecimal());
        Assert.Equal(1.119m, y2022.GetProperty("completionRate").GetDecimal());
        Assert.Equal("111.9%", y2022.GetProperty("completionText").GetString());
        Assert.Equal(">=", y2022.GetProperty("comparator").GetString());
        var y2023 = items.Single(t => t.GetProperty("year").GetInt32() == 2023);
        Assert.Equal(750_000_000m, y2023.GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task CityFigure_IsSumOverCounties_AndDiffersFromWuyi()
    {
        var city = await app.ClientAsync("city.staff");

        var value = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330700&year=2022")).ReadJsonAsync();
        var panan = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330727&year=2022")).ReadJsonAsync();

        Assert.True(panan.GetProperty("value").GetDecimal() > 0);
        Assert.Equal(829_000_000m + panan.GetProperty("value").GetDecimal(), value.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task PananStaff_AskingForWuyiFigure_Is403()
    {
        var panan = await app.ClientAsync("panan.staff");

        var response = await panan.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330723&year=2022");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var own = await (await panan.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?year=2022")).ReadJsonAsync();
        Assert.Equal("330727", own.GetProperty("regionCode").GetString());
        Assert.NotEqual(829_000_000m, own.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Catalogue_ListsContractIndicators()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var catalogue = await (await staff.GetAsync("/api/v1/indicators")).ReadJsonAsync();

        var codes = catalogue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("contracts.transaction-amount", codes);
        Assert.Contains("contracts.registered-count", codes);
    }

    public sealed class OnSqlite(SqliteApp app) : ContractFiguresTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractFiguresTests(app), IClassFixture<PostgresApp>;
}
