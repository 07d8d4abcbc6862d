using System.Net;
using System.Text.RegularExpressions;
using Kechuang.Platform.Reference;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Ui;

/// <summary>Server-rendered pages name regions and industries instead of showing bare codes (docs/ui.md, "Names for codes").</summary>
public abstract partial class NamesOnPagesTests(KechuangApp app)
{
    [Fact]
    public async Task TargetsPage_ShowsRegionName_WithTheCodeOnHover()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/indicators/targets?year=2022&regionCode=330723"));

        var table = TargetsTable().Match(html).Value;
        Assert.NotEmpty(table);
        Assert.Contains("title=\"330723\"", table);
        Assert.Contains(">武义县</span>", table);
        Assert.DoesNotContain("<td>330723</td>", table);
        Assert.DoesNotContain("行政区划代码，如", html);
    }

    [Fact]
    public async Task ContractDetail_ShowsRegionPath_WithTheCodeOnHover()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var list = await (await staff.GetAsync("/api/v1/contracts?status=under-review&regionCode=330723")).ReadJsonAsync();
        var contract = list.GetProperty("items")[0];
        var region = contract.GetProperty("regionCode").GetString()!;

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/contracts/{contract.GetProperty("id").GetString()}"));

        // The organisation detail lays out its descriptions in the browser, so the browser journey checks that page.
        Assert.Contains("<dt>登记地区</dt><dd><span class=\"kc-region\" title=\"" + region + "\"", html);
        Assert.Contains("浙江省 / 金华市 / 武义县", html);
    }

    [Fact]
    public async Task EnterpriseDetail_ShowsIndustryCodeWithItsName()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name = "武义测试厨具有限公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/enterprises",
            new { enterpriseId = id, industryCode = "C3381", taxCollection = "actual-profit", registrationDate = "2015-03-01" })).CreatedIdAsync();

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/enterprises/{id}"));

        Assert.Contains("C3381 金属制厨房用器具制造", html);
        Assert.Contains("制造业 / 金属制品业 / 金属制日用品制造 / 金属制厨房用器具制造", html);
        Assert.Contains("注册成立 2015-03-01", html);
    }

    [Fact]
    public async Task EnterpriseDetail_EnglishCulture_StillShowsDatesAsYearMonthDay()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await (await staff.PostJsonAsync("/api/v1/organizations",
            new { name = "武义测试日期有限公司", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(), regionCode = "330723" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/enterprises",
            new { enterpriseId = id, industryCode = "I6513", taxCollection = "actual-profit", registrationDate = "1997-01-08" })).CreatedIdAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/enterprises/{id}");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var html = WebUtility.HtmlDecode(await (await staff.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("注册成立 1997-01-08", html);
        Assert.DoesNotContain("01/08/1997", html);
        Assert.Contains($"I6513 {IndustryCatalog.Name("I6513")}", html);
    }

    [GeneratedRegex("<div[^>]*id=\"targets\"[\\s\\S]*?</table>")]
    private static partial Regex TargetsTable();

    public sealed class OnSqlite(SqliteApp app) : NamesOnPagesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : NamesOnPagesTests(app), IClassFixture<PostgresApp>;
}
