using System.Net;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Indicators;

/// <summary>
/// 地区对比: the city compares its counties on an indicator, each figure the indicator's own value for that county, beside
/// its target; the xlsx holds the same rows; a county cannot compare the city.
/// </summary>
public abstract class RegionComparisonTests(KechuangApp app)
{
    [Fact]
    public async Task City_ComparesItsCounties_EachFigureIsTheIndicatorsValue_AndTheCountiesAddUpToTheCity()
    {
        var city = await app.ClientAsync("city.staff");

        var comparison = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions?regionCode=330700&year=2022")).ReadJsonAsync();
        var items = comparison.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("regionCode").GetString()!);
        var wuyi = items["330723"];
        var wuyiValue = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330723&year=2022")).ReadJsonAsync();
        var cityValue = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330700&year=2022")).ReadJsonAsync();

        Assert.Equal("武义县", wuyi.GetProperty("regionName").GetString());
        Assert.Equal(wuyiValue.GetProperty("value").GetDecimal(), wuyi.GetProperty("actual").GetDecimal());
        // A13/C-rows: the letter's 8.29亿元 against 武义县's 2022 target.
        Assert.Equal("111.9%", wuyi.GetProperty("completionText").GetString());
        Assert.True(wuyi.GetProperty("met").GetBoolean());
        Assert.Contains(items.Values, i => i.GetProperty("regionName").GetString() == "磐安县");
        Assert.Equal(cityValue.GetProperty("value").GetDecimal(), comparison.GetProperty("whole").GetProperty("actual").GetDecimal());
        // Amounts add up: every contract is registered in some county of the city.
        Assert.Equal(comparison.GetProperty("whole").GetProperty("actual").GetDecimal(), items.Values.Sum(i => i.GetProperty("actual").GetDecimal()));
        Assert.True(comparison.GetProperty("additive").GetBoolean());
    }

    [Fact]
    public async Task Export_HoldsTheSameRows_ThenTheCity()
    {
        var city = await app.ClientAsync("city.staff");

        var comparison = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions?regionCode=330700&year=2022")).ReadJsonAsync();
        var export = await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions/export?regionCode=330700&year=2022");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = await export.Content.ReadAsStreamAsync();
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var items = comparison.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count + 1, rows.Count);
        Assert.Equal(items.Select(i => i.GetProperty("regionCode").GetString()), rows.Take(items.Count).Select(r => r["区划代码"]?.ToString()));
        Assert.Equal("330700", rows[^1]["区划代码"]?.ToString());
        var wuyi = rows.Single(r => r["区划代码"]?.ToString() == "330723");
        Assert.Equal("111.9%", wuyi["完成率"]?.ToString());
    }

    [Fact]
    public async Task County_ComparesItsTowns_ButNotTheCity_AndAnUnknownIndicatorIs400()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");

        var towns = await (await wuyi.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions?year=2022")).ReadJsonAsync();
        var cityAnswer = await wuyi.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions?regionCode=330700&year=2022");
        var unknown = await wuyi.GetAsync("/api/v1/indicators/no.such-indicator/regions?year=2022");

        Assert.Equal("330723", towns.GetProperty("whole").GetProperty("regionCode").GetString());
        Assert.All(towns.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("330723", i.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, cityAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Page_ShowsTheTableWithTheLettersFigure()
    {
        var city = await app.ClientAsync("city.staff");

        var html = WebUtility.HtmlDecode(await city.GetStringAsync("/indicators/compare?indicator=contracts.transaction-amount&year=2022&regionCode=330700"));

        Assert.Contains("地区对比", html, StringComparison.Ordinal);
        Assert.Contains("data-region=\"330723\"", html, StringComparison.Ordinal);
        Assert.Contains("111.9%", html, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : RegionComparisonTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RegionComparisonTests(app), IClassFixture<PostgresApp>;
}
