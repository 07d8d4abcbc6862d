using System.Net;
using System.Net.Http.Headers;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Enterprises;

public abstract class EnterpriseRecordTests(KechuangApp app)
{
    private async Task<(Guid Id, string CreditCode)> NewEnterpriseAsync(string region = "330723101", string staff = "wuyi.staff")
    {
        var client = await app.ClientAsync(staff);
        var code = KechuangApp.NewCreditCode(region[..6]);
        var id = await (await client.PostJsonAsync("/api/v1/organizations", new
        {
            name = $"培育测试企业{code[^6..]}",
            kind = "enterprise",
            creditCode = code,
            regionCode = region,
        })).CreatedIdAsync();
        return (id, code);
    }

    private static object Year(Guid enterpriseId, int year = 2023, decimal sales = 30_000_000m, int employees = 100, int techStaff = 12) => new
    {
        enterpriseId,
        year,
        salesRevenue = sales,
        totalIncome = sales + 1_000_000m,
        nonTaxableIncome = 1_000_000m,
        highTechRevenue = sales * 0.7m,
        totalAssets = 20_000_000m,
        liabilities = 8_000_000m,
        rdInHouseDomestic = sales * 0.05m,
        totalCostsAndExpenses = sales * 0.9m,
        employees,
        techStaff,
        transformations = 2,
    };

