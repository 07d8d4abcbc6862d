using System.Globalization;
using System.Net;
using System.Text.Json;
using Kechuang.Modules.Contracts;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>
/// 技术市场统计 over the demo's registered contracts: the total is the contract list's for the same filter, every
/// breakdown sums to it, every cell opens exactly the contracts it counts, and the quick report carries the same figures.
/// </summary>
public abstract class ContractStatisticsTests(KechuangApp app)
{
    private const string Wuyi2022 = "from=2022-01-01&to=2022-12-31&regionCode=330723";
    private const string ListFilter = "status=registered&registeredFrom=2022-01-01&registeredTo=2022-12-31&regionCode=330723";

    [Fact]
    public async Task Total_IsTheContractListsForTheSameFilter()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var stats = await (await staff.GetAsync($"/api/v1/contracts/statistics?{Wuyi2022}")).ReadJsonAsync();
        var list = await (await staff.GetAsync($"/api/v1/contracts?{ListFilter}&pageSize=1")).ReadJsonAsync();

        var total = stats.GetProperty("total");
        Assert.True(total.GetProperty("count").GetInt32() >= 40, "the demo registers dozens of 武义 contracts in 2022");
        Assert.Equal(list.GetProperty("total").GetInt32(), total.GetProperty("count").GetInt32());
        Assert.Equal(list.GetProperty("sumAmount").GetDecimal(), total.GetProperty("amount").GetDecimal());
        Assert.Equal(list.GetProperty("sumTransactionAmount").GetDecimal(), total.GetProperty("transactionAmount").GetDecimal());
        Assert.Equal("武义县", stats.GetProperty("regionName").GetString());
    }

    [Fact]
    public async Task EveryBreakdown_SumsToTheTotal_AndEveryCellOpensItsContracts()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var stats = await (await staff.GetAsync($"/api/v1/contracts/statistics?{Wuyi2022}")).ReadJsonAsync();
        var total = stats.GetProperty("total");
        var breakdowns = stats.GetProperty("breakdowns").EnumerateArray().ToList();
        Assert.Equal(["type", "tech-field", "seller-nature", "buyer-nature", "ip-type", "plan-category", "buyer-region"],
            breakdowns.Select(b => b.GetProperty("dimension").GetString()));

        foreach (var breakdown in breakdowns)
        {
            var dimension = breakdown.GetProperty("dimension").GetString();
            var rows = breakdown.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(total.GetProperty("count").GetInt32(), rows.Sum(r => r.GetProperty("count").GetInt32()));
            Assert.Equal(total.GetProperty("amount").GetDecimal(), rows.Sum(r => r.GetProperty("amount").GetDecimal()));
            Assert.Equal(total.GetProperty("transactionAmount").GetDecimal(), rows.Sum(r => r.GetProperty("transactionAmount").GetDecimal()));
            foreach (var row in rows.Where(r => r.GetProperty("count").GetInt32() > 0))
            {
                var key = row.GetProperty("key").GetString();
                var cell = await (await staff.GetAsync($"/api/v1/contracts?{ListFilter}&dimension={dimension}&key={key}&pageSize=1")).ReadJsonAsync();
                Assert.True(row.GetProperty("count").GetInt32() == cell.GetProperty("total").GetInt32(), $"{dimension}={key}: the cell and its list differ");
                Assert.Equal(row.GetProperty("transactionAmount").GetDecimal(), cell.GetProperty("sumTransactionAmount").GetDecimal());
            }
        }
        // The demo's contracts carry the registration form's fields: none is left unclassified by field or nature.
        foreach (var dimension in new[] { "tech-field", "seller-nature", "buyer-nature", "ip-type", "plan-category", "buyer-region" })
        {
            var rows = breakdowns.Single(b => b.GetProperty("dimension").GetString() == dimension).GetProperty("rows").EnumerateArray();
            Assert.DoesNotContain(rows, r => r.GetProperty("key").GetString() == "none");
        }
        // Enough spread for the breakdowns to say something.
        Assert.True(Rows(breakdowns, "tech-field").Count(r => r.GetProperty("count").GetInt32() > 0) >= 3);
        Assert.True(Rows(breakdowns, "buyer-region").Count(r => r.GetProperty("count").GetInt32() > 0) >= 2);
    }

    [Fact]
    public async Task Inflow_CountsOtherRegionsContractsWhoseBuyerIsHere_ForStaffOnly()
    {
        var city = await app.ClientAsync("city.staff");
        var stats = await (await city.GetAsync($"/api/v1/contracts/statistics?{Wuyi2022}")).ReadJsonAsync();

        var expected = await app.WithDbAsync(db => db.Set<TechContract>().IgnoreQueryFilters()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredOn >= new DateOnly(2022, 1, 1) && c.RegisteredOn <= new DateOnly(2022, 12, 31)
                && !c.RegionCode.StartsWith("330723") && c.BuyerDivision != null && c.BuyerDivision.StartsWith("330723"))
            .CountAsync());
        Assert.Equal(expected, stats.GetProperty("inflow").GetProperty("count").GetInt32());

        var enterprise = await (await (await app.ClientAsync("shouxiangu")).GetAsync("/api/v1/contracts/statistics?from=2022-01-01&to=2022-12-31")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, enterprise.GetProperty("inflow").ValueKind);
    }

    [Fact]
    public async Task BadFilters_Are400WithFieldMessages()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var reversed = await staff.GetAsync("/api/v1/contracts/statistics?from=2023-01-01&to=2022-01-01");
        var outside = await staff.GetAsync("/api/v1/contracts/statistics?regionCode=330727");
        var badCell = await staff.GetAsync("/api/v1/contracts?dimension=tech-field&key=99");

        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("截止日期不能早于起始日期", (await reversed.ReadJsonAsync()).GetProperty("errors").GetProperty("to")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("该行政区划不在您的数据范围内", (await outside.ReadJsonAsync()).GetProperty("errors").GetProperty("regionCode")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCell.StatusCode);
        Assert.Equal("技术领域没有“99”这一类", (await badCell.ReadJsonAsync()).GetProperty("errors").GetProperty("key")[0].GetString());
    }

    [Fact]
    public async Task QuickReport_HoldsTheSameFigures_InTenThousandYuan()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var stats = await (await staff.GetAsync($"/api/v1/contracts/statistics?{Wuyi2022}")).ReadJsonAsync();

        var report = await staff.GetAsync($"/api/v1/contracts/statistics-report?{Wuyi2022}");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var stream = new MemoryStream(await report.Content.ReadAsByteArrayAsync());
        Assert.Contains("技术领域", stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "技术领域").Cast<IDictionary<string, object>>().ToList();
        var sum = rows[^1];
        Assert.Equal("合计", sum["技术领域"]?.ToString());
        Assert.Equal(stats.GetProperty("total").GetProperty("count").GetInt32(), Convert.ToInt32(sum[StatisticsReport.CountHeader], CultureInfo.InvariantCulture));
        var wan = decimal.Round(stats.GetProperty("total").GetProperty("transactionAmount").GetDecimal() / 10_000m, 2);
        Assert.Equal(wan, Convert.ToDecimal(sum[StatisticsReport.TransactionHeader], CultureInfo.InvariantCulture));
        var field = Rows(stats.GetProperty("breakdowns").EnumerateArray().ToList(), "tech-field").First(r => r.GetProperty("count").GetInt32() > 0);
        var line = rows.Single(r => r["技术领域"]?.ToString() == field.GetProperty("name").GetString());
        Assert.Equal(field.GetProperty("count").GetInt32(), Convert.ToInt32(line[StatisticsReport.CountHeader], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BreakdownIndicators_AreTheStatisticsCells()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var stats = await (await staff.GetAsync($"/api/v1/contracts/statistics?{Wuyi2022}")).ReadJsonAsync();
        var breakdowns = stats.GetProperty("breakdowns").EnumerateArray().ToList();
        var total = stats.GetProperty("total").GetProperty("transactionAmount").GetDecimal();

        var share = await (await staff.GetAsync("/api/v1/indicators/contracts.ip-share/value?regionCode=330723&year=2022")).ReadJsonAsync();
        var universities = await (await staff.GetAsync("/api/v1/indicators/contracts.from-universities/value?regionCode=330723&year=2022")).ReadJsonAsync();

        var withIp = Rows(breakdowns, "ip-type").Where(r => r.GetProperty("key").GetString() is not ("00" or "none")).Sum(r => r.GetProperty("transactionAmount").GetDecimal());
        Assert.True(withIp > 0 && withIp < total, "the demo has contracts with and without intellectual property");
        Assert.Equal(decimal.Round(withIp * 100m / total, 2), share.GetProperty("value").GetDecimal());
        var fromInstitutions = Rows(breakdowns, "seller-nature").Where(r => r.GetProperty("key").GetString() is "021" or "022").Sum(r => r.GetProperty("transactionAmount").GetDecimal());
        Assert.Equal(fromInstitutions, universities.GetProperty("value").GetDecimal());
        Assert.Contains("/contracts/statistics?regionCode=330723&from=2022-01-01&to=2022-12-31", share.GetProperty("recordsUrl").GetString(), StringComparison.Ordinal);
    }

    private static List<JsonElement> Rows(List<JsonElement> breakdowns, string dimension) =>
        [.. breakdowns.Single(b => b.GetProperty("dimension").GetString() == dimension).GetProperty("rows").EnumerateArray()];

    public sealed class OnSqlite(SqliteApp app) : ContractStatisticsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ContractStatisticsTests(app), IClassFixture<PostgresApp>;
}
