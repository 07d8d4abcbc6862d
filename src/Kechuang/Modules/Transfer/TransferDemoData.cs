using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Transfer;

/// <summary>
/// The technology-transfer figures of the reply letter (docs/letter-figures.md, A1–A6, S11, T10) as individual records of
/// 武义县 up to the letter's date (2023-07-06): the 17 国家大院名校武义联合技术转移中心 (A2) with their 2022 assessment under
/// the county's scheme and the working funds and rewards paid for it, 163万元 in all (A6); 18 matchmaking events with 325
/// expert attendances (A3); 25 demands collected in two campaigns or posted by 寿仙谷 (A4); 23 cooperations (A5); the
/// seven 2022 institute–county projects, one of them major (S11); 智能制造产业研究院 listed in the 2022 city key-lab list
/// (A1); and the 2023 target of 15 cooperations (T10). Names, days, amounts and values the letter does not give are
/// illustrative. Institutions added here take demo credit numbers from 730001.
/// </summary>
internal sealed class TransferDemoData(IOrganizationDirectory directory) : IDemoData
{
    public const string Region = "330723";
    public const string DevelopmentZone = "330723401";
    public const decimal CooperationTarget2023 = 15m;
    public const string KeyLabName = "智能制造产业研究院";
    public const string KeyLabList = "2022年金华市重点实验室(试点)建设名单";

    /// <summary>Institutions the directory's own demo does not hold: (name, region, address).</summary>
    private static readonly (string Name, string Region, string Address)[] NewInstitutions =
    [
        ("杭州电子科技大学", "330100", "杭州市钱塘区白杨街道2号大街1158号"),
        ("浙江科技大学", "330106", "杭州市西湖区留和路318号"),
        ("浙江工商大学", "330100", "杭州市钱塘区学正街18号"),
        ("浙江中医药大学", "330108", "杭州市滨江区滨文路548号"),
        ("中国科学院宁波材料技术与工程研究所", "330211", "宁波市镇海区中官西路1219号"),
        ("上海大学", "310113", "上海市宝山区上大路99号"),
        ("同济大学", "310110", "上海市杨浦区四平路1239号"),
        ("华东理工大学", "310104", "上海市徐汇区梅陇路130号"),
        ("北京理工大学", "110108", "北京市海淀区中关村南大街5号"),
        ("北京化工大学", "110105", "北京市朝阳区北三环东路15号"),
        ("哈尔滨工业大学", "230103", "哈尔滨市南岗区西大直街92号"),
    ];

    private static readonly string[] ExistingInstitutions = ["浙江大学", "浙江工业大学", "中国计量大学", "浙江师范大学", "浙江农林大学", "浙江理工大学"];

    private static readonly string[] StationFields =
    [
        "智能制造；电机控制", "表面处理；精密加工", "计量检测；质量管理", "茶叶加工；农产品电商", "食用菌；中药材种植", "新材料；纺织复合材料",
        "电子信息；工业互联网", "机械设计；工业设计", "数字营销；文旅融合", "中医药；灵芝孢子粉", "新材料；涂层技术", "自动化；机器人",
        "建筑材料；绿色建造", "化工新材料；萤石深加工", "动力工具；电池管理", "高分子材料；轻量化", "焊接技术；智能装备",
    ];

    /// <summary>Grades the 2022 assessment gives, station by station: five 优秀, seven 良好, four 合格, one 不合格.</summary>
    private static readonly AssessmentGrade[] Grades =
    [
        AssessmentGrade.Excellent, AssessmentGrade.Excellent, AssessmentGrade.Excellent, AssessmentGrade.Excellent, AssessmentGrade.Excellent,
        AssessmentGrade.Good, AssessmentGrade.Good, AssessmentGrade.Good, AssessmentGrade.Good, AssessmentGrade.Good, AssessmentGrade.Good, AssessmentGrade.Good,
        AssessmentGrade.Pass, AssessmentGrade.Pass, AssessmentGrade.Pass, AssessmentGrade.Pass, AssessmentGrade.Fail,
    ];

