namespace Kechuang.Modules.Enterprises;

/// <summary>One generated enterprise of the demo population (and of the screening benchmark): its records before it has an id.</summary>
public sealed record PopulationEnterprise(
    int Index,
    string Name,
    string RegionCode,
    string Address,
    ProfileFacts Facts,
    IReadOnlyList<(int Year, YearFigures Figures)> Years,
    IReadOnlyList<(int Year, string Number)> TechSmeEntries,
    (DateOnly Issued, string Number)? Certificate,
    IReadOnlyList<(string Name, RdInstitutionKind Kind, Level Level, int Year)> Institutions,
    IReadOnlyList<PopulationPatent> Patents);

public sealed record PopulationPatent(IntellectualPropertyKind Kind, string Title, string Number, IntellectualPropertyStatus Status,
    DateOnly AppliedOn, DateOnly? GrantedOn, bool SelfDeveloped);

/// <summary>
/// A deterministic generator of 武义县 enterprises with the county's industries (GB/T 4754-2017), sizes, R&amp;D intensity
/// and staff, and the fiscal years 2020–2022. Whether an enterprise held a 科技型中小企业 entry in 2021 or 2022 is decided by
/// the real engine on the previous year's figures, so the entries agree with the rules.
/// </summary>
public static class EnterprisePopulation
{
    public const int FirstYear = 2020;
    public const int LastYear = 2022;

    private sealed record Branch(string Industry, double Weight, string[] Suffixes, double Innovative, bool SmallOnly, string Word, string[] Titles);

    // Wuyi's industries: 电动（园林）工具, 五金, 门业, 杯业（保温容器）, 厨具, 汽摩配, 家电, 中药, 茶, 旅游工艺品, plus services.
    private static readonly Branch[] Branches =
    [
        new("C3465", 20, ["电动工具有限公司", "工具有限公司", "电器有限公司", "机电有限公司"], 0.5, false, "电动工具",
            ["一种无刷电动扳手", "一种角磨机的散热结构", "一种电锤的防尘装置", "一种锂电池包的快拆结构", "一种电圆锯的安全护罩", "一种电动螺丝刀的扭矩控制电路"]),
        new("C3572", 6, ["园林机械有限公司", "园林工具有限公司"], 0.4, false, "园林工具",
            ["一种割草机的刀盘调节机构", "一种绿篱机的减振手柄", "一种吹风机的进风结构", "一种链锯的自动润滑装置"]),
        new("C3322", 13, ["五金制品有限公司", "工贸有限公司", "工具有限公司"], 0.25, false, "五金",
            ["一种多功能钳", "一种可调节扳手", "一种棘轮螺丝批", "一种工具箱的锁扣结构"]),
        new("C3351", 6, ["五金有限公司", "锁业有限公司"], 0.25, false, "五金配件",
            ["一种隐形门铰链", "一种防盗锁芯", "一种门吸的缓冲结构"]),
        new("C3312", 14, ["门业有限公司", "工贸有限公司", "智能门业有限公司"], 0.2, false, "门业",
            ["一种防盗门的门框结构", "一种钢质防火门", "一种智能门锁的安装结构", "一种门板的隔音填充结构"]),
        new("C3389", 14, ["杯业有限公司", "日用品有限公司", "工贸有限公司", "真空器皿有限公司"], 0.25, false, "杯业",
            ["一种真空保温杯", "一种保温杯的密封杯盖", "一种焖烧罐", "一种双层不锈钢杯体的成型工艺"]),
        new("C3381", 5, ["厨具有限公司", "炊具有限公司"], 0.2, false, "厨具",
            ["一种不粘炒锅", "一种复合底汤锅", "一种厨具手柄的防烫结构"]),
        new("C3670", 4, ["汽车配件有限公司", "车业有限公司"], 0.45, false, "汽配",
            ["一种汽车座椅调角器", "一种摩托车减震器", "一种电动车轮毂电机"]),
        new("C3854", 5, ["电器有限公司", "电器科技有限公司"], 0.45, false, "电器",
            ["一种破壁料理机", "一种电热水壶的防干烧结构", "一种空气炸锅的热风循环结构"]),
        new("C2740", 3, ["药业有限公司", "生物科技有限公司"], 0.6, false, "药业",
            ["一种灵芝孢子粉的破壁方法", "一种铁皮石斛浸膏的制备方法", "一种中药提取物的纯化工艺"]),
        new("C2730", 3, ["中药饮片有限公司", "中药材有限公司"], 0.3, true, "中药",
            ["一种中药饮片的炮制方法", "一种中药材的低温干燥装置"]),
        new("C1530", 6, ["茶业有限公司", "茶叶有限公司"], 0.1, true, "茶业",
            ["一种绿茶的揉捻装置", "一种名优茶的杀青工艺", "一种茶叶包装罐"]),
        new("C2439", 4, ["工艺品有限公司", "旅游用品有限公司"], 0.1, true, "工艺品",
            ["一种竹木工艺摆件", "一种旅游纪念品包装盒"]),
        new("C3360", 3, ["表面处理有限公司", "金属制品有限公司"], 0.1, false, "表面处理", ["一种不锈钢件的钝化处理工艺", "一种喷涂废气处理装置"]),
        new("C2929", 3, ["塑业有限公司", "塑料制品有限公司"], 0.2, false, "塑业", ["一种注塑模具的冷却水路", "一种塑料工具箱"]),
        new("I6513", 3, ["网络科技有限公司", "信息技术有限公司"], 0.8, true, "软件", ["一种企业生产数据采集系统", "一种电商订单管理软件"]),
        new("M7320", 1, ["科技研究院有限公司", "检测技术有限公司"], 0.8, true, "研发", ["一种电动工具性能测试台", "一种噪声检测装置"]),
        new("N7869", 2, ["旅游开发有限公司", "文化旅游有限公司"], 0.0, true, "旅游", ["一种景区导览装置"]),
        new("F5179", 4, ["贸易有限公司", "进出口有限公司"], 0.02, true, "贸易", ["一种货架"]),
    ];

