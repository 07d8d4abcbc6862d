using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Contracts;

/// <summary>
/// 武义县 2022: 48 registered contracts whose 技术交易额 sum to exactly 829,000,000.00 yuan (letter A13;
/// against the 2022 target of 741,000,000 that is 111.9%, A14), contracts in other states that do not
/// count, 磐安县 contracts (so the city total differs from Wuyi's), the first half of 2023 and the 2023
/// target of 750,000,000 (T11). Every figure is computed from these records.
/// </summary>
internal sealed class ContractsDemoData(IOrganizationDirectory directory) : IDemoData
{
    private const string Shouxiangu = "浙江寿仙谷医药股份有限公司";
    private const string Kexing = "浙江科兴电动工具检测有限公司";
    private const string Hengda = "武义县恒达电动工具有限公司";
    private const string Quanxi = "浙江泉溪五金制品有限公司";
    private const string Netease = "武义网易联合创新中心运营有限公司";
    private const string Service = "武义县科技创新服务中心";
    private const string Bencao = "磐安县本草中药饮片有限公司";
    private const string Zju = "浙江大学";
    private const string Zjut = "浙江工业大学";
    private const string Cjlu = "中国计量大学";
    private const string Zjnu = "浙江师范大学";
    private const string Zafu = "浙江农林大学";
    private const string Zstu = "浙江理工大学";

