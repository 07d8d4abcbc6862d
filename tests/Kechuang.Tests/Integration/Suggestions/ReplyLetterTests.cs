using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kechuang.Tests.Integration.Contracts;
using Kechuang.Tests.Support;

namespace Kechuang.Tests.Integration.Suggestions;

/// <summary>
/// 答复函 of 武35号 generated from the demo records: every figure of the letter (docs/letter-figures.md) in the letter's
/// wording, the frame from the suggestion, frozen versions, and the template's token checks.
/// </summary>
public abstract class ReplyLetterTests(KechuangApp app)
{
    /// <summary>Each figure of the letter as it states it, with the words before it so that the place is checked too.</summary>
    public static readonly string[] LetterFigures =
    [
        "支付第二期购房款1.04亿元", "挽回国有资产流失300多万元", "B地块（107亩）供地", "工程形象进度20%", "入驻率100%",
        "科技型中小企业累计14家以上", "招引入驻企业5家以上", "众创空间2家以上",
        "依托17家“国家大院名校武义联合技术转移中心”", "累计引进专家对接人数320余人次", "征集企业技术、人才需求25条", "达成合作20余项",
        "落实兑现工作经费及奖励160万余元", "等6家高校科研单位的12个科技成果项目", "等领域的9个项目拍出1981.2万元", "溢价率达16.06%",
        "培育推荐高端人才申报11项，其中获批国家千人计划2项", "推荐上报博士8名", "完成发明专利产业化备案项目42项",
        "目前已完成技术交易额登记8.29亿元，达到全年目标的111.9%。", "引进博士以上人才2名", "力争申请各类专利10件以上，其中发明专利2件以上",
        "力争达成校企科技合作15项", "达成技术交易额7.5亿元以上", "推荐申报高层次科技人才项目3个以上", "实施发明专利产业化项目25项以上",
        "摸底省派科技特派员需求5个", "新增省级科技特派员项目12个，县级科技特派员项目3个", "组织开展农业科技培训5场次，参训农民150余人次",
        "推广农业新品种面积0.8万亩，引进农业新品种52个", "征集2022年县级一般研发项目49个", "推荐上报市级社发类项目12个，新增市级社发类项目立项9个，农业类重点项目1项",
        "累计参与结对帮扶走访40人次，完成技术帮扶12次", "新增2022年度院县科技合作项目7项，其中重大项目1项",
        "省科技型中小企业等创新主体80家以上，市级以上研发机构30家以上，立项省级科技计划项目40项以上",
        // The figures the letter takes from list pages stay in the template's words.
        "工业地块（61691.24平方米）达成分割方案", "完成科技城二期用地面积8.8万㎡农转用报批", "完成招引注册企业30家，入驻企业11家",
    ];

    private static async Task<Guid> Wu35Async(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/suggestions?q=武35号")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

    private static async Task<int> GenerateAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/v1/suggestions/{id}/replies", null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("number").GetInt32();
    }

    private static async Task<JsonElement> VersionAsync(HttpClient client, Guid id, int number) =>
        await (await client.GetAsync($"/api/v1/suggestions/{id}/replies/{number}")).ReadJsonAsync();

    private static string Figure(JsonElement version, string code) =>
        version.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("wording").GetString()!;

    [Fact]
    public async Task Wu35_Generated_StatesEveryFigureInTheLettersWording_AndANewContractGivesVersion2_Version1Unchanged()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await Wu35Async(staff);

        Assert.Equal(1, await GenerateAsync(staff, id));
        var version = await VersionAsync(staff, id, 1);
        var text = version.GetProperty("text").GetString()!;
        var lines = text.Split('\n');

