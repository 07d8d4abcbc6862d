using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Programs;

/// <summary>
/// The plan-project work of the reply letter as individual records (docs/letter-figures.md S6–S9, T16): the 49
/// applications to 武义县's 2022 一般研发 call, reviewed (S6); the 12 best recommended to the city's 2022 社发类 call,
/// 9 of them approved there after the notice (S7); one project of the city's 农业类重点 call approved (S8); 寿仙谷's
/// 省重点农业企业研究院 project accepted in 2022 (S9); six provincial approvals of 2023 and the 2023 target of 40 (T16).
/// Titles, days, amounts, scores and the 2023 provincial projects are illustrative; the letter gives only the counts.
/// </summary>
internal sealed class ProgramsDemoData(IOrganizationDirectory organizations) : IDemoData
{
    public const string Region = "330723";
    public const string CountyCallTitle = "武义县2022年度县级科技计划（一般研发项目）申报通知";
    public const string CitySocialCallTitle = "金华市2022年度市级科技计划（社发类）项目申报通知";
    public const string CityAgriculturalCallTitle = "金华市2022年度市级农业类重点科技项目申报通知";
    public const string InstituteTitle = "寿仙谷珍稀药材省重点农业企业研究院建设";
    public const decimal ProvincialTarget2023 = 40m;

    private const string County = "武义县科学技术局";
    private const string City = "金华市科学技术局";

    private static readonly string[] Subjects =
    [
        "电动工具无刷电机", "园林机械锂电驱动系统", "不锈钢真空保温杯", "智能门锁", "电动车控制器", "户外休闲家具", "萤石精深加工", "铁皮石斛", "灵芝孢子粉",
        "有机茶", "宣莲", "食用菌", "汽摩配件", "五金工具", "竹木制品",
    ];

    private static readonly string[] Works =
    [
        "关键技术研发及产业化", "智能化生产线研制与应用", "轻量化设计与工艺优化", "高效节能技术研究", "质量检测与追溯技术研究",
    ];

    public int Order => 70;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var enterprises = (await organizations.ListAnywhereAsync(cancellationToken))
            .Where(o => o.Kind == OrganizationKind.Enterprise && o.RegionCode.StartsWith(Region, StringComparison.Ordinal))
            .OrderBy(o => o.CreditCode, StringComparer.Ordinal).ToList();
        async Task<OrganizationInfo> Existing(string name) =>
            await organizations.FindByNameAsync(name, cancellationToken) ?? throw new InvalidOperationException($"demo organisation {name} missing");
        var shouxiangu = await Existing("浙江寿仙谷医药股份有限公司");
        var tea = await Existing("武义县茶语生态农业有限公司");

        void Step(PlanApplication application, ApplicationStatus? from, string action, DateOnly day, string actor, string? note = null) =>
            db.Add(new PlanTransition(application, from, action, day, actor, note, now));

        PlanCall Call(string region, PlanLevel level, int year, string category, string title, DateOnly opens, DateOnly closes, bool drop, string guide)
        {
            var call = new PlanCall(new CallFacts(region, level, year, category, title, opens, closes, guide, drop, ProgramsRules.DefaultNoticeDays,
                ProgramsRules.DefaultCriteria), now);
            db.Add(call);
            return call;
        }

        PlanApplication Submit(PlanCall call, OrganizationInfo org, string title, string leader, decimal own, decimal requested, DateOnly on, string actor,
            Guid? source = null)
        {
            var application = new PlanApplication(call.Id, new ApplicationFacts(org.RegionCode, org.Id, title, leader, null, own, requested,
                [new DocumentInfo("项目申报书.pdf", "申报书", 36), new DocumentInfo("单位营业执照.pdf", "证明材料", 1)]), on, now, source);
            db.Add(application);
            Step(application, null, source is null ? "submit" : "recommended", on, actor);
            return application;
        }