    /// <summary>Registered in 2022 by 武义县 (amount, 技术交易额 in yuan; the difference is equipment and materials).</summary>
    internal static readonly (string Title, string Type, string? Kind, string Seller, string Buyer, DateOnly Signed, decimal Amount, decimal Transaction)[] Wuyi2022 =
    [
        ("电动园林工具轻量化设计技术服务", "service", null, Hengda, Zstu, new DateOnly(2022, 1, 6), 9497000m, 8850000m),
        ("香菇多糖提取专利权转让", "transfer", "patent", Shouxiangu, Bencao, new DateOnly(2022, 1, 10), 54700000m, 54700000m),
        ("科技成果转化技术中介服务（中药材）", "service-intermediary", null, Service, Shouxiangu, new DateOnly(2022, 1, 17), 280000m, 280000m),
        ("电动工具检测人员技术培训", "service-training", null, Kexing, Hengda, new DateOnly(2022, 1, 23), 930000m, 930000m),
        ("中药材重金属快速检测方法委托开发", "development-commissioned", null, Shouxiangu, Cjlu, new DateOnly(2022, 1, 25), 6450000m, 6450000m),
        ("检测实验室CNAS体系建设技术咨询", "consulting", null, Kexing, Zjnu, new DateOnly(2022, 1, 27), 19640000m, 19640000m),
        ("电商直播选品数据分析系统技术开发", "development-commissioned", null, Netease, Zjnu, new DateOnly(2022, 1, 28), 21816000m, 17530000m),
        ("游戏引擎数字孪生园区展示技术服务", "service", null, Netease, Zjut, new DateOnly(2022, 1, 29), 11110000m, 11110000m),
        ("企业数字化转型诊断技术咨询", "consulting", null, Netease, Hengda, new DateOnly(2022, 2, 1), 10440000m, 10440000m),
        ("五金工具精密锻造模具技术秘密转让", "transfer", "technical-secret", Quanxi, Hengda, new DateOnly(2022, 2, 14), 1820000m, 1820000m),
        ("校企合作技术经纪人培训", "service-training", null, Service, Zjnu, new DateOnly(2022, 2, 17), 2580000m, 2580000m),
        ("锂电池电动工具热失控防护技术咨询", "consulting", null, Kexing, Zjut, new DateOnly(2022, 2, 19), 12370000m, 12370000m),
        ("园林工具电磁兼容整改技术服务", "service", null, Kexing, Hengda, new DateOnly(2022, 3, 7), 18759000m, 14590000m),
        ("无刷电机控制器技术开发", "development-commissioned", null, Hengda, Zju, new DateOnly(2022, 3, 15), 10522000m, 9990000m),
        ("灵芝菌种选育专利申请权转让", "transfer", "patent-application", Shouxiangu, Zafu, new DateOnly(2022, 3, 24), 32620000m, 32620000m),
        ("不锈钢五金件表面钝化工艺委托开发", "development-commissioned", null, Quanxi, Zjut, new DateOnly(2022, 4, 3), 5230000m, 5230000m),
        ("五金件环保电镀替代工艺技术服务", "service", null, Quanxi, Zstu, new DateOnly(2022, 4, 7), 14440000m, 14440000m),
        ("角磨机快速换片结构专利实施许可", "license", null, Hengda, Quanxi, new DateOnly(2022, 4, 10), 14820000m, 14820000m),
        ("铝合金压铸件缺陷检测算法合作开发", "development-cooperative", null, Quanxi, Zjut, new DateOnly(2022, 4, 15), 16193000m, 13350000m),
        ("电动工具噪声振动测试装置合作开发", "development-cooperative", null, Kexing, Cjlu, new DateOnly(2022, 4, 18), 5910000m, 5910000m),
        ("武义温泉旅游大数据分析委托开发", "development-commissioned", null, Netease, Zjnu, new DateOnly(2022, 4, 26), 5324000m, 4630000m),
        ("中药饮片智能炮制工艺技术咨询", "consulting", null, Shouxiangu, Bencao, new DateOnly(2022, 5, 10), 35200000m, 35200000m),
        ("寿仙谷药业数字化质量追溯系统技术服务", "service", null, Shouxiangu, Zjut, new DateOnly(2022, 5, 27), 45005000m, 35400000m),
        ("园林工具锂电池包管理系统技术许可", "license", null, Hengda, Kexing, new DateOnly(2022, 6, 13), 14440000m, 14440000m),
        ("电动园林工具安全性能评价方法委托开发", "development-commissioned", null, Kexing, Cjlu, new DateOnly(2022, 6, 16), 9345000m, 8040000m),
        ("科技成果转化技术中介服务（电动工具）", "service-intermediary", null, Service, Hengda, new DateOnly(2022, 7, 3), 640000m, 640000m),
        ("灵芝孢子粉去壁提纯工艺技术许可", "license", null, Shouxiangu, Bencao, new DateOnly(2022, 7, 11), 40240000m, 40240000m),
        ("数字乡村云平台软件著作权转让", "transfer", "other", Netease, Zafu, new DateOnly(2022, 7, 12), 19560000m, 19560000m),
        ("农产品溯源区块链平台合作开发", "development-cooperative", null, Netease, Zju, new DateOnly(2022, 7, 22), 19250000m, 19250000m),
        ("电动工具能效测试系统软件著作权转让", "transfer", "other", Kexing, Quanxi, new DateOnly(2022, 8, 17), 18720000m, 18720000m),
        ("五金制品热处理节能改造技术咨询", "consulting", null, Quanxi, Cjlu, new DateOnly(2022, 9, 3), 12630000m, 12630000m),
        ("铁皮石斛有机栽培技术服务", "service", null, Shouxiangu, Zafu, new DateOnly(2022, 9, 4), 20621000m, 18080000m),
        ("西红花组培快繁技术秘密转让", "transfer", "technical-secret", Shouxiangu, Zafu, new DateOnly(2022, 10, 5), 42560000m, 42560000m),
        ("电动工具齿轮箱降噪技术秘密转让", "transfer", "technical-secret", Hengda, Quanxi, new DateOnly(2022, 10, 9), 14910000m, 14910000m),
        ("珍稀药材GAP基地建设技术培训", "service-training", null, Shouxiangu, Zafu, new DateOnly(2022, 10, 18), 7390000m, 7390000m),
        ("灵芝孢子粉抗肿瘤药效学研究合作开发", "development-cooperative", null, Shouxiangu, Zju, new DateOnly(2022, 10, 21), 18070000m, 18070000m),
        ("灵芝孢子油软胶囊制剂合作开发", "development-cooperative", null, Shouxiangu, Zjut, new DateOnly(2022, 10, 25), 64070000m, 64070000m),
        ("铁皮石斛花茶加工技术许可", "license", null, Shouxiangu, Zjnu, new DateOnly(2022, 10, 28), 63510000m, 63510000m),
        ("高新技术企业培育技术咨询", "consulting", null, Service, Quanxi, new DateOnly(2022, 10, 30), 3320000m, 3320000m),
        ("灵芝三萜类成分检测方法合作开发", "development-cooperative", null, Shouxiangu, Zju, new DateOnly(2022, 11, 7), 17370000m, 17370000m),
        ("专利导航分析技术服务", "service", null, Service, Kexing, new DateOnly(2022, 11, 9), 6670000m, 6670000m),
        ("破壁灵芝孢子粉质量标准研究委托开发", "development-commissioned", null, Shouxiangu, Cjlu, new DateOnly(2022, 11, 12), 21380000m, 21380000m),
        ("锂电割草机智能控制系统合作开发", "development-cooperative", null, Hengda, Zjut, new DateOnly(2022, 11, 17), 4001000m, 3670000m),
        ("高效直流无刷电机驱动算法合作开发", "development-cooperative", null, Hengda, Zju, new DateOnly(2022, 11, 21), 9470000m, 8970000m),
        ("智能门锁结构专利权转让", "transfer", "patent", Quanxi, Bencao, new DateOnly(2022, 11, 22), 15160000m, 15160000m),
        ("跨境电商智能客服系统技术许可", "license", null, Netease, Zjnu, new DateOnly(2022, 11, 23), 18980000m, 18980000m),
        ("智能锂电扳手扭矩控制技术开发", "development-commissioned", null, Hengda, Cjlu, new DateOnly(2022, 11, 28), 24127000m, 19480000m),
        ("电动链锯防反冲制动装置专利权转让", "transfer", "patent", Hengda, Bencao, new DateOnly(2022, 11, 29), 19010000m, 19010000m),
    ];

