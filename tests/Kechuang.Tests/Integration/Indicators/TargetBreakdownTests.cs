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
    public async Task APartOrTheWholeChangedAlone_IsRefused_BothChangeThroughTheBreakdown()
    {
        var city = await app.ClientAsync("city.staff");
        const string code = "contracts.transaction-amount";
        var id = await SetAsync(city, "330700", 2036, code, 750_000_000m);
        var split = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { parts = new[] { new { regionCode = "330723", target = 430_000_000m }, new { regionCode = "330726", target = 320_000_000m } } });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);

        var part = await city.PostJsonAsync("/api/v1/targets", new { regionCode = "330723", year = 2036, indicatorCode = code, comparator = ">=", target = 450_000_000m });
        var newPart = await city.PostJsonAsync("/api/v1/targets", new { regionCode = "330727", year = 2036, indicatorCode = code, comparator = ">=", target = 10_000_000m });
        var whole = await city.PostJsonAsync("/api/v1/targets", new { regionCode = "330700", year = 2036, indicatorCode = code, comparator = ">=", target = 800_000_000m });
        var unchanged = await city.PostJsonAsync("/api/v1/targets", new { regionCode = "330726", year = 2036, indicatorCode = code, comparator = ">=", target = 320_000_000m });

        Assert.Equal(HttpStatusCode.Conflict, part.StatusCode);
        var problem = await part.ReadJsonAsync();
        Assert.Equal("indicators.breakdown-not-adding-up", problem.GetProperty("code").GetString());
        Assert.Equal("金华市的目标已分解到下级地区，按此修改后分解合计7.7亿元，比上级目标多0.2亿元；请在金华市目标的“分解”中一并调整", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, newPart.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, whole.StatusCode);
        Assert.StartsWith("金华市的目标已分解到下级地区，按此修改后分解合计7.5亿元，比上级目标少0.5亿元", (await whole.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);

        // The whole and its parts in one step; a part's own breakdown (武义县 over its towns) then holds it to its value.
        var both = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { target = 800_000_000m, parts = new[] { new { regionCode = "330723", target = 480_000_000m }, new { regionCode = "330726", target = 320_000_000m } } });
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        var after = await both.ReadJsonAsync();
        Assert.Equal(800_000_000m, after.GetProperty("target").GetProperty("target").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("difference").ValueKind);
        var wuyi = (await (await city.GetAsync("/api/v1/targets?regionCode=330723&year=2036")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("indicatorCode").GetString() == code).GetProperty("id").GetGuid();
        var towns = await city.PostJsonAsync($"/api/v1/targets/{wuyi}/breakdown",
            new { parts = new[] { new { regionCode = "330723101", target = 300_000_000m }, new { regionCode = "330723102", target = 180_000_000m } } });
        Assert.Equal(HttpStatusCode.OK, towns.StatusCode);
        var breaksTowns = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { parts = new[] { new { regionCode = "330723", target = 500_000_000m }, new { regionCode = "330726", target = 300_000_000m } } });
        Assert.Equal(HttpStatusCode.Conflict, breaksTowns.StatusCode);
        Assert.StartsWith("武义县的目标已分解到下级地区，按此修改后分解合计4.8亿元，比上级目标少0.2亿元", (await breaksTowns.ReadJsonAsync()).GetProperty("title").GetString());
        var badWhole = await city.PostJsonAsync($"/api/v1/targets/{id}/breakdown",
            new { target = -1m, parts = new[] { new { regionCode = "330723", target = 480_000_000m } } });
        Assert.Equal(HttpStatusCode.BadRequest, badWhole.StatusCode);
        Assert.True((await badWhole.ReadJsonAsync()).GetProperty("errors").TryGetProperty("target", out _));
    }

    [Fact]
    public async Task ABreakdownNotYetComplete_TakesItsPartsOneByOne_UntilItAddsUp()
    {
        var city = await app.ClientAsync("city.staff");
        const string code = "contracts.registered-count";
        await SetAsync(city, "330700", 2037, code, 100m);

        await SetAsync(city, "330723", 2037, code, 40m);
        await SetAsync(city, "330726", 2037, code, 60m);
        var breaks = await city.PostJsonAsync("/api/v1/targets", new { regionCode = "330726", year = 2037, indicatorCode = code, comparator = ">=", target = 70m });

        Assert.Equal(HttpStatusCode.Conflict, breaks.StatusCode);
        Assert.Contains("分解合计110项，比上级目标多10项", (await breaks.ReadJsonAsync()).GetProperty("title").GetString());
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
