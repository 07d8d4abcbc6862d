using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Indicators;

/// <summary>A city target split over its counties: the parts add up to the whole or nothing is stored.</summary>
public abstract class TargetBreakdownTests(KechuangApp app)
{
    private static async Task<Guid> SetAsync(HttpClient city, string region, int year, string code, decimal target)
    {
        var response = await city.PostJsonAsync("/api/v1/targets", new { regionCode = region, year, indicatorCode = code, comparator = ">=", target });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task TargetsPage_ShowsATargetTheForecastFallsShortOf()
    {
        // The clock stands at 2026-03-02: two months of 2026 have passed, and 磐安 registered nothing near 90亿元 in them.
        var city = await app.ClientAsync("city.staff");
        await SetAsync(city, "330727", 2026, "contracts.transaction-amount", 9_000_000_000m);

        var page = await city.GetAsync("/indicators/targets?year=2026&regionCode=330727");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("预计完不成", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakDown_PartsMustAddUp_ThenReplaceTheChildren()
    {
        var city = await app.ClientAsync("city.staff");
        var id = await SetAsync(city, "330700", 2034, "contracts.transaction-amount", 750_000_000m);

        var short_ = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { parts = new[] { new { regionCode = "330723", target = 400_000_000m }, new { regionCode = "330726", target = 320_000_000m } } });
        var added = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { parts = new[] { new { regionCode = "330723", target = 430_000_000m }, new { regionCode = "330726", target = 320_000_000m } } });
        var replaced = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { parts = new[] { new { regionCode = "330723", target = 450_000_000m }, new { regionCode = "330727", target = 300_000_000m } } });

        Assert.Equal(HttpStatusCode.Conflict, short_.StatusCode);
        var problem = await short_.ReadJsonAsync();
        Assert.Equal("indicators.breakdown-not-adding-up", problem.GetProperty("code").GetString());
        Assert.Equal("分解合计7.2亿元，比上级目标少0.3亿元", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var breakdown = await (await city.GetAsync($"/api/v1/targets/{id}/breakdown")).ReadJsonAsync();
        Assert.Equal(["330723", "330727"], breakdown.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("regionCode").GetString()!).ToArray());
        Assert.Equal(750_000_000m, breakdown.GetProperty("partsTotal").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, breakdown.GetProperty("difference").ValueKind);
        var pujiang = await (await city.GetAsync("/api/v1/targets?regionCode=330726&year=2034")).ReadJsonAsync();
        Assert.Equal(0, pujiang.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BreakDown_TooMuch_NamesTheExcessInTheUnit()
    {
        var city = await app.ClientAsync("city.staff");
        var id = await SetAsync(city, "330723", 2034, "contracts.registered-count", 40m);

        var response = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { parts = new[] { new { regionCode = "330723101", target = 30m }, new { regionCode = "330723102", target = 12m } } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("分解合计42项，比上级目标多2项", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task BreakDown_RatesNotChildrenAndCounties_AreRefused()
    {
        var city = await app.ClientAsync("city.staff");
        var county = await app.ClientAsync("wuyi.staff");
        var rate = await SetAsync(city, "330700", 2035, "contracts.ip-share", 30m);
        var count = await SetAsync(city, "330700", 2035, "contracts.registered-count", 100m);

        var notAdditive = await city.PostJsonAsync($"/api/v1/targets/{rate}/breakdown", new { parts = new[] { new { regionCode = "330723", target = 30m } } });
        var grandchild = await city.PostJsonAsync($"/api/v1/targets/{count}/breakdown",
            new { parts = new[] { new { regionCode = "330723101", target = 100m } } });
        var empty = await city.PostJsonAsync($"/api/v1/targets/{count}/breakdown", new { parts = Array.Empty<object>() });
        var forbidden = await county.PostJsonAsync($"/api/v1/targets/{count}/breakdown", new { parts = new[] { new { regionCode = "330723", target = 100m } } });
        var missing = await city.GetAsync($"/api/v1/targets/{Guid.NewGuid()}/breakdown");

        Assert.Equal(HttpStatusCode.Conflict, notAdditive.StatusCode);
        Assert.Equal("indicators.target-not-additive", (await notAdditive.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, grandchild.StatusCode);
        Assert.Contains("不是金华市的直属下级地区", (await grandchild.ReadJsonAsync()).GetProperty("errors").GetProperty("parts[0].regionCode")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : TargetBreakdownTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TargetBreakdownTests(app), IClassFixture<PostgresApp>;
}