        // S6: 49 applications to the county's 2022 一般研发 call, all checked and reviewed; scores from the panel's meeting.
        var county = Call(Region, PlanLevel.County, 2022, "一般研发", CountyCallTitle, new(2022, 3, 1), new(2022, 4, 15), true,
            "围绕县域主导产业和民生科技需求，支持企业开展关键技术研发。每个单位限报2项，申请县财政资助一般不超过30万元。");
        var citySocial = Call("330700", PlanLevel.City, 2022, "社发类", CitySocialCallTitle, new(2022, 4, 20), new(2022, 5, 31), true,
            "支持人口健康、生态环境、公共安全等社会发展领域的技术研究与示范，由各县（市、区）科技局择优推荐。");
        var cityAgri = Call("330700", PlanLevel.City, 2022, "农业类重点", CityAgriculturalCallTitle, new(2022, 4, 20), new(2022, 5, 31), true,
            "支持农业新品种选育、绿色高效栽培和农产品精深加工的重点攻关。");
        var applications = new List<PlanApplication>();
        for (var i = 0; i < 49; i++)
        {
            var org = enterprises[i % enterprises.Count];
            var title = $"{Subjects[i % Subjects.Length]}{Works[i / Subjects.Length % Works.Length]}";
            var submitted = new DateOnly(2022, 3, 7).AddDays(i % 38);
            var application = Submit(county, org, title, Leaders[i % Leaders.Length], 300_000m + (i * 25_000m), 100_000m + (i % 5 * 50_000m), submitted, County);
            application.Check(true, null, new(2022, 4, 22), now);
            Step(application, ApplicationStatus.Submitted, "check", new(2022, 4, 22), County);
            application.StartReview(now);
            Step(application, ApplicationStatus.Checked, "assign", new(2022, 4, 28), County, "县科技计划项目评审专家组（5人）会评");
            application.FinishReview(decimal.Round(91.6m - (i * 0.55m), 2), new(2022, 5, 10), now);
            Step(application, ApplicationStatus.InReview, "review", new(2022, 5, 10), County, "5位专家评分，去掉一个最高分和一个最低分");
            applications.Add(application);
        }

        // S7: the 12 best recommended to the city's 社发类 call; 9 approved after the 7-day notice, 3 not.
        for (var i = 0; i < 12; i++)
        {
            var source = applications[i];
            var day = new DateOnly(2022, 5, 20);
            source.Recommend(citySocial.Id, day, now);
            Step(source, ApplicationStatus.Reviewed, "recommend", day, County, citySocial.Title);
            var org = enterprises[i % enterprises.Count];
            var onward = Submit(citySocial, org, source.Title, source.Leader, source.OwnFundsFen / 100m, source.RequestedFundsFen / 100m, day, County, source.Id);
            onward.Check(true, null, new(2022, 6, 10), now);
            Step(onward, ApplicationStatus.Submitted, "check", new(2022, 6, 10), City);
            if (i < 9)
            {
                onward.Publicize(new(2022, 8, 25), ProgramsRules.DefaultNoticeDays, now);
                Step(onward, ApplicationStatus.Checked, "publicize", new(2022, 8, 25), City, "公示7天");
                onward.Approve(null, new(2022, 9, 5), now);
                Step(onward, ApplicationStatus.Publicizing, "approve", new(2022, 9, 5), City);
            }
            else
            {
                onward.Decline(new(2022, 8, 20), now);
                Step(onward, ApplicationStatus.Checked, "decline", new(2022, 8, 20), City);
            }
        }

        // S8: one 农业类重点 project approved.
        var agri = Submit(cityAgri, tea, "武义宣莲良种选育与绿色高效栽培技术集成示范", "何建平", 600_000m, 300_000m, new(2022, 5, 16), County);
        agri.Check(true, null, new(2022, 6, 10), now);
        Step(agri, ApplicationStatus.Submitted, "check", new(2022, 6, 10), City);
        agri.Publicize(new(2022, 8, 25), ProgramsRules.DefaultNoticeDays, now);
        Step(agri, ApplicationStatus.Checked, "publicize", new(2022, 8, 25), City, "公示7天");
        agri.Approve(null, new(2022, 9, 5), now);
        Step(agri, ApplicationStatus.Publicizing, "approve", new(2022, 9, 5), City);

