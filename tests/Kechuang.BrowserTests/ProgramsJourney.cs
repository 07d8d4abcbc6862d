using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kechuang.BrowserTests.Support;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests;

/// <summary>
/// A 武义县 clerk finds the county's 2022 一般研发 call and its 49 ranked applications, lists the 12 recommended to the
/// city and the 9 approved there, and reads 寿仙谷's 省重点农业企业研究院 project through its acceptance; then publishes a
/// call open today (an empty save first shows the Chinese field messages), 寿仙谷's enterprise user applies to it, and
/// the clerk passes the application's formal check, assigns two 专家, who each score every criterion on their own
/// page, sums the review up (the average and the rank shown), reads the call's ranking, recommends the application to
/// the city's call (published by the city's clerk) and reads the downloaded 推荐函 (.docx): the project, the applicant,
/// the funds, the average score and the rank from the records. The call list, an application and the form also on a
/// phone. It publishes calls, so it runs on a database of its own.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ProgramsJourney(OwnDatabase database) : IClassFixture<OwnDatabase>
{
    private const string CountyCall = "武义县2022年度县级科技计划（一般研发项目）申报通知";
    private const string Institute = "寿仙谷珍稀药材省重点农业企业研究院建设";
    private const string NewCall = "武义县县级科技计划（农业类）项目申报通知（补充）";
    private const string NewProject = "灵芝孢子粉破壁工艺优化与质量标准研究";
    private const string CityCall = "金华市县级推荐科技计划（农业类）项目申报通知";

    private readonly BrowserApp _app = database.App;

    [Fact]
    public async Task Staff_ReadsTheLettersFigures_PublishesACall_AndChecksAnEnterprisesApplication()
    {
        var page = await _app.NewPageAsync();
        await Journey.SignInAsync(page, "wuyi.staff");

        // 1. The county's 2022 一般研发 call: 49 applications, ranked by their review scores.
        await Journey.GoInteractiveAsync(page, "/programs/calls");
        await Journey.ChooseAsync(page, "#year-filter", "2022 年");
        await page.Locator("#calls", new PageLocatorOptions { HasText = "共 3 个通知" }).WaitForAsync();
        var callRow = page.Locator("#calls .ant-table-tbody tr", new PageLocatorOptions { HasText = CountyCall });
        Assert.Contains("49 项", await callRow.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "programs-01-calls-2022");

        await callRow.Locator("a", new LocatorLocatorOptions { HasText = CountyCall }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/programs/calls/", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        var ranking = page.Locator("#ranking");
        await ranking.Locator("h2", new LocatorLocatorOptions { HasText = "评审排序（49 项）" }).WaitForAsync();
        var rankingText = await ranking.InnerTextAsync();
        Assert.Contains("91.6", rankingText, StringComparison.Ordinal);
        Assert.Equal(12, await ranking.Locator(".ant-table-tbody tr", new LocatorLocatorOptions { HasText = "已推荐上报" }).CountAsync());
        await Assertions.Expect(page.Locator("#call-facts")).ToContainTextAsync("去掉一个最高分和一个最低分");
        await Journey.ScreenshotAsync(page, "programs-02-county-call");

        // 2. The letter's counts as lists: all 49 of the call, 12 recommended, 9 approved at the city's 社发类 call.
        await page.Locator("a", new PageLocatorOptions { HasText = "查看申报项目" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("callId=", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        await page.Locator("#applications", new PageLocatorOptions { HasText = "共 49 项申报" }).WaitForAsync();
        Assert.Contains("该申报通知", await page.Locator("#filter-note").InnerTextAsync(), StringComparison.Ordinal);

        await Journey.GoInteractiveAsync(page, "/programs/applications?regionCode=330723&year=2022&stage=recommended");
        await page.Locator("#applications", new PageLocatorOptions { HasText = "共 12 项申报" }).WaitForAsync();
        Assert.Equal(12, await page.Locator("#applications .ant-table-tbody tr", new PageLocatorOptions { HasText = "已推荐上报" }).CountAsync());
        await Journey.ScreenshotAsync(page, "programs-03-recommended-12");

        await Journey.GoInteractiveAsync(page, "/programs/applications?regionCode=330723&year=2022&stage=approved&level=city&category=社发类");
        await page.Locator("#applications", new PageLocatorOptions { HasText = "共 9 项申报" }).WaitForAsync();
        Assert.Equal(9, await page.Locator("#applications .ant-table-tbody tr", new PageLocatorOptions { HasText = "已立项" }).CountAsync());
        await Journey.ScreenshotAsync(page, "programs-04-approved-9");

        // 寿仙谷's institute: approved 2019, contract, midterm check, acceptance requested and passed in 2022.
        await Journey.GoInteractiveAsync(page, "/programs/applications?regionCode=330723&year=2022&stage=accepted");
        await page.Locator("#applications", new PageLocatorOptions { HasText = "共 1 项申报" }).WaitForAsync();
        await page.Locator("#applications .ant-table-tbody a", new PageLocatorOptions { HasText = Institute }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/programs/applications/", StringComparison.Ordinal) && !url.Contains('?', StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(page);
        var institute = new Uri(page.Url).PathAndQuery;
        Assert.Contains("验收通过", await page.Locator("#status-tag").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#timeline", new PageLocatorOptions { HasText = "2022-11-25 验收结论" }).WaitForAsync();
        var history = await page.Locator("#timeline").InnerTextAsync();
        foreach (var step in new[] { "2019-06-10 提交申报", "2019-11-20 立项", "2019-12-20 签订任务书", "2021-06-18 中期检查", "2022-09-15 申请验收", "2022-11-25 验收结论" })
        {
            Assert.Contains(step, history, StringComparison.Ordinal);
        }
        await Assertions.Expect(page.Locator("#application-facts")).ToContainTextAsync("2020-01-01 至 2022-06-30");
        await Journey.ScreenshotAsync(page, "programs-05-institute-accepted");

        // 3. A call open today: an empty save shows what is missing, in Chinese, beside each field.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await Journey.GoInteractiveAsync(page, "/programs/calls/new");
        await page.Locator("#title").WaitForAsync();
        await page.Locator("#save").ClickAsync();
        await page.Locator("#form-alert").WaitForAsync();
        // The title box is AntDesign's, which asks for it itself (请输入通知标题); the server names the other fields.
        Assert.Matches("请(输入|填写)通知标题", await page.Locator(".ant-form-item:has(#title)").InnerTextAsync());
        Assert.Contains("请选择项目类别", await page.Locator(".ant-form-item:has(#category)").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("请填写申报开始日期", await page.Locator(".ant-form-item:has(#opensOn)").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("请填写申报截止日期", await page.Locator(".ant-form-item:has(#closesOn)").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "programs-06-call-form-empty");

        await page.Locator("#title").FillAsync(NewCall);
        await Journey.ChooseAsync(page, "#category", "农业类");
        await Journey.TypeDateAsync(page, page.Locator("input#opensOn, #opensOn input").First, Day(today.AddDays(-3)));
        await Journey.TypeDateAsync(page, page.Locator("input#closesOn, #closesOn input").First, Day(today.AddDays(30)));
        await page.Locator("#guide").FillAsync("支持中药材、茶叶、宣莲等特色农业的品种选育和精深加工技术研究。每个单位限报1项。");

        // The call's own criteria: drop 团队与基础, and the server names what the full marks now add up to; add 产业化前景.
        Assert.Equal(4, await page.Locator("#criteria .kc-criteria-row").CountAsync());
        await page.Locator("#criterion-remove-2").ClickAsync();
        await page.Locator("#criteria-total", new PageLocatorOptions { HasText = "满分合计 80 分" }).WaitForAsync();
        await page.Locator("#save").ClickAsync();
        await page.Locator(".ant-form-item:has(#criteria)", new PageLocatorOptions { HasText = "各项评审指标的满分合计应为100分，现为80分" }).WaitForAsync();
        await Journey.ScreenshotAsync(page, "programs-06b-criteria-message");
        await page.Locator("#criterion-add").ClickAsync();
        await page.Locator("#criterion-name-3").FillAsync("产业化前景");
        await page.Locator("input#criterion-points-3, #criterion-points-3 input").First.FillAsync("20");
        await page.Locator("#criterion-name-3").ClickAsync();
        await page.Locator("#criteria-total", new PageLocatorOptions { HasText = "满分合计 100 分" }).WaitForAsync();
        await page.Locator("#save").ClickAsync();
        await page.Locator("#saved").WaitForAsync();
        await Assertions.Expect(page.Locator("#call-facts")).ToContainTextAsync("创新性（30分）、技术可行性（25分）、预期效益（25分）、产业化前景（20分）");
        await page.Locator("#apply").WaitForAsync();
        Assert.Contains("申报中", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(page, "programs-07-call-published");
        await Journey.EndAsync(page);

        // 寿仙谷's enterprise user applies: the only open call and its own company are chosen already.
        var enterprise = await _app.NewPageAsync();
        await Journey.SignInAsync(enterprise, "shouxiangu");
        await Journey.GoInteractiveAsync(enterprise, "/programs/applications/new");
        await enterprise.Locator("#title").WaitForAsync();
        Assert.Contains(NewCall, await enterprise.Locator(".ant-form-item:has(#callId)").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("浙江寿仙谷医药股份有限公司", await enterprise.Locator(".ant-form-item:has(#organizationId)").InnerTextAsync(), StringComparison.Ordinal);
        await enterprise.Locator("#title").FillAsync(NewProject);
        await enterprise.Locator("#leader").FillAsync("李明焱");
        await enterprise.Locator("#ownFunds input").FillAsync("800000");
        await enterprise.Locator("#requestedFunds input").FillAsync("200000");
        await enterprise.Locator("#team").FillAsync("李振皓（研究院副院长，工艺研究）；徐靖（质量部经理，质量标准）");
        await enterprise.Locator("#documents").FillAsync("项目申报书.pdf，申报书，28\n检测报告.pdf，证明材料，6");
        await Journey.ScreenshotAsync(enterprise, "programs-08-enterprise-applies");
        await enterprise.Locator("#save").ClickAsync();
        await enterprise.Locator("#saved").WaitForAsync();
        Assert.Contains("已申报", await enterprise.Locator("#status-tag").InnerTextAsync(), StringComparison.Ordinal);
        var application = new Uri(enterprise.Url).AbsolutePath;
        await Journey.EndAsync(enterprise);

        // The clerk passes its formal check; the status and the timeline follow.
        var clerk = await _app.NewPageAsync();
        await Journey.SignInAsync(clerk, "wuyi.staff");
        await Journey.GoInteractiveAsync(clerk, application);
        await clerk.Locator("#check-pass").WaitForAsync();
        await Assertions.Expect(clerk.Locator("#timeline")).ToContainTextAsync("提交申报");
        await clerk.Locator("#check-note").FillAsync("材料齐全，符合申报条件");
        await clerk.Locator("#check-pass").ClickAsync();
        await clerk.Locator("#status-tag", new PageLocatorOptions { HasText = "形式审查通过" }).WaitForAsync();
        // AntDesign's Timeline lays out a new item a render after the status tag changes: wait for it.
        await Assertions.Expect(clerk.Locator("#timeline")).ToContainTextAsync($"{Day(today)} 形式审查");
        Assert.Contains("形式审查通过", await clerk.Locator("#saved").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.Locator("#assign").WaitForAsync();
        await Journey.ScreenshotAsync(clerk, "programs-09-formal-check-passed");

        // 5. Expert review: the clerk assigns two 专家, each scores every criterion on their own page, the clerk sums up.
        var reviewers = clerk.Locator("#reviewer-choices");
        // Only people registered as 专家: 陈志刚 has an expert account but is a 科技特派员.
        Assert.DoesNotContain("陈志刚", await reviewers.InnerTextAsync(), StringComparison.Ordinal);
        await reviewers.Locator("label", new LocatorLocatorOptions { HasText = "王建华（专家）" }).ClickAsync();
        await reviewers.Locator("label", new LocatorLocatorOptions { HasText = "李晓梅（专家）" }).ClickAsync();
        await clerk.Locator("#assign").ClickAsync();
        await clerk.Locator("#status-tag", new PageLocatorOptions { HasText = "专家评审中" }).WaitForAsync();
        Assert.Contains("已评分 0 / 2 位专家", await clerk.Locator("#review-average").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(clerk.Locator("#timeline")).ToContainTextAsync("王建华（专家）、李晓梅（专家）");
        await Journey.ScreenshotAsync(clerk, "programs-13-reviewers-assigned");
        await Journey.EndAsync(clerk);

        var applicationId = application[(application.LastIndexOf('/') + 1)..];
        foreach (var (expert, points, comment, shot) in new[]
        {
            ("expert.wang", new[] { 27, 22, 21, 17 }, "工艺路线清晰，质量标准研究有推广价值", "programs-14-expert-scores"),
            ("expert.li", new[] { 25, 20, 19, 16 }, "建议补充中试规模的成本测算", ""),
        })
        {
            var scoring = await _app.NewPageAsync();
            await Journey.SignInAsync(scoring, expert);
            await Journey.GoInteractiveAsync(scoring, "/programs/reviews");
            var card = scoring.Locator($"#review-{applicationId}");
            await card.WaitForAsync();
            Assert.Contains(NewProject, await card.InnerTextAsync(), StringComparison.Ordinal);
            for (var i = 0; i < points.Length; i++)
            {
                await card.Locator($"input#points-{applicationId}-{i}, #points-{applicationId}-{i} input").First.FillAsync(points[i].ToString(CultureInfo.InvariantCulture));
            }
            await card.Locator($"#comment-{applicationId}").FillAsync(comment);
            if (shot.Length > 0)
            {
                await Journey.ScreenshotAsync(scoring, shot);
            }
            await card.Locator($"#score-{applicationId}").ClickAsync();
            await scoring.Locator("#saved").WaitForAsync();
            await card.Locator(".ant-tag", new LocatorLocatorOptions { HasText = $"已评 {points.Sum()} 分" }).WaitForAsync();
            await Journey.EndAsync(scoring);
        }

        clerk = await _app.NewPageAsync();
        await Journey.SignInAsync(clerk, "wuyi.staff");
        await Journey.GoInteractiveAsync(clerk, application);
        var reviews = clerk.Locator("#reviews");
        await reviews.WaitForAsync();
        var reviewText = await reviews.InnerTextAsync();
        Assert.Contains("创新性27、技术可行性22、预期效益21、产业化前景17", reviewText, StringComparison.Ordinal);
        Assert.Contains("已评分 2 / 2 位专家，目前平均得分 83.5 分", reviewText, StringComparison.Ordinal);
        await clerk.Locator("#finish-review").ClickAsync();
        await clerk.Locator("#status-tag", new PageLocatorOptions { HasText = "评审完成" }).WaitForAsync();
        Assert.Contains("评审得分 83.5 分（2位专家评分平均）", await clerk.Locator("#review-average").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(clerk.Locator("#timeline")).ToContainTextAsync("2位专家评分，平均83.5分");
        Assert.Contains("排名第 1", await reviews.InnerTextAsync(), StringComparison.Ordinal);
        await Journey.ScreenshotAsync(clerk, "programs-15-review-summed-up");

        // 6. The ranking of the call, then the city's call open today that the county recommends to.
        await clerk.Locator("#ranking-link").ClickAsync();
        await clerk.WaitForURLAsync(url => url.Contains("/programs/calls/", StringComparison.Ordinal));
        await Journey.WaitInteractiveAsync(clerk);
        var ranked = clerk.Locator("#ranking .ant-table-tbody tr", new PageLocatorOptions { HasText = NewProject });
        await ranked.WaitForAsync();
        var rankedText = await ranked.InnerTextAsync();
        Assert.Contains("83.5", rankedText, StringComparison.Ordinal);
        Assert.Contains("2 / 2", rankedText, StringComparison.Ordinal);
        Assert.Contains("评审完成", rankedText, StringComparison.Ordinal);
        await Journey.ScreenshotAsync(clerk, "programs-16-ranking");
        await Journey.EndAsync(clerk);

        var city = await _app.NewPageAsync();
        await Journey.SignInAsync(city, "city.staff");
        await Journey.GoInteractiveAsync(city, "/programs/calls/new");
        await city.Locator("#title").FillAsync(CityCall);
        await Journey.ChooseAsync(city, "#category", "农业类");
        await Journey.TypeDateAsync(city, city.Locator("input#opensOn, #opensOn input").First, Day(today.AddDays(-1)));
        await Journey.TypeDateAsync(city, city.Locator("input#closesOn, #closesOn input").First, Day(today.AddDays(45)));
        await city.Locator("#guide").FillAsync("由各县（市、区）科技局择优推荐，每县推荐不超过5项。");
        await city.Locator("#save").ClickAsync();
        await city.Locator("#saved").WaitForAsync();
        Assert.Contains("市级", await city.Locator(".kc-page-header").InnerTextAsync(), StringComparison.Ordinal);
        await Journey.EndAsync(city);

        // 7. The clerk recommends the application upward and reads the generated 推荐函.
        clerk = await _app.NewPageAsync();
        await Journey.SignInAsync(clerk, "wuyi.staff");
        await Journey.GoInteractiveAsync(clerk, application);
        // The only higher call open today is chosen already.
        await clerk.Locator("#actions", new PageLocatorOptions { HasText = CityCall }).WaitForAsync();
        await clerk.Locator("#recommend").ClickAsync();
        await clerk.Locator("#status-tag", new PageLocatorOptions { HasText = "已推荐上报" }).WaitForAsync();
        Assert.Contains(CityCall, await clerk.Locator("#actions").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(clerk.Locator("#timeline")).ToContainTextAsync($"{Day(today)} 推荐上报");
        await Journey.ScreenshotAsync(clerk, "programs-17-recommended");
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.Locator("#download-letter").ClickAsync());
        Assert.Equal($"推荐函-{NewProject}.docx", download.SuggestedFilename);
        var letter = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(letter);
        string text;
        using (var document = WordprocessingDocument.Open(letter, false))
        {
            text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        }
        File.Delete(letter);
        Assert.Contains($"关于推荐“{NewProject}”申报{today.Year}年度市级农业类项目的函", text, StringComparison.Ordinal);
        Assert.Contains("金华市科学技术局：", text, StringComparison.Ordinal);
        Assert.Contains($"根据《{CityCall}》的要求", text, StringComparison.Ordinal);
        Assert.Contains($"浙江寿仙谷医药股份有限公司承担的“{NewProject}”项目", text, StringComparison.Ordinal);
        Assert.Contains("该项目负责人为李明焱，申请经费20万元，自筹经费80万元", text, StringComparison.Ordinal);
        Assert.Contains($"在我局{today.Year}年度农业类项目专家评审中平均得分83.5分，在1个项目中排名第1。", text, StringComparison.Ordinal);
        Assert.Contains($"武义县科学技术局\n{today.Year}年{today.Month}月{today.Day}日", text, StringComparison.Ordinal);
        await Journey.EndAsync(clerk);

        // 4. On a phone: the call list, 寿仙谷's institute and the application form.
        var phone = await Phone.NewPageAsync(_app);
        await Journey.SignInAsync(phone, "wuyi.staff");
        foreach (var (url, name) in new[]
        {
            ("/programs/calls", "programs-10-phone-calls"), (institute, "programs-11-phone-institute"), ("/programs/applications/new", "programs-12-phone-form"),
        })
        {
            await Journey.GoInteractiveAsync(phone, url);
            await phone.Locator("h1").WaitForAsync();
            await Phone.AssertNoHorizontalOverflowAsync(phone, url);
            await Journey.ScreenshotAsync(phone, name);
        }
        await Journey.EndAsync(phone);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