    [Fact]
    public async Task Profile_CreateListAndDuplicate()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, _) = await NewEnterpriseAsync();

        await (await staff.PostJsonAsync("/api/v1/enterprises", new { enterpriseId = id, industryCode = "C3473", taxCollection = "actual-profit", registrationDate = "2015-03-01" })).CreatedIdAsync();
        var duplicate = await staff.PostJsonAsync("/api/v1/enterprises", new { enterpriseId = id, industryCode = "C3473", taxCollection = "deemed", registrationDate = "2015-03-01" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var profile = await (await staff.GetAsync($"/api/v1/enterprises/{id}")).ReadJsonAsync();
        Assert.True(profile.GetProperty("industrial").GetBoolean());
        Assert.Equal("actual-profit", profile.GetProperty("taxCollection").GetString());
    }

    [Fact]
    public async Task YearRecord_OtherCountyStaff_SeeNothingAndCannotWrite()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var (id, _) = await NewEnterpriseAsync();
        await (await wuyi.PostJsonAsync("/api/v1/enterprise-years", Year(id))).CreatedIdAsync();

        var seen = await (await panan.GetAsync($"/api/v1/enterprise-years?enterpriseId={id}")).ReadJsonAsync();
        var write = await panan.PostJsonAsync("/api/v1/enterprise-years", Year(id, 2022));

        Assert.Equal(0, seen.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        var mine = await (await wuyi.GetAsync($"/api/v1/enterprise-years?enterpriseId={id}")).ReadJsonAsync();
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.Equal(12_000_000m, mine.GetProperty("items")[0].GetProperty("netAssets").GetDecimal());
    }

    [Fact]
    public async Task YearRecord_EnterpriseAccount_WritesOnlyItsOwn()
    {
        var shouxiangu = await app.ClientAsync("shouxiangu");
        var own = (await (await shouxiangu.GetAsync("/api/v1/organizations?q=寿仙谷")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var (other, _) = await NewEnterpriseAsync();

        var mine = await shouxiangu.PostJsonAsync("/api/v1/enterprise-years", Year(own, 2019));
        var theirs = await shouxiangu.PostJsonAsync("/api/v1/enterprise-years", Year(other, 2019));

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, theirs.StatusCode);
        Assert.Contains("不在您的数据范围内", (await theirs.ReadJsonAsync()).GetProperty("errors").GetProperty("enterpriseId")[0].GetString());
        var listed = await (await shouxiangu.GetAsync("/api/v1/enterprise-years?year=2019")).ReadJsonAsync();
        Assert.All(listed.GetProperty("items").EnumerateArray(), r => Assert.Equal(own, r.GetProperty("enterpriseId").GetGuid()));
    }

    [Fact]
    public async Task YearRecord_BadFigures_Is400NamingFields()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, _) = await NewEnterpriseAsync();

        var response = await staff.PostJsonAsync("/api/v1/enterprise-years", new { enterpriseId = id, year = 2023, salesRevenue = -5, totalAssets = 1, employees = 5, techStaff = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("salesRevenue", out _));
        Assert.Equal("科技人员数不能超过职工总数", errors.GetProperty("techStaff")[0].GetString());
    }

    [Fact]
    public async Task Import_WithABadRow_ImportsNothing_ThenExportReimports()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (a, codeA) = await NewEnterpriseAsync();
        var (_, codeB) = await NewEnterpriseAsync();
        var rows = new[]
        {
            Row(codeA, 2022, "12000000.50", 80, 10),
            Row(codeB, 2022, "-1", 80, 90),
            Row("91330723MA0000000X", 2022, "1000", 1, 0),
        };

        var bad = await staff.PostAsync("/api/v1/enterprise-years/import", Upload(rows));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = (await bad.ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "销售收入（元）"), problems);
        Assert.Contains((3, "科技人员数"), problems);
        Assert.Contains((4, "统一社会信用代码"), problems);
        Assert.Equal(0, (await (await staff.GetAsync($"/api/v1/enterprise-years?enterpriseId={a}")).ReadJsonAsync()).GetProperty("total").GetInt32());

        var good = await staff.PostAsync("/api/v1/enterprise-years/import", Upload([rows[0]]));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var export = await (await staff.GetAsync($"/api/v1/enterprise-years/export?enterpriseId={a}")).Content.ReadAsByteArrayAsync();
        var again = await staff.PostAsync("/api/v1/enterprise-years/import", Upload(export));
        Assert.Equal(1, (await again.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var list = await (await staff.GetAsync($"/api/v1/enterprise-years?enterpriseId={a}")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(12_000_000.50m, list.GetProperty("items")[0].GetProperty("salesRevenue").GetDecimal());
    }

    [Fact]
    public async Task Qualification_HighTechCertificate_IsValidThreeYears()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, code) = await NewEnterpriseAsync();

        await (await staff.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = id, kind = "high-tech-enterprise", number = "GR2018" + code[^6..], issueDate = "2018-12-24" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/qualifications", new { enterpriseId = id, kind = "tech-sme", number = "2019330723" + code[^6..], year = 2019 })).CreatedIdAsync();

        var list = await (await staff.GetAsync($"/api/v1/qualifications?enterpriseId={id}&kind=high-tech-enterprise")).ReadJsonAsync();
        Assert.Equal("2021-12-23", list.GetProperty("items")[0].GetProperty("validUntil").GetString());
        var in2022 = await (await staff.GetAsync($"/api/v1/qualifications?enterpriseId={id}&year=2022")).ReadJsonAsync();
        Assert.Equal(0, in2022.GetProperty("total").GetInt32());
        var in2019 = await (await staff.GetAsync($"/api/v1/qualifications?enterpriseId={id}&year=2019")).ReadJsonAsync();
        Assert.Equal(2, in2019.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task IpFilingsAwards_CreateAndList()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, code) = await NewEnterpriseAsync();
        var number = "ZL2021" + code[^6..];

        await (await staff.PostJsonAsync("/api/v1/intellectual-property", new { enterpriseId = id, kind = "invention-patent", title = "一种电动工具", number, status = "granted", appliedOn = "2021-03-01", grantedOn = "2022-05-01" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/industrialization-filings", new { enterpriseId = id, projectName = "电动工具产业化", patentNumber = number, expectedSales = 5_000_000m, year = 2021, filedOn = "2021-08-01" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/award-nominations", new { enterpriseId = id, award = "浙江省科学技术进步奖", level = "provincial", grade = "一等奖", year = 2022, project = "电动工具关键技术" })).CreatedIdAsync();
        var dupe = await staff.PostJsonAsync("/api/v1/intellectual-property", new { enterpriseId = id, kind = "invention-patent", title = "重复", number, status = "applied", appliedOn = "2021-03-01" });

        Assert.Equal(HttpStatusCode.Conflict, dupe.StatusCode);
        var ip = await (await staff.GetAsync($"/api/v1/intellectual-property?enterpriseId={id}")).ReadJsonAsync();
        Assert.Equal("发明专利", ip.GetProperty("items")[0].GetProperty("kindName").GetString());
        var filings = await (await staff.GetAsync($"/api/v1/industrialization-filings?enterpriseId={id}&year=2021")).ReadJsonAsync();
        Assert.Equal(5_000_000m, filings.GetProperty("items")[0].GetProperty("expectedSales").GetDecimal());
        var awards = await (await staff.GetAsync($"/api/v1/award-nominations?enterpriseId={id}")).ReadJsonAsync();
        Assert.Equal("pending", awards.GetProperty("items")[0].GetProperty("result").GetString());
    }

    private static Dictionary<string, object?> Row(string code, int year, string sales, int employees, int techStaff) => new()
    {
        ["统一社会信用代码"] = code,
        ["企业名称"] = "",
        ["年度"] = year,
        ["销售收入（元）"] = sales,
        ["资产总额（元）"] = "10000000",
        ["职工总数"] = employees,
        ["科技人员数"] = techStaff,
        ["重大事故或严重违法（是/否）"] = "否",
    };

    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return Upload(stream.ToArray());
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "years.xlsx" } };
    }

    public sealed class OnSqlite(SqliteApp app) : EnterpriseRecordTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EnterpriseRecordTests(app), IClassFixture<PostgresApp>;
}
