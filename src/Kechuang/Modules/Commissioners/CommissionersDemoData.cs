using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Commissioners;

/// <summary>
/// 武义县's commissioners from 2022 to the reply letter's date (2023-07-06) as individual records (docs/letter-figures.md,
/// S1–S4 and S10): 15 dispatches to the county's towns, 5 needs surveyed for provincial commissioners, 12 provincial and 3
/// county commissioner projects, 5 trainings with 152 trainees, 52 varieties introduced, 8 000 亩 promoted, 40 pairing visits
/// and 12 technical helps. Names of farms and farmers, dates, funding and the split among commissioners are illustrative.
/// Dispatching units added here take demo credit numbers 610001–610099.
/// </summary>
internal sealed class CommissionersDemoData(IOrganizationDirectory directory, IPersonDirectory people) : IDemoData
{
    public const string Region = "330723";
    public static readonly DateOnly LetterDate = new(2023, 7, 6);

    private sealed record Dispatch(string Name, string Unit, string Title, string Fields, CommissionerKind Kind, CommissionerLevel Level,
        string Town, string Industry, DateOnly Start, DateOnly End);

    private static readonly DateOnly ProvincialStart = new(2022, 4, 1);
    private static readonly DateOnly ProvincialEnd = new(2024, 3, 31);
    private static readonly DateOnly CountyStart = new(2022, 1, 1);
    private static readonly DateOnly CountyEnd = new(2023, 12, 31);

