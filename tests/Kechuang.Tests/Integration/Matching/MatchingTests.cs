using System.Net;
using System.Text.Json;
using Kechuang.Tests.Integration.Market;
using Kechuang.Tests.Integration.Transfer;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Matching;

/// <summary>匹配推荐 through the API over the demo records: ranking with reasons, new records found within seconds, 400, 404 out of scope, judgements.</summary>
public abstract class MatchingTests(KechuangApp app)
{
    private static JsonElement.ArrayEnumerator Items(JsonElement list) => list.GetProperty("items").EnumerateArray();

    /// <summary>Polls until the condition holds (the index follows the change log about once a second) or five seconds pass.</summary>
    private static async Task<JsonElement> WithinFiveSecondsAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return value;
            }
            await Task.Delay(200);
        }
    }

    private static async Task<Guid> DemoDemandAsync(HttpClient staff, string title)
    {
        var list = await (await staff.GetAsync($"/api/v1/transfer/demands?q={Uri.EscapeDataString(title)}")).ReadJsonAsync();
        return Items(list).First(d => d.GetProperty("title").GetString() == title).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task DemoDemand_RanksAchievementsExpertsAndPhds_WithReasons()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var demand = await DemoDemandAsync(staff, "锂电池电动工具无刷电机控制算法优化");

        var matches = await (await staff.GetAsync($"/api/v1/demands/{demand}/matches")).ReadJsonAsync();

        var achievements = Items(matches.GetProperty("achievements")).ToList();
        // The two motor-control achievements lie close (3.13 and 3.09 on the demo data), and other tests of this
        // application add records, which moves every score a little: the answer is one of the first two.
        var drive = Assert.Single(achievements.Take(2), a => a.GetProperty("title").GetString() == "电动工具无刷电机高效驱动技术");
        Assert.Contains(drive.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("term").GetString() == "无刷电机"
            && r.GetProperty("fields").EnumerateArray().Any(f => f.GetString() == "标题"));
        Assert.True(drive.GetProperty("score").GetDouble() > 0);
        // A place name says nothing about what is asked: no reason names 武义 or 浙江 although the asking
        // enterprise and most owners carry one in their names.
        Assert.DoesNotContain(achievements.SelectMany(a => a.GetProperty("reasons").EnumerateArray()),
            r => r.GetProperty("term").GetString() is "武义县" or "武义" or "浙江" or "浙江省");
        Assert.Contains(Items(matches.GetProperty("experts")), e => e.GetProperty("title").GetString() == "王建华");
        Assert.Equal("孔令辉", Items(matches.GetProperty("phds")).First().GetProperty("title").GetString());
    }

    [Fact]
    public async Task AchievementCreatedThroughTheApi_IsFoundByWorkshopWords_WithinFiveSeconds()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var owner = await MarketScenario.InstitutionAsync(staff, "浙江工业大学");
        var title = $"高真空多层绝热容器制备技术{Guid.NewGuid():N}"[..24];
        var id = await (await staff.PostJsonAsync("/api/v1/achievements", new
        {
            title,
            ownerOrganizationId = owner,
            field = "新材料",
            keywords = new[] { "真空绝热", "多层绝热", "吸气剂" },
            maturity = "中试阶段",
            description = "多层绝热结构与吸气剂延长真空寿命，容器绝热性能衰减慢。",
        })).CreatedIdAsync();

        var found = await WithinFiveSecondsAsync(
            async () => await (await staff.PostJsonAsync("/api/v1/matching/achievements", new { text = "杯子保温不够久", field = "新材料", top = 10 })).ReadJsonAsync(),
            list => Items(list).Any(i => i.GetProperty("id").GetGuid() == id));

        var item = Items(found).Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.True(found.GetProperty("total").GetInt32() >= 1);
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "synonym"
            && r.GetProperty("term").GetString() == "保温" && r.GetProperty("text").GetString()!.Contains("的同义词", StringComparison.Ordinal));
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "field");
    }

    [Fact]
    public async Task OpenDemands_ForAnAchievement_AndForAnExpert_IncludeANewDemandWithinFiveSeconds()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await TransferScenario.CreateEnterpriseAsync(staff);
        var demand = await (await staff.PostJsonAsync("/api/v1/transfer/demands", new
        {
            enterpriseId = enterprise.Id,
            kind = "technology",
            title = $"无刷电机驱动板发烫{Guid.NewGuid():N}"[..20],
            description = "电动工具无刷电机驱动和电机控制需要优化",
            field = "智能装备",
            collectedOn = "2026-02-10",
        })).CreatedIdAsync();
        var expert = Items(await (await staff.GetAsync($"/api/v1/people?q={Uri.EscapeDataString("王建华")}")).ReadJsonAsync()).First().GetProperty("id").GetGuid();
        var achievements = await (await app.CreateClient().GetAsync($"/api/v1/achievements?q={Uri.EscapeDataString("无刷电机高效驱动")}")).ReadJsonAsync();
        var achievement = Items(achievements).First().GetProperty("id").GetGuid();

        var forAchievement = await WithinFiveSecondsAsync(
            async () => await (await staff.GetAsync($"/api/v1/matching/achievements/{achievement}/demands?top=50")).ReadJsonAsync(),
            list => Items(list).Any(d => d.GetProperty("id").GetGuid() == demand));
        var forExpert = await (await staff.GetAsync($"/api/v1/matching/experts/{expert}/demands?top=50")).ReadJsonAsync();
        var missing = await staff.GetAsync($"/api/v1/matching/achievements/{Guid.NewGuid()}/demands");

        Assert.Contains(Items(forAchievement), d => d.GetProperty("id").GetGuid() == demand && d.GetProperty("kind").GetString() == "demand");
        Assert.Contains(Items(forExpert), d => d.GetProperty("id").GetGuid() == demand);
        // Only open demands: the demo's own motor demand is 合作中.
        Assert.DoesNotContain(Items(forAchievement), d => d.GetProperty("title").GetString() == "锂电池电动工具无刷电机控制算法优化");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Invalid_Is400_InChinese_AnotherCountysDemand_Is404()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var demand = await DemoDemandAsync(staff, "电池包热失控防护设计");
        var panan = await app.ClientAsync("panan.staff");

        var empty = await staff.PostJsonAsync("/api/v1/matching/experts", new { text = " ", top = 0 });
        var elsewhere = await panan.GetAsync($"/api/v1/demands/{demand}/matches");
        var unknown = await staff.GetAsync($"/api/v1/demands/{Guid.NewGuid()}/matches");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写需求内容", errors.GetProperty("text")[0].GetString());
        Assert.Equal("返回条数应在 1 到 50 之间", errors.GetProperty("top")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Feedback_MovesTheResult_AndIsAudited()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await TransferScenario.CreateEnterpriseAsync(staff);
        var demand = await (await staff.PostJsonAsync("/api/v1/transfer/demands", new
        {
            enterpriseId = enterprise.Id,
            kind = "technology",
            // Words no other test's demand uses: a judgement counts for every demand that shares its words, and the
            // demo demand's ranking is asserted in this same application.
            title = TransferScenario.Unique("林下中药材品质不稳"),
            description = "灵芝孢子粉产量低，铁皮石斛种苗成活率不高",
            field = "生命健康",
            collectedOn = "2026-02-10",
        })).CreatedIdAsync();
        var before = Items((await (await staff.GetAsync($"/api/v1/demands/{demand}/matches")).ReadJsonAsync()).GetProperty("achievements")).Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.True(before.Count >= 2, "two results at least");
        var last = before[^1];

        var marked = await staff.PostJsonAsync("/api/v1/matching/feedback", new { kind = "achievement", targetId = last, demandId = demand, useful = true });
        var id = await marked.CreatedIdAsync();
        var after = Items((await (await staff.GetAsync($"/api/v1/demands/{demand}/matches")).ReadJsonAsync()).GetProperty("achievements")).ToList();
        var bad = await staff.PostJsonAsync("/api/v1/matching/feedback", new { kind = "robot", useful = (bool?)null });

        Assert.True(after.FindIndex(i => i.GetProperty("id").GetGuid() == last) < before.Count - 1, "the result judged useful moved up");
        Assert.Contains(after.Single(i => i.GetProperty("id").GetGuid() == last).GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "feedback");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().AnyAsync(e => e.Entity == "matching_feedback" && e.EntityKey == id.ToString()));
        Assert.True(audited);
    }

    public sealed class OnSqlite(SqliteApp app) : MatchingTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : MatchingTests(app), IClassFixture<PostgresApp>;
}