        // S9: 寿仙谷's institute, one of the province's first 重点农业企业研究院, accepted in 2022.
        var institute = Call("330000", PlanLevel.Provincial, 2019, "重点农业企业研究院", "浙江省2019年度省级重点农业企业研究院建设申报通知", new(2019, 5, 6),
            new(2019, 6, 20), true, "支持农业龙头企业建设省级重点农业企业研究院，建设期3年。");
        var lab = Submit(institute, shouxiangu, InstituteTitle, "李明焱", 12_000_000m, 2_000_000m, new(2019, 6, 10), County);
        lab.Check(true, null, new(2019, 7, 1), now);
        Step(lab, ApplicationStatus.Submitted, "check", new(2019, 7, 1), "浙江省科学技术厅");
        lab.Publicize(new(2019, 11, 4), ProgramsRules.DefaultNoticeDays, now);
        Step(lab, ApplicationStatus.Checked, "publicize", new(2019, 11, 4), "浙江省科学技术厅");
        lab.Approve(null, new(2019, 11, 20), now);
        Step(lab, ApplicationStatus.Publicizing, "approve", new(2019, 11, 20), "浙江省科学技术厅");
        lab.SignContract(new(2019, 12, 20), new(2020, 1, 1), new(2022, 6, 30),
            [new Milestone("珍稀药材种质资源圃建成", new(2020, 12, 31), null), new Milestone("灵芝、铁皮石斛新品种选育", new(2021, 12, 31), null)], now);
        Step(lab, ApplicationStatus.Approved, "contract", new(2019, 12, 20), "浙江省科学技术厅", "实施期2020-01-01至2022-06-30");
        lab.RecordMidterm(new(2021, 6, 18), "按计划推进，中期检查合格", now);
        Step(lab, ApplicationStatus.InProgress, "midterm", new(2021, 6, 18), "浙江省科学技术厅", "中期检查合格");
        lab.RequestAcceptance(new(2022, 9, 15), now);
        Step(lab, ApplicationStatus.InProgress, "request-acceptance", new(2022, 9, 15), County);
        lab.Accept(true, "专家组验收通过", new(2022, 11, 25), now);
        Step(lab, ApplicationStatus.AcceptanceRequested, "accept", new(2022, 11, 25), "浙江省科学技术厅", "验收通过");

        // T16: the 2023 provincial approvals before the letter's date, against the year's target of 40.
        var provincial = Call("330000", PlanLevel.Provincial, 2023, "重点研发", "浙江省2023年度“尖兵”“领雁”研发攻关计划项目申报通知", new(2023, 1, 10),
            new(2023, 2, 28), true, "聚焦关键核心技术攻关，由各市、县（市、区）科技局组织推荐。");
        for (var i = 0; i < 6; i++)
        {
            var org = enterprises[(i * 7 + 3) % enterprises.Count];
            var application = Submit(provincial, org, $"{Subjects[(i * 2 + 1) % Subjects.Length]}核心部件国产化攻关", Leaders[(i + 5) % Leaders.Length], 5_000_000m,
                1_000_000m, new(2023, 2, 20), County);
            application.Check(true, null, new(2023, 3, 10), now);
            Step(application, ApplicationStatus.Submitted, "check", new(2023, 3, 10), "浙江省科学技术厅");
            application.Publicize(new(2023, 6, 1), ProgramsRules.DefaultNoticeDays, now);
            Step(application, ApplicationStatus.Checked, "publicize", new(2023, 6, 1), "浙江省科学技术厅");
            application.Approve(null, new(2023, 6, 20), now);
            Step(application, ApplicationStatus.Publicizing, "approve", new(2023, 6, 20), "浙江省科学技术厅");
        }
        db.Add(new Target(Region, 2023, ProvincialApprovedIndicator.IndicatorCode, ">=", ProvincialTarget2023, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] Leaders =
        ["王立新", "陈国强", "李海燕", "张伟", "刘建军", "徐晓东", "朱丽华", "周建明", "吴志刚", "郑红", "蒋文斌", "汤晓峰", "何丽萍"];
}