    private static readonly string[] Syllables =
    [
        "恒", "鑫", "泰", "华", "盛", "宏", "正", "博", "远", "合", "立", "金", "联", "嘉", "信", "诚", "海", "峰", "瑞", "祥",
        "隆", "邦", "力", "通", "捷", "美", "佳", "凯", "腾", "晨", "新", "宇", "源", "丰", "永", "康", "明", "兴", "益", "德",
    ];

    // Towns of 武义县 weighted by how many enterprises they hold (the 开发区 and the industrial towns most).
    private static readonly (string Code, string Name, double Weight)[] Towns =
    [
        ("330723401", "武义经济开发区", 30), ("330723001", "白洋街道", 14), ("330723101", "桐琴镇", 12), ("330723102", "泉溪镇", 12),
        ("330723103", "王宅镇", 8), ("330723104", "履坦镇", 6), ("330723105", "茭道镇", 5), ("330723003", "壶山街道", 5),
        ("330723002", "熟溪街道", 4), ("330723107", "柳城畲族镇", 2), ("330723108", "新宅镇", 1), ("330723109", "俞源乡", 1),
    ];

    private static readonly int[] Tiers = [0, 1, 2, 3];

    /// <summary>Zhejiang's December 高企 batches.</summary>
    private static readonly DateOnly[] CertificateBatches = [new(2019, 12, 4), new(2020, 12, 1), new(2021, 12, 16), new(2022, 12, 24)];

    private static readonly DirectQualification[] Certificate = [DirectQualification.HighTechCertificate];

    private static readonly string[] Roads = ["工业大道", "温泉南路", "壶山北路", "兴业路", "园区路", "创业路", "永康街", "百花山路"];

    /// <summary>Names the directory's demo already uses; the population never repeats them.</summary>
    private static readonly HashSet<string> Taken = ["武义县恒达电动工具有限公司", "浙江泉溪五金制品有限公司"];

