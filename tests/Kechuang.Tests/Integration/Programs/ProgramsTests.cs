using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Kechuang.Tests.Support;
using MiniExcelLibs;

namespace Kechuang.Tests.Integration.Programs;

/// <summary>
/// 科技计划 through the API: the demo's figures (S6–S9, T16) and the lists behind them, the workflow from submission to
/// acceptance with its 400s and 409s, the expert who sees and scores only what is assigned, the recommendation letter
/// read back, data scope, and the application sheet's round trip.
/// </summary>
public abstract class ProgramsTests(KechuangApp app)
{
    // The test clock's day (2026-03-02, Beijing time).
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static async Task<decimal> IndicatorAsync(HttpClient client, string code, int year, string region = "330723") =>
        (await (await client.GetAsync($"/api/v1/indicators/{code}/value?regionCode={region}&year={year}")).ReadJsonAsync()).GetProperty("value").GetDecimal();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task DemoRecords_GiveTheLettersFigures_AndEachIndicatorsListCountsTheSame()
    {
        var staff = await app.ClientAsync("wuyi.staff");

        Assert.Equal(49m, await IndicatorAsync(staff, "programs.applications", 2022));
        Assert.Equal(12m, await IndicatorAsync(staff, "programs.recommended", 2022));
        Assert.Equal(9m, await IndicatorAsync(staff, "programs.approved.city-social", 2022));
        Assert.Equal(1m, await IndicatorAsync(staff, "programs.approved.city-agricultural-key", 2022));
        Assert.Equal(10m, await IndicatorAsync(staff, "programs.approved", 2022));
        Assert.Equal(1m, await IndicatorAsync(staff, "programs.accepted", 2022));
        Assert.Equal(6m, await IndicatorAsync(staff, "programs.provincial-approved", 2023));
        foreach (var (query, total) in new[]
        {
            ("year=2022&stage=submitted&level=county", 49), ("year=2022&stage=recommended", 12), ("year=2022&stage=approved&level=city&category=社发类", 9),
            ("year=2022&stage=approved&level=city&category=农业类重点", 1), ("year=2022&stage=accepted", 1), ("year=2023&stage=approved&level=provincial", 6),
        })
        {
            var list = await (await staff.GetAsync($"/api/v1/programs/applications?regionCode=330723&{query}")).ReadJsonAsync();
            Assert.Equal(total, list.GetProperty("total").GetInt32());
        }
        var accepted = await (await staff.GetAsync("/api/v1/programs/applications?regionCode=330723&year=2022&stage=accepted")).ReadJsonAsync();
        Assert.Equal("寿仙谷珍稀药材省重点农业企业研究院建设", accepted.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal("浙江寿仙谷医药股份有限公司", accepted.GetProperty("items")[0].GetProperty("organizationName").GetString());
        var targets = await (await staff.GetAsync("/api/v1/targets?regionCode=330723&year=2023&indicatorCode=programs.provincial-approved")).ReadJsonAsync();
        var target = targets.GetProperty("items")[0];
        Assert.Equal(40m, target.GetProperty("target").GetDecimal());
        Assert.Equal(6m, target.GetProperty("actual").GetDecimal());
        Assert.Equal("/programs/applications?regionCode=330723&year=2023&stage=approved&level=provincial", target.GetProperty("recordsUrl").GetString());
    }

    [Fact]
    public async Task Workflow_FromSubmissionToAcceptance_RefusesWrongStepsWithStableCodes_AndKeepsATimeline()
    {
        var (county, city) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var expert = await app.ClientAsync("expert.li");
        var id = await SubmitAsync(enterprise, county, $"灵芝孢子粉破壁工艺{Guid.NewGuid():N}");

        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/recommend", new { toCallId = city }), "programs.not-reviewed");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true }));
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true }), "programs.not-submitted");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/reviewers", new { reviewerIds = new[] { await ExpertIdAsync(staff) } }));
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/review", new { }), "programs.scores-pending");
        var badScore = await expert.PostJsonAsync($"/api/v1/programs/applications/{id}/score", new { points = new[] { 31, 20, 20, 20 } });
        await OkAsync(expert.PostJsonAsync($"/api/v1/programs/applications/{id}/score", new { points = new[] { 28, 22, 18, 20 }, comment = "创新性较强" }));
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/review", new { }));
        var onward = await (await staff.PostJsonAsync($"/api/v1/programs/applications/{id}/recommend", new { toCallId = city })).CreatedIdAsync();

        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        Assert.Equal("“创新性”的得分应在0至30分之间", (await badScore.ReadJsonAsync()).GetProperty("errors").GetProperty("points")[0].GetString());
        var source = (await (await staff.GetAsync($"/api/v1/programs/applications/{id}")).ReadJsonAsync()).GetProperty("application");
        Assert.Equal("recommended", source.GetProperty("status").GetString());
        Assert.Equal(88m, source.GetProperty("score").GetDecimal());

        // The city approves the recommended application after a notice that ran out; 2026-03-02 is the test clock's day.
        var cityStaff = await app.ClientAsync("city.staff");
        await OkAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/formal-check", new { passed = true }));
        await AssertConflictAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/approve", new { }), "programs.not-publicizing");
        await OkAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/notice", new { day = Day(Today.AddDays(-3)) }));
        await AssertConflictAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/approve", new { }), "programs.notice-running");
        var objection = await (await cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/objections", new { content = "申报材料中的合作单位未盖章" })).CreatedIdAsync();
        await AssertConflictAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/approve", new { day = Day(Today) }), "programs.objection-open");
        await AssertConflictAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/notice", new { }), "programs.not-decidable");
        await OkAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/objections/{objection}/decision",
            new { upheld = false, resolution = "已补盖章，异议不成立" }));
        await AssertConflictAsync(cityStaff.PostJsonAsync($"/api/v1/programs/applications/{onward}/approve", new { }), "programs.notice-running");

        Assert.Equal("publicizing", await StatusAsync(cityStaff, onward));
        var second = await SubmitAsync(enterprise, county, $"铁皮石斛组培{Guid.NewGuid():N}");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/formal-check", new { passed = true }));
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/notice", new { day = Day(Today.AddDays(-8)) }));
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/approve", new { funds = 200000 }));
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/extension", new { months = 6 }), "programs.not-in-progress");
        var badContract = await staff.PostJsonAsync($"/api/v1/programs/applications/{second}/contract", new { startOn = "2025-01-01", endOn = "2024-12-31" });
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/contract", new
        {
            signedOn = Day(Today),
            startOn = Day(Today.AddMonths(-24)),
            endOn = Day(Today.AddDays(-1)),
            milestones = new[] { new { title = "完成中试", dueOn = Day(Today.AddMonths(-12)) } },
        }));
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/extension", new { months = 6 }), "programs.extension-late");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/midterm", new { result = "进度正常" }));
        await OkAsync(enterprise.PostJsonAsync($"/api/v1/programs/applications/{second}/acceptance-request", new { }));
        await AssertConflictAsync(enterprise.PostJsonAsync($"/api/v1/programs/applications/{second}/acceptance-request", new { }), "programs.not-in-progress");
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/evaluation", new { grade = "excellent" }), "programs.not-accepted");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/acceptance", new { passed = true, note = "通过验收" }));
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{second}/evaluation", new { grade = "excellent" }));

        Assert.Equal(HttpStatusCode.BadRequest, badContract.StatusCode);
        var detail = await (await staff.GetAsync($"/api/v1/programs/applications/{second}")).ReadJsonAsync();
        Assert.Equal("accepted", detail.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal("优秀", detail.GetProperty("application").GetProperty("gradeName").GetString());
        Assert.Equal(200000m, detail.GetProperty("application").GetProperty("approvedFunds").GetDecimal());
        Assert.Equal(["提交申报", "形式审查", "拟立项公示", "立项", "签订任务书", "中期检查", "申请验收", "验收结论", "绩效评价"],
            detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        var audit = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(e => e.Entity == "programs_application" && e.EntityKey == second.ToString())));
        Assert.True(audit >= 9, $"{audit} audit entries");
    }

    [Fact]
    public async Task Extension_OnceAndAtMostTwelveMonths_AcceptanceLateIsRefused_AndOverdueIsFlagged()
    {
        var (county, _) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        async Task<Guid> InProgressAsync(DateOnly end)
        {
            var id = await SubmitAsync(enterprise, county, $"电机控制器{Guid.NewGuid():N}");
            await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true }));
            await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/notice", new { day = Day(Today.AddDays(-8)) }));
            await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/approve", new { }));
            await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/contract", new { startOn = Day(end.AddYears(-2)), endOn = Day(end) }));
            return id;
        }
        var running = await InProgressAsync(Today.AddMonths(3));
        var lapsed = await InProgressAsync(Today.AddMonths(-6).AddDays(-1));

        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{running}/extension", new { months = 13 }), "programs.extension-too-long");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{running}/extension", new { months = 12 }));
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{running}/extension", new { months = 1 }), "programs.extension-used");
        await AssertConflictAsync(enterprise.PostJsonAsync($"/api/v1/programs/applications/{lapsed}/acceptance-request", new { }), "programs.acceptance-overdue");

        var extended = (await (await staff.GetAsync($"/api/v1/programs/applications/{running}")).ReadJsonAsync()).GetProperty("application");
        Assert.Equal(Day(Today.AddMonths(15)), extended.GetProperty("endOn").GetString());
        Assert.Equal(Day(Today.AddMonths(3)), extended.GetProperty("originalEndOn").GetString());
        var overdue = await (await staff.GetAsync("/api/v1/programs/applications?overdue=true&pageSize=200")).ReadJsonAsync();
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == lapsed && a.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == running);
    }

    [Fact]
    public async Task Expert_SeesAndScoresOnlyWhatIsAssigned_AndAConflictBlocksTheScore()
    {
        var (county, _) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var expert = await app.ClientAsync("expert.li");
        var assigned = await SubmitAsync(enterprise, county, $"分配的项目{Guid.NewGuid():N}");
        var conflicted = await SubmitAsync(enterprise, county, $"回避的项目{Guid.NewGuid():N}");
        var other = await SubmitAsync(enterprise, county, $"未分配的项目{Guid.NewGuid():N}");
        var expertId = await ExpertIdAsync(staff);
        foreach (var id in new[] { assigned, conflicted })
        {
            await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true }));
            await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/reviewers", new { reviewerIds = new[] { expertId } }));
        }

        var list = await (await expert.GetAsync("/api/v1/programs/applications?pageSize=200")).ReadJsonAsync();
        var mine = await (await expert.GetAsync("/api/v1/programs/reviews/mine")).ReadJsonAsync();
        var unassignedRead = await expert.GetAsync($"/api/v1/programs/applications/{other}");
        var unassignedScore = await expert.PostJsonAsync($"/api/v1/programs/applications/{other}/score", new { points = new[] { 20, 20, 20, 20 } });
        await OkAsync(expert.PostJsonAsync($"/api/v1/programs/applications/{conflicted}/conflict", new { reason = "本人曾参与该企业的技术合作" }));
        var conflictScore = await expert.PostJsonAsync($"/api/v1/programs/applications/{conflicted}/score", new { points = new[] { 20, 20, 20, 20 } });
        var staffScore = await staff.PostJsonAsync($"/api/v1/programs/applications/{assigned}/score", new { points = new[] { 20, 20, 20, 20 } });
        var expertCheck = await expert.PostJsonAsync($"/api/v1/programs/applications/{assigned}/formal-check", new { passed = true });

        var ids = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(assigned, ids);
        Assert.Contains(conflicted, ids);
        Assert.DoesNotContain(other, ids);
        Assert.DoesNotContain(ids, i => i != assigned && i != conflicted
            && !mine.EnumerateArray().Any(m => m.GetProperty("applicationId").GetGuid() == i));
        Assert.Equal(HttpStatusCode.NotFound, unassignedRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unassignedScore.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflictScore.StatusCode);
        Assert.Equal("programs.reviewer-conflict", (await conflictScore.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, staffScore.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expertCheck.StatusCode);
        // With the only reviewer withdrawn, the review has no score to average.
        await AssertConflictAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{conflicted}/review", new { }), "programs.no-scores");
    }

    [Fact]
    public async Task Reviewers_AreAccountsOfPeopleRegisteredAsExperts_ACommissionerWithAnExpertAccountIsNeitherOfferedNorAssignable()
    {
        var (county, _) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var id = await SubmitAsync(enterprise, county, $"评审专家人选{Guid.NewGuid():N}");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true }));
        var commissioner = await app.WithDbAsync(db => Task.FromResult(db.Accounts.Single(a => a.UserName == "expert.chen").Id));

        var offered = await (await staff.GetAsync("/api/v1/programs/reviewers?regionCode=330723401")).ReadJsonAsync();
        var assign = await staff.PostJsonAsync($"/api/v1/programs/applications/{id}/reviewers", new { reviewerIds = new[] { commissioner } });

        var names = offered.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("王建华（专家）", names);
        Assert.Contains("李晓梅（专家）", names);
        Assert.DoesNotContain("陈志刚（科技特派员）", names);
        Assert.Equal(HttpStatusCode.BadRequest, assign.StatusCode);
        Assert.Equal("陈志刚（科技特派员）在人员库中登记为科技特派员，不是专家，不能担任评审专家",
            (await assign.ReadJsonAsync()).GetProperty("errors").GetProperty("reviewerIds")[0].GetString());
        Assert.Equal("checked", await StatusAsync(staff, id));
    }

    [Fact]
    public async Task CallCriteria_AreValidatedRowByRow_AddUpTo100_AndAreLockedOnceAnExpertScored()
    {
        var (county, _) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var expert = await app.ClientAsync("expert.li");
        var body = (object[] criteria) => new
        {
            level = "county",
            year = 2026,
            category = "一般研发",
            title = $"评审指标测试{Guid.NewGuid():N}",
            opensOn = Day(Today.AddDays(-1)),
            closesOn = Day(Today.AddDays(9)),
            regionCode = "330723",
            criteria,
        };

        var bad = await staff.PostJsonAsync("/api/v1/programs/calls", body([new { name = "创新性", maxPoints = 40 }, new { name = "", maxPoints = 30 }, new { name = "创新性", maxPoints = 0 }]));
        var notHundred = await staff.PostJsonAsync("/api/v1/programs/calls", body([new { name = "创新性", maxPoints = 60 }, new { name = "可行性", maxPoints = 30 }]));
        var none = await staff.PostJsonAsync("/api/v1/programs/calls", body([]));
        var call = await (await staff.PostJsonAsync("/api/v1/programs/calls", body([new { name = "创新性", maxPoints = 60 }, new { name = "产业化前景", maxPoints = 40 }]))).CreatedIdAsync();
        var saved = await (await staff.GetAsync($"/api/v1/programs/calls/{call}")).ReadJsonAsync();
        var id = await SubmitAsync(enterprise, call, $"两项指标的项目{Guid.NewGuid():N}");
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true }));
        await OkAsync(staff.PostJsonAsync($"/api/v1/programs/applications/{id}/reviewers", new { reviewerIds = new[] { await ExpertIdAsync(staff) } }));
        var changedBeforeScores = await staff.PutAsJsonAsync($"/api/v1/programs/calls/{call}", body([new { name = "创新性", maxPoints = 50 }, new { name = "产业化前景", maxPoints = 50 }]));
        await OkAsync(expert.PostJsonAsync($"/api/v1/programs/applications/{id}/score", new { points = new[] { 45, 40 } }));
        var changedAfterScores = await staff.PutAsJsonAsync($"/api/v1/programs/calls/{call}", body([new { name = "创新性", maxPoints = 60 }, new { name = "产业化前景", maxPoints = 40 }]));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["请填写第2项评审指标的名称", "第3项评审指标的满分应在1至100分之间", "评审指标“创新性”重复"],
            (await bad.ReadJsonAsync()).GetProperty("errors").GetProperty("criteria").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("各项评审指标的满分合计应为100分，现为90分", (await notHundred.ReadJsonAsync()).GetProperty("errors").GetProperty("criteria")[0].GetString());
        Assert.Equal("请至少设置1项评审指标", (await none.ReadJsonAsync()).GetProperty("errors").GetProperty("criteria")[0].GetString());
        Assert.Equal(["创新性", "产业化前景"], saved.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.True(changedBeforeScores.IsSuccessStatusCode, await changedBeforeScores.Content.ReadAsStringAsync());
        await AssertConflictAsync(Task.FromResult(changedAfterScores), "programs.criteria-locked");
        var detail = await (await staff.GetAsync($"/api/v1/programs/applications/{id}")).ReadJsonAsync();
        Assert.Equal(85m, detail.GetProperty("reviews")[0].GetProperty("total").GetDecimal());
        Assert.Equal([50, 50], detail.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("maxPoints").GetInt32()));
    }

    [Fact]
    public async Task Ranking_AveragesDroppingHighestAndLowest_AndTheLetterReadsBack()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var demo = await (await staff.GetAsync("/api/v1/programs/calls?year=2022&level=county")).ReadJsonAsync();
        var county = demo.GetProperty("items")[0].GetProperty("id").GetGuid();
        var ranking = await (await staff.GetAsync($"/api/v1/programs/calls/{county}/ranking")).ReadJsonAsync();
        var recommended = await (await staff.GetAsync("/api/v1/programs/applications?regionCode=330723&year=2022&stage=recommended&pageSize=1")).ReadJsonAsync();
        var letter = await staff.GetAsync($"/api/v1/programs/applications/{recommended.GetProperty("items")[0].GetProperty("id").GetGuid()}/recommendation-letter");
        var notRecommended = ranking.EnumerateArray().Last().GetProperty("id").GetGuid();
        var noLetter = await staff.GetAsync($"/api/v1/programs/applications/{notRecommended}/recommendation-letter");

        Assert.Equal(49, ranking.GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 49), ranking.EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
        Assert.All(ranking.EnumerateArray().Take(12), r => Assert.Equal("recommended", r.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await letter.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        var title = recommended.GetProperty("items")[0].GetProperty("title").GetString()!;
        Assert.Contains($"关于推荐“{title}”申报2022年度市级社发类项目的函", text, StringComparison.Ordinal);
        Assert.Contains("金华市科学技术局：", text, StringComparison.Ordinal);
        Assert.Contains("根据《金华市2022年度市级科技计划（社发类）项目申报通知》的要求", text, StringComparison.Ordinal);
        Assert.Contains("对所推荐项目材料的真实性负责", text, StringComparison.Ordinal);
        Assert.Contains("武义县科学技术局2022年5月20日", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, noLetter.StatusCode);
        Assert.Equal("programs.not-recommended", (await noLetter.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvalidInputIs400_ClosedCallIs409_AnotherCountySeesNothing_CountyMayNotPublishACityCall()
    {
        var (county, _) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        var demo = await (await staff.GetAsync("/api/v1/programs/calls?year=2022&level=county")).ReadJsonAsync();
        var closed = demo.GetProperty("items")[0].GetProperty("id").GetGuid();
        var org = await OwnOrganizationAsync();

        var invalid = await enterprise.PostJsonAsync("/api/v1/programs/applications", new { callId = county, organizationId = org, title = "", leader = "", ownFunds = -1, requestedFunds = 0 });
        var late = await enterprise.PostJsonAsync("/api/v1/programs/applications", Body(closed, org, "截止后的申报"));
        var id = await SubmitAsync(enterprise, county, $"磐安看不到的项目{Guid.NewGuid():N}");
        var twice = await enterprise.PostJsonAsync("/api/v1/programs/applications", Body(county, org, (await (await staff.GetAsync($"/api/v1/programs/applications/{id}")).ReadJsonAsync()).GetProperty("application").GetProperty("title").GetString()!));
        var panan = await app.ClientAsync("panan.staff");
        var read = await panan.GetAsync($"/api/v1/programs/applications/{id}");
        var check = await panan.PostJsonAsync($"/api/v1/programs/applications/{id}/formal-check", new { passed = true });
        var cityCall = await staff.PostJsonAsync("/api/v1/programs/calls", CallBody("city", "330700", "社发类", "县里发的市级通知"));
        var badCall = await staff.PostJsonAsync("/api/v1/programs/calls", new { level = "town", year = 1800, category = "其他", title = "", opensOn = "2026-03-10", closesOn = "2026-03-01", regionCode = "330723" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("请填写项目名称", errors.GetProperty("title")[0].GetString());
        Assert.Equal("请填写项目负责人", errors.GetProperty("leader")[0].GetString());
        Assert.Equal("自筹经费不能为负数", errors.GetProperty("ownFunds")[0].GetString());
        Assert.Equal("申请经费应大于 0", errors.GetProperty("requestedFunds")[0].GetString());
        await AssertConflictAsync(Task.FromResult(late), "programs.call-closed");
        await AssertConflictAsync(Task.FromResult(twice), "programs.duplicate-application");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cityCall.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCall.StatusCode);
        var callErrors = (await badCall.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("申报截止日期不能早于开始日期", callErrors.GetProperty("closesOn")[0].GetString());
        Assert.Equal("请填写通知标题", callErrors.GetProperty("title")[0].GetString());
        Assert.Equal("年度须在2000至2100之间", callErrors.GetProperty("year")[0].GetString());
    }

    [Fact]
    public async Task Export_ImportsAgainAsNewApplications_AndABadRowImportsNothing()
    {
        var (county, _) = await CallsAsync();
        var staff = await app.ClientAsync("wuyi.staff");
        var enterprise = await app.ClientAsync("shouxiangu");
        await SubmitAsync(enterprise, county, $"导出的项目甲{Guid.NewGuid():N}");
        await SubmitAsync(enterprise, county, $"导出的项目乙{Guid.NewGuid():N}");

        var export = await staff.GetAsync($"/api/v1/programs/applications/export?callId={county}");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => (IDictionary<string, object?>)r.ToDictionary(k => k.Key, k => (object?)k.Value)).ToList();
        var again = await UploadAsync(staff, rows);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var renamed = rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r) { ["项目名称"] = $"{r["项目名称"]}（{suffix}）" }).ToList();
        var broken = renamed.Select((r, i) => (IDictionary<string, object?>)new Dictionary<string, object?>(r) { ["申请经费（元）"] = i == 0 ? "很多" : r["申请经费（元）"] }).ToList();
        var before = (await (await staff.GetAsync($"/api/v1/programs/applications?callId={county}")).ReadJsonAsync()).GetProperty("total").GetInt32();
        var refused = await UploadAsync(staff, broken);
        var middle = (await (await staff.GetAsync($"/api/v1/programs/applications?callId={county}")).ReadJsonAsync()).GetProperty("total").GetInt32();
        var imported = await UploadAsync(staff, renamed);

        Assert.True(rows.Count >= 2);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, middle);
        Assert.Equal(rows.Count, (await imported.ReadJsonAsync()).GetProperty("imported").GetInt32());
        Assert.Equal(before + rows.Count, (await (await staff.GetAsync($"/api/v1/programs/applications?callId={county}")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    private async Task<(Guid County, Guid City)> CallsAsync()
    {
        var staff = await app.ClientAsync("wuyi.staff");
        var cityStaff = await app.ClientAsync("city.staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var county = await (await staff.PostJsonAsync("/api/v1/programs/calls", CallBody("county", "330723", "一般研发", $"武义县测试通知{tag}"))).CreatedIdAsync();
        var city = await (await cityStaff.PostJsonAsync("/api/v1/programs/calls", CallBody("city", "330700", "社发类", $"金华市测试通知{tag}"))).CreatedIdAsync();
        return (county, city);
    }

    private static object CallBody(string level, string region, string category, string title) => new
    {
        level,
        year = 2026,
        category,
        title,
        opensOn = Day(Today.AddDays(-30)),
        closesOn = Day(Today.AddDays(30)),
        guide = "测试指南",
        dropHighLow = true,
        noticeDays = 7,
        regionCode = region,
    };

    private async Task<Guid> OwnOrganizationAsync() =>
        await app.WithDbAsync(db => Task.FromResult(db.Accounts.Where(a => a.UserName == "shouxiangu").Select(a => a.OrganizationId!.Value).Single()));

    private static object Body(Guid call, Guid org, string title) => new
    {
        callId = call,
        organizationId = org,
        title,
        leader = "李明焱",
        team = "钱海峰（研发）",
        ownFunds = 600000.5m,
        requestedFunds = 200000,
        documents = new[] { new { name = "申报书.pdf", kind = "申报书", pages = 30 } },
    };

    private async Task<Guid> SubmitAsync(HttpClient client, Guid call, string title) =>
        await (await client.PostJsonAsync("/api/v1/programs/applications", Body(call, await OwnOrganizationAsync(), title))).CreatedIdAsync();

    private static async Task<Guid> ExpertIdAsync(HttpClient staff)
    {
        var experts = await (await staff.GetAsync("/api/v1/programs/reviewers?regionCode=330723401")).ReadJsonAsync();
        return experts.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "李晓梅（专家）").GetProperty("id").GetGuid();
    }

    private static async Task<string?> StatusAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"/api/v1/programs/applications/{id}")).ReadJsonAsync()).GetProperty("application").GetProperty("status").GetString();

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task AssertConflictAsync(Task<HttpResponseMessage> call, string code)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409 {code}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(code, (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<IDictionary<string, object?>> rows)
    {
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "applications.xlsx");
        return await client.PostAsync("/api/v1/programs/applications/import", content);
    }

    public sealed class OnSqlite(SqliteApp app) : ProgramsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ProgramsTests(app), IClassFixture<PostgresApp>;
}
