using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>The pages render (server prerendering) with figures computed from the demo records.</summary>
public abstract class EnterprisePagesTests(KechuangApp app)
{
    [Fact]
    public async Task EvaluationForm_ForTheEnterpriseAccount_IsPrefilledFromItsRecords()
    {
        var client = await app.ClientAsync("shouxiangu");

        var response = await client.GetAsync("/enterprises/evaluate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // 寿仙谷 has 900 staff: over 500, so not a tech SME, and the gap says so.
        Assert.Contains("暂不符合科技型中小企业条件", html, StringComparison.Ordinal);
        Assert.Contains("超过500人", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultivationAndListPages_Render()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var cultivation = WebUtility.HtmlDecode(await (await staff.GetAsync("/cultivation?regionCode=330723&year=2024&pool=tech-sme-candidate")).Content.ReadAsStringAsync());
        var list = WebUtility.HtmlDecode(await (await staff.GetAsync("/enterprises")).Content.ReadAsStringAsync());
        var filings = WebUtility.HtmlDecode(await (await staff.GetAsync("/enterprises/records?type=industrialization-filings&regionCode=330723&year=2022")).Content.ReadAsStringAsync());

        Assert.Contains("武义县恒达电动工具有限公司", cultivation, StringComparison.Ordinal);
        Assert.Contains("规下高企", cultivation, StringComparison.Ordinal);
        // The four named 武义 enterprises and the demo population, twenty to a page.
        Assert.Contains("共 304 家企业", list, StringComparison.Ordinal);
        Assert.Contains("ant-pagination", list, StringComparison.Ordinal);
        Assert.Contains("共 42 条", filings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterpriseDetail_ShowsEvaluationAndGaps()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var hengda = (await (await staff.GetAsync("/api/v1/organizations?q=恒达")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var html = WebUtility.HtmlDecode(await (await staff.GetAsync($"/enterprises/{hengda}")).Content.ReadAsStringAsync());

        Assert.Contains("评价结果", html, StringComparison.Ordinal);
        Assert.Contains("恒达电动工具市级研发中心", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_OfAYear_ShowsItsFilingsAndCertificatesValidOnItsLastDay()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var html = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync("/?year=2022"));

        // A12: the 42 filings of 2022; the certificates are counted on the year's last day.
        Assert.Contains("/enterprises/records?type=industrialization-filings&year=2022", html);
        Assert.Contains("/enterprises/records?type=qualifications&kind=high-tech-enterprise&asOf=2022-12-31", html);
        Assert.Contains("截至2022年12月31日", html);
    }

    public sealed class OnSqlite(SqliteApp app) : EnterprisePagesTests(app), IClassFixture<SqliteApp>;
}