    /// <summary>Registered in the first half of 2023 by 武义县.</summary>
    internal static readonly (string Title, string Type, string? Kind, string Seller, string Buyer, DateOnly Signed, decimal Amount, decimal Transaction)[] Wuyi2023 =
    [
        ("灵芝孢子粉破壁率在线检测技术合作开发", "development-cooperative", null, Shouxiangu, Cjlu, new DateOnly(2023, 1, 9), 38600000m, 35200000m),
        ("铁皮石斛枫斗加工技术秘密转让", "transfer", "technical-secret", Shouxiangu, Bencao, new DateOnly(2023, 2, 14), 46800000m, 46800000m),
        ("锂电吹风机无刷电机控制技术开发", "development-commissioned", null, Hengda, Zju, new DateOnly(2023, 2, 27), 21500000m, 19300000m),
        ("电动工具跌落试验装置专利权转让", "transfer", "patent", Kexing, Quanxi, new DateOnly(2023, 3, 16), 12400000m, 12400000m),
        ("五金件冷镦成形工艺技术咨询", "consulting", null, Quanxi, Zjut, new DateOnly(2023, 4, 6), 9800000m, 9800000m),
        ("数字园区运营平台技术许可", "license", null, Netease, Zjnu, new DateOnly(2023, 4, 20), 27300000m, 27300000m),
        ("科技成果拍卖会技术中介服务", "service-intermediary", null, Service, Shouxiangu, new DateOnly(2023, 5, 12), 1600000m, 1600000m),
        ("中药材种植技术培训", "service-training", null, Shouxiangu, Zafu, new DateOnly(2023, 5, 25), 3900000m, 3900000m),
    ];

    /// <summary>Registered in 2022 by 磐安县.</summary>
    internal static readonly (string Title, string Type, string? Kind, string Seller, string Buyer, DateOnly Signed, decimal Amount, decimal Transaction)[] Panan2022 =
    [
        ("中药饮片炮制标准化技术服务", "service", null, Bencao, Zafu, new DateOnly(2022, 3, 21), 12800000m, 11600000m),
        ("浙八味道地药材种植技术许可", "license", null, Bencao, Shouxiangu, new DateOnly(2022, 6, 8), 23500000m, 23500000m),
        ("元胡提取物制备工艺合作开发", "development-cooperative", null, Bencao, Zju, new DateOnly(2022, 8, 30), 31200000m, 28700000m),
        ("中药材产地初加工技术咨询", "consulting", null, Bencao, Zjut, new DateOnly(2022, 11, 3), 4600000m, 4600000m),
    ];

    /// <summary>金华市's county-level regions, each a registration point of the city, numbered in this order (illustrative codes).</summary>
    private static readonly (string Region, string Name)[] Points =
    [
        ("330702", "婺城区"), ("330703", "金东区"), ("330723", "武义县"), ("330726", "浦江县"), ("330727", "磐安县"),
        ("330781", "兰溪市"), ("330782", "义乌市"), ("330783", "东阳市"), ("330784", "永康市"),
    ];

