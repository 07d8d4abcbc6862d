using System.Net;
using System.Text.Json;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Suggestions;

/// <summary>建议办理 through the API: the letter's suggestion (M1, M2), the deadline and re-handling rules, 400 and 409, data scope, publication.</summary>
public abstract class SuggestionsTests(KechuangApp app)
{
    private static async Task<decimal> IndicatorAsync(HttpClient client, string code, int year, string region = "330723") =>
        (await (await client.GetAsync($"/api/v1/indicators/{code}/value?regionCode={region}&year={year}")).ReadJsonAsync()).GetProperty("value").GetDecimal();

    private static async Task<Dictionary<string, Guid>> UnitsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/suggestions/units")).ReadJsonAsync()).EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetGuid());

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id) => await (await client.GetAsync($"/api/v1/suggestions/{id}")).ReadJsonAsync();

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("code").GetString();
    }

    private static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string? phone = null) =>
        await (await client.PostJsonAsync("/api/v1/suggestions", new
        {
            number = $"测{Guid.NewGuid():N}"[..20],
            title = "关于测试建议办理流程的建议",
            representatives = "测试代表",
            representativePhone = phone,
            session = "市人大八届二次会议",
            receivedOn = "2025-01-20",
            regionCode = "330723",
        })).CreatedIdAsync();

    [Fact]
    public async Task Wu35_IsFoundByNumberAndTitle_WithItsHandlingHistory_AndTheRates()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        var byNumber = await (await staff.GetAsync("/api/v1/suggestions?q=武35号")).ReadJsonAsync();
        var byTitle = await (await staff.GetAsync("/api/v1/suggestions?q=山区县科技创新")).ReadJsonAsync();
        var id = byNumber.GetProperty("items")[0].GetProperty("id").GetGuid();
        var s = await GetAsync(staff, id);

        Assert.Equal(1, byNumber.GetProperty("total").GetInt32());
        Assert.Equal(id, byTitle.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("徐世群", s.GetProperty("representatives").GetString());
        Assert.Equal("市人大八届一次会议", s.GetProperty("session").GetString());
        Assert.Equal("金华市科学技术局", s.GetProperty("leadUnitName").GetString());
        Assert.Equal(["中共金华市委组织部", "武义县人民政府"], s.GetProperty("coHandlers").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("2023-07-06", s.GetProperty("repliedOn").GetString());
        Assert.Equal("马苏娟", s.GetProperty("replyContactName").GetString());
        Assert.Equal("82270195", s.GetProperty("replyContactPhone").GetString());
        Assert.Equal("满意", s.GetProperty("satisfactionName").GetString());
        Assert.Equal("published", s.GetProperty("status").GetString());
        Assert.True(s.GetProperty("firstReplyOnTime").GetBoolean());
        Assert.Equal(["办理前", "办理中", "办理后"], s.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("stageName").GetString()));
        Assert.Equal(["登记", "交办", "签收", "开始办理", "面商", "会办意见", "会办意见", "面商", "答复", "面商", "代表反馈", "公开"],
            s.GetProperty("steps").EnumerateArray().Select(x => x.GetProperty("actionName").GetString()));
        Assert.Equal(100m, await IndicatorAsync(staff, "suggestions.on-time-rate", 2023));
        Assert.Equal(100m, await IndicatorAsync(staff, "suggestions.contact-rate", 2023));
        Assert.Equal(100m, await IndicatorAsync(staff, "suggestions.satisfaction-rate", 2023));
        var counted = await (await staff.GetAsync("/api/v1/suggestions?regionCode=330723&repliedYear=2023")).ReadJsonAsync();
        Assert.Equal(1, counted.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Workflow_Deadline_Extension_Opinions_Dissatisfied_Rehandled_Published_WithoutThePhone()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var units = await UnitsAsync(staff);
        var id = await CreateAsync(staff, "13900000000");
        var url = $"/api/v1/suggestions/{id}";

        Assert.Equal("suggestions.wrong-status", await CodeAsync(await staff.PostJsonAsync($"{url}/sign-for", new { day = "2025-01-31" })));
        await NoContentAsync(staff.PostJsonAsync($"{url}/assign", new
        {
            assignedOn = "2025-01-31",
            leadUnitId = units["金华市科学技术局"],
            coHandlerIds = new[] { units["武义县人民政府"] },
        }));
        var assigned = await GetAsync(staff, id);
        Assert.Equal("2025-04-30", assigned.GetProperty("deadline").GetString());
        Assert.Equal("2025-03-02", assigned.GetProperty("coHandlers")[0].GetProperty("opinionDueOn").GetString());
        Assert.Equal("suggestions.return-window-passed", await CodeAsync(await staff.PostJsonAsync($"{url}/return", new { returnedOn = "2025-02-11", reason = "非本单位职责" })));
        await NoContentAsync(staff.PostJsonAsync($"{url}/sign-for", new { day = "2025-02-01" }));
        await NoContentAsync(staff.PostJsonAsync($"{url}/start", new { day = "2025-02-02" }));
        await NoContentAsync(staff.PostJsonAsync($"{url}/extend", new { reason = "涉及年度预算安排，需待预算批复" }));
        Assert.Equal("2025-07-31", (await GetAsync(staff, id)).GetProperty("deadline").GetString());
        Assert.Equal("suggestions.already-extended", await CodeAsync(await staff.PostJsonAsync($"{url}/extend", new { reason = "再次延期" })));
        var reply = new { repliedOn = "2025-07-31", classification = "b", contactName = "马苏娟", contactPhone = "82270195" };
        var early = await staff.PostJsonAsync($"{url}/reply", reply);
        Assert.Equal("suggestions.opinions-missing", await CodeAsync(early));
        await NoContentAsync(staff.PostJsonAsync($"{url}/opinions", new { organizationId = units["武义县人民政府"], opinionOn = "2025-03-05", opinion = "同意主办单位的办理意见" }));
        var contact = await staff.PostJsonAsync($"{url}/contacts", new { stage = "during", contactedOn = "2025-05-01", way = "座谈", note = "通报进展" });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        await NoContentAsync(staff.PostJsonAsync($"{url}/reply", reply));
        var replied = await GetAsync(staff, id);
        Assert.True(replied.GetProperty("firstReplyOnTime").GetBoolean());
        Assert.True(replied.GetProperty("coHandlers")[0].GetProperty("late").GetBoolean());

        await NoContentAsync(staff.PostJsonAsync($"{url}/feedback", new { satisfaction = "dissatisfied", feedbackOn = "2025-08-05" }));
        var reopened = await GetAsync(staff, id);
        Assert.Equal("handling", reopened.GetProperty("status").GetString());
        Assert.Equal("2025-09-05", reopened.GetProperty("deadline").GetString());
        Assert.Equal(1, reopened.GetProperty("rehandleCount").GetInt32());
        Assert.Equal("suggestions.wrong-status", await CodeAsync(await staff.PostJsonAsync($"{url}/publish", new { day = "2025-08-06" })));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{url}/public")).StatusCode);

        await NoContentAsync(staff.PostJsonAsync($"{url}/reply", reply with { repliedOn = "2025-09-01" }));
        await NoContentAsync(staff.PostJsonAsync($"{url}/feedback", new { satisfaction = "基本满意", feedbackOn = "2025-09-10" }));
        await NoContentAsync(staff.PostJsonAsync($"{url}/publish", new { day = "2025-09-20" }));
        var published = await staff.GetAsync($"{url}/public");
        var text = await published.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.DoesNotContain("13900000000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("representativePhone", text, StringComparison.Ordinal);
        Assert.Contains("82270195", text, StringComparison.Ordinal);
        Assert.Equal("13900000000", (await GetAsync(staff, id)).GetProperty("representativePhone").GetString());
        Assert.Equal("published", (await GetAsync(staff, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Return_WithinTheWindow_ClearsTheUnits_AndTheSuggestionIsAssignedAgain()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var units = await UnitsAsync(staff);
        var id = await CreateAsync(staff);
        var url = $"/api/v1/suggestions/{id}";

        await NoContentAsync(staff.PostJsonAsync($"{url}/assign", new { assignedOn = "2025-02-01", leadUnitId = units["武义县科学技术局"], coHandlerIds = new[] { units["武义县人民政府"] } }));
        await NoContentAsync(staff.PostJsonAsync($"{url}/return", new { returnedOn = "2025-02-11", reason = "属市级事权，应由市科技局主办" }));
        var returned = await GetAsync(staff, id);
        await NoContentAsync(staff.PostJsonAsync($"{url}/assign", new { assignedOn = "2025-02-12", leadUnitId = units["金华市科学技术局"] }));
        var again = await GetAsync(staff, id);

        Assert.Equal("received", returned.GetProperty("status").GetString());
        Assert.Equal(0, returned.GetProperty("coHandlers").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("leadUnitId").ValueKind);
        Assert.Equal("金华市科学技术局", again.GetProperty("leadUnitName").GetString());
        Assert.Equal("2025-05-12", again.GetProperty("deadline").GetString());
        Assert.Contains("退回", again.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("actionName").GetString()));
    }

    [Fact]
    public async Task Invalid_Is400InChinese_Duplicate_Is409_AnotherCountySeesNothing()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await CreateAsync(staff);
        var s = await GetAsync(staff, id);

        var invalid = await staff.PostJsonAsync("/api/v1/suggestions", new { number = "", title = "", receivedOn = "2099-01-01", regionCode = "330723" });
        var twice = await staff.PostJsonAsync("/api/v1/suggestions", new
        {
            number = s.GetProperty("number").GetString(),
            title = "另一件",
            representatives = "代表",
            session = "市人大八届二次会议",
            receivedOn = "2025-01-20",
            regionCode = "330723",
        });
        var badAssign = await staff.PostJsonAsync($"/api/v1/suggestions/{id}/assign", new { assignedOn = "2025-01-01" });
        var panan = await app.ClientAsync("panan.staff");
        var seen = await (await panan.GetAsync("/api/v1/suggestions?q=武35号")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写建议编号", errors.GetProperty("number")[0].GetString());
        Assert.Equal("收到日期不能晚于今天", errors.GetProperty("receivedOn")[0].GetString());
        Assert.Equal("suggestions.duplicate-number", await CodeAsync(twice));
        Assert.Equal(HttpStatusCode.BadRequest, badAssign.StatusCode);
        var assignErrors = (await badAssign.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("交办日期不能早于收到日期（2025-01-20）", assignErrors.GetProperty("assignedOn")[0].GetString());
        Assert.Equal("请选择主办单位", assignErrors.GetProperty("leadUnitId")[0].GetString());
        Assert.Equal(0, seen.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await panan.GetAsync($"/api/v1/suggestions/{id}")).StatusCode);
    }

    public sealed class OnSqlite(SqliteApp app) : SuggestionsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SuggestionsTests(app), IClassFixture<PostgresApp>;
}