    /// <summary>The twelve provincial dispatches first (one project each), then the three county ones.</summary>
    private static readonly Dispatch[] Dispatches =
    [
        new("周丽娟", "浙江师范大学", "副研究员", "茶叶加工；农产品电商", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723107", "茶叶", ProvincialStart, ProvincialEnd),
        new("陈志刚", "浙江农林大学", "副教授", "食用菌栽培；中药材种植", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723106", "食用菌", ProvincialStart, ProvincialEnd),
        new("吴建新", "浙江省农业科学院", "研究员", "铁皮石斛育种与栽培", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723103", "铁皮石斛", ProvincialStart, ProvincialEnd),
        new("林晓东", "浙江大学", "副教授", "设施蔬菜；土壤改良", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723110", "蔬菜", ProvincialStart, ProvincialEnd),
        new("黄素芬", "浙江省农业科学院", "副研究员", "果树栽培；桃、葡萄", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723113", "水果", ProvincialStart, ProvincialEnd),
        new("金伟", "浙江农林大学", "教授", "中药材规范化种植", CommissionerKind.Team, CommissionerLevel.Provincial, "330723108", "中药材", ProvincialStart, ProvincialEnd),
        new("潘国庆", "浙江农林大学", "教授", "法人科技特派员联络；农业产业规划", CommissionerKind.LegalPerson, CommissionerLevel.Provincial, "330723002", "现代农业", ProvincialStart, ProvincialEnd),
        new("方丽萍", "浙江省农业科学院", "研究员", "水稻育种；稻田综合种养", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723104", "粮油", ProvincialStart, ProvincialEnd),
        new("郑海涛", "浙江大学", "副教授", "茶树栽培与病虫害绿色防控", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723109", "茶叶", ProvincialStart, ProvincialEnd),
        new("何晓燕", "浙江师范大学", "讲师", "食用菌深加工", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723111", "食用菌", ProvincialStart, ProvincialEnd),
        new("徐志明", "金华市农业科学研究院", "高级农艺师", "高山蔬菜；辣椒、茄子", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723114", "蔬菜", ProvincialStart, ProvincialEnd),
        new("蒋文斌", "浙江农林大学", "副教授", "宣莲、香榧等特色经济作物", CommissionerKind.Individual, CommissionerLevel.Provincial, "330723105", "特色经济作物", ProvincialStart, ProvincialEnd),
        new("钟玉兰", "金华市农业科学研究院", "农艺师", "草莓、葡萄设施栽培", CommissionerKind.Individual, CommissionerLevel.County, "330723101", "水果", CountyStart, CountyEnd),
        new("雷春生", "金华市农业科学研究院", "高级农艺师", "畲乡高山茶；茶叶加工", CommissionerKind.Individual, CommissionerLevel.County, "330723112", "茶叶", CountyStart, CountyEnd),
        new("朱红英", "浙江师范大学", "副教授", "铁皮石斛、灵芝深加工", CommissionerKind.Individual, CommissionerLevel.County, "330723102", "铁皮石斛", CountyStart, CountyEnd),
    ];

    private static readonly (int Dispatch, int Year, string Title, decimal Funding, string Goals, string Results)[] Projects =
    [
        (0, 2022, "柳城高山茶园绿色防控与名优茶加工技术示范", 50_000m, "建立绿色防控示范茶园200亩，培训茶农50人次", "示范茶园农药使用量下降30%"),
        (1, 2022, "大田乡香菇菌棒标准化生产技术推广", 50_000m, "推广香菇新品种3个，菌棒标准化生产10万棒", "菌棒成品率提高到95%"),
        (2, 2022, "铁皮石斛仿野生栽培技术集成与示范", 50_000m, "建立仿野生栽培示范基地50亩", "亩均效益提高20%"),
        (3, 2022, "西联乡高山蔬菜连作障碍治理与轮作示范", 50_000m, "示范轮作模式2套，改良土壤300亩", "示范区蔬菜亩产提高15%"),
        (4, 2022, "白姆乡桃、葡萄避雨栽培技术推广", 50_000m, "推广避雨栽培150亩，引进新品种5个", "优质果率提高25%"),
        (5, 2022, "新宅镇浙贝母、白术规范化种植技术示范", 50_000m, "建立规范化种植示范基地100亩", "药材有效成分含量达药典标准"),
        (6, 2022, "武义县农业科技服务体系建设（法人科技特派员）", 100_000m, "共建实验室1个，派驻科研团队服务全县主导产业", "联合开展技术攻关3项"),
        (7, 2022, "履坦镇稻渔综合种养技术示范", 50_000m, "示范稻渔综合种养200亩", "亩均增收800元"),
        (8, 2023, "俞源乡茶园病虫害绿色防控技术推广", 50_000m, "推广绿色防控技术300亩", "在实施"),
        (9, 2023, "三港乡食用菌菌渣资源化利用技术研究", 50_000m, "形成菌渣还田、制肥技术规程1项", "在实施"),
        (10, 2023, "大溪口乡高山辣椒、茄子新品种引进与示范", 50_000m, "引进新品种6个，示范种植120亩", "在实施"),
        (11, 2023, "茭道镇宣莲提质增效栽培技术示范", 50_000m, "示范宣莲新品种及配套栽培100亩", "在实施"),
        (12, 2022, "桐琴镇草莓设施栽培技术推广", 30_000m, "推广设施草莓新品种2个", "亩产提高18%"),
        (13, 2022, "坦洪乡畲乡高山茶品质提升技术示范", 30_000m, "改造低产茶园100亩", "名优茶比例提高到40%"),
        (14, 2023, "泉溪镇铁皮石斛深加工产品开发", 30_000m, "开发石斛花茶、石斛饮片等产品2个", "在实施"),
    ];

    private static readonly (int Dispatch, DateOnly Day, string Place, string Topic, int Trainees)[] Trainings =
    [
        (0, new(2022, 5, 18), "柳城畲族镇文化礼堂", "高山茶园病虫害绿色防控技术培训", 28),
        (1, new(2022, 9, 22), "大田乡农民学校", "香菇菌棒标准化生产技术培训", 35),
        (2, new(2022, 11, 10), "王宅镇铁皮石斛基地", "铁皮石斛仿野生栽培管理培训", 30),
        (4, new(2023, 3, 16), "白姆乡村民活动中心", "桃树避雨栽培与修剪技术培训", 32),
        (3, new(2023, 5, 25), "西联乡农技服务站", "高山蔬菜轮作与测土配方施肥培训", 27),
    ];

    /// <summary>The 52 varieties introduced: (dispatch, variety, crop, source).</summary>
    private static readonly (int Dispatch, string Variety, string Crop, string Source)[] Varieties =
    [
        (0, "中茶108", "茶叶", "中国农业科学院茶叶研究所"), (0, "龙井43", "茶叶", "中国农业科学院茶叶研究所"), (0, "白叶1号", "茶叶", "安吉县"),
        (0, "黄金芽", "茶叶", "余姚市"), (0, "嘉茗1号", "茶叶", "永嘉县"), (0, "浙农117", "茶叶", "浙江大学"),
        (8, "丽早香", "茶叶", "丽水市农业科学研究院"), (8, "春雨一号", "茶叶", "武义县"), (8, "中黄1号", "茶叶", "中国农业科学院茶叶研究所"),
        (13, "中黄2号", "茶叶", "中国农业科学院茶叶研究所"), (13, "鸠坑种", "茶叶", "淳安县"),
        (1, "香菇L808", "食用菌", "丽水市农业科学研究院"), (1, "庆科20", "食用菌", "庆元县食用菌科研中心"), (1, "香菇937", "食用菌", "庆元县食用菌科研中心"),
        (1, "香菇241-4", "食用菌", "浙江省农业科学院"), (9, "仙芝1号", "食用菌（灵芝）", "浙江寿仙谷医药股份有限公司"), (9, "仙芝2号", "食用菌（灵芝）", "浙江寿仙谷医药股份有限公司"),
        (9, "黑木耳新科", "食用菌", "浙江省农业科学院"), (9, "大球盖菇", "食用菌", "福建省农业科学院"), (9, "羊肚菌六妹", "食用菌", "四川省农业科学院"),
        (2, "森山1号", "铁皮石斛", "浙江森宇有限公司"), (2, "仙斛2号", "铁皮石斛", "浙江寿仙谷医药股份有限公司"), (2, "天斛1号", "铁皮石斛", "浙江天皇药业有限公司"),
        (14, "仙斛3号", "铁皮石斛", "浙江寿仙谷医药股份有限公司"), (14, "晶品1号", "铁皮石斛", "金华市农业科学研究院"),
        (3, "浙粉702", "番茄", "浙江省农业科学院"), (3, "浙杂503", "茄子", "浙江省农业科学院"), (3, "浙蒲6号", "瓠瓜", "浙江省农业科学院"),
        (10, "浙椒3号", "辣椒", "浙江省农业科学院"), (10, "之豇108", "豇豆", "浙江省农业科学院"), (10, "浙茄10号", "茄子", "浙江省农业科学院"),
        (10, "杭椒12号", "辣椒", "杭州市农业科学研究院"), (3, "浙农早丰", "花椰菜", "浙江省农业科学院"), (10, "浙研秋黄", "南瓜", "浙江省农业科学院"),
        (4, "阳光玫瑰", "葡萄", "金华市农业科学研究院"), (4, "红美人", "柑橘", "象山县"), (4, "湖景蜜露", "桃", "浙江省农业科学院"),
        (4, "翠冠", "梨", "浙江省农业科学院"), (12, "红颊", "草莓", "建德市"), (12, "越心", "草莓", "浙江省农业科学院"), (12, "夏黑", "葡萄", "金华市农业科学研究院"),
        (7, "甬优1540", "水稻", "宁波市种子有限公司"), (7, "中浙优8号", "水稻", "中国水稻研究所"), (7, "嘉丰优2号", "水稻", "嘉兴市农业科学研究院"),
        (7, "浙粳优1578", "水稻", "浙江省农业科学院"), (5, "浙贝1号", "浙贝母", "浙江省中药研究所"), (5, "浙术1号", "白术", "浙江省中药研究所"),
        (5, "浙胡1号", "元胡", "浙江省中药研究所"), (5, "温郁金1号", "温郁金", "温州市农业科学研究院"), (11, "太空莲36号", "宣莲", "广昌县白莲科学研究所"),
        (11, "建选17号", "宣莲", "建宁县"), (11, "细榧优株1号", "香榧", "浙江农林大学"),
    ];

    /// <summary>推广面积 records: (dispatch, day, variety, 亩, place); 8 000 亩 in all.</summary>
    private static readonly (int Dispatch, DateOnly Day, string Variety, decimal Mu, string Place)[] Areas =
    [
        (0, new(2022, 10, 15), "中茶108", 1_200m, "柳城畲族镇"), (8, new(2023, 4, 20), "丽早香", 850m, "俞源乡"),
        (13, new(2022, 11, 8), "鸠坑种", 600m, "坦洪乡"), (1, new(2022, 12, 6), "香菇L808", 450.5m, "大田乡"),
        (9, new(2023, 3, 28), "黑木耳新科", 349.5m, "三港乡"), (2, new(2022, 8, 30), "仙斛2号", 720m, "王宅镇"),
        (3, new(2022, 9, 14), "浙粉702", 500m, "西联乡"), (10, new(2023, 5, 12), "浙椒3号", 380m, "大溪口乡"),
        (4, new(2022, 10, 26), "湖景蜜露", 620m, "白姆乡"), (12, new(2022, 12, 20), "红颊", 300m, "桐琴镇"),
        (7, new(2022, 7, 8), "甬优1540", 410m, "履坦镇"), (5, new(2022, 11, 18), "浙贝1号", 260m, "新宅镇"),
        (11, new(2023, 6, 2), "太空莲36号", 530m, "茭道镇"), (6, new(2023, 4, 11), "中浙优8号", 330m, "熟溪街道"),
        (14, new(2023, 2, 22), "仙斛3号", 200m, "泉溪镇"), (4, new(2023, 6, 15), "阳光玫瑰", 300m, "白姆乡"),
    ];

    private static readonly string[] Farmers =
    [
        "李根富（茶农）", "王福林（菇农）", "张秋英（家庭农场）", "徐金水（种粮大户）", "武义县更香茶业合作社", "钟春花（畲族茶农）",
        "蓝小明（果农）", "武义县大田香菇专业合作社", "邵建平（石斛种植户）", "吴有财（菜农）", "朱美玲（家庭农场）", "武义县白姆桃园家庭农场",
        "陈德兴（药农）", "武义县宣莲专业合作社", "雷永福（畲族茶农）", "何冬梅（菇农）", "武义县西联高山蔬菜合作社", "汤建军（果农）",
        "周桂香（家庭农场）", "武义县新宅中药材合作社",
    ];

    private static readonly string[] VisitTopics =
    [
        "春茶采摘与加工指导", "菌棒越夏管理", "石斛病害防治", "高山蔬菜育苗", "果园修剪与疏果", "中药材田间管理", "稻田除草与施肥", "夏秋茶园管理",
    ];

    private static readonly string[] HelpTopics =
    [
        "茶叶炒制设备调试与工艺改进", "香菇烂棒原因诊断与处置", "石斛大棚温湿度控制方案", "辣椒疫病综合防治", "葡萄裂果问题诊断",
        "浙贝母种茎贮藏技术", "稻田综合种养水位管理", "茶园土壤酸化改良方案", "菌渣堆肥发酵技术指导", "宣莲病虫害绿色防控",
        "草莓设施大棚通风与补光", "石斛花茶烘干工艺",
    ];

    public int Order => 55;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var units = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var number = 610_000;
        foreach (var (name, region) in new[] { ("浙江师范大学", "330702"), ("浙江农林大学", "330110"), ("浙江大学", "330106"), ("浙江省农业科学院", "330102"), ("金华市农业科学研究院", "330702") })
        {
            units[name] = (await directory.FindByNameAsync(name, cancellationToken))?.Id
                ?? await directory.AddAsync(new NewOrganization(name, OrganizationKind.Institution, DemoCodes.CreditCode(Region, ++number), region), cancellationToken);
        }
        // The directory checks a new person's organisation in the database: the units added above are saved first.
        await db.SaveChangesAsync(cancellationToken);
        var known = (await people.ListCommissionersAsync(cancellationToken)).ToLookup(p => p.Name, StringComparer.Ordinal);
        var commissioners = new List<Commissioner>();
        foreach (var d in Dispatches)
        {
            var personId = known[d.Name].FirstOrDefault()?.Id
                ?? await people.AddAsync(new NewPerson(d.Name, "科技特派员", units[d.Unit], Region, d.Title, d.Fields), cancellationToken);
            var commissioner = new Commissioner(new CommissionerFacts(personId, d.Kind, d.Level, units[d.Unit], d.Town, d.Industry, d.Start, d.End,
                d.Start.AddDays(-10)), now);
            db.Add(commissioner);
            commissioners.Add(commissioner);
        }

        // S1: 摸底省派科技特派员需求5个.
        var shouxiangu = await directory.FindByNameAsync("浙江寿仙谷医药股份有限公司", cancellationToken);
        (DateOnly Day, string Town, Guid? Enterprise, string Industry, string Need, NeedStatus Status, int? Dispatch)[] needs =
        [
            (new(2022, 3, 10), "330723107", null, "茶叶", "高山茶园病虫害绿色防控及名优茶机械化加工技术", NeedStatus.Resolved, 0),
            (new(2022, 3, 15), "330723103", null, "铁皮石斛", "铁皮石斛仿野生栽培及种苗繁育技术", NeedStatus.Matched, 2),
            (new(2022, 3, 18), "330723106", null, "食用菌", "香菇菌棒标准化生产和烂棒防控技术", NeedStatus.Resolved, 1),
            (new(2023, 2, 20), "330723401", shouxiangu?.Id, "中药材", "灵芝、铁皮石斛有效成分提升与深加工技术", NeedStatus.Matched, 14),
            (new(2023, 3, 8), "330723110", null, "蔬菜", "高山蔬菜连作障碍治理与轮作模式", NeedStatus.Open, null),
        ];
        foreach (var n in needs)
        {
            db.Add(new NeedsSurvey(new NeedFacts(n.Day, n.Town, n.Enterprise, n.Industry, n.Need, n.Status, n.Dispatch is { } i ? commissioners[i].Id : null), now));
        }

        // S2: 新增省级科技特派员项目12个, 县级科技特派员项目3个.
        foreach (var p in Projects)
        {
            var c = commissioners[p.Dispatch];
            var level = c.Level == CommissionerLevel.Provincial ? ProjectLevel.Provincial : ProjectLevel.County;
            db.Add(new CommissionerProject(new ProjectFacts(c.Id, level, p.Year, p.Title, p.Funding, p.Goals, p.Results), c.RegionCode, now));
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        void Service(int dispatch, ServiceKind kind, DateOnly day, string? place = null, string? topic = null, int? trainees = null, string? signIn = null,
            string? variety = null, string? crop = null, string? source = null, decimal? mu = null, PairingCampaign? campaign = null, string? served = null,
            bool confirmed = false)
        {
            var c = commissioners[dispatch];
            string? code = null;
            if (kind is ServiceKind.Visit or ServiceKind.TechnicalAssistance)
            {
                do
                {
                    code = ServiceRules.NewCode();
                }
                while (!codes.Add(code));
            }
            var record = new ServiceRecord(new ServiceFacts(c.Id, kind, day, place, topic, trainees, signIn, variety, crop, source, mu, campaign, served), c.RegionCode, code, now);
            if (confirmed)
            {
                record.Confirm("服务对象（确认码）", now);
            }
            db.Add(record);
        }

        // S3: 组织开展农业科技培训5场次, 参训农民150余人次 (152).
        foreach (var t in Trainings)
        {
            Service(t.Dispatch, ServiceKind.Training, t.Day, t.Place, t.Topic, t.Trainees, signIn: "签到表原件存乡镇农技站");
        }

        // S4: 引进农业新品种52个 (one record per variety), 推广农业新品种面积0.8万亩.
        for (var i = 0; i < Varieties.Length; i++)
        {
            var v = Varieties[i];
            var start = commissioners[v.Dispatch].TermStart;
            Service(v.Dispatch, ServiceKind.VarietyIntroduction, start.AddDays(20 + (i * 7 % 400)), variety: v.Variety, crop: v.Crop, source: v.Source);
        }
        foreach (var a in Areas)
        {
            Service(a.Dispatch, ServiceKind.PromotedArea, a.Day, a.Place, variety: a.Variety, mu: a.Mu);
        }

        // S10: 累计参与结对帮扶走访40人次, 完成技术帮扶12次; the last few visits are still waiting for their confirmation.
        for (var i = 0; i < 40; i++)
        {
            var dispatch = i % 12;
            var day = new DateOnly(2022, 5, 6).AddDays(i * 10);
            Service(dispatch, ServiceKind.Visit, day, place: commissioners[dispatch].Industry + "基地", topic: VisitTopics[i % VisitTopics.Length],
                campaign: i % 4 == 3 ? PairingCampaign.HundredTeams : PairingCampaign.ThousandTeams, served: Farmers[i % Farmers.Length], confirmed: i < 36);
        }
        for (var i = 0; i < 12; i++)
        {
            var dispatch = (i * 5) % Dispatches.Length;
            var day = new DateOnly(2022, 6, 15).AddDays(i * 33);
            Service(dispatch, ServiceKind.TechnicalAssistance, day, topic: HelpTopics[i], campaign: PairingCampaign.ThousandTeams,
                served: Farmers[(i * 3 + 1) % Farmers.Length], confirmed: i < 10);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
