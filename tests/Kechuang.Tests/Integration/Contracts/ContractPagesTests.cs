using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Contracts;

/// <summary>The server-rendered pages show the letter's figures: the list's totals row, the targets page and the home dashboard.</summary>
public abstract class ContractPagesTests(KechuangApp app)
{
    [Fact]
    public async Task ListPage_FilteredAsTheIndicatorLink_ShowsTotal829Million()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/contracts?status=registered&regionCode=330723&year=2022"));

        Assert.Contains("829,000,000.00", html);
        Assert.Contains("8.29亿元", html);
    }

    [Fact]
    public async Task TargetsPage_ShowsCompletion1119()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/indicators/targets?year=2022&regionCode=330723"));

        Assert.Contains("111.9%", html);
        Assert.Contains("7.41亿元", html);
    }

    [Fact]
    public async Task Home_ShowsTransactionAmountCardWithCompletion()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = WebUtility.HtmlDecode(await staff.GetStringAsync("/?year=2022"));

        Assert.Contains("2022年技术交易额", html);
        Assert.Contains("/contracts?status=registered&regionCode=330723&year=2022", html);
        Assert.Contains("目标≥7.41亿元", html);
    }

    [Fact]
    public async Task DetailAndForm_Render()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var list = await (await staff.GetAsync("/api/v1/contracts?status=under-review&regionCode=330723")).ReadJsonAsync();
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();

        var detail = await staff.GetAsync($"/contracts/{id}");
        var form = await staff.GetAsync("/contracts/new");

        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var html = WebUtility.HtmlDecode(await detail.Content.ReadAsStringAsync());
        Assert.Contains("认定登记", html);
        Assert.Contains("办理过程", html);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("技术交易额（元）", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()));
    }

    public sealed class OnSqlite(SqliteApp app) : ContractPagesTests(app), IClassFixture<SqliteApp>;
}
