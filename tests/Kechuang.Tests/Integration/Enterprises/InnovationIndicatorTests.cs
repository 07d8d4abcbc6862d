using System.Net;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Enterprises;

/// <summary>
/// T13 and T14 on their own indicators: 实施发明专利产业化项目 counts filed projects by the year they are carried out, and
/// 科技型中小企业等创新主体 counts each enterprise once, whether it is 科小, 高企 or has a 研发机构. Years after 2050 keep these
/// records apart from the demo's and from other tests'.
/// </summary>
public abstract class InnovationIndicatorTests(KechuangApp app)
{
    private async Task<decimal> ValueAsync(string code, int year)
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var value = await (await staff.GetAsync($"/api/v1/indicators/{code}/value?regionCode=330723&year={year}")).ReadJsonAsync();
        return value.GetProperty("value").GetDecimal();
    }

    private async Task<(Guid Id, string Code)> NewEnterpriseAsync()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var code = KechuangApp.NewCreditCode("330723");
        var id = await (await staff.PostJsonAsync("/api/v1/organizations", new
        {
            name = $"创新主体测试企业{code[^6..]}",
            kind = "enterprise",
            creditCode = code,
            regionCode = "330723101",
        })).CreatedIdAsync();
        return (id, code);
    }

    [Fact]
    public async Task Demo_FilingsOf2022_AreCarriedOutIn2022And2023_AndTheListShowsExactlyTheCountedProjects()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var filed2022 = await ValueAsync("ip.industrialization-filings", 2022);
        var carried2022 = await ValueAsync("ip.industrialization-projects", 2022);
        var carried2023 = await ValueAsync("ip.industrialization-projects", 2023);
        var value = await (await staff.GetAsync("/api/v1/indicators/ip.industrialization-projects/value?regionCode=330723&year=2023")).ReadJsonAsync();
        var list = await (await staff.GetAsync("/api/v1/industrialization-filings?regionCode=330723&implementedIn=2023&pageSize=200")).ReadJsonAsync();
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync(value.GetProperty("recordsUrl").GetString()!));

        // A12: 42 filed in 2022. Each is carried out from three months after its filing, so the seven filed in the
        // fourth quarter count for 2023 (T13's year), the other 35 for 2022.
        Assert.Equal(42m, filed2022);
        Assert.Equal(35m, carried2022);
        Assert.Equal(7m, carried2023);
        Assert.Equal(7, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), f =>
        {
            Assert.StartsWith("2023-", f.GetProperty("implementationStart").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("2022-", f.GetProperty("filedOn").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("实施发明专利产业化项目", page, StringComparison.Ordinal);
        Assert.Equal(7, CountOccurrences(page, "<tr data-id="));
    }

    [Fact]
    public async Task Filing_CountsInTheYearItIsCarriedOut_NotTheYearItIsFiled()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, code) = await NewEnterpriseAsync();
        var filedBefore = await ValueAsync("ip.industrialization-filings", 2051);
        var carriedBefore = await ValueAsync("ip.industrialization-projects", 2052);

        await (await staff.PostJsonAsync("/api/v1/industrialization-filings", new
        {
            enterpriseId = id,
            projectName = "无刷电机产业化",
            patentNumber = "ZL2049" + code[^6..],
            expectedSales = 3_000_000m,
            year = 2051,
            filedOn = "2051-12-20",
            implementationStart = "2052-02-01",
            implementationEnd = "2053-12-31",
        })).CreatedIdAsync();

        Assert.Equal(filedBefore + 1, await ValueAsync("ip.industrialization-filings", 2051));
        Assert.Equal(carriedBefore + 1, await ValueAsync("ip.industrialization-projects", 2052));
        Assert.Equal(0m, await ValueAsync("ip.industrialization-projects", 2051));
    }

    [Fact]
    public async Task Filing_WithoutAStart_IsCarriedOutFromItsFilingDay_AndAnEndBeforeTheStartIs400()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, code) = await NewEnterpriseAsync();
        var before = await ValueAsync("ip.industrialization-projects", 2054);

        var created = await (await staff.PostJsonAsync("/api/v1/industrialization-filings", new
        {
            enterpriseId = id,
            projectName = "锂电工具产业化",
            patentNumber = "ZL2050" + code[^6..],
            expectedSales = 1_000_000m,
            year = 2054,
            filedOn = "2054-03-01",
        })).CreatedIdAsync();
        var bad = await staff.PostJsonAsync("/api/v1/industrialization-filings", new
        {
            enterpriseId = id,
            projectName = "锂电工具产业化二期",
            patentNumber = "ZL2050" + code[^6..],
            expectedSales = 1_000_000m,
            year = 2054,
            filedOn = "2054-03-01",
            implementationStart = "2054-06-01",
            implementationEnd = "2054-05-31",
        });

        Assert.NotEqual(Guid.Empty, created);
        Assert.Equal(before + 1, await ValueAsync("ip.industrialization-projects", 2054));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        Assert.Contains("不能早于实施开始日期", problem.GetProperty("errors").GetProperty("implementationEnd")[0].GetString(), StringComparison.Ordinal);
        var listed = await (await staff.GetAsync($"/api/v1/industrialization-filings?enterpriseId={id}")).ReadJsonAsync();
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal("2054-03-01", listed.GetProperty("items")[0].GetProperty("implementationStart").GetString());
    }

    [Fact]
    public async Task InnovationEntities_CountAnEnterpriseOnce_WhateverMakesItOne()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const int year = 2055;
        var before = await ValueAsync("enterprises.innovation-entities", year);
        var (both, bothCode) = await NewEnterpriseAsync();
        var (lab, _) = await NewEnterpriseAsync();
        var (none, _) = await NewEnterpriseAsync();

        await (await staff.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = both, kind = "tech-sme", number = $"{year}330723" + bothCode[^6..], year })).CreatedIdAsync();
        Assert.Equal(before + 1, await ValueAsync("enterprises.innovation-entities", year));
        await (await staff.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = both, kind = "high-tech-enterprise", number = "GR2054" + bothCode[^6..], issueDate = "2054-12-01" })).CreatedIdAsync();
        Assert.Equal(before + 1, await ValueAsync("enterprises.innovation-entities", year));
        await (await staff.PostJsonAsync("/api/v1/rd-institutions", new { enterpriseId = lab, name = "测试企业研发中心", kind = "rd-center", level = "county", year })).CreatedIdAsync();
        Assert.Equal(before + 2, await ValueAsync("enterprises.innovation-entities", year));

        var value = await (await staff.GetAsync($"/api/v1/indicators/enterprises.innovation-entities/value?regionCode=330723&year={year}")).ReadJsonAsync();
        var list = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString() + "&pageSize=200")).ReadJsonAsync();
        var rows = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("enterpriseId").GetGuid(), i => i.GetProperty("cells"));
        var entities = await (await staff.GetAsync($"/api/v1/innovation-entities?regionCode=330723&year={year}&pageSize=200")).ReadJsonAsync();
        var items = entities.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("enterpriseId").GetGuid());
        // The indicator's records URL lists exactly what it counts, once per enterprise.
        Assert.Equal(before + 2, list.GetProperty("total").GetInt32());
        Assert.Equal(list.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(before + 2, entities.GetProperty("total").GetInt32());
        Assert.NotNull(items[both].GetProperty("techSmeNumber").GetString());
        Assert.NotNull(items[both].GetProperty("highTechNumber").GetString());
        Assert.Equal("测试企业研发中心", items[lab].GetProperty("rdInstitutions")[0].GetString());
        Assert.Equal("测试企业研发中心", rows[lab][3].GetString());
        Assert.False(items.ContainsKey(none));
        Assert.False(rows.ContainsKey(none));
    }

    [Fact]
    public async Task InnovationEntities_OfAnotherCounty_AreRefused()
    {
        var panan = await app.ClientAsync("panan.staff");

        var refused = await panan.GetAsync("/api/v1/innovation-entities?regionCode=330723&year=2023");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    public sealed class OnSqlite(SqliteApp app) : InnovationIndicatorTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : InnovationIndicatorTests(app), IClassFixture<PostgresApp>;
}