    public int Order => 30;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var organizations = (await directory.ListAnywhereAsync(cancellationToken)).ToDictionary(o => o.Name, o => o);
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        var opened = new DateTime(2015, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        var points = Points.Select((p, i) => new RegistrationPoint(
            new RegistrationPointFacts(p.Region, $"{i + 1:D2}", $"{p.Name}科学技术局技术合同登记点", Active: true), opened)).ToDictionary(p => p.RegionCode);
        db.AddRange(points.Values);

        void Add((string Title, string Type, string? Kind, string Seller, string Buyer, DateOnly Signed, decimal Amount, decimal Transaction) c,
            int index, ContractStatus final, string staff, string? note = null, RefusalReason? reason = null)
        {
            var seller = organizations[c.Seller];
            var buyer = organizations[c.Buyer];
            var type = ContractsRules.FromKebab<ContractType>(c.Type);
            var fields = new ContractFields(c.Title, type, c.Kind is null ? null : ContractsRules.FromKebab<TransferKind>(c.Kind), seller.Id, buyer.Id, c.Signed,
                Platform.Data.Money.ToFen(c.Amount), Platform.Data.Money.ToFen(c.Transaction), Particulars(c, type, index, seller, buyer));
            // 09:00 Beijing time on the day after signing; each later step a few days on.
            var created = c.Signed.AddDays(1).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
            var contract = new TechContract(fields, seller.RegionCode, null, created);
            var clerk = c.Seller == Shouxiangu ? "shouxiangu" : staff;
            db.Add(contract);
            db.Add(contract.Created(clerk, created));
            if (final == ContractStatus.Draft)
            {
                return;
            }
            db.Add(contract.Submit(clerk, created.AddHours(2)));
            if (final == ContractStatus.Submitted)
            {
                return;
            }
            var reviewed = created.AddDays(1 + (index % 3));
            db.Add(contract.Review(staff, reviewed));
            switch (final)
            {
                case ContractStatus.Registered:
                    var at = reviewed.AddDays(2 + (index % 9));
                    var year = ContractsRules.LocalDate(at).Year;
                    var point = points[ContractsRules.CountyCode(seller.RegionCode)];
                    var prefix = ContractsRules.RegistrationPrefix(point.CityCode, point.Code, year);
                    var sequence = sequences[prefix] = sequences.GetValueOrDefault(prefix) + 1;
                    db.Add(contract.Register(ContractsRules.RegistrationNumber(point.CityCode, point.Code, year, sequence), new FixedClock(at), staff));
                    break;
                case ContractStatus.Returned:
                    db.Add(contract.Return(note!, staff, reviewed.AddDays(3)));
                    break;
                case ContractStatus.Refused:
                    db.Add(contract.Refuse(reason!.Value, note, staff, reviewed.AddDays(3)));
                    break;
            }
        }

        // Registration numbers follow registration order, as the registry issues them.
        var registered = Wuyi2022.Select(c => (c, "wuyi.staff")).Concat(Wuyi2023.Select(c => (c, "wuyi.staff"))).Concat(Panan2022.Select(c => (c, "panan.staff")))
            .OrderBy(x => x.c.Signed).ToList();
        for (var i = 0; i < registered.Count; i++)
        {
            Add(registered[i].c, i, ContractStatus.Registered, registered[i].Item2);
        }

        // 2022 contracts that do not count: not yet registered, returned for correction, or refused.
        Add(("电动工具无线充电底座技术开发", "development-commissioned", null, Hengda, Zjut, new DateOnly(2022, 12, 5), 3200000m, 3000000m), 0, ContractStatus.Draft, "wuyi.staff");
        Add(("灵芝孢子粉微囊化技术合作开发", "development-cooperative", null, Shouxiangu, Zju, new DateOnly(2022, 12, 12), 8800000m, 8800000m), 1, ContractStatus.Submitted, "wuyi.staff");
        Add(("园林工具智能充电管理技术服务", "service", null, Kexing, Hengda, new DateOnly(2022, 12, 15), 2600000m, 2400000m), 2, ContractStatus.UnderReview, "wuyi.staff");
        Add(("五金件激光打标工艺技术咨询", "consulting", null, Quanxi, Cjlu, new DateOnly(2022, 8, 20), 1500000m, 1500000m), 3, ContractStatus.Returned, "wuyi.staff",
            "请补充合同附件（技术方案）并写明技术交易额的计算依据");
        Add(("电动工具整机采购及安装调试", "service", null, Hengda, Quanxi, new DateOnly(2022, 6, 8), 5600000m, 5600000m), 4, ContractStatus.Refused, "wuyi.staff",
            "设备购销及安装属承揽合同，不属于技术服务", RefusalReason.NotTechnologyContract);
        Add(("灵芝孢子粉产品代加工", "service", null, Shouxiangu, Bencao, new DateOnly(2022, 9, 12), 9300000m, 9300000m), 5, ContractStatus.Refused, "wuyi.staff",
            "代加工属一般加工承揽，不予登记", RefusalReason.NotTechnologyContract);
        Add(("数据看板软件开发（口头约定）", "development-commissioned", null, Netease, Zjnu, new DateOnly(2022, 5, 3), 700000m, 700000m), 6, ContractStatus.Refused, "wuyi.staff",
            "口头合同不予受理", RefusalReason.Other);
        Add(("中药饮片包装设计咨询", "consulting", null, Bencao, Zstu, new DateOnly(2022, 10, 10), 300000m, 300000m), 7, ContractStatus.Refused, "panan.staff",
            "合同名称与内容不符", RefusalReason.NameInconsistent);
        // The enterprise account's own draft of this year's work.
        Add(("灵芝孢子粉破壁设备改进委托开发", "development-commissioned", null, Shouxiangu, Zjut, new DateOnly(2023, 3, 18), 4500000m, 3800000m), 8, ContractStatus.Draft, "wuyi.staff");

        // Targets of 武义县 (letter A14: 8.29亿 is 111.9% of 7.41亿; T11: ≥7.5亿 for 2023).
        db.Add(new Target("330723", 2022, TransactionAmountIndicator.IndicatorCode, ">=", 741_000_000m, db.UtcNow));
        db.Add(new Target("330723", 2023, TransactionAmountIndicator.IndicatorCode, ">=", 750_000_000m, db.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Plausible JJ-001 fields, the same on every load: the parties as the directory knows them, the technical field and
    /// goal from the seller's trade (a title about software, data or platforms is 电子信息, cultivation is 农业), the
    /// intellectual property from the transfer category or title, a plan category for some, and for transfers and
    /// licences the expected investment and output as multiples of the amount.
    /// </summary>
    internal static ContractParticulars Particulars((string Title, string Type, string? Kind, string Seller, string Buyer, DateOnly Signed, decimal Amount,
        decimal Transaction) c, ContractType type, int index, OrganizationInfo seller, OrganizationInfo buyer)
    {
        static bool Has(string title, params string[] words) => words.Any(w => title.Contains(w, StringComparison.Ordinal));
        var field = Has(c.Title, "软件", "系统", "数据", "平台", "算法", "区块链", "数字", "游戏", "电商") ? "01"
            : Has(c.Title, "栽培", "种植", "菌种", "组培", "GAP") ? "09"
            : c.Seller is Shouxiangu or Bencao ? "04"
            : c.Seller == Service ? "11"
            : "03";
        var goal = field switch { "04" => "08", "09" => "03", "11" => "11", _ => "04" };
        var ip = c.Kind switch
        {
            "patent" or "patent-application" => "01",
            "technical-secret" => "06",
            "other" => Has(c.Title, "软件著作权") ? "02" : "09",
            _ when type == ContractType.License => Has(c.Title, "专利") ? "01" : "06",
            _ => "00",
        };
        var plan = (index % 10) switch { 3 => "02", 7 => "03", 9 => "04", _ => "00" };
        var expected = type is ContractType.Transfer or ContractType.License;
        return new ContractParticulars(c.Signed, c.Signed.AddMonths(6 + (index % 4 * 6)).AddDays(-1),
            new PartyFacts(ContractCodes.China, ContractCodes.DivisionOf(seller), ContractCodes.NatureOf(seller)),
            new PartyFacts(ContractCodes.China, ContractCodes.DivisionOf(buyer), ContractCodes.NatureOf(buyer)),
            field, goal, ip, plan,
            expected ? Platform.Data.Money.ToFen(TenThousands(c.Amount * 1.5m)) : null,
            expected ? Platform.Data.Money.ToFen(TenThousands(c.Amount * (3 + index % 3))) : null);
    }

    private static decimal TenThousands(decimal yuan) => decimal.Round(yuan / 10_000m) * 10_000m;

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