    private static readonly (string Title, EventMode Mode, DateOnly HeldOn, int Experts, string Place)[] Events =
    [
        ("国家大院名校武义行——智能制造专场对接会", EventMode.Offline, new(2022, 3, 18), 22, "武义县科技创新服务中心"),
        ("浙江大学专家团走进武义电动工具企业", EventMode.Offline, new(2022, 4, 15), 15, "武义经济开发区"),
        ("2022年武义县五金产业技术需求发布会", EventMode.Offline, new(2022, 5, 20), 30, "武义县会展中心"),
        ("新材料领域线上技术对接会", EventMode.Online, new(2022, 6, 10), 12, "线上"),
        ("中医药与灵芝产业专家座谈会", EventMode.Offline, new(2022, 6, 28), 18, "武义县壶山街道"),
        ("长三角高校院所科技成果武义对接会", EventMode.Offline, new(2022, 7, 22), 25, "武义温泉度假区"),
        ("有机茶与宣莲产业技术服务行", EventMode.Offline, new(2022, 8, 19), 16, "武义县柳城畲族镇"),
        ("工业互联网与数字化改造对接会", EventMode.Offline, new(2022, 9, 16), 20, "武义经济开发区"),
        ("萤石深加工技术线上研讨会", EventMode.Online, new(2022, 10, 14), 14, "线上"),
        ("国家大院名校武义行——新材料专场", EventMode.Offline, new(2022, 11, 11), 28, "武义县科技城"),
        ("文旅康养产业专家对接会", EventMode.Offline, new(2022, 12, 9), 10, "武义县熟溪街道"),
        ("2023年企业技术需求线上发布会", EventMode.Online, new(2023, 2, 24), 19, "线上"),
        ("上海高校专家走进武义五金企业", EventMode.Offline, new(2023, 3, 17), 17, "武义县桐琴镇"),
        ("北京高校院所科技成果推介会", EventMode.Offline, new(2023, 4, 7), 21, "武义县科技城"),
        ("电动（园林）工具检测认证技术对接会", EventMode.Offline, new(2023, 4, 28), 13, "武义经济开发区科技城"),
        ("国家大院名校武义行——智能装备专场", EventMode.Offline, new(2023, 5, 19), 24, "武义县科技城研发总部"),
        ("食用菌与中药材种植技术线上培训对接", EventMode.Online, new(2023, 6, 2), 11, "线上"),
        ("高校院所专家企业行（泉溪专场）", EventMode.Offline, new(2023, 6, 21), 10, "武义县泉溪镇"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];

    private static readonly string[] GivenNames = ["建国", "晓东", "海燕", "志强", "丽华", "文斌", "春明", "雪梅", "国平", "立新", "俊杰", "红霞", "永明", "秀英", "卫东", "家豪"];

    private static readonly string[] Titles = ["教授", "研究员", "副教授", "高级工程师", "副研究员"];

    /// <summary>(kind, title, field, budget 元, campaign: 0 none / 1 2022 / 2 2023, collected, final status).</summary>
    private static readonly (DemandKind Kind, string Title, string Field, decimal? Budget, int Campaign, DateOnly CollectedOn, DemandStatus Status)[] Demands =
    [
        (DemandKind.Technology, "锂电池电动工具无刷电机控制算法优化", "智能制造", 800_000m, 1, new(2022, 3, 8), DemandStatus.Cooperating),
        (DemandKind.Technology, "五金件表面无铬钝化处理工艺", "表面处理", 500_000m, 1, new(2022, 3, 10), DemandStatus.Cooperating),
        (DemandKind.Technology, "电动工具噪声与振动检测方法", "检验检测", 300_000m, 1, new(2022, 3, 14), DemandStatus.Closed),
        (DemandKind.Talent, "引进电机设计方向博士1名", "智能制造", null, 1, new(2022, 3, 15), DemandStatus.Cooperating),
        (DemandKind.Technology, "灵芝孢子粉破壁工艺提质增效", "生物医药", 1_200_000m, 1, new(2022, 3, 18), DemandStatus.Cooperating),
        (DemandKind.Technology, "有机茶自动化揉捻设备改进", "农产品加工", 200_000m, 1, new(2022, 3, 22), DemandStatus.Cooperating),
        (DemandKind.Technology, "萤石尾矿综合利用技术", "新材料", 1_500_000m, 1, new(2022, 3, 25), DemandStatus.Matched),
        (DemandKind.Talent, "柔性引进数字化改造技术团队", "工业互联网", null, 1, new(2022, 3, 29), DemandStatus.Cooperating),
        (DemandKind.Technology, "不锈钢保温杯激光焊接工艺", "焊接技术", 400_000m, 1, new(2022, 4, 1), DemandStatus.Cooperating),
        (DemandKind.Technology, "园林工具锂电池管理系统开发", "电子信息", 600_000m, 1, new(2022, 4, 6), DemandStatus.Closed),
        (DemandKind.Technology, "宣莲深加工产品保鲜技术", "食品加工", 150_000m, 1, new(2022, 4, 12), DemandStatus.Matched),
        (DemandKind.Talent, "引进材料学专业硕士以上人才2名", "新材料", null, 1, new(2022, 4, 18), DemandStatus.Open),
        (DemandKind.Technology, "门窗五金件轻量化结构设计", "机械设计", 350_000m, 1, new(2022, 4, 20), DemandStatus.Cooperating),
        (DemandKind.Technology, "温泉康养产品功效评价", "文旅康养", 250_000m, 1, new(2022, 4, 26), DemandStatus.Closed),
        (DemandKind.Technology, "铝合金压铸件气孔缺陷控制", "精密加工", 450_000m, 1, new(2022, 4, 28), DemandStatus.Cooperating),
        (DemandKind.Technology, "电动工具齿轮箱寿命提升", "智能制造", 500_000m, 2, new(2023, 2, 20), DemandStatus.Matched),
        (DemandKind.Talent, "引进工业机器人应用工程师", "自动化", null, 2, new(2023, 2, 23), DemandStatus.Open),
        (DemandKind.Technology, "中药材种植病虫害绿色防控", "中药材", 180_000m, 2, new(2023, 2, 28), DemandStatus.Cooperating),
        (DemandKind.Technology, "五金产品外观智能视觉检测", "机器视觉", 700_000m, 2, new(2023, 3, 3), DemandStatus.Matched),
        (DemandKind.Technology, "电池包热失控防护设计", "电子信息", 900_000m, 2, new(2023, 3, 9), DemandStatus.Open),
        (DemandKind.Talent, "引进高分子材料博士1名", "新材料", null, 2, new(2023, 3, 15), DemandStatus.Open),
        (DemandKind.Technology, "茶叶加工废料综合利用", "农产品加工", 120_000m, 2, new(2023, 3, 21), DemandStatus.Matched),
        (DemandKind.Technology, "智能割草机导航定位技术", "智能制造", 1_000_000m, 2, new(2023, 3, 28), DemandStatus.Open),
        (DemandKind.Technology, "灵芝三萜类成分检测方法标准化", "生物医药", 600_000m, 0, new(2023, 5, 8), DemandStatus.Cooperating),
        (DemandKind.Talent, "引进中药学方向博士后1名", "生物医药", null, 0, new(2023, 5, 16), DemandStatus.Open),
    ];

    /// <summary>Cooperations that did not come from a demand: (title, kind, amount 元, signed, event index or -1).</summary>
    private static readonly (string Title, CooperationKind Kind, decimal? Amount, DateOnly SignedOn, int Event)[] OtherCooperations =
    [
        ("电动工具智能制造联合研发中心共建", CooperationKind.JointPlatform, 1_000_000m, new(2022, 4, 25), 0),
        ("五金件精密冲压模具委托开发", CooperationKind.CommissionedDevelopment, 280_000m, new(2022, 6, 8), 2),
        ("新型保温材料配方技术转让", CooperationKind.Transfer, 350_000m, new(2022, 7, 5), 3),
        ("工业互联网平台建设技术服务", CooperationKind.Consulting, 120_000m, new(2022, 10, 12), 7),
        ("纺织复合材料联合实验室共建", CooperationKind.JointPlatform, 800_000m, new(2022, 12, 2), 9),
        ("文旅康养产品开发技术咨询", CooperationKind.Consulting, 60_000m, new(2022, 12, 20), 10),
        ("园林工具数字化设计人才合作", CooperationKind.TalentCooperation, null, new(2023, 3, 30), 12),
        ("智能装备控制系统合作开发", CooperationKind.JointDevelopment, 650_000m, new(2023, 4, 20), 13),
        ("检测认证能力提升技术服务", CooperationKind.Consulting, 90_000m, new(2023, 5, 12), 14),
        ("机器人焊接工作站委托开发", CooperationKind.CommissionedDevelopment, 420_000m, new(2023, 6, 9), 15),
        ("食用菌菌种选育合作开发", CooperationKind.JointDevelopment, 150_000m, new(2023, 6, 26), 16),
    ];

    public int Order => 60;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;

        // Institutions: the directory's six and eleven more (杭州, 宁波, 上海, 北京, 哈尔滨).
        var institutions = new List<Guid>();
        foreach (var name in ExistingInstitutions)
        {
            var found = await directory.FindByNameAsync(name, cancellationToken);
            institutions.Add(found?.Id ?? await directory.AddAsync(new NewOrganization(name, OrganizationKind.Institution,
                DemoCodes.CreditCode("330100", 730_100 + institutions.Count), "330100"), cancellationToken));
        }
        for (var i = 0; i < NewInstitutions.Length; i++)
        {
            var (name, region, address) = NewInstitutions[i];
            institutions.Add(await directory.AddAsync(new NewOrganization(name, OrganizationKind.Institution, DemoCodes.CreditCode(region, 730_001 + i), region, address), cancellationToken));
        }
        // Names as listed: the new institutions are not saved yet, so the directory cannot name them.
        var names = institutions.Zip(ExistingInstitutions.Concat(NewInstitutions.Select(n => n.Name))).ToDictionary(p => p.First, p => p.Second);

        // A2: 17 国家大院名校武义联合技术转移中心, opened 2019–2022.
        var stations = new List<TransferStation>();
        for (var i = 0; i < institutions.Count; i++)
        {
            var station = new TransferStation(new StationFacts($"{names[institutions[i]]}武义技术转移中心", institutions[i], i % 3 == 0 ? DevelopmentZone : Region,
                new DateOnly(2019 + (i % 4), 3 + (i % 9), 10 + (i % 15)), $"{Surnames[i]}{GivenNames[i % GivenNames.Length]}（站长）；{Surnames[(i + 7) % Surnames.Length]}{GivenNames[(i + 3) % GivenNames.Length]}",
                StationFields[i], $"0579-8766{1000 + (i * 37):D4}"), now);
            db.Add(station);
            stations.Add(station);
        }

        // A6: the 2022 assessment under the county's scheme, and the funds and rewards paid for it in 2023.
        var scheme = new AssessmentScheme(Region, 2022, new SchemeFacts("武义县技术转移中心（工作站）2022年度绩效考核办法",
        [
            new(AssessmentIndicator.Projects, 4m, 30m),
            new(AssessmentIndicator.SignedAmount, 0.5m, 25m),
            new(AssessmentIndicator.Activities, 3m, 15m),
            new(AssessmentIndicator.Visits, 0.5m, 20m),
            new(AssessmentIndicator.Awards, 5m, 10m),
        ], 85m, 70m, 60m), now);
        db.Add(scheme);
        for (var i = 0; i < stations.Count; i++)
        {
            var values = Grades[i] switch
            {
                AssessmentGrade.Excellent => new AssessmentValues(8 + (i % 3), Money.ToFen(600_000m + (i * 50_000m)), 6, 30 + i, 1),
                AssessmentGrade.Good => new AssessmentValues(5, Money.ToFen(400_000m + (i * 10_000m)), 4, 30, 1),
                AssessmentGrade.Pass => new AssessmentValues(4, Money.ToFen(300_000m), 3, 24, 2),
                _ => new AssessmentValues(1, Money.ToFen(50_000m), 2, 10, 0),
            };
            var score = AssessmentRules.Score(values, scheme.Items);
            var grade = AssessmentRules.Grade(score, scheme.Facts);
            var assessment = new StationAssessment(stations[i], 2022, scheme.Id, values, score, grade, grade == AssessmentGrade.Fail ? "年度任务未完成，限期整改" : null, now);
            db.Add(assessment);
            var paidOn = new DateOnly(2023, 3 + (i % 4), 15);
            db.Add(new StationPayment(stations[i], assessment.Id, StationPaymentKind.WorkingFunds, Money.ToFen(grade == AssessmentGrade.Fail ? 20_000m : 50_000m), paidOn,
                "2022年度工作经费", now));
            decimal? reward = grade switch
            {
                AssessmentGrade.Excellent => 80_000m,
                AssessmentGrade.Good => 50_000m,
                AssessmentGrade.Pass => 15_000m,
                _ => null,
            };
            if (reward is { } r)
            {
                db.Add(new StationPayment(stations[i], assessment.Id, StationPaymentKind.Reward, Money.ToFen(r), paidOn.AddDays(10),
                    $"2022年度考核{AssessmentRules.GradeNames[grade]}奖励", now));
            }
        }

        // Enterprises of the county that take part: the directory's named ones first, then the population's.
        var enterprises = (await directory.ListAsync(OrganizationKind.Enterprise, cancellationToken))
            .Where(o => o.RegionCode.StartsWith(Region, StringComparison.Ordinal)).OrderBy(o => o.CreditCode, StringComparer.Ordinal).ToList();
        var shouxiangu = enterprises.FirstOrDefault(o => o.Name == "浙江寿仙谷医药股份有限公司");
        var named = enterprises.Where(o => o.Name is "武义县恒达电动工具有限公司" or "浙江泉溪五金制品有限公司" or "浙江科兴电动工具检测有限公司").ToList();
        var pool = named.Concat(enterprises.Where(o => !named.Contains(o) && o != shouxiangu)).ToList();
        OrganizationInfo Enterprise(int i) => pool[i % pool.Count];

        // A3: 18 events, 325 expert attendances (one row per expert per event).
        var events = new List<MatchmakingEvent>();
        var expert = 0;
        for (var e = 0; e < Events.Length; e++)
        {
            var (title, mode, heldOn, experts, place) = Events[e];
            var station = stations[e % stations.Count];
            var matchmaking = new MatchmakingEvent(new EventFacts(title, mode, heldOn, e % 2 == 0 ? DevelopmentZone : Region, place,
                $"武义县科学技术局；{station.Name}", station.Id, $"邀请高校院所专家{experts}人次与县内企业开展技术对接。"), now);
            db.Add(matchmaking);
            events.Add(matchmaking);
            var seen = new HashSet<string>();
            for (var k = 0; k < experts; k++, expert++)
            {
                var name = $"{Surnames[expert % Surnames.Length]}{GivenNames[(expert / Surnames.Length + k) % GivenNames.Length]}";
                while (!seen.Add(name))
                {
                    name += "明";
                }
                db.Add(new ExpertAttendance(matchmaking, name, institutions[(e + k) % institutions.Count], Titles[(expert + k) % Titles.Length], now));
            }
            for (var k = 0; k < 3 + (e % 4); k++)
            {
                db.Add(new EventEnterprise(matchmaking, Enterprise((e * 3) + k).Id, now));
            }
        }

        // A4: 25 demands, 23 collected in the two campaigns and two posted by 寿仙谷 itself.
        var campaign2022 = new DemandCampaign("2022年武义县企业技术和人才需求征集", Region, new DateOnly(2022, 3, 1), new DateOnly(2022, 4, 30), now);
        var campaign2023 = new DemandCampaign("2023年武义县企业技术和人才需求征集", Region, new DateOnly(2023, 2, 15), new DateOnly(2023, 3, 31), now);
        db.Add(campaign2022);
        db.Add(campaign2023);
        var cooperations = 0;
        for (var d = 0; d < Demands.Length; d++)
        {
            var (kind, title, field, budget, campaign, collectedOn, status) = Demands[d];
            var enterprise = campaign == 0 || title.Contains("灵芝", StringComparison.Ordinal) ? shouxiangu ?? Enterprise(d) : Enterprise(d);
            var demand = new Demand(enterprise.Id, enterprise.RegionCode, new DemandFacts(kind, title,
                $"{enterprise.Name}提出：{title}，希望与高校院所开展合作。", field, budget is { } b ? Money.ToFen(b) : null, collectedOn.AddMonths(10), collectedOn,
                campaign switch { 1 => campaign2022.Id, 2 => campaign2023.Id, _ => null }), campaign == 0, now);
            if (status != DemandStatus.Open)
            {
                demand.MoveTo(status, now);
            }
            db.Add(demand);
            // A5: demands that led to an agreement (合作中, or closed after one) carry their cooperation.
            if (status == DemandStatus.Cooperating || (status == DemandStatus.Closed && d != 13))
            {
                var signedOn = collectedOn.AddDays(20 + d);
                var eventIndex = events.FindLastIndex(e => e.HeldOn <= signedOn);
                db.Add(new Cooperation(new CooperationFacts($"{title}合作项目", enterprise.Id, institutions[(d * 5) % institutions.Count],
                    kind == DemandKind.Talent ? CooperationKind.TalentCooperation : (d % 2 == 0 ? CooperationKind.CommissionedDevelopment : CooperationKind.JointDevelopment),
                    budget is { } amount ? Money.ToFen(amount * 0.8m) : null, signedOn, demand.Id, eventIndex >= 0 ? events[eventIndex].Id : null,
                    stations[(d * 5) % stations.Count].Id, null, $"围绕“{title}”开展合作。"), enterprise.RegionCode, now));
                cooperations++;
            }
        }
        for (var c = 0; c < OtherCooperations.Length; c++)
        {
            var (title, kind, amount, signedOn, eventIndex) = OtherCooperations[c];
            var enterprise = Enterprise(40 + (c * 7));
            var institution = institutions[(c * 3 + 1) % institutions.Count];
            db.Add(new Cooperation(new CooperationFacts(title, enterprise.Id, institution, kind, amount is { } a ? Money.ToFen(a) : null, signedOn, null,
                eventIndex >= 0 ? events[eventIndex].Id : null, stations.First(s => s.InstitutionId == institution).Id, null, null), enterprise.RegionCode, now));
            cooperations++;
        }

        // S11: seven institute–county projects approved in 2022, one of them major.
        (string Name, int Institution, bool Major, decimal Funding, DateOnly ApprovedOn)[] projects =
        [
            ("武义县智能制造产业研究院共建", 1, true, 5_000_000m, new(2022, 5, 18)),
            ("电动工具关键零部件轻量化技术研究", 0, false, 800_000m, new(2022, 6, 9)),
            ("武义有机茶品质提升与标准化加工", 4, false, 500_000m, new(2022, 6, 23)),
            ("灵芝孢子粉功效成分评价研究", 10, false, 600_000m, new(2022, 7, 14)),
            ("萤石资源高值化利用技术", 11, false, 700_000m, new(2022, 8, 30)),
            ("五金制品智能检测装备研制", 2, false, 450_000m, new(2022, 9, 22)),
            ("宣莲种质资源保护与新品种选育", 3, false, 300_000m, new(2022, 11, 3)),
        ];
        foreach (var (name, institution, major, funding, approvedOn) in projects)
        {
            db.Add(new InstituteCountyProject(new ProjectFacts(name, institutions[institution], null, Region, approvedOn, major, Money.ToFen(funding), null), now));
        }

        // A1: 智能制造产业研究院 listed in the 2022 city key-lab list.
        var lab = new KeyLab(new KeyLabFacts(KeyLabName, KeyLabKind.IndustryInstitute, DevelopmentZone, institutions[1], institutions[1], "电动工具；智能装备；工业互联网",
            new DateOnly(2021, 10, 18)), now);
        db.Add(lab);
        db.Add(new KeyLabRecognition(lab, RecognitionStep.Listed, KeyLabLevel.City, new DateOnly(2022, 12, 16), KeyLabList, now));

        // T10: 力争达成校企科技合作15项 (2023).
        db.Add(new Target(Region, 2023, CooperationCountIndicator.IndicatorCode, ">=", CooperationTarget2023, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
