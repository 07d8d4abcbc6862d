using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kechuang.Platform.Indicators;
using Kechuang.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Commissioners;

/// <summary>
/// 科技特派员 through the API: dispatches, needs, projects and service records with their field messages, rules, data
/// scope, imports and exports, confirmation by code, and the letter's figures (S1–S4, S10) from the demo's records.
/// </summary>
public abstract class CommissionerTests(KechuangApp app)
{
    private static readonly Period LetterPeriod = new(new DateOnly(2022, 1, 1), new DateOnly(2023, 7, 7));

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<(Guid Id, string Name)> PersonAsync(HttpClient staff, string kind = "commissioner", string region = "330723")
    {
        var name = Unique("特派员");
        var id = await (await staff.PostJsonAsync("/api/v1/people", new { name, kind, regionCode = region })).CreatedIdAsync();
        return (id, name);
    }

    private static object Dispatch(Guid personId, string level = "provincial", string start = "2024-04-01", string end = "2026-03-31", string town = "330723107") =>
        new { personId, kind = "individual", level, regionCode = town, industry = "茶叶", termStart = start, termEnd = end, agreementSignedOn = "2024-03-20" };

    private static async Task<(Guid Id, string Name)> CommissionerAsync(HttpClient staff, string start = "2024-04-01", string end = "2026-03-31")
    {
        var person = await PersonAsync(staff);
        var id = await (await staff.PostJsonAsync("/api/v1/commissioners", Dispatch(person.Id, start: start, end: end))).CreatedIdAsync();
        return (id, person.Name);
    }

