using System.Globalization;
using System.Net;
using System.Text.Json;
using Kechuang.Modules.Directory.Public;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// The lists that gained an export: for the same filter, search and sort, the .xlsx holds exactly the rows the list API
/// answers, under Chinese headers, in the list's order; the data scope is the list's (another county exports only its own).
/// </summary>
public abstract class ListExportTests(KechuangApp app)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task MatchmakingEvents_ExportTheFilteredList()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Tag();
        var offline = await EventAsync(staff, $"导出对接会{tag}", "offline", "330723105");
        await EventAsync(staff, $"导出线上对接{tag}", "online", "330723");
        await (await staff.PostJsonAsync($"/api/v1/transfer/events/{offline}/attendances", new { expertName = $"王{tag}", institutionId = await InstitutionAsync(), title = "教授" }))
            .CreatedIdAsync();

        var rows = await ExportMatchesListAsync(staff, "/api/v1/transfer/events", $"q={tag}&mode=offline",
            ["活动名称", "形式", "活动日期", "行政区划代码", "所在地区", "地点", "主办单位", "依托工作站", "专家（人次）", "参加企业（家）", "活动简介"],
            e => [e.Text("title"), e.Text("modeName"), e.Text("heldOn"), e.Text("regionCode"), e.Text("regionName"), e.Text("place"), e.Text("organizers"),
                e.Text("stationName"), e.Text("expertCount"), e.Text("enterpriseCount"), e.Text("summary")]);

        var row = Assert.Single(rows);
        Assert.Equal($"导出对接会{tag} | 线下 | 2026-02-15 | 1", Show([row[0], row[1], row[2], row[8]]));
    }

    [Fact]
    public async Task ExpertAttendances_ExportTheFilteredList()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Tag();
        var zju = await InstitutionAsync();
        var held = await EventAsync(staff, $"人次导出对接会{tag}", "offline", "330723105");
        var earlier = await EventAsync(staff, $"人次导出早先对接会{tag}", "offline", "330723105", "2026-01-10");
        await (await staff.PostJsonAsync($"/api/v1/transfer/events/{held}/attendances", new { expertName = $"王{tag}", institutionId = zju, title = "教授" })).CreatedIdAsync();
        await (await staff.PostJsonAsync($"/api/v1/transfer/events/{held}/attendances", new { expertName = $"李{tag}", institutionId = zju })).CreatedIdAsync();
        await (await staff.PostJsonAsync($"/api/v1/transfer/events/{earlier}/attendances", new { expertName = $"王{tag}", institutionId = zju })).CreatedIdAsync();

        var rows = await ExportMatchesListAsync(staff, "/api/v1/transfer/attendances", $"regionCode=330723105&from=2026-02-01&to=2026-03-01&q={tag}",
            ["专家姓名", "职称", "所在院校", "对接活动", "活动日期"],
            a => [a.Text("expertName"), a.Text("title"), a.Text("institutionName"), a.Text("eventTitle"), a.Text("heldOn")]);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal($"人次导出对接会{tag} | 浙江大学", Show([r[3], r[2]])));
    }

    [Fact]
    public async Task InstituteCountyProjects_ExportTheFilteredSortedList()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Tag();
        var zju = await InstitutionAsync();
        foreach (var (name, major) in new[] { ($"重大项目A{tag}", true), ($"重大项目B{tag}", true), ($"一般项目C{tag}", false) })
        {
            await (await staff.PostJsonAsync("/api/v1/transfer/projects",
                new { name, institutionId = zju, regionCode = "330723", approvedOn = "2025-06-01", isMajor = major, funding = 500000.5m, note = "院县合作" })).CreatedIdAsync();
        }

        var rows = await ExportMatchesListAsync(staff, "/api/v1/transfer/projects", $"q={tag}&major=true&sort=name&desc=true",
            ["项目名称", "重大项目", "合作院校", "合作企业", "立项日期", "项目经费（元）", "行政区划代码", "所在地区", "备注"],
            p => [p.Text("name"), p.GetProperty("isMajor").GetBoolean() ? "是" : "否", p.Text("institutionName"), p.Text("enterpriseName"), p.Text("approvedOn"),
                p.Text("funding"), p.Text("regionCode"), p.Text("regionName"), p.Text("note")]);

        Assert.Equal([$"重大项目B{tag}", $"重大项目A{tag}"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("500000.5", r[5]));
    }

    [Fact]
    public async Task KeyLabs_ExportTheFilteredListWithTheirRecognitions()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Tag();
        var zju = await InstitutionAsync();
        var lab = await (await staff.PostJsonAsync("/api/v1/transfer/key-labs",
            new { name = $"导出重点实验室{tag}", kind = "key-lab", regionCode = "330723", institutionId = zju, fields = "智能制造", foundedOn = "2024-03-01" })).CreatedIdAsync();
        await (await staff.PostJsonAsync("/api/v1/transfer/key-labs",
            new { name = $"导出产业研究院{tag}", kind = "industry-institute", regionCode = "330723", institutionId = zju })).CreatedIdAsync();
        await (await staff.PostJsonAsync($"/api/v1/transfer/key-labs/{lab}/recognitions", new { step = "listed", level = "city", on = "2025-01-10", document = "金科发〔2025〕1号" }))
            .CreatedIdAsync();

        var rows = await ExportMatchesListAsync(staff, "/api/v1/transfer/key-labs", $"q={tag}&kind=key-lab",
            ["名称", "类型", "依托单位", "合作院校", "研究方向", "成立日期", "行政区划代码", "所在地区", "当前环节", "认定环节"],
            l => [l.Text("name"), l.Text("kindName"), l.Text("hostName"), l.Text("institutionName"), l.Text("fields"), l.Text("foundedOn"), l.Text("regionCode"),
                l.Text("regionName"), l.Text("stateText"),
                string.Join("；", l.GetProperty("recognitions").EnumerateArray().Select(r => $"{r.Text("on")} {r.Text("levelName")}{r.Text("stepName")}：{r.Text("document")}"))]);

        var row = Assert.Single(rows);
        Assert.Equal("重点实验室 | 市级列入建设名单 | 2025-01-10 市级列入建设名单：金科发〔2025〕1号", Show([row[1], row[8], row[9]]));
    }

    [Fact]
    public async Task TalentIntroductions_ExportTheFilteredList()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Tag();
        var employer = await EnterpriseAsync(staff, "330723105");
        foreach (var (introducedOn, note) in new[] { ("2024-05-06", "2024年引进"), ("2025-03-01", "2025年引进") })
        {
            var person = await (await staff.PostJsonAsync("/api/v1/people", new { name = $"博士{tag}{note[..4]}", kind = "phd", organizationId = employer })).CreatedIdAsync();
            await (await staff.PostJsonAsync("/api/v1/talent/introductions",
                new { personId = person, degree = "doctorate", employerId = employer, regionCode = "330723", introducedOn, discipline = $"材料{tag}", note })).CreatedIdAsync();
        }

        var rows = await ExportMatchesListAsync(staff, "/api/v1/talent/introductions", $"q={tag}&year=2024",
            ["姓名", "学历层次", "引进单位", "行政区划代码", "所在地区", "引进日期", "学科专业", "备注"],
            i => [i.Text("personName"), i.Text("degreeName"), i.Text("employerName"), i.Text("regionCode"), i.Text("regionName"), i.Text("introducedOn"),
                i.Text("discipline"), i.Text("note")]);

        var row = Assert.Single(rows);
        Assert.Equal("2024-05-06 | 2024年引进", Show([row[5], row[7]]));
    }

    [Fact]
    public async Task PhdDemands_ExportTheFilteredList()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var tag = Tag();
        var enterprise = await EnterpriseAsync(staff, "330723105");
        foreach (var (year, headcount) in new[] { (2025, 1), (2026, 2), (2026, 3) })
        {
            await (await staff.PostJsonAsync("/api/v1/talent/phd-demands",
                new { enterpriseId = enterprise, regionCode = "330723", year, discipline = $"电气{tag}", headcount, description = "解决电机能效问题" })).CreatedIdAsync();
        }

        var rows = await ExportMatchesListAsync(staff, "/api/v1/talent/phd-demands", $"q={tag}&year=2026&sort=headcount&desc=true",
            ["需求企业", "行政区划代码", "所在地区", "需求年度", "需求学科专业", "需求人数", "需求说明"],
            d => [d.Text("enterpriseName"), d.Text("regionCode"), d.Text("regionName"), d.Text("year"), d.Text("discipline"), d.Text("headcount"), d.Text("description")]);

        Assert.Equal(["3", "2"], rows.Select(r => r[5]));
    }

    [Fact]
    public async Task PlanCalls_ExportTheFilteredList()
    {
        var county = await app.ClientAsync("wuyi.staff");
        var city = await app.ClientAsync("city.staff");
        var tag = Tag();
        await (await county.PostJsonAsync("/api/v1/programs/calls", Call("county", "330723", $"武义县导出通知{tag}"))).CreatedIdAsync();
        await (await city.PostJsonAsync("/api/v1/programs/calls", Call("city", "330700", $"金华市导出通知{tag}"))).CreatedIdAsync();

        var rows = await ExportMatchesListAsync(county, "/api/v1/programs/calls", $"q={tag}&level=county&year=2026",
            ["通知标题", "发布地区", "计划层级", "项目类别", "年度", "申报开始日期", "申报截止日期", "申报中", "申报项目（项）", "评审指标", "去掉最高分和最低分", "公示天数"],
            c => [c.Text("title"), c.Text("regionName"), c.Text("levelName"), c.Text("category"), c.Text("year"), c.Text("opensOn"), c.Text("closesOn"),
                c.GetProperty("open").GetBoolean() ? "是" : "否", c.Text("applications"),
                string.Join("；", c.GetProperty("criteria").EnumerateArray().Select(k => $"{k.Text("name")}{k.Text("maxPoints")}分")),
                c.GetProperty("dropHighLow").GetBoolean() ? "是" : "否", c.Text("noticeDays")]);

        var row = Assert.Single(rows);
        Assert.Equal($"武义县导出通知{tag} | 县级 | 是 | 创新性60分；产业化前景40分", Show([row[0], row[2], row[7], row[9]]));
    }

    [Fact]
    public async Task RegistrationPoints_ExportTheListInTheCallersScope_AndNotToAnExpert()
    {
        var city = await app.ClientAsync("city.staff");
        var county = await app.ClientAsync("wuyi.staff");
        string[] headers = ["登记点编号", "所在县（市、区）", "行政区划代码", "名称", "本年登记号前八位", "状态"];
        Func<JsonElement, string[]> cells = p => [p.Text("code"), p.Text("regionName"), p.Text("regionCode"), p.Text("name"), p.Text("numberPrefix"),
            p.GetProperty("active").GetBoolean() ? "登记中" : "已停止"];

        var all = await ExportMatchesListAsync(city, "/api/v1/registration-points", "", headers, cells);
        var own = await ExportMatchesListAsync(county, "/api/v1/registration-points", "", headers, cells);
        var expert = await (await app.ClientAsync("expert.chen")).GetAsync("/api/v1/registration-points/export");

        Assert.True(all.Count >= 9);
        Assert.Contains(all, r => r[2] == "330727");
        Assert.Equal(["03 | 武义县 | 330723"], own.Select(r => Show(r[..3])));
        Assert.Equal(HttpStatusCode.Forbidden, expert.StatusCode);
        Assert.Equal("access.not-permitted", (await expert.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherCounty_ExportsOnlyItsOwnRows()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var city = await app.ClientAsync("city.staff");
        var tag = Tag();
        var zju = await InstitutionAsync();
        foreach (var (client, county, region) in new[] { (wuyi, "武义", "330723"), (panan, "磐安", "330727") })
        {
            var held = await EventAsync(client, $"{county}对接会{tag}", "offline", region);
            await (await client.PostJsonAsync($"/api/v1/transfer/events/{held}/attendances", new { expertName = $"{county}专家{tag}", institutionId = zju })).CreatedIdAsync();
            await (await client.PostJsonAsync("/api/v1/transfer/projects",
                new { name = $"{county}院县项目{tag}", institutionId = zju, regionCode = region, approvedOn = "2025-06-01", isMajor = true })).CreatedIdAsync();
            await (await client.PostJsonAsync("/api/v1/transfer/key-labs", new { name = $"{county}实验室{tag}", kind = "key-lab", regionCode = region })).CreatedIdAsync();
            var enterprise = await EnterpriseAsync(client, region + "101");
            await (await client.PostJsonAsync("/api/v1/talent/phd-demands",
                new { enterpriseId = enterprise, regionCode = region, year = 2026, discipline = $"{county}学科{tag}", headcount = 1, description = "本县需求" })).CreatedIdAsync();
            var person = await (await client.PostJsonAsync("/api/v1/people", new { name = $"{county}博士{tag}", kind = "phd", organizationId = enterprise })).CreatedIdAsync();
            await (await client.PostJsonAsync("/api/v1/talent/introductions",
                new { personId = person, degree = "doctorate", employerId = enterprise, regionCode = region, introducedOn = "2025-05-06", discipline = $"{county}学科{tag}" }))
                .CreatedIdAsync();
        }

        foreach (var path in new[] { "/api/v1/transfer/events", "/api/v1/transfer/attendances", "/api/v1/transfer/projects", "/api/v1/transfer/key-labs",
            "/api/v1/talent/phd-demands", "/api/v1/talent/introductions" })
        {
            var ofWuyi = await SheetAsync(wuyi, $"{path}/export?q={tag}");
            var ofPanan = await SheetAsync(panan, $"{path}/export?q={tag}");
            var ofCity = await SheetAsync(city, $"{path}/export?q={tag}");

            Assert.True(ofWuyi.Rows.Count == 1 && ofWuyi.Rows[0].Any(c => c.Contains("武义", StringComparison.Ordinal)), $"{path}: 武义县 exported {ShowRows(ofWuyi.Rows)}");
            Assert.True(ofPanan.Rows.Count == 1 && ofPanan.Rows[0].Any(c => c.Contains("磐安", StringComparison.Ordinal)), $"{path}: 磐安县 exported {ShowRows(ofPanan.Rows)}");
            Assert.True(ofCity.Rows.Count == 2, $"{path}: the city exported {ShowRows(ofCity.Rows)}");
        }
    }

    [Theory]
    [InlineData("/api/v1/transfer/events/export", "ExportMatchmakingEvents", "200,400,401,403", null)]
    [InlineData("/api/v1/transfer/attendances/export", "ExportExpertAttendances", "200,400,401,403", null)]
    [InlineData("/api/v1/transfer/projects/export", "ExportInstituteCountyProjects", "200,400,401,403", null)]
    [InlineData("/api/v1/transfer/key-labs/export", "ExportKeyLabs", "200,400,401,403", null)]
    [InlineData("/api/v1/talent/introductions/export", "ExportTalentIntroductions", "200,400,401,403", null)]
    [InlineData("/api/v1/talent/phd-demands/export", "ExportPhdDemands", "200,400,401,403", null)]
    [InlineData("/api/v1/programs/calls/export", "ExportPlanCalls", "200,400,401,403", null)]
    [InlineData("/api/v1/registration-points/export", "ExportRegistrationPoints", "200,401,403", "contracts.read")]
    public async Task Export_IsDocumentedLikeTheOtherExports(string path, string operationId, string statuses, string? permission)
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        var listed = document.GetProperty("paths").GetProperty(path[..^"/export".Length]).GetProperty("get");

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.StartsWith("导出", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(listed.GetProperty("tags")[0].GetString(), operation.GetProperty("tags")[0].GetString());
        Assert.Equal(statuses, string.Join(",", operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)));
        Assert.All(operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] == '4'),
            r => Assert.True(r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {r.Name} is not a problem"));
        Assert.Equal(permission, operation.TryGetProperty("x-permission", out var row) ? row.GetString() : null);
        // The export binds the list's own filters and the shared search and sort.
        var parameters = Names(operation);
        Assert.Subset(parameters, Names(listed).Where(n => n is not "page" and not "pageSize").ToHashSet());
    }

    private static HashSet<string> Names(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

    /// <summary>
    /// The list (one page of up to 200) and the export for the same query: the headers are <paramref name="headers"/>, and the
    /// export's rows are the list's items, in the list's order, as <paramref name="cells"/> renders them. Answers the rows.
    /// </summary>
    private static async Task<List<string[]>> ExportMatchesListAsync(HttpClient client, string path, string query, string[] headers, Func<JsonElement, string[]> cells)
    {
        var listResponse = await client.GetAsync($"{path}?{query}&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        var list = await listResponse.ReadJsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(list.GetProperty("total").GetInt32(), items.Count);
        Assert.NotEmpty(items);

        var sheet = await SheetAsync(client, $"{path}/export?{query}");

        Assert.Equal(headers, sheet.Headers);
        Assert.Equal(items.Select(cells).Select(Show), sheet.Rows.Select(Show));
        return sheet.Rows;
    }

    /// <summary>The export's header row and its rows of cells as text (the blank row an empty export carries left out).</summary>
    private static async Task<(string[] Headers, List<string[]> Rows)> SheetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query().Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(Cell).ToArray()).ToList();
        return (rows[0], rows.Skip(1).Where(r => r.Any(c => c.Length > 0)).ToList());
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Show(IEnumerable<string> row) => string.Join(" | ", row);

    private static string ShowRows(List<string[]> rows) => rows.Count == 0 ? "no rows" : string.Join(" / ", rows.Select(Show));

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> InstitutionAsync() =>
        (await app.WithServiceAsync<IOrganizationDirectory, OrganizationInfo?>(d => d.FindByNameAsync("浙江大学")))!.Id;

    private static async Task<Guid> EventAsync(HttpClient client, string title, string mode, string region, string heldOn = "2026-02-15") =>
        await (await client.PostJsonAsync("/api/v1/transfer/events",
            new { title, mode, heldOn, regionCode = region, place = "县科技局会议室", organizers = "县科技局", summary = "专家与企业面对面对接" })).CreatedIdAsync();

    private static async Task<Guid> EnterpriseAsync(HttpClient client, string region) =>
        await (await client.PostJsonAsync("/api/v1/organizations",
            new { name = $"导出测试企业{Tag()}", kind = "enterprise", creditCode = KechuangApp.NewCreditCode(region[..6]), regionCode = region })).CreatedIdAsync();

    private static object Call(string level, string region, string title) => new
    {
        level,
        year = 2026,
        category = "一般研发",
        title,
        opensOn = "2026-02-01",
        closesOn = "2026-04-01",
        guide = "测试指南",
        dropHighLow = true,
        noticeDays = 7,
        criteria = new[] { new { name = "创新性", maxPoints = 60 }, new { name = "产业化前景", maxPoints = 40 } },
        regionCode = region,
    };

    public sealed class OnSqlite(SqliteApp app) : ListExportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ListExportTests(app), IClassFixture<PostgresApp>;
}

internal static class ExportJson
{
    /// <summary>A property as a cell shows it: text as it is, a number in invariant form, null and a missing property empty.</summary>
    public static string Text(this JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? "" : value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
