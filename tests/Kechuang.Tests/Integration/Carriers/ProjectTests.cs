using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kechuang.Tests.Support;
using MiniExcelLibs;
using static Kechuang.Tests.Integration.Carriers.CarrierScenario;

namespace Kechuang.Tests.Integration.Carriers;

/// <summary>Construction projects: milestones in order, monthly progress history and its rules, the progress indicator, scope.</summary>
public abstract class ProjectTests(KechuangApp app)
{
    private const string Progress = "carriers.project-progress";

    private static async Task<Guid> CreateProjectAsync(HttpClient staff, string name, string region = "330723105", Guid? carrierId = null) =>
        await (await staff.PostJsonAsync("/api/v1/construction-projects", new { name, regionCode = region, carrierId })).CreatedIdAsync();

    private static Task<HttpResponseMessage> MilestoneAsync(HttpClient staff, Guid project, string kind, string? planned, string? actual) =>
        staff.PutAsJsonAsync($"/api/v1/construction-projects/{project}/milestones/{kind}", new { plannedOn = planned, actualOn = actual });

    private static Task<HttpResponseMessage> ReportAsync(HttpClient staff, Guid project, string month, decimal percent) =>
        staff.PostJsonAsync($"/api/v1/construction-projects/{project}/progress", new { month, percent, note = "月报" });

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("code").GetString();
    }

    [Fact]
    public async Task Create_ListsEveryMilestoneEmpty_AndIsAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var carrier = await CreateCarrierAsync(staff, Unique("茭道加速器"), "incubator");
        var name = Unique("茭道加速器项目");

        var id = await CreateProjectAsync(staff, name, carrierId: carrier);

        var project = await (await staff.GetAsync($"/api/v1/construction-projects/{id}")).ReadJsonAsync();
        Assert.Equal(["design-tender", "groundbreaking", "topping", "completion", "delivery"],
            project.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal(["方案设计招标", "开工", "主体结顶", "竣工", "交付"],
            project.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("kindName").GetString()));
        Assert.All(project.GetProperty("milestones").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("actualOn").ValueKind));
        Assert.Equal(JsonValueKind.Null, project.GetProperty("progress").ValueKind);
        Assert.Equal(carrier, project.GetProperty("carrierId").GetGuid());
        var list = await (await staff.GetAsync($"/api/v1/construction-projects?q={name}")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync($"/api/v1/audit?entity=carriers_project&key={id}")).ReadJsonAsync();
        Assert.Equal("create", audit.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Create_Invalid_Is400_AndADuplicateName_Is409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("重名项目");
        await CreateProjectAsync(staff, name);

        var invalid = await staff.PostJsonAsync("/api/v1/construction-projects", new { name = "", regionCode = "999999", parcelId = Guid.NewGuid() });
        var duplicate = await staff.PostJsonAsync("/api/v1/construction-projects", new { name, regionCode = "330723101" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写项目名称", errors.GetProperty("name")[0].GetString());
        Assert.Contains("不存在", errors.GetProperty("regionCode")[0].GetString());
        Assert.Equal("carriers.duplicate-project-name", await CodeAsync(duplicate));
    }

    [Fact]
    public async Task Milestones_AreSetAndChanged_InTheirOrder()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateProjectAsync(staff, Unique("里程碑项目"));

        var tender = await MilestoneAsync(staff, id, "design-tender", "2023-03-31", "2023-03-28");
        var planned = await MilestoneAsync(staff, id, "开工", "2023-09-30", null);
        var toppingFirst = await MilestoneAsync(staff, id, "topping", null, "2024-10-18");
        var beforeTender = await MilestoneAsync(staff, id, "groundbreaking", "2023-09-30", "2023-03-27");
        var broke = await MilestoneAsync(staff, id, "groundbreaking", "2023-09-30", "2023-09-26");
        var unknown = await MilestoneAsync(staff, id, "opening", "2023-09-30", null);
        var empty = await MilestoneAsync(staff, id, "completion", null, null);
        var future = await MilestoneAsync(staff, id, "completion", null, "2026-03-03");

        Assert.Equal(HttpStatusCode.NoContent, tender.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, planned.StatusCode);
        Assert.Equal("carriers.milestone-order", await CodeAsync(toppingFirst));
        Assert.Equal("carriers.milestone-order", await CodeAsync(beforeTender));
        Assert.Equal(HttpStatusCode.NoContent, broke.StatusCode);
        Assert.Contains("里程碑取值无效", (await unknown.ReadJsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString());
        Assert.Equal("请填写计划日期或实际完成日期", (await empty.ReadJsonAsync()).GetProperty("errors").GetProperty("plannedOn")[0].GetString());
        Assert.Equal("实际完成日期不能晚于今天", (await future.ReadJsonAsync()).GetProperty("errors").GetProperty("actualOn")[0].GetString());
        var milestones = (await (await staff.GetAsync($"/api/v1/construction-projects/{id}")).ReadJsonAsync()).GetProperty("milestones")
            .EnumerateArray().ToDictionary(m => m.GetProperty("kind").GetString()!);
        Assert.Equal("2023-03-28", milestones["design-tender"].GetProperty("actualOn").GetString());
        Assert.Equal("2023-09-26", milestones["groundbreaking"].GetProperty("actualOn").GetString());
        Assert.Equal("2023-09-30", milestones["groundbreaking"].GetProperty("plannedOn").GetString());
        Assert.Equal(JsonValueKind.Null, milestones["topping"].GetProperty("actualOn").ValueKind);
    }

    [Fact]
    public async Task Progress_IsAMonthlyHistory_ThatNeverGoesDown_AndStartsAtGroundbreaking()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateProjectAsync(staff, Unique("进度项目"));

        var beforeStart = await ReportAsync(staff, id, "2023-08", 2m);
        var zero = await ReportAsync(staff, id, "2023-08", 0m);
        await MilestoneAsync(staff, id, "groundbreaking", null, "2023-09-26");
        var october = await ReportAsync(staff, id, "2023-10", 5m);
        var december = await ReportAsync(staff, id, "2023-12", 21m);
        var again = await ReportAsync(staff, id, "2023-10", 6m);
        var down = await ReportAsync(staff, id, "2023-11", 4.5m);
        var up = await ReportAsync(staff, id, "2023-11", 22m);
        var november = await ReportAsync(staff, id, "2023-11", 12.5m);
        var later = await MilestoneAsync(staff, id, "groundbreaking", null, "2023-11-02");
        var future = await ReportAsync(staff, id, "2026-04", 30m);

        Assert.Equal("carriers.progress-before-start", await CodeAsync(beforeStart));
        Assert.Equal(HttpStatusCode.Created, zero.StatusCode);
        Assert.Equal(HttpStatusCode.Created, october.StatusCode);
        Assert.Equal(HttpStatusCode.Created, december.StatusCode);
        Assert.Equal("carriers.progress-month-exists", await CodeAsync(again));
        Assert.Equal("carriers.progress-decrease", await CodeAsync(down));
        Assert.Equal("carriers.progress-decrease", await CodeAsync(up));
        Assert.Equal(HttpStatusCode.Created, november.StatusCode);
        Assert.Equal("carriers.progress-before-start", await CodeAsync(later)); // October's 5% would then precede the start
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var history = await (await staff.GetAsync($"/api/v1/construction-projects/{id}/progress")).ReadJsonAsync();
        Assert.Equal(4, history.GetProperty("total").GetInt32());
        Assert.Equal(["2023-08", "2023-10", "2023-11", "2023-12"], history.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("month").GetString()));
        Assert.Equal([0m, 5m, 12.5m, 21m], history.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("percent").GetDecimal()));
        var project = await (await staff.GetAsync($"/api/v1/construction-projects/{id}")).ReadJsonAsync();
        Assert.Equal(21m, project.GetProperty("progress").GetDecimal());
        Assert.Equal("2023-12", project.GetProperty("progressMonth").GetString());
    }

    [Fact]
    public async Task ProjectProgress_AveragesEachProjectsLastReportOfThePeriod_AndListsExactlyThoseProjects()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        const string region = "330723106"; // 大田乡: no demo projects
        var a = await CreateProjectAsync(staff, Unique("大田项目甲"), region);
        var b = await CreateProjectAsync(staff, Unique("大田项目乙"), region);
        var quiet = await CreateProjectAsync(staff, Unique("大田项目丙"), region);
        foreach (var project in new[] { a, b, quiet })
        {
            await MilestoneAsync(staff, project, "groundbreaking", null, "2022-12-01");
        }
        foreach (var (project, month, percent) in new[] { (a, "2023-11", 10m), (a, "2023-12", 30m), (b, "2023-06", 50m), (b, "2024-01", 55m), (quiet, "2022-12", 8m) })
        {
            Assert.Equal(HttpStatusCode.Created, (await ReportAsync(staff, project, month, percent)).StatusCode);
        }

        async Task<JsonElement> ValueAsync(int year) =>
            await (await staff.GetAsync($"/api/v1/indicators/{Progress}/value?regionCode={region}&year={year}")).ReadJsonAsync();
        var value = await ValueAsync(2023);
        var records = await (await staff.GetAsync(value.GetProperty("recordsApiUrl").GetString()!)).ReadJsonAsync();
        var december = await (await staff.GetAsync($"/api/v1/indicators/{Progress}/monthly?regionCode={region}&year=2023")).ReadJsonAsync();

        Assert.Equal(40m, value.GetProperty("value").GetDecimal()); // (30 + 50) ÷ 2; 丙 reported only in 2022
        Assert.Equal("%", value.GetProperty("unit").GetString());
        Assert.Equal($"/construction-projects?regionCode={region}&year=2023", value.GetProperty("recordsUrl").GetString());
        var rows = records.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid(), r => r.GetProperty("progress").GetDecimal());
        Assert.Equal(new Dictionary<Guid, decimal> { [a] = 30m, [b] = 50m }, rows);
        Assert.Equal(8m, (await ValueAsync(2022)).GetProperty("value").GetDecimal());
        Assert.Equal(55m, (await ValueAsync(2024)).GetProperty("value").GetDecimal());
        Assert.Equal(0m, (await ValueAsync(2025)).GetProperty("value").GetDecimal());
        Assert.Equal(30m, december.GetProperty("values")[11].GetDecimal());
        Assert.Equal(50m, december.GetProperty("values")[5].GetDecimal());
    }

    [Fact]
    public async Task PananStaff_CannotSeeOrChangeWuyiProjects()
    {
        var wuyi = await app.ClientAsync("wuyi.staff");
        var panan = await app.ClientAsync("panan.staff");
        var id = await CreateProjectAsync(wuyi, Unique("武义专属项目"));

        var get = await panan.GetAsync($"/api/v1/construction-projects/{id}");
        var history = await panan.GetAsync($"/api/v1/construction-projects/{id}/progress");
        var milestone = await MilestoneAsync(panan, id, "design-tender", "2023-01-01", null);
        var report = await ReportAsync(panan, id, "2023-01", 0m);
        var list = await (await panan.GetAsync("/api/v1/construction-projects?q=武义专属项目")).ReadJsonAsync();
        var enterprise = await (await app.ClientAsync("shouxiangu")).PostJsonAsync("/api/v1/construction-projects", new { name = Unique("企业项目"), regionCode = "330723" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, milestone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
    }

    [Fact]
    public async Task Export_HasEachMilestonesPlannedAndActualDay_AndTheLatestProgress()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var name = Unique("导出项目");
        var id = await CreateProjectAsync(staff, name);
        await MilestoneAsync(staff, id, "groundbreaking", "2023-09-30", "2023-09-26");
        await ReportAsync(staff, id, "2023-12", 21m);

        var export = await staff.GetAsync($"/api/v1/construction-projects/export?q={name}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList());
        Assert.Equal(name, row["项目名称"]);
        Assert.Equal("2023-09-30", row["开工（计划）"]);
        Assert.Equal("2023-09-26", row["开工（实际）"]);
        Assert.Null(row["竣工（实际）"]);
        Assert.Equal(21m, Convert.ToDecimal(row["工程形象进度（%）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2023-12", row["进度填报月份"]);
    }

    [Fact]
    public async Task Pages_ListAndShowTheDemoProject()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = (await (await staff.GetAsync("/api/v1/construction-projects?q=科技城企业加速器项目")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/construction-projects?regionCode=330723401&year=2023"));
        var detail = WebUtility.HtmlDecode(await staff.GetStringAsync($"/construction-projects/{id}"));
        var form = WebUtility.HtmlDecode(await staff.GetStringAsync($"/construction-projects/{id}/edit"));

        Assert.Contains("科技城企业加速器项目", list, StringComparison.Ordinal);
        Assert.Contains("2023-12 填报", list, StringComparison.Ordinal);
        Assert.Contains("工程形象进度 100%（2025-11 填报）", detail, StringComparison.Ordinal);
        Assert.Contains("工程形象进度（26 次填报）", detail, StringComparison.Ordinal);
        Assert.Contains("id=\"progress-chart\"", detail, StringComparison.Ordinal);
        Assert.Contains("科技城企业加速器项目", form, StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : ProjectTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ProjectTests(app), IClassFixture<PostgresApp>;
}