    private static async Task<string?> ConflictCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("code").GetString();
    }

    private static async Task<System.Text.Json.JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("errors");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "sheet.xlsx");
        return await client.PostAsync(url, content);
    }

    private static async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => (IDictionary<string, object?>)r.ToDictionary(k => k.Key, k => (object?)k.Value)).ToList();
    }

    private Task<decimal> IndicatorAsync(string code) => app.WithDbAsync(db =>
        app.Services.GetServices<IIndicator>().Single(i => i.Code == code).ComputeAsync(db, "330723", LetterPeriod, CancellationToken.None));

    [Fact]
    public async Task Create_ListsWithNames_IsAudited_AndUpdates()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var person = await PersonAsync(staff);

        var created = await staff.PostJsonAsync("/api/v1/commissioners", Dispatch(person.Id));
        var id = await created.CreatedIdAsync();
        var list = await (await staff.GetAsync($"/api/v1/commissioners?q={person.Name}")).ReadJsonAsync();
        var updated = await staff.PutAsJsonAsync($"/api/v1/commissioners/{id}", Dispatch(person.Id, town: "330723106"));
        var dto = await (await staff.GetAsync($"/api/v1/commissioners/{id}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal(person.Name, item.GetProperty("personName").GetString());
        Assert.Equal("个人科技特派员", item.GetProperty("kindName").GetString());
        Assert.Equal("1人+1乡", item.GetProperty("model").GetString());
        Assert.Equal("柳城畲族镇", item.GetProperty("regionName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal("大田乡", dto.GetProperty("regionName").GetString());
        var audit = await (await (await app.ClientAsync("auditor")).GetAsync($"/api/v1/audit?entity=commissioners_commissioner&key={id}")).ReadJsonAsync();
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_Invalid_Is400WithChineseFields_AndAnOverlappingTerm_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var person = await PersonAsync(staff);
        var expert = await PersonAsync(staff, "expert");
        await (await staff.PostJsonAsync("/api/v1/commissioners", Dispatch(person.Id))).CreatedIdAsync();

        var invalid = await staff.PostJsonAsync("/api/v1/commissioners",
            new { kind = "团队", level = "village", regionCode = "330723", industry = "", termStart = "2024-04-01", termEnd = "2024-03-01" });
        var notCommissioner = await staff.PostJsonAsync("/api/v1/commissioners", Dispatch(expert.Id));
        var overlapping = await staff.PostJsonAsync("/api/v1/commissioners", Dispatch(person.Id, start: "2025-01-01", end: "2026-12-31"));
        var otherLevel = await staff.PostJsonAsync("/api/v1/commissioners", Dispatch(person.Id, level: "county", start: "2025-01-01", end: "2026-12-31"));

        var errors = await ErrorsAsync(invalid);
        Assert.Equal("请选择科技特派员（人员名录中的人员）", errors.GetProperty("personId")[0].GetString());
        Assert.Contains("派遣层级取值无效", errors.GetProperty("level")[0].GetString());
        Assert.Contains("不是已登记的乡镇（街道）代码", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal("请填写服务产业", errors.GetProperty("industry")[0].GetString());
        Assert.Equal("派驻结束日期应晚于开始日期", errors.GetProperty("termEnd")[0].GetString());
        Assert.Contains("不是“科技特派员”类别", (await ErrorsAsync(notCommissioner)).GetProperty("personId")[0].GetString());
        Assert.Equal("commissioners.overlapping-term", await ConflictCodeAsync(overlapping));
        Assert.Equal(HttpStatusCode.Created, otherLevel.StatusCode);
    }

    [Fact]
    public async Task AnotherCounty_NeitherSeesNorWrites_WuyisRecords()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var (id, name) = await CommissionerAsync(staff);
        var project = await (await staff.PostJsonAsync("/api/v1/commissioners/projects",
            new { commissionerId = id, level = "provincial", year = 2024, title = Unique("茶叶项目") })).CreatedIdAsync();

        var get = await panan.GetAsync($"/api/v1/commissioners/{id}");
        var list = await (await panan.GetAsync($"/api/v1/commissioners?q={name}")).ReadJsonAsync();
        var projectGet = await panan.GetAsync($"/api/v1/commissioners/projects/{project}");
        var service = await panan.PostJsonAsync("/api/v1/commissioners/services",
            new { commissionerId = id, kind = "training", servedOn = "2024-05-10", place = "磐安", topic = "培训", trainees = 10 });
        var wrongTown = await panan.PostJsonAsync("/api/v1/commissioners", Dispatch((await PersonAsync(panan, region: "330727")).Id));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, projectGet.StatusCode);
        Assert.Equal("科技特派员不存在或不在您的数据范围内", (await ErrorsAsync(service)).GetProperty("commissionerId")[0].GetString());
        Assert.Equal("该乡镇（街道）不在您的数据范围内", (await ErrorsAsync(wrongTown)).GetProperty("regionCode")[0].GetString());
    }

    [Fact]
    public async Task Projects_AreCheckedAgainstTheTerm_AndTitlesAreUniqueInAYear()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, _) = await CommissionerAsync(staff);
        var title = Unique("石斛项目");

        var created = await staff.PostJsonAsync("/api/v1/commissioners/projects", new { commissionerId = id, level = "county", year = 2025, title, funding = 30000.5m });
        var duplicate = await staff.PostJsonAsync("/api/v1/commissioners/projects", new { commissionerId = id, level = "county", year = 2025, title });
        var outside = await staff.PostJsonAsync("/api/v1/commissioners/projects", new { commissionerId = id, level = "county", year = 2023, title = Unique("早年项目") });
        var invalid = await staff.PostJsonAsync("/api/v1/commissioners/projects", new { level = "national", year = 1800, title = "", funding = -1 });

        var project = await (await staff.GetAsync($"/api/v1/commissioners/projects/{await created.CreatedIdAsync()}")).ReadJsonAsync();
        Assert.Equal(30000.5m, project.GetProperty("funding").GetDecimal());
        Assert.Equal("县级", project.GetProperty("levelName").GetString());
        Assert.Equal("commissioners.duplicate-project", await ConflictCodeAsync(duplicate));
        Assert.Equal("commissioners.project-outside-term", await ConflictCodeAsync(outside));
        var errors = await ErrorsAsync(invalid);
        Assert.Equal("请选择承担项目的科技特派员", errors.GetProperty("commissionerId")[0].GetString());
        Assert.Equal("立项年度应在2000至2199之间", errors.GetProperty("year")[0].GetString());
        Assert.Equal("请填写项目名称", errors.GetProperty("title")[0].GetString());
        Assert.Equal("资助经费不能为负数", errors.GetProperty("funding")[0].GetString());
    }

    [Fact]
    public async Task Needs_ChangeStatus_UntilResolved()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (commissioner, _) = await CommissionerAsync(staff);
        var text = Unique("茶园机械化采摘需求");

        var id = await (await staff.PostJsonAsync("/api/v1/commissioners/needs",
            new { surveyedOn = "2024-03-01", regionCode = "330723109", industry = "茶叶", need = text })).CreatedIdAsync();
        var matchedWithout = await staff.PutAsJsonAsync($"/api/v1/commissioners/needs/{id}",
            new { surveyedOn = "2024-03-01", regionCode = "330723109", industry = "茶叶", need = text, status = "matched" });
        var resolved = await staff.PutAsJsonAsync($"/api/v1/commissioners/needs/{id}",
            new { surveyedOn = "2024-03-01", regionCode = "330723109", industry = "茶叶", need = text, status = "已解决", commissionerId = commissioner });
        var again = await staff.PutAsJsonAsync($"/api/v1/commissioners/needs/{id}",
            new { surveyedOn = "2024-03-01", regionCode = "330723109", industry = "茶叶", need = text, status = "open" });
        var future = await staff.PostJsonAsync("/api/v1/commissioners/needs", new { surveyedOn = "2027-01-01", regionCode = "330723109", industry = "茶叶", need = "x" });

        Assert.Equal("已对接或已解决的需求请选择对接的科技特派员", (await ErrorsAsync(matchedWithout)).GetProperty("commissionerId")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, resolved.StatusCode);
        Assert.Equal("commissioners.need-resolved", await ConflictCodeAsync(again));
        Assert.Equal("摸底日期不能晚于今天", (await ErrorsAsync(future)).GetProperty("surveyedOn")[0].GetString());
        var list = await (await staff.GetAsync($"/api/v1/commissioners/needs?q={text}")).ReadJsonAsync();
        Assert.Equal("已解决", list.GetProperty("items")[0].GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task Services_AskForTheirKindsFields_AndFallInTheTerm()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, _) = await CommissionerAsync(staff);

        var training = await staff.PostJsonAsync("/api/v1/commissioners/services",
            new { commissionerId = id, kind = "training", servedOn = "2024-05-10", place = "柳城畲族镇文化礼堂", topic = "春茶管理", trainees = 31, servedName = "不属于培训的字段" });
        var incomplete = await staff.PostJsonAsync("/api/v1/commissioners/services", new { commissionerId = id, kind = "training", servedOn = "2024-05-10" });
        var visit = await staff.PostJsonAsync("/api/v1/commissioners/services", new { commissionerId = id, kind = "visit", servedOn = "2024-05-11" });
        var area = await staff.PostJsonAsync("/api/v1/commissioners/services", new { commissionerId = id, kind = "promoted-area", servedOn = "2024-05-11", varietyName = "中茶108", areaMu = 0.125m });
        var outside = await staff.PostJsonAsync("/api/v1/commissioners/services", new { commissionerId = id, kind = "variety-introduction", servedOn = "2024-03-31", varietyName = "中茶108", crop = "茶叶" });

        var dto = await (await staff.GetAsync($"/api/v1/commissioners/services/{await training.CreatedIdAsync()}")).ReadJsonAsync();
        Assert.Equal(31, dto.GetProperty("trainees").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dto.GetProperty("servedName").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dto.GetProperty("confirmationCode").ValueKind);
        var errors = await ErrorsAsync(incomplete);
        Assert.Equal("请填写培训地点", errors.GetProperty("place")[0].GetString());
        Assert.Equal("请填写参训人次", errors.GetProperty("trainees")[0].GetString());
        var visitErrors = await ErrorsAsync(visit);
        Assert.Equal("请选择结对帮扶活动", visitErrors.GetProperty("campaign")[0].GetString());
        Assert.Equal("请填写走访对象（农户或企业）", visitErrors.GetProperty("servedName")[0].GetString());
        Assert.Equal("推广面积最多保留两位小数", (await ErrorsAsync(area)).GetProperty("areaMu")[0].GetString());
        Assert.Equal("commissioners.service-outside-term", await ConflictCodeAsync(outside));
    }

    [Fact]
    public async Task AVisit_IsConfirmedByItsCode_Once()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, _) = await CommissionerAsync(staff);
        var visit = await (await staff.PostJsonAsync("/api/v1/commissioners/services",
            new { commissionerId = id, kind = "visit", servedOn = "2024-06-01", campaign = "千团联千村", servedName = "李根富（茶农）" })).CreatedIdAsync();
        var code = (await (await staff.GetAsync($"/api/v1/commissioners/services/{visit}")).ReadJsonAsync()).GetProperty("confirmationCode").GetString()!;
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var wrongAnswer = await staff.PostJsonAsync("/api/v1/commissioners/services/confirm", new { code = wrong });
        var right = await staff.PostJsonAsync("/api/v1/commissioners/services/confirm", new { code = code.ToLowerInvariant().Insert(4, "-") });
        var used = await staff.PostJsonAsync("/api/v1/commissioners/services/confirm", new { code });
        var malformed = await staff.PostJsonAsync("/api/v1/commissioners/services/confirm", new { code = "12" });
        var panan = await (await app.ClientAsync("panan.staff")).PostJsonAsync("/api/v1/commissioners/services/confirm", new { code });

        Assert.Equal(ServiceCodeLength, code.Length);
        Assert.Equal("commissioners.code-unknown", await ConflictCodeAsync(wrongAnswer));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(visit, (await right.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal("commissioners.code-used", await ConflictCodeAsync(used));
        Assert.Contains("确认码应为", (await ErrorsAsync(malformed)).GetProperty("code")[0].GetString());
        Assert.Equal("commissioners.code-unknown", await ConflictCodeAsync(panan));
        var dto = await (await staff.GetAsync($"/api/v1/commissioners/services/{visit}")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.String, dto.GetProperty("confirmedAt").ValueKind);
        var confirmedList = await (await staff.GetAsync($"/api/v1/commissioners/services?commissionerId={id}&confirmed=true")).ReadJsonAsync();
        Assert.Equal(1, confirmedList.GetProperty("total").GetInt32());
    }

    private const int ServiceCodeLength = 8;

    [Fact]
    public async Task Scorecard_IsComputedFromTheYearsServices()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, _) = await CommissionerAsync(staff);
        for (var i = 0; i < 6; i++)
        {
            await (await staff.PostJsonAsync("/api/v1/commissioners/services",
                new { commissionerId = id, kind = "training", servedOn = $"2024-0{i + 4}-10", place = "文化礼堂", topic = "培训", trainees = 20 })).CreatedIdAsync();
        }
        await (await staff.PostJsonAsync("/api/v1/commissioners/services",
            new { commissionerId = id, kind = "promoted-area", servedOn = "2024-06-10", varietyName = "中茶108", areaMu = 250m })).CreatedIdAsync();

        var card = await (await staff.GetAsync($"/api/v1/commissioners/scorecard?commissionerId={id}&year=2024")).ReadJsonAsync();
        var empty = await (await staff.GetAsync($"/api/v1/commissioners/scorecard?commissionerId={id}&year=2025")).ReadJsonAsync();

        // 6 trainings × 6 points, capped at 30; 250 亩 → 2.5 points.
        var items = card.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("points").GetDecimal());
        Assert.Equal(30m, items["农业科技培训"]);
        Assert.Equal(2.5m, items["推广新品种面积"]);
        Assert.Equal(32.5m, card.GetProperty("total").GetDecimal());
        Assert.Equal("不合格", card.GetProperty("grade").GetString());
        Assert.Equal(120, card.GetProperty("totals").GetProperty("trainees").GetInt32());
        Assert.Equal(0m, empty.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Commissioners_ExportAndImportAgain_AllOrNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (_, name) = await CommissionerAsync(staff);
        var exported = await ExportAsync(staff, $"/api/v1/commissioners/export?q={name}");
        var row = Assert.Single(exported);
        Assert.Equal("柳城畲族镇", row["派驻乡镇"]);
        Assert.Equal("2024-04-01", row["派驻开始日期"]?.ToString());

        // The same dispatch again overlaps; moved to the county level it imports. A bad row stops the whole sheet.
        var overlapping = await UploadAsync(staff, "/api/v1/commissioners/import", [row]);
        var county = new Dictionary<string, object?>(row) { ["派遣层级"] = "县派" };
        var bad = new Dictionary<string, object?>(row) { ["姓名"] = "没有这个人", ["派驻乡镇代码"] = "330723" };
        var withBad = await UploadAsync(staff, "/api/v1/commissioners/import", [county, bad]);
        var good = await UploadAsync(staff, "/api/v1/commissioners/import", [county]);

        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("派驻期不能重叠", (await overlapping.ReadJsonAsync()).GetProperty("rows")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withBad.StatusCode);
        var rows = (await withBad.ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "姓名"), rows);
        Assert.Contains((3, "派驻乡镇代码"), rows);
        Assert.DoesNotContain(rows, r => r.Item1 == 2);
        Assert.Equal(1, (await good.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var list = await (await staff.GetAsync($"/api/v1/commissioners?q={name}")).ReadJsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ProjectsAndTrainings_ExportAndImportAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var (id, name) = await CommissionerAsync(staff);
        var title = Unique("食用菌项目");
        await (await staff.PostJsonAsync("/api/v1/commissioners/projects", new { commissionerId = id, level = "provincial", year = 2024, title, funding = 50000, goals = "示范100亩" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/commissioners/services",
            new { commissionerId = id, kind = "training", servedOn = "2024-05-10", place = "大田乡农民学校", topic = "香菇管理", trainees = 25, signInNote = "签到表存乡镇" })).CreatedIdAsync();

        var projects = await ExportAsync(staff, $"/api/v1/commissioners/projects/export?commissionerId={id}");
        var trainings = await ExportAsync(staff, $"/api/v1/commissioners/services/export?commissionerId={id}&kind=training");
        var sameTitle = await UploadAsync(staff, "/api/v1/commissioners/projects/import", projects);
        var renamed = projects.Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>(p) { ["项目名称"] = title + "（二期）" }).ToList();
        var projectImport = await UploadAsync(staff, "/api/v1/commissioners/projects/import", renamed);
        var trainingImport = await UploadAsync(staff, "/api/v1/commissioners/services/import", trainings);

        Assert.Equal(name, Assert.Single(projects)["科技特派员"]);
        Assert.Equal("香菇管理", Assert.Single(trainings)["主题（内容）"]);
        Assert.Equal(HttpStatusCode.BadRequest, sameTitle.StatusCode);
        Assert.Equal(1, (await projectImport.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(1, (await trainingImport.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var services = await (await staff.GetAsync($"/api/v1/commissioners/services?commissionerId={id}&kind=training")).ReadJsonAsync();
        Assert.Equal(2, services.GetProperty("total").GetInt32());
        Assert.All(services.GetProperty("items").EnumerateArray(), s => Assert.Equal(25, s.GetProperty("trainees").GetInt32()));
        var list = await (await staff.GetAsync($"/api/v1/commissioners/projects?commissionerId={id}")).ReadJsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheLettersFigures_ComeFromTheDemosRecords()
    {
        Assert.Equal(5m, await IndicatorAsync("commissioners.needs-surveyed"));
        Assert.Equal(15m, await IndicatorAsync("commissioners.projects"));
        Assert.Equal(12m, await IndicatorAsync("commissioners.projects.provincial"));
        Assert.Equal(3m, await IndicatorAsync("commissioners.projects.county"));
        Assert.Equal(5m, await IndicatorAsync("commissioners.trainings"));
        Assert.InRange(await IndicatorAsync("commissioners.trainees"), 150m, 159m);
        Assert.Equal(52m, await IndicatorAsync("commissioners.varieties"));
        Assert.Equal(8000m, await IndicatorAsync("commissioners.promoted-area"));
        Assert.Equal(40m, await IndicatorAsync("commissioners.pairing-visits"));
        Assert.Equal(12m, await IndicatorAsync("commissioners.technical-help"));
    }

    [Fact]
    public async Task TheIndicatorsRecordLists_ListTheRecordsCounted()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        foreach (var (code, expected) in new[] { ("commissioners.pairing-visits", 40), ("commissioners.varieties", 52), ("commissioners.projects.provincial", 12) })
        {
            var url = IndicatorCatalogue.ApiUrl(app.Services.GetServices<IIndicator>().Single(i => i.Code == code).RecordsUrl("330723", LetterPeriod));
            var list = await (await staff.GetAsync(url + "&pageSize=200")).ReadJsonAsync();
            Assert.Equal(expected, list.GetProperty("total").GetInt32());
        }
        var value = await (await staff.GetAsync("/api/v1/indicators/commissioners.trainings/value?regionCode=330723&year=2023")).ReadJsonAsync();
        Assert.Equal(2m, value.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Pages_ShowTheDemosRecords()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = (await (await staff.GetAsync("/api/v1/commissioners?q=周丽娟")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/commissioners"));
        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/commissioners/{id}?year=2022"));
        var projects = WebUtility.HtmlDecode(await staff.GetStringAsync("/commissioners/projects"));
        var needs = WebUtility.HtmlDecode(await staff.GetStringAsync("/commissioners/needs"));
        var service = WebUtility.HtmlDecode(await staff.GetStringAsync("/commissioners/services/new"));

        Assert.Contains("周丽娟", list, StringComparison.Ordinal);
        Assert.Contains("年度考核", detail, StringComparison.Ordinal);
        Assert.Contains("柳城高山茶园绿色防控与名优茶加工技术示范", detail, StringComparison.Ordinal);
        Assert.Contains("科技特派员项目", projects, StringComparison.Ordinal);
        Assert.Contains("需求摸底", needs, StringComparison.Ordinal);
        Assert.Contains("登记服务记录", service, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : CommissionerTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CommissionerTests(app), IClassFixture<PostgresApp>;
}