        Assert.All(LetterFigures, f => Assert.Contains(f, text, StringComparison.Ordinal));
        Assert.Equal("关于市人大八届一次会议武35号建议的答复", version.GetProperty("title").GetString());
        Assert.Equal("徐世群代表：", lines[0]);
        Assert.StartsWith("您在市人大八届一次会议上提出的《关于加强山区县科技创新工作扶持力度的建议》（武35号）已收悉。", lines[1], StringComparison.Ordinal);
        Assert.Equal("（联系人：马苏娟，联系电话：82270195）", lines[^3]);
        Assert.Equal("金华市科学技术局", lines[^2]);
        Assert.Equal("2023年7月6日", lines[^1]);
        Assert.Equal("2023-07-06", version.GetProperty("letterDate").GetString());
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        var amount = version.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("code").GetString() == "contracts.transaction-amount");
        Assert.Equal(829_000_000m, amount.GetProperty("value").GetDecimal());
        Assert.Equal("2022", amount.GetProperty("period").GetString());
        Assert.Equal("/contracts?status=registered&regionCode=330723&year=2022", amount.GetProperty("recordsUrl").GetString());
        Assert.All(version.GetProperty("figures").EnumerateArray(), f =>
            Assert.Equal(f.GetProperty("wording").GetString(), (f.GetProperty("inTitle").GetBoolean() ? version.GetProperty("title").GetString()! : text)
                .Substring(f.GetProperty("offset").GetInt32(), f.GetProperty("wording").GetString()!.Length)));

        // One more technology contract of 2022 in 武义, registered through the contracts' import: the next version states the new
        // total, the first still states what it stated.
        var upload = await ContractApi.UploadAsync(staff,
        [
            ContractApi.Row(ContractApi.Unique("答复函后补登的技术合同"), ContractApi.Hengda, ContractApi.Zju, 20_000_000m, 20_000_000m, signDate: "2022-10-10",
                number: $"REPLY{Random.Shared.Next(10_000_000, 99_999_999)}", registeredOn: "2022-11-01"),
        ]);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(2, await GenerateAsync(staff, id));
        var after = await VersionAsync(staff, id, 2);
        var again = await VersionAsync(staff, id, 1);

        Assert.Equal(text, again.GetProperty("text").GetString());
        Assert.Equal("8.29亿元", Figure(again, "contracts.transaction-amount"));
        Assert.Contains("技术交易额登记8.29亿元，达到全年目标的111.9%", again.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("8.49亿元", Figure(after, "contracts.transaction-amount"));
        Assert.Contains("技术交易额登记8.49亿元，达到全年目标的114.6%", after.GetProperty("text").GetString(), StringComparison.Ordinal);
        var versions = (await (await staff.GetAsync($"/api/v1/suggestions/{id}/replies")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Template_UnknownCodeAndStyle_Are400InChinese_AndUnassignedIs409()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await (await staff.PostJsonAsync("/api/v1/suggestions", new
        {
            number = $"答{Guid.NewGuid():N}"[..20],
            title = "关于测试答复函模板的建议",
            representatives = "测试代表",
            session = "市人大八届二次会议",
            receivedOn = "2025-01-20",
            regionCode = "330723",
        })).CreatedIdAsync();

        var wrong = await staff.PutAsJsonAsync($"/api/v1/suggestions/{id}/reply-template", new
        {
            title = "关于{{suggestion:number}}建议的答复",
            paragraphs = new[] { "交易额{{contracts.no-such|330723|2022|亿元}}，合作{{transfer.cooperations|330723|2022|个半}}，{{suggestion:phone}}" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var messages = (await wrong.ReadJsonAsync()).GetProperty("errors").GetProperty("paragraphs").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains("指标“contracts.no-such”不存在", messages[0], StringComparison.Ordinal);
        Assert.Contains("contracts.transaction-amount", messages[0], StringComparison.Ordinal);
        Assert.Contains("不是可用的单位", messages[1], StringComparison.Ordinal);
        Assert.Contains("建议没有“phone”这一项", messages[2], StringComparison.Ordinal);

        var right = await staff.PutAsJsonAsync($"/api/v1/suggestions/{id}/reply-template", new
        {
            title = "关于{{suggestion:number}}建议的答复",
            paragraphs = new[] { "{{suggestion:deputies}}代表：", "交易额{{contracts.transaction-amount||2022|亿元}}。" },
        });
        Assert.True(right.StatusCode == HttpStatusCode.NoContent, await right.Content.ReadAsStringAsync());
        var refused = await staff.PostAsync($"/api/v1/suggestions/{id}/replies", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("suggestions.reply-not-assigned", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Preview_RendersTheUnsavedTemplateFromTheRecords_StoresNothing_AndNamesABadTokenLikeASave()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var id = await Wu35Async(staff);
        var template = await (await staff.GetAsync($"/api/v1/suggestions/{id}/reply-template")).ReadJsonAsync();
        var versions = (await (await staff.GetAsync($"/api/v1/suggestions/{id}/replies")).ReadJsonAsync()).GetArrayLength();
        var tokens = await (await staff.GetAsync("/api/v1/suggestions/reply-tokens")).ReadJsonAsync();
        // The class's apps are shared and another test registers one more contract of 2022, so the records now give 8.29 or 8.49亿元.
        var amount = (await (await staff.GetAsync("/api/v1/indicators/contracts.transaction-amount/value?regionCode=330723&year=2022")).ReadJsonAsync())
            .GetProperty("value").GetDecimal();

        var preview = await staff.PostJsonAsync($"/api/v1/suggestions/{id}/reply-template/preview", new
        {
            title = "关于{{suggestion:number}}建议的答复（预览）",
            paragraphs = new[] { "{{suggestion:deputies}}代表：", "目前已完成技术交易额登记{{contracts.transaction-amount|330723|2022|亿元}}。" },
        });
        var bad = await staff.PostJsonAsync($"/api/v1/suggestions/{id}/reply-template/preview", new
        {
            title = "关于{{suggestion:number}}建议的答复",
            paragraphs = new[] { "交易额{{contracts.transaction-amout|330723|2022|亿元}}" },
        });
        var enterprise = await (await app.ClientAsync("shouxiangu")).PostJsonAsync($"/api/v1/suggestions/{id}/reply-template/preview", new
        {
            title = "关于{{suggestion:number}}建议的答复",
            paragraphs = new[] { "正文" },
        });

        Assert.True(preview.StatusCode == HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var letter = await preview.ReadJsonAsync();
        Assert.Equal("关于武35号建议的答复（预览）", letter.GetProperty("title").GetString());
        Assert.Contains("目前已完成技术交易额登记" + (amount / 100_000_000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "亿元。", letter.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(amount, letter.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "contracts.transaction-amount")
            .GetProperty("value").GetDecimal());
        Assert.Equal("金华市科学技术局", letter.GetProperty("signatory").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("指标“contracts.transaction-amout”不存在", (await bad.ReadJsonAsync()).GetProperty("errors").GetProperty("paragraphs")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, enterprise.StatusCode);
        Assert.Equal(versions, (await (await staff.GetAsync($"/api/v1/suggestions/{id}/replies")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(template.GetProperty("title").GetString(), (await (await staff.GetAsync($"/api/v1/suggestions/{id}/reply-template")).ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Contains(tokens.GetProperty("suggestionFields").EnumerateArray(), f => f.GetProperty("key").GetString() == "{{suggestion:deputies}}");
        Assert.Contains(tokens.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "contracts.transaction-amount");
    }

    [Fact]
    public async Task ADraft_IsGeneratedBeforeTheReply_ReadsBackAsAGovernmentLetter_Audited_OnlyForStaffInScope()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var units = (await (await staff.GetAsync("/api/v1/suggestions/units")).ReadJsonAsync()).EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetGuid());
        var number = $"稿{Random.Shared.Next(1000, 9999)}号";
        var id = await (await staff.PostJsonAsync("/api/v1/suggestions", new
        {
            number,
            title = "关于加快技术合同登记的建议",
            representatives = "测试代表",
            session = "市人大八届二次会议",
            receivedOn = "2026-01-20",
            regionCode = "330723",
        })).CreatedIdAsync();
        var assign = await staff.PostJsonAsync($"/api/v1/suggestions/{id}/assign", new { assignedOn = "2026-01-25", leadUnitId = units["金华市科学技术局"], coHandlerIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.NoContent, assign.StatusCode);
        var saved = await staff.PutAsJsonAsync($"/api/v1/suggestions/{id}/reply-template", new
        {
            title = "关于{{suggestion:number}}建议的答复",
            paragraphs = new[]
            {
                "{{suggestion:deputies}}代表：",
                "2022年完成技术交易额登记{{contracts.transaction-amount||2022|亿元}}，达到全年目标的{{completion:contracts.transaction-amount||2022|0.0%}}。",
                "（联系人：{{suggestion:contact-name}}，联系电话：{{suggestion:contact-phone}}）",
            },
        });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var template = await (await staff.GetAsync($"/api/v1/suggestions/{id}/reply-template")).ReadJsonAsync();
        Assert.Equal(3, template.GetProperty("paragraphs").GetArrayLength());

        var enterprise = await app.ClientAsync("shouxiangu");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsync($"/api/v1/suggestions/{id}/replies", null)).StatusCode);
        Assert.Equal(1, await GenerateAsync(staff, id));
        var version = await VersionAsync(staff, id, 1);
        var lines = version.GetProperty("text").GetString()!.Split('\n');
        var panan = await app.ClientAsync("panan.staff");
        var docx = await staff.GetAsync($"/api/v1/suggestions/{id}/replies/1/docx");

        Assert.Equal($"关于{number}建议的答复", version.GetProperty("title").GetString());
        Assert.Equal("（联系人：〔待填：答复联系人〕，联系电话：〔待填：联系电话〕）", lines[^3]);
        Assert.Equal("2026年3月2日", lines[^1]);
        Assert.Equal(HttpStatusCode.NotFound, (await panan.GetAsync($"/api/v1/suggestions/{id}/replies")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/suggestions/{id}/replies/2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        string Font(Paragraph p) => p.Descendants<RunFonts>().First().EastAsia!.Value!;
        string Size(Paragraph p) => p.Descendants<FontSize>().First().Val!.Value!;
        Assert.Equal($"关于{number}建议的答复", paragraphs[0].InnerText);
        Assert.Equal(("方正小标宋简体", "44"), (Font(paragraphs[0]), Size(paragraphs[0])));
        Assert.Equal(JustificationValues.Center, paragraphs[0].ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("测试代表代表：", paragraphs[1].InnerText);
        Assert.Contains("2022年完成技术交易额登记", paragraphs[2].InnerText, StringComparison.Ordinal);
        Assert.Equal(200, paragraphs[2].ParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.All(paragraphs.Skip(1).Where(p => p.InnerText.Length > 0), p => Assert.Equal(("仿宋_GB2312", "32"), (Font(p), Size(p))));
        Assert.Equal(["金华市科学技术局", "2026年3月2日"], paragraphs.TakeLast(2).Select(p => p.InnerText));
        Assert.All(paragraphs.TakeLast(2), p => Assert.Equal(JustificationValues.Right, p.ParagraphProperties!.Justification!.Val!.Value));
        var section = body.Elements<SectionProperties>().Single();
        var size = section.Elements<PageSize>().Single();
        var margin = section.Elements<PageMargin>().Single();
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((2098, 1984, 1587U, 1474U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        var auditor = await app.ClientAsync("auditor");
        var audit = await (await auditor.GetAsync("/api/v1/audit?entity=suggestions_reply_version")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "create");
        var templateAudit = await (await auditor.GetAsync("/api/v1/audit?entity=suggestions_reply_template")).ReadJsonAsync();
        Assert.Contains(templateAudit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "create");
    }

    public sealed class OnSqlite(SqliteApp app) : ReplyLetterTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ReplyLetterTests(app), IClassFixture<PostgresApp>;
}
