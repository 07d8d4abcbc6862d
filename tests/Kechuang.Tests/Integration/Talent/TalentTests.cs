using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Talent;

/// <summary>
/// 人才工作 through the API: applications and their results, PhD recommendations, introduced talents; 400 field messages,
/// 409 codes, data scope, imports all or nothing, exports that import again, and the letter's figures from the demo records.
/// </summary>
public abstract class TalentTests(KechuangApp app)
{
    private const string National = "国家千人计划（国家海外高层次人才引进计划）";
    private const string Provincial = "浙江省海外高层次人才引进计划";

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<(Guid Id, string CreditCode, string Name)> EnterpriseAsync(HttpClient staff, string region = "330723105")
    {
        var code = KechuangApp.NewCreditCode(region[..6]);
        var name = Unique("人才测试企业");
        var id = await (await staff.PostJsonAsync("/api/v1/organizations", new { name, kind = "enterprise", creditCode = code, regionCode = region })).CreatedIdAsync();
        return (id, code, name);
    }

    private static async Task<(Guid Id, string Name)> PersonAsync(HttpClient staff, Guid organizationId, string kind = "expert")
    {
        var name = Unique("人才");
        var id = await (await staff.PostJsonAsync("/api/v1/people", new { name, kind, organizationId, phone = "13857900000" })).CreatedIdAsync();
        return (id, name);
    }

    private static object Application(Guid personId, Guid employerId, string programme = National, int year = 2023, string? result = null,
        string? decidedOn = null, string region = "330723") =>
        new { programme, personId, employerId, regionCode = region, year, recommendedOn = "2023-04-10", result, decidedOn };

    private static async Task<decimal> IndicatorAsync(HttpClient client, string code, int year, string region = "330723") =>
        (await (await client.GetAsync($"/api/v1/indicators/{code}/value?regionCode={region}&year={year}")).ReadJsonAsync()).GetProperty("value").GetDecimal();

    [Fact]
    public async Task DemoRecords_GiveTheLettersFigures_AndTheTargetsActuals()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var applications = await IndicatorAsync(staff, "talent.applications", 2022);
        var national = await IndicatorAsync(staff, "talent.national-approvals", 2022);
        var phds = await IndicatorAsync(staff, "talent.phd-recommendations", 2022);
        var introduced2023 = await IndicatorAsync(staff, "talent.introduced-phds", 2023);
        var applications2023 = await IndicatorAsync(staff, "talent.applications", 2023);
        var listed = await (await staff.GetAsync("/api/v1/talent/applications?regionCode=330723&year=2022&level=national&result=approved")).ReadJsonAsync();
        var recommended = await (await staff.GetAsync("/api/v1/talent/phd-recommendations?regionCode=330723&year=2022")).ReadJsonAsync();
        var targets = await (await staff.GetAsync("/api/v1/targets?regionCode=330723&year=2023")).ReadJsonAsync();

