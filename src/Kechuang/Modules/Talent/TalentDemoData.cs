using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Talent;

/// <summary>
/// The talent work of the reply letter as individual records of 武义县 (docs/letter-figures.md A10, A11, T8, T12): eleven
/// applications of the 2022 rounds, two of them approved by 国家千人计划 before the letter's date (A10); eight PhDs
/// recommended in the 2022 百博入企 round (A11), with the enterprises' demands and the placements that started; four
/// applications of the 2023 rounds (T12, ≥3: met) and the talents with a doctorate or above introduced in 2022 and 2023
/// (T8, 2 in 2023: met); plus the two 2023 targets. Names of people, employers' new enterprises, dates and disciplines
/// the letter does not give are illustrative. New enterprises take demo credit numbers 620001–620099.
/// </summary>
internal sealed class TalentDemoData(IOrganizationDirectory organizations, IPersonDirectory people) : IDemoData
{
    public const string Region = "330723";
    public const string DevelopmentZone = "330723401";
    public const decimal IntroducedTarget2023 = 2m;
    public const decimal ApplicationsTarget2023 = 3m;

    private const string National = "国家千人计划（国家海外高层次人才引进计划）";
    private const string NationalSupport = "国家万人计划（国家高层次人才特殊支持计划）";
    private const string ProvincialOverseas = "浙江省海外高层次人才引进计划";
    private const string Kunpeng = "浙江省“鲲鹏行动”计划";
    private const string ProvincialSupport = "浙江省万人计划";
    private const string Shuanglong = "金华市“双龙计划”";

    public int Order => 60;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var programmes = new TalentProgrammes(TalentProgrammes.Defaults);

        async Task<OrganizationInfo> Existing(string name) =>
            await organizations.FindByNameAsync(name, cancellationToken) ?? throw new InvalidOperationException($"demo organisation {name} missing");

        var shouxiangu = await Existing("浙江寿仙谷医药股份有限公司");
        var kexing = await Existing("浙江科兴电动工具检测有限公司");
        var hengda = await Existing("武义县恒达电动工具有限公司");
        var quanxi = await Existing("浙江泉溪五金制品有限公司");
        var zju = await Existing("浙江大学");
        var zjut = await Existing("浙江工业大学");
        var cjlu = await Existing("中国计量大学");
        var zjnu = await Existing("浙江师范大学");
        var zafu = await Existing("浙江农林大学");
        var zstu = await Existing("浙江理工大学");
        var newEnterprises = new Dictionary<string, Guid>();
        var serial = 620_001;
        foreach (var (name, region) in new[]
        {
            ("浙江武义精密传动科技有限公司", DevelopmentZone), ("武义智能园林机械有限公司", "330723101"), ("浙江温泉新材料科技有限公司", DevelopmentZone),
            ("武义县茶语生态农业有限公司", "330723102"),
        })
        {
            newEnterprises[name] = await organizations.AddAsync(new NewOrganization(name, OrganizationKind.Enterprise, DemoCodes.CreditCode(Region, serial++), region,
                "武义县"), cancellationToken);
        }
        // People name their organisation, which the directory looks up in the database.
        await db.SaveChangesAsync(cancellationToken);
        var transmission = newEnterprises["浙江武义精密传动科技有限公司"];
        var garden = newEnterprises["武义智能园林机械有限公司"];
        var materials = newEnterprises["浙江温泉新材料科技有限公司"];
        var tea = newEnterprises["武义县茶语生态农业有限公司"];

        async Task<Guid> Person(string name, string kind, Guid organization, string? title, string? fields) =>
            await people.AddAsync(new NewPerson(name, kind, organization, Region, title, fields), cancellationToken);