    public static List<PopulationEnterprise> Generate(int count, int seed) => Enumerate(count, seed, uniqueSuffix: false).ToList();

    /// <summary>
    /// The same population one enterprise at a time; with <paramref name="uniqueSuffix"/> names are numbered instead of
    /// checked against each other (the screening benchmark's hundreds of thousands).
    /// </summary>
    public static IEnumerable<PopulationEnterprise> Enumerate(int count, int seed, bool uniqueSuffix)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(Taken);
        for (var i = 0; i < count; i++)
        {
            yield return One(random, i, names, uniqueSuffix);
        }
    }

    private static PopulationEnterprise One(Random random, int index, HashSet<string> names, bool uniqueSuffix)
    {
        var branch = Pick(random, Branches, b => b.Weight);
        var town = Pick(random, Towns, t => t.Weight);
        var innovative = random.NextDouble() < branch.Innovative;

        // Size of 2022: small 300万–2000万, medium 2000万–1亿, large 1亿–4亿, very large 4亿–12亿 (log-uniform within each).
        var tier = branch.SmallOnly ? (random.NextDouble() < 0.88 ? 0 : 1) : Pick(random, Tiers, t => t switch { 0 => 50, 1 => 37, 2 => 11, _ => 2 });
        var (low, high) = tier switch { 0 => (3e6, 2e7), 1 => (2e7, 1e8), 2 => (1e8, 4e8), _ => (4e8, 1.2e9) };
        var sales2022 = Math.Exp(Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low)));

        var brand = Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)];
        var suffix = branch.Suffixes[random.Next(branch.Suffixes.Length)];
        var prefix = tier >= 2 && random.NextDouble() < 0.6 ? "浙江" : "武义县";
        string name;
        if (uniqueSuffix)
        {
            // The benchmark's hundreds of thousands: numbered, as a name space of two syllables cannot hold them.
            name = $"{prefix}{brand}{suffix[..^4]}{index + 1}有限公司";
        }
        else
        {
            name = $"{prefix}{brand}{suffix}";
            while (!names.Add(name))
            {
                brand = Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)];
                name = $"{prefix}{brand}{suffix}";
            }
        }
        var shortName = brand + branch.Word;

        // Registered 1995–2021; one in fifty is young (registered in 2022, one fiscal year only).
        var young = random.NextDouble() < 0.02;
        var registered = young
            ? new DateOnly(2022, 1 + random.Next(11), 1 + random.Next(28))
            : new DateOnly(1995 + random.Next(27), 1 + random.Next(12), 1 + random.Next(28));
        var supported = innovative ? random.NextDouble() < 0.92 : random.NextDouble() < 0.3;
        var deemed = tier == 0 && !innovative && random.NextDouble() < 0.12;
        var facts = new ProfileFacts(branch.Industry, deemed ? TaxCollectionMode.Deemed : TaxCollectionMode.ActualProfit, registered, true, false, supported);

        // Intensities stay near the enterprise's own level from year to year.
        var rdRatio = innovative ? 0.03 + random.NextDouble() * 0.05 : random.NextDouble() < 0.4 ? random.NextDouble() * 0.01 : 0.01 + random.NextDouble() * 0.025;
        var techRatio = innovative ? 0.11 + random.NextDouble() * 0.24 : 0.03 + random.NextDouble() * 0.12;
        var highTechShare = innovative ? 0.6 + random.NextDouble() * 0.3 : random.NextDouble() * 0.55;
        var perHead = 350_000 + random.NextDouble() * 550_000;
        var assetsRatio = 0.6 + random.NextDouble() * 0.7;
        var debtRatio = 0.3 + random.NextDouble() * 0.3;
        var years = new List<(int, YearFigures)>();
        var sales = sales2022;
        var firstYear = young ? LastYear : Math.Max(FirstYear, registered.Year + 1);
        for (var year = LastYear; year >= firstYear; year--)
        {
            var rd = sales * rdRatio * (0.85 + random.NextDouble() * 0.3);
            var commissioned = random.NextDouble() < 0.3 ? rd * (0.05 + random.NextDouble() * 0.2) : 0;
            var overseas = innovative && random.NextDouble() < 0.05 ? rd * 0.05 : 0;
            var employees = Math.Max(6, (int)Math.Round(sales / perHead));
            var techStaff = Math.Min(employees, Math.Max(innovative ? 2 : 0, (int)Math.Round(employees * techRatio * (0.9 + random.NextDouble() * 0.2))));
            var assets = sales * assetsRatio * (0.95 + random.NextDouble() * 0.1);
            var income = sales * (1 + random.NextDouble() * 0.05);
            years.Insert(0, (year, new YearFigures(
                Yuan(sales), Yuan(income), Yuan(income * random.NextDouble() * 0.005), Yuan(sales * highTechShare),
                Yuan(assets), Yuan(assets * debtRatio), Yuan(rd - commissioned - overseas), Yuan(commissioned), Yuan(overseas),
                Yuan(sales * (0.82 + random.NextDouble() * 0.13)), employees, techStaff,
                innovative ? random.Next(1, 7) : random.Next(0, 2), random.NextDouble() < 0.01, random.NextDouble() < 0.01)));
            // The previous year: 2021 and 2020 grew by −12% … +32% a year (2020 was the slower year).
            sales /= year == 2021 ? 0.85 + random.NextDouble() * 0.35 : 0.88 + random.NextDouble() * 0.44;
        }

        var serial = 5_000_000 + index * 40;
        var patents = new List<PopulationPatent>();
        void Add(IntellectualPropertyKind kind, int fromYear, int toYear, (int Min, int Max) grantMonths)
        {
            var applied = new DateOnly(fromYear + random.Next(toYear - fromYear + 1), 1 + random.Next(12), 1 + random.Next(28));
            var granted = applied.AddMonths(grantMonths.Min + random.Next(grantMonths.Max - grantMonths.Min + 1));
            var status = granted.Year > 2025 ? IntellectualPropertyStatus.Applied
                : kind != IntellectualPropertyKind.InventionPatent && applied.Year < 2018 && random.NextDouble() < 0.25 ? IntellectualPropertyStatus.Lapsed
                : IntellectualPropertyStatus.Granted;
            var s = serial++;
            var (number, title) = kind switch
            {
                IntellectualPropertyKind.InventionPatent => ($"ZL{applied.Year}1{s:D7}.{s % 10}", branch.Titles[random.Next(branch.Titles.Length)] + "及其制造方法"),
                IntellectualPropertyKind.UtilityModel => ($"ZL{applied.Year}2{s:D7}.{s % 10}", branch.Titles[random.Next(branch.Titles.Length)]),
                IntellectualPropertyKind.DesignPatent => ($"ZL{applied.Year}3{s:D7}.{s % 10}", $"{branch.Word}产品外观（{shortName}-{s % 100:D2}）"),
                _ => ($"{applied.Year}SR{s:D7}", $"{shortName}生产管理系统V{1 + s % 3}.0"),
            };
            patents.Add(new(kind, title, number, status, applied, status == IntellectualPropertyStatus.Applied ? null : granted, random.NextDouble() < 0.9));
        }
        var since = Math.Max(2012, registered.Year);
        var last = Math.Max(since, LastYear);
        if (innovative)
        {
            for (var i = random.NextDouble() < 0.65 ? random.Next(1, 5) : 0; i > 0; i--)
            {
                Add(IntellectualPropertyKind.InventionPatent, since, last, (20, 40));
            }
            for (var i = random.Next(1, 7); i > 0; i--)
            {
                Add(IntellectualPropertyKind.UtilityModel, since, last, (6, 11));
            }
        }
        else if (random.NextDouble() < 0.4)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                Add(IntellectualPropertyKind.UtilityModel, since, last, (6, 11));
            }
        }
        if (branch.Industry is "C3312" or "C3389" or "C3381" or "C2439" && random.NextDouble() < 0.6)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                Add(IntellectualPropertyKind.DesignPatent, since, last, (4, 8));
            }
        }
        if (branch.Industry.StartsWith('I') || (innovative && random.NextDouble() < 0.15))
        {
            Add(IntellectualPropertyKind.SoftwareCopyright, since, last, (2, 4));
        }

        // 高企 certificates of innovative industrial enterprises: issued in the December batches of 2019–2022
        // (a 2020 certificate runs out in 2023, a 2019 one already in 2022).
        (DateOnly, string)? certificate = null;
        if (innovative && !young && registered.Year < 2018 && EnterpriseRules.IsIndustrial(branch.Industry) && random.NextDouble() < 0.5)
        {
            var issued = Pick(random, CertificateBatches,
                d => d.Year switch { 2019 => 15, 2020 => 30, 2021 => 30, _ => 25 });
            certificate = (issued, $"GR{issued.Year}33{100_000 + index:D6}");
        }

        // 科小 entries of 2021 and 2022 where the engine finds the enterprise eligible on the previous year's figures.
        var entries = new List<(int, string)>();
        foreach (var year in new[] { 2021, 2022 })
        {
            var figures = years.FirstOrDefault(y => y.Item1 == year - 1).Item2;
            if (figures is null || random.NextDouble() > 0.85)
            {
                continue;
            }
            var day = new DateOnly(year, 6, 30);
            var direct = certificate is { } c && c.Item1 <= day && day < c.Item1.AddYears(HighTechRules.CertificateYears)
                ? Certificate : [];
            var result = TechSmeEvaluation.Evaluate(new TechSmeInput(year, facts.ResidentEnterprise, facts.TaxCollection, facts.IndustryCode, false,
                figures.SeriousIncidents, figures.OnCreditBlacklist, figures.Employees, figures.TechStaff, [], figures.SalesRevenue, figures.TotalAssets,
                HighTechRules.RdTotal(figures.RdInHouseDomestic, figures.RdCommissionedDomestic, figures.RdCommissionedOverseas), figures.TotalCostsAndExpenses,
                patents.Where(p => p.Status == IntellectualPropertyStatus.Granted && p.GrantedOn <= day).Select(p => new TechSmeIntellectualProperty(p.Kind, true)).ToList(),
                direct));
            if (result.Eligible)
            {
                entries.Add((year, $"{year}3307230A{100_000 + index:D6}"));
            }
        }

        // R&D institutions: county-level 研发中心 recognised 2015–2022 in larger or innovative enterprises; some were raised to
        // city level (and one in twenty large ones to a provincial 企业研究院) in 2024–2025, after the 2023 screening.
        var institutions = new List<(string, RdInstitutionKind, Level, int)>();
        var large = sales2022 >= 100_000_000;
        if (!young && EnterpriseRules.IsIndustrial(branch.Industry) && (sales2022 >= 30_000_000 || innovative)
            && random.NextDouble() < (large ? (innovative ? 0.75 : 0.35) : innovative ? 0.45 : 0.1))
        {
            institutions.Add(($"{shortName}县级研发中心", RdInstitutionKind.RdCenter, Level.County, 2015 + random.Next(8)));
            if (random.NextDouble() < 0.3)
            {
                institutions.Add(($"{shortName}市级研发中心", RdInstitutionKind.RdCenter, Level.City, 2024 + random.Next(2)));
            }
        }
        if (large && innovative && random.NextDouble() < 0.05)
        {
            institutions.Add(($"{shortName}省级企业研究院", RdInstitutionKind.EnterpriseInstitute, Level.Provincial, 2025));
        }

        var address = $"武义县{town.Name}{Roads[random.Next(Roads.Length)]}{1 + random.Next(300)}号";
        return new PopulationEnterprise(index, name, town.Code, address, facts, years, entries, certificate, institutions, patents);
    }

    /// <summary>Yuan to the nearest hundred, as statements round.</summary>
    private static decimal Yuan(double value) => Math.Round((decimal)value / 100m, 0, MidpointRounding.AwayFromZero) * 100m;

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0)
            {
                return item;
            }
        }
        return items[^1];
    }
}