        Assert.Equal(11m, applications);
        Assert.Equal(2m, national);
        Assert.Equal(8m, phds);
        Assert.Equal(2m, introduced2023);
        Assert.True(applications2023 >= 3m);
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.All(listed.GetProperty("items").EnumerateArray(), a => Assert.True(DateOnly.Parse(a.GetProperty("decidedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= new DateOnly(2023, 7, 6)));
        Assert.Equal(8, recommended.GetProperty("total").GetInt32());
        var codes = targets.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("indicatorCode").GetString()).ToList();
        Assert.Contains("talent.introduced-phds", codes);
        Assert.Contains("talent.applications", codes);
    }

    [Fact]
    public async Task Application_CreateListDecide_IsAudited_AndDecidingTwiceIs409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var employer = await EnterpriseAsync(staff);
        var person = await PersonAsync(staff, employer.Id);

        var id = await (await staff.PostJsonAsync("/api/v1/talent/applications", Application(person.Id, employer.Id))).CreatedIdAsync();
        var list = await (await staff.GetAsync($"/api/v1/talent/applications?q={person.Name}")).ReadJsonAsync();
        var decided = await staff.PostJsonAsync($"/api/v1/talent/applications/{id}/decision", new { result = "approved", decidedOn = "2023-09-01" });
        var again = await staff.PostJsonAsync($"/api/v1/talent/applications/{id}/decision", new { result = "rejected", decidedOn = "2023-09-02" });
        var dto = await (await staff.GetAsync($"/api/v1/talent/applications/{id}")).ReadJsonAsync();

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("国家级", list.GetProperty("items")[0].GetProperty("levelName").GetString());
        Assert.Equal("待定", list.GetProperty("items")[0].GetProperty("resultName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("talent.application-decided", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("获批", dto.GetProperty("resultName").GetString());
        Assert.Equal("2023-09-01", dto.GetProperty("decidedOn").GetString());
        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync($"/api/v1/audit?entity=talent_application&key={id}")).ReadJsonAsync();
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
        Assert.Equal("wuyi.staff", audit.GetProperty("items")[0].GetProperty("account").GetString());
    }

    [Fact]
    public async Task Application_InvalidFields_Is400WithChineseMessages_AndTheDuplicateIs409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var employer = await EnterpriseAsync(staff);
        var person = await PersonAsync(staff, employer.Id);

        var invalid = await staff.PostJsonAsync("/api/v1/talent/applications",
            new { programme = "不存在的计划", level = "national", regionCode = "999999", year = 1999, result = "approved", recommendedOn = "2023-04-10" });
        var wrongLevel = await staff.PostJsonAsync("/api/v1/talent/applications",
            new { programme = Provincial, level = "national", personId = person.Id, employerId = employer.Id, regionCode = "330723", year = 2023 });
        await (await staff.PostJsonAsync("/api/v1/talent/applications", Application(person.Id, employer.Id, Provincial))).CreatedIdAsync();
        var duplicate = await staff.PostJsonAsync("/api/v1/talent/applications", Application(person.Id, employer.Id, Provincial));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("人才项目“不存在的计划”不在项目清单中", errors.GetProperty("programme")[0].GetString());
        Assert.Equal("请选择申报人", errors.GetProperty("personId")[0].GetString());
        Assert.Equal("请选择申报单位", errors.GetProperty("employerId")[0].GetString());
        Assert.Equal("申报年度须在2000至2100之间", errors.GetProperty("year")[0].GetString());
        Assert.Equal("请填写结果日期", errors.GetProperty("decidedOn")[0].GetString());
        Assert.Contains("不存在", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongLevel.StatusCode);
        Assert.Equal($"“{Provincial}”是省级项目", (await wrongLevel.ReadJsonAsync()).GetProperty("errors").GetProperty("level")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("talent.duplicate-application", (await duplicate.ReadJsonAsync()).GetProperty("code").GetString());
        var count = await (await staff.GetAsync($"/api/v1/talent/applications?q={person.Name}")).ReadJsonAsync();
        Assert.Equal(1, count.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherCounty_Gets404_AndCannotWriteIntoWuyi_AndAnExpertIs403()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var employer = await EnterpriseAsync(staff);
        var person = await PersonAsync(staff, employer.Id);
        var id = await (await staff.PostJsonAsync("/api/v1/talent/applications", Application(person.Id, employer.Id))).CreatedIdAsync();
        var panan = await app.ClientAsync("panan.staff");
        var expert = await app.ClientAsync("expert.chen");

        var read = await panan.GetAsync($"/api/v1/talent/applications/{id}");
        var list = await (await panan.GetAsync($"/api/v1/talent/applications?q={person.Name}")).ReadJsonAsync();
        var write = await panan.PostJsonAsync("/api/v1/talent/applications", Application(person.Id, employer.Id, Provincial));
        var forbidden = await expert.PostJsonAsync("/api/v1/talent/applications", Application(person.Id, employer.Id, Provincial));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        var errors = (await write.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("该行政区划不在您的数据范围内", errors.GetProperty("regionCode")[0].GetString());
        Assert.Contains("不在您的数据范围内", errors.GetProperty("personId")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Recommendation_PlacementDatesAreChecked_AndTheDuplicateIs409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await EnterpriseAsync(staff);
        var institution = (await (await staff.GetAsync("/api/v1/organizations?q=浙江工业大学")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var phdPerson = await PersonAsync(staff, institution, "phd");
        var phd = await (await staff.PostJsonAsync("/api/v1/talent/phds",
            new { personId = phdPerson.Id, institutionId = institution, regionCode = "330723", discipline = "机械工程", techFields = "智能制造", phone = "13857912345" })).CreatedIdAsync();
        object Recommendation(string reported, string? started = null, string? ended = null) =>
            new { phdId = phd, enterpriseId = enterprise.Id, regionCode = "330723105", year = 2023, reportedOn = reported, startedOn = started, endedOn = ended };

        var bad = await staff.PostJsonAsync("/api/v1/talent/phd-recommendations", Recommendation("2023-10-20", "2023-10-01", "2023-09-01"));
        var id = await (await staff.PostJsonAsync("/api/v1/talent/phd-recommendations", Recommendation("2023-10-20", "2023-11-01"))).CreatedIdAsync();
        var duplicate = await staff.PostJsonAsync("/api/v1/talent/phd-recommendations", Recommendation("2023-10-21"));
        var dto = await (await staff.GetAsync($"/api/v1/talent/phd-recommendations/{id}")).ReadJsonAsync();
        var profile = await (await staff.GetAsync($"/api/v1/talent/phds/{phd}")).ReadJsonAsync();
        var expertView = await (await (await app.ClientAsync("expert.chen")).GetAsync($"/api/v1/talent/phds?q={phdPerson.Name}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("入企日期不能早于上报日期", errors.GetProperty("startedOn")[0].GetString());
        Assert.Equal("离企日期不能早于入企日期", errors.GetProperty("endedOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("talent.duplicate-recommendation", (await duplicate.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(phdPerson.Name, dto.GetProperty("phdName").GetString());
        Assert.Equal("在企服务", dto.GetProperty("placementName").GetString());
        Assert.Equal(1, profile.GetProperty("recommendations").GetInt32());
        Assert.Equal("13857912345", profile.GetProperty("phone").GetString());
        foreach (var row in expertView.GetProperty("items").EnumerateArray())
        {
            Assert.Equal("138****2345", row.GetProperty("phone").GetString());
        }
    }

    [Fact]
    public async Task Introduction_CountsInTheYearItStarted()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var employer = await EnterpriseAsync(staff, "330723");
        var person = await PersonAsync(staff, employer.Id, "phd");
        var before = await IndicatorAsync(staff, "talent.introduced-phds", 2024);

        var future = await staff.PostJsonAsync("/api/v1/talent/introductions",
            new { personId = person.Id, degree = "doctorate", employerId = employer.Id, regionCode = "330723", introducedOn = "2099-01-01" });
        await (await staff.PostJsonAsync("/api/v1/talent/introductions",
            new { personId = person.Id, degree = "博士后", employerId = employer.Id, regionCode = "330723", introducedOn = "2024-05-06" })).CreatedIdAsync();
        var twice = await staff.PostJsonAsync("/api/v1/talent/introductions",
            new { personId = person.Id, degree = "doctorate", employerId = employer.Id, regionCode = "330723", introducedOn = "2024-06-06" });
        var after = await IndicatorAsync(staff, "talent.introduced-phds", 2024);

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("引进日期不能晚于今天", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("introducedOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("talent.duplicate-introduction", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task ApplicationImport_WithABadRow_ImportsNothing_AndTheExportImportsAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var employer = await EnterpriseAsync(staff);
        var a = await PersonAsync(staff, employer.Id);
        var b = await PersonAsync(staff, employer.Id);
        Dictionary<string, object?> Row(string person, string programme, object? year, string? result = null, string? decided = null) => new()
        {
            ["人才项目"] = programme,
            ["项目级别"] = null,
            ["申报人"] = person,
            ["申报单位"] = employer.Name,
            ["申报单位统一社会信用代码"] = employer.CreditCode,
            ["行政区划代码"] = "330723",
            ["申报年度"] = year,
            ["推荐日期"] = "2023-03-01",
            ["评审结果"] = result,
            ["结果日期"] = decided,
            ["备注"] = null,
        };

        var refused = await UploadAsync(staff, "/api/v1/talent/applications/import",
            [Row(a.Name, National, 2023), Row(b.Name, National, 2023, "获批"), Row("没有这个人", National, 2023)]);
        var nothing = await (await staff.GetAsync($"/api/v1/talent/applications?q={employer.Name}")).ReadJsonAsync();
        var imported = await UploadAsync(staff, "/api/v1/talent/applications/import",
            [Row(a.Name, National, 2023), Row(b.Name, Provincial, 2023, "获批", "2023-08-08")]);
        var export = await staff.GetAsync($"/api/v1/talent/applications/export?q={employer.Name}");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var reimport = await UploadAsync(staff, "/api/v1/talent/applications/import",
            rows.Select(r => { var row = r.ToDictionary(k => k.Key, k => (object?)k.Value); row["申报年度"] = 2024; return (IDictionary<string, object?>)row; }));
        var total = await (await staff.GetAsync($"/api/v1/talent/applications?q={employer.Name}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var bad = (await refused.ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "结果日期"), bad);
        Assert.Contains((4, "申报人"), bad);
        Assert.DoesNotContain(bad, r => r.Item1 == 2);
        Assert.Equal(0, nothing.GetProperty("total").GetInt32());
        Assert.Equal(2, (await imported.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, (await reimport.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(4, total.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RecommendationImport_ExportOfTheDemoRound_ImportsAgainIntoAnotherYear()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var export = await staff.GetAsync("/api/v1/talent/phd-recommendations/export?regionCode=330723&year=2022");
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var again = await UploadRowsAsync(staff, "/api/v1/talent/phd-recommendations/import", rows);
        var moved = await UploadAsync(staff, "/api/v1/talent/phd-recommendations/import", rows.Select(r =>
        {
            var row = r.ToDictionary(k => k.Key, k => (object?)k.Value);
            row["百博入企年度"] = 2025;
            row["上报日期"] = "2025-10-30";
            row["入企日期"] = null;
            row["离企日期"] = null;
            return (IDictionary<string, object?>)row;
        }));

        Assert.Equal(8, rows.Count);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已在2022年度推荐至该企业", (await again.ReadJsonAsync()).GetProperty("rows")[0].GetProperty("message").GetString());
        Assert.Equal(8, (await moved.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(8m, await IndicatorAsync(staff, "talent.phd-recommendations", 2025));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "talent.xlsx");
        return await client.PostAsync(url, content);
    }

    private static async Task<HttpResponseMessage> UploadRowsAsync(HttpClient client, string url, IEnumerable<IDictionary<string, object>> rows) =>
        await UploadAsync(client, url, rows.Select(r => (IDictionary<string, object?>)r.ToDictionary(k => k.Key, k => (object?)k.Value)));

    public sealed class OnSqlite(SqliteApp app) : TalentTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TalentTests(app), IClassFixture<PostgresApp>;
}