        // A10: 培育推荐高端人才申报11项, 其中获批国家千人计划2项 (2022 rounds; the results came before 2023-07-06).
        var applications2022 = new (string Name, Guid Employer, string Programme, DateOnly Recommended, ApplicationResult Result, DateOnly? Decided, string Fields)[]
        {
            ("林泽宇", shouxiangu.Id, National, new(2022, 3, 18), ApplicationResult.Approved, new(2023, 5, 26), "中药活性成分；灵芝孢子"),
            ("何思远", transmission, National, new(2022, 3, 18), ApplicationResult.Approved, new(2023, 6, 19), "精密减速器；伺服传动"),
            ("郑一鸣", kexing.Id, National, new(2022, 3, 21), ApplicationResult.Rejected, new(2023, 5, 26), "电动工具检测；电磁兼容"),
            ("吴嘉豪", materials, NationalSupport, new(2022, 4, 8), ApplicationResult.Rejected, new(2022, 12, 2), "高分子复合材料"),
            ("冯晓燕", shouxiangu.Id, ProvincialOverseas, new(2022, 5, 10), ApplicationResult.Approved, new(2022, 11, 15), "中药制剂"),
            ("蒋文涛", hengda.Id, ProvincialOverseas, new(2022, 5, 10), ApplicationResult.Rejected, new(2022, 11, 15), "无刷电机控制"),
            ("韩立新", garden, Kunpeng, new(2022, 6, 2), ApplicationResult.Rejected, new(2022, 12, 20), "园林机械智能化"),
            ("杨振华", quanxi.Id, ProvincialSupport, new(2022, 6, 15), ApplicationResult.Approved, new(2022, 12, 28), "五金表面处理"),
            ("朱敏", tea, ProvincialSupport, new(2022, 6, 15), ApplicationResult.Rejected, new(2022, 12, 28), "茶叶深加工"),
            ("秦浩然", materials, Shuanglong, new(2022, 8, 22), ApplicationResult.Approved, new(2022, 11, 30), "新能源材料"),
            ("许嘉怡", hengda.Id, Shuanglong, new(2022, 8, 22), ApplicationResult.Approved, new(2022, 11, 30), "锂电池管理系统"),
        };
        // T12: 推荐申报高层次科技人才项目3个以上 (2023 rounds, recommended after the letter partly; illustrative).
        var applications2023 = new (string Name, Guid Employer, string Programme, DateOnly Recommended, ApplicationResult Result, DateOnly? Decided, string Fields)[]
        {
            ("钟晨阳", transmission, National, new(2023, 4, 12), ApplicationResult.Pending, null, "机器人关节"),
            ("沈若溪", shouxiangu.Id, ProvincialOverseas, new(2023, 5, 9), ApplicationResult.Approved, new(2023, 11, 20), "铁皮石斛育种"),
            ("曹俊杰", garden, Kunpeng, new(2023, 8, 30), ApplicationResult.Pending, null, "割草机器人导航"),
            ("邵雨桐", materials, Shuanglong, new(2023, 9, 14), ApplicationResult.Approved, new(2023, 12, 8), "涂层材料"),
        };
        foreach (var (year, rows) in new[] { (2022, applications2022), (2023, applications2023) })
        {
            foreach (var a in rows)
            {
                var person = await Person(a.Name, "专家", a.Employer, "高级工程师", a.Fields);
                var programme = programmes.Find(a.Programme)!;
                db.Add(new TalentApplication(new ApplicationFacts(Region, programme.Name, programme.Level, person, a.Employer, year, a.Recommended,
                    a.Result, a.Decided, null), now));
            }
        }

