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

    [Fact]
    public async Task PastYear_ForecastIsTheActual_WithoutAWarning_InTheRowsAndTheSheet()
    {
        var city = await app.ClientAsync("city.staff");

        var comparison = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions?regionCode=330700&year=2022")).ReadJsonAsync();
        var export = await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions/export?regionCode=330700&year=2022");
        using var stream = await export.Content.ReadAsStreamAsync();
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var figures = comparison.GetProperty("items").EnumerateArray().Append(comparison.GetProperty("whole")).ToList();

        Assert.All(figures, f => Assert.Equal(f.GetProperty("actual").GetDecimal(), f.GetProperty("forecast").GetDecimal()));
        Assert.All(figures, f => Assert.False(f.GetProperty("forecastShort").GetBoolean()));
        var wuyi = figures.Single(f => f.GetProperty("regionCode").GetString() == "330723");
        var wuyiRow = rows.Single(r => r["区划代码"]?.ToString() == "330723");
        Assert.Equal(wuyi.GetProperty("actual").GetDecimal(), decimal.Parse(wuyiRow["全年预计"]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("", wuyiRow["预警"]?.ToString() ?? "");
    }

    [Fact]
    public async Task RunningYear_ForecastIsTheTargetsPages_AndARegionThatWillMissItsTargetIsWarned()
    {
        var city = await app.ClientAsync("city.staff");
        const decimal Target = 10_000_000_000m;
        Assert.True((await city.PostJsonAsync("/api/v1/targets",
            new { regionCode = "330723", year = 2026, indicatorCode = "contracts.transaction-amount", comparator = ">=", target = Target })).IsSuccessStatusCode);

        var comparison = await (await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions?regionCode=330700&year=2026")).ReadJsonAsync();
        var targets = await (await city.GetAsync("/api/v1/targets?regionCode=330723&year=2026&indicatorCode=contracts.transaction-amount")).ReadJsonAsync();
        var export = await city.GetAsync("/api/v1/indicators/contracts.transaction-amount/regions/export?regionCode=330700&year=2026");
        using var stream = await export.Content.ReadAsStreamAsync();
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var html = WebUtility.HtmlDecode(await city.GetStringAsync("/indicators/compare?indicator=contracts.transaction-amount&year=2026&regionCode=330700"));

        var wuyi = comparison.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("regionCode").GetString() == "330723");
        var progress = targets.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("regionCode").GetString() == "330723");
        // The test clock stands at 2026-03-02: January and February are over, so the running year has a forecast.
        Assert.Equal(progress.GetProperty("forecast").GetDecimal(), wuyi.GetProperty("forecast").GetDecimal());
        Assert.True(wuyi.GetProperty("forecast").GetDecimal() < Target);
        Assert.True(wuyi.GetProperty("forecastShort").GetBoolean());
        Assert.True(progress.GetProperty("forecastShort").GetBoolean());
        // Regions without a target have a forecast but nothing to miss.
        Assert.All(comparison.GetProperty("items").EnumerateArray().Where(f => f.GetProperty("target").ValueKind == System.Text.Json.JsonValueKind.Null),
            f => Assert.False(f.GetProperty("forecastShort").GetBoolean()));
        Assert.Equal("预计完不成", rows.Single(r => r["区划代码"]?.ToString() == "330723")["预警"]?.ToString());
        Assert.Contains("全年预计", html, StringComparison.Ordinal);
        Assert.Contains("预计完不成", html, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : RegionComparisonTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : RegionComparisonTests(app), IClassFixture<PostgresApp>;
}
