using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kechuang.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Matching;

/// <summary>
/// The thesaurus's sheets: each export imports again (and adds nothing, every row already kept), an import with a bad row
/// imports nothing and reports every bad row (row, column, Chinese reason), a good file is imported, audited and matched.
/// </summary>
public abstract class ThesaurusSheetTests(KechuangApp app)
{
    private const string SynonymColumn = "同义词（用“；”分隔）";

    [Fact]
    public async Task SynonymGroups_ExportImportsAgainAsDuplicates_BadRowsAllReported_GoodFileMatchesWithinFiveSeconds()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var u = Guid.NewGuid().ToString("N")[..6];

        var export = await staff.GetAsync("/api/v1/matching/synonyms/export");
        var rows = await RowsAsync(export);
        var again = await UploadAsync(staff, "synonyms", rows);
        var bad = await UploadAsync(staff, "synonyms",
        [
            Row(SynonymColumn, $"凸轮{u}；偏心轮{u}", "说明", "机械"),
            Row(SynonymColumn, "单独一个词", "说明", null),
            Row(SynonymColumn, $"偏心轮{u}；凸轮{u}", "说明", null),
            Row(SynonymColumn, $"齿条{u}；齿轨{u}", "说明", new string('长', 201)),
        ]);
        var before = await ThesaurusAsync(staff, u);
        var good = await UploadAsync(staff, "synonyms",
        [
            Row(SynonymColumn, $"凸轮{u}；偏心轮{u}", "说明", "机械"),
            Row(SynonymColumn, "转子飞转器；无刷电机", "说明", "导入的同义词"),
        ]);
        var after = await ThesaurusAsync(staff, u);
        var matched = await WithinFiveSecondsAsync(
            async () => await (await staff.PostJsonAsync("/api/v1/matching/achievements", new { text = "转子飞转器", top = 10 })).ReadJsonAsync(),
            list => list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("title").GetString() == "电动工具无刷电机高效驱动技术"));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(rows, r => Equals(r[SynonymColumn], "无刷电机；BLDC电机；直流无刷电机；无刷直流电机") && Equals(r["说明"], "电动工具的电机叫法"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refused = (await again.ReadJsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, refused.Count);
        Assert.All(refused, r => Assert.Equal((SynonymColumn, "词库中已有相同的同义词组"), (r.GetProperty("column").GetString(), r.GetProperty("message").GetString())));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(
            [(3, SynonymColumn, "同义词组至少要有两个词，用“；”分隔"), (4, SynonymColumn, "与第2行重复"), (5, "说明", "说明不能超过 200 个字")],
            Problems(await bad.ReadJsonAsync()));
        Assert.Empty(before.GetProperty("synonyms").EnumerateArray());

        Assert.Equal(2, (await good.ReadJsonAsync()).GetProperty("imported").GetInt32());
        var group = Assert.Single(after.GetProperty("synonyms").EnumerateArray());
        Assert.Equal([$"凸轮{u}", $"偏心轮{u}"], group.GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("机械", group.GetProperty("note").GetString());
        var id = group.GetProperty("id").GetGuid().ToString();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().AnyAsync(e => e.Entity == "matching_synonym" && e.EntityKey == id)));
        var item = matched.GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString() == "电动工具无刷电机高效驱动技术");
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "synonym" && r.GetProperty("term").GetString() == "转子飞转器");
    }

    [Fact]
    public async Task DomainWords_ExportImportsAgainAsDuplicates_BadRowsAllReported_GoodFileImported()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var u = Guid.NewGuid().ToString("N")[..6];

        var export = await staff.GetAsync("/api/v1/matching/words/export?q=保温杯");
        var rows = await RowsAsync(export);
        var again = await UploadAsync(staff, "words", rows);
        var bad = await UploadAsync(staff, "words",
        [
            Row("领域词", $"钨钢刀具{u}", "所属产业", "五金"),
            Row("领域词", $"硬质合金{u}", "所属产业", null),
            Row("领域词", "单", "所属产业", "五金"),
            Row("领域词", $"钨钢刀具{u}", "所属产业", "五金"),
            Row("领域词", "电动工具", "所属产业", "电动工具"),
        ]);
        var before = await ThesaurusAsync(staff, u);
        var good = await UploadAsync(staff, "words",
        [
            Row("领域词", $"钨钢刀具{u}", "所属产业", "五金"),
            Row("领域词", $"硬质合金{u}", "所属产业", "五金"),
        ]);
        var after = await ThesaurusAsync(staff, u);
        var template = await staff.GetAsync("/api/v1/matching/words/import-template");
        var headers = (await RowsAsync(template, header: false)).First().Values.ToList();

        Assert.Equal(new[] { "保温杯", "保温时长", "激光焊接", "真空杯", "真空绝热", "真空镀膜" }.Order(StringComparer.Ordinal), rows.Select(r => (string?)r["领域词"]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("保温杯", r["所属产业"]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(rows.Count, (await again.ReadJsonAsync()).GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(
            [(3, "所属产业", "请填写所属产业"), (4, "领域词", "领域词应为 2 到 30 个字，不含空格"), (5, "领域词", "与第2行重复"), (6, "领域词", "领域词“电动工具”已在词典中")],
            Problems(await bad.ReadJsonAsync()));
        Assert.Empty(before.GetProperty("words").EnumerateArray());
        Assert.Equal(2, (await good.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(new[] { $"硬质合金{u}", $"钨钢刀具{u}" }.Order(StringComparer.Ordinal), after.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("word").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["领域词", "所属产业"], headers);
    }

    [Fact]
    public async Task Import_ByAnEnterprise_Is403_AndAddsNothing()
    {
        var enterprise = await app.ClientAsync("shouxiangu");
        var u = Guid.NewGuid().ToString("N")[..6];

        var import = await UploadAsync(enterprise, "words", [Row("领域词", $"钨钢刀具{u}", "所属产业", "五金")]);

        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        var staff = await app.ClientAsync("wuyi.staff");
        Assert.Empty((await ThesaurusAsync(staff, u)).GetProperty("words").EnumerateArray());
    }

    private static Dictionary<string, object?> Row(string first, object? a, string second, object? b) => new() { [first] = a, [second] = b };

    private static List<(int, string?, string?)> Problems(JsonElement body) =>
        body.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString(), r.GetProperty("message").GetString())).ToList();

    private static async Task<JsonElement> ThesaurusAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"/api/v1/matching/thesaurus?q={Uri.EscapeDataString(q)}")).ReadJsonAsync();

    private static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpResponseMessage response, bool header = true)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        return stream.Query(useHeaderRow: header).Cast<IDictionary<string, object>>()
            .Select(r => (IDictionary<string, object?>)r.ToDictionary(k => k.Key, k => (object?)k.Value)).ToList();
    }

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

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string list, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", $"{list}.xlsx");
        return await client.PostAsync($"/api/v1/matching/{list}/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : ThesaurusSheetTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ThesaurusSheetTests(app), IClassFixture<PostgresApp>;
}