        // A11: 完成2022年度百博入企推荐工作, 推荐上报博士8名; the enterprises' demands of that round.
        var demands = new Dictionary<Guid, PhdDemand>();
        foreach (var (enterprise, discipline, headcount, description) in new[]
        {
            (kexing.Id, "电气工程", 2, "电动工具安全与电磁兼容检测方法研究"),
            (hengda.Id, "机械工程", 2, "无刷电动工具整机轻量化设计"),
            (shouxiangu.Id, "中药学", 1, "灵芝孢子粉有效成分质量标准"),
            (materials, "材料科学与工程", 2, "耐候涂层与复合材料工艺"),
            (garden, "控制科学与工程", 1, "园林机械智能控制"),
        })
        {
            var demand = new PhdDemand(new PhdDemandFacts(Region, enterprise, 2022, discipline, headcount, description), now);
            db.Add(demand);
            demands[enterprise] = demand;
        }
        var phds = new (string Name, OrganizationInfo Institution, string Discipline, string Fields, string Phone, Guid Enterprise, DateOnly Reported, DateOnly? Started)[]
        {
            ("赵博文", zstu, "材料科学与工程", "新材料；纺织复合材料", "18767905566", materials, new(2022, 10, 28), new(2023, 1, 9)),
            ("孔令辉", zju, "电气工程", "电机控制；电磁兼容", "13857912001", kexing.Id, new(2022, 10, 28), new(2023, 1, 9)),
            ("严晓东", zjut, "机械工程", "结构轻量化", "13857912002", hengda.Id, new(2022, 10, 28), new(2023, 2, 13)),
            ("华静怡", zjut, "机械工程", "振动与噪声控制", "13857912003", hengda.Id, new(2022, 10, 28), null),
            ("金子涵", cjlu, "仪器科学与技术", "检测计量；传感器", "13857912004", kexing.Id, new(2022, 10, 28), new(2023, 1, 9)),
            ("魏书豪", zafu, "中药学", "药用真菌", "13857912005", shouxiangu.Id, new(2022, 11, 4), new(2023, 3, 1)),
            ("陶思琪", zjnu, "控制科学与工程", "智能控制；机器视觉", "13857912006", garden, new(2022, 11, 4), null),
            ("姜一帆", zstu, "材料科学与工程", "功能涂层", "13857912007", materials, new(2022, 11, 4), new(2023, 2, 13)),
        };
        var existingPhd = await people.FindByNameAsync("赵博文", cancellationToken);
        foreach (var p in phds)
        {
            var personId = p.Name == "赵博文" && existingPhd.Count == 1 ? existingPhd[0].Id : await Person(p.Name, "博士", p.Institution.Id, "博士", p.Fields);
            var profile = new PhdProfile(new PhdFacts(Region, personId, p.Institution.Id, p.Discipline, p.Fields, p.Phone), now);
            db.Add(profile);
            var enterpriseRegion = p.Enterprise == hengda.Id ? hengda.RegionCode : p.Enterprise == kexing.Id ? kexing.RegionCode
                : p.Enterprise == shouxiangu.Id ? shouxiangu.RegionCode : p.Enterprise == garden ? "330723101" : DevelopmentZone;
            db.Add(new PhdRecommendation(new PhdRecommendationFacts(enterpriseRegion, profile.Id, p.Enterprise, demands.GetValueOrDefault(p.Enterprise)?.Id, 2022,
                p.Reported, p.Started, p.Started?.AddYears(1).AddDays(-1), null), now));
        }

        // T8: 引进博士以上人才2名 (2023); one introduced in 2022 shows the years apart.
        foreach (var (name, degree, employer, on, discipline) in new[]
        {
            ("欧阳明轩", TalentDegree.Doctorate, shouxiangu.Id, new DateOnly(2022, 9, 1), "药物化学"),
            ("葛文博", TalentDegree.Doctorate, transmission, new DateOnly(2023, 3, 15), "机械电子工程"),
            ("田雅琪", TalentDegree.Postdoctoral, materials, new DateOnly(2023, 10, 9), "材料物理与化学"),
        })
        {
            var person = await Person(name, "博士", employer, degree == TalentDegree.Postdoctoral ? "博士后" : "博士", discipline);
            var employerRegion = employer == shouxiangu.Id ? shouxiangu.RegionCode : DevelopmentZone;
            db.Add(new TalentIntroduction(new IntroductionFacts(employerRegion, person, degree, employer, on, discipline, null), now));
        }

        db.Add(new Target(Region, 2023, IntroducedPhdsIndicator.IndicatorCode, ">=", IntroducedTarget2023, now));
        db.Add(new Target(Region, 2023, ApplicationsIndicator.IndicatorCode, ">=", ApplicationsTarget2023, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
