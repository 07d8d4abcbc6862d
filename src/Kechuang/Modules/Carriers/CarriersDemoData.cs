using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Modules.Enterprises.Public;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// The carriers of the reply letter (docs/letter-figures.md, C1–C10) and their tenants as individual tenancy records:
/// 武义网易联合创新中心 with 30 registered and 11 resident enterprises (C8), the 电子商务公共服务中心 with 11 resident (C9),
/// 研发总部7#楼 delivered (C2), 3#/8#楼 delivered in 2024 (T3), the 企业加速器 after its design tender (C1), 杭州科创飞地
/// (C6, T6) and 科兴's testing laboratory (C10); the park's land parcels with their approval steps (C3, C4, C5, T1), the
/// accelerator's construction project with its milestones and monthly progress (C1, T2), the enclave's purchase instalments
/// and recoveries (C6, C7), the 网易 centre's 16 units with the unit each resident occupies (T4); plus the 2023 targets T1 (B地块供地
/// 107亩), T2 (工程形象进度 20%), T4 (入驻率 100%), T5 (园区科技型中小企业累计 ≥14), T6 (飞地入驻 ≥5) and T7 (市级以上众创空间 ≥2)
/// and the 2024 target T3 (交付运营楼宇 ≥2). The park's tech SMEs
/// come from 科技型中小企业 entries of the tenants: 12 in 2023, short of the target. Dates and areas the letter does not
/// give are illustrative. Tenant enterprises take demo credit numbers 200000–299999.
/// </summary>
internal sealed class CarriersDemoData(IOrganizationDirectory directory, ITechSmeRoster roster) : IDemoData
{
    public const string Region = "330723";
    public const string DevelopmentZone = "330723401";
    public const string Shuxi = "330723002";
    public const decimal ParkTechSmeTarget2023 = 14m;
    public const decimal LandSupplyTarget2023 = 107m;
    public const int WangyiUnits = 16;
    public static readonly DateOnly WangyiUnitsHandedOver = new(2023, 5, 14);
    public static readonly DateOnly Building3Delivered = new(2024, 5, 30);
    public static readonly DateOnly Building8Delivered = new(2024, 9, 26);

    /// <summary>The 网易 centre's units on floors 3 and 4 of 7#楼: number, ㎡ and use (illustrative; about 2 700 ㎡ of its 3 200).</summary>
    private static readonly (string Number, decimal Area, UnitUse Use)[] WangyiFloor =
    [
        ("01", 168.50m, UnitUse.Office), ("02", 142.30m, UnitUse.Research), ("03", 142.30m, UnitUse.Research), ("04", 186.20m, UnitUse.Office),
        ("05", 210.75m, UnitUse.Research), ("06", 128.40m, UnitUse.Office), ("07", 128.40m, UnitUse.Office), ("08", 245.60m, UnitUse.Support),
    ];

    /// <summary>字号 of the demo tenants, one per enterprise.</summary>
    private static readonly string[] TradeNames =
    [
        "易联", "云帆", "智汇", "数擎", "星桥", "峰禾", "启明", "博远", "青藤", "熠光", "澄明", "聚能", "恒信", "睿思", "凌云",
        "浩宇", "朗润", "拓维", "创享", "微光", "致远", "璟辰", "沐阳", "弘毅", "知行", "卓越", "鼎新", "云栖", "鸿途", "德润",
        "华锐", "格物", "锦程", "精工", "麦田", "橙果", "悦购", "茶语", "山居", "壶山", "熟溪", "温泉", "萤石", "白姆", "宣莲", "乡味",
    ];

    private static readonly string[] DigitalTrades = ["网络科技", "数字科技", "信息技术", "软件开发", "文化创意"];
    private static readonly string[] ResearchTrades = ["智能装备", "新材料科技", "电子科技", "精密机械", "工业设计"];

    public int Order => 50;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var wangyiOperator = await directory.FindByNameAsync("武义网易联合创新中心运营有限公司", cancellationToken);
        var kexing = await directory.FindByNameAsync("浙江科兴电动工具检测有限公司", cancellationToken);
        var parkOperator = await directory.AddAsync(new NewOrganization("武义科技城发展有限公司", OrganizationKind.Operator,
            DemoCodes.CreditCode(Region, 200_001), DevelopmentZone, "武义经济开发区科技城"), cancellationToken);

        Carrier Add(string name, CarrierKind kind, CarrierLevel? level, string region, Carrier? parent, Guid? operatorId, string? address,
            decimal? area, DateOnly? opened, CarrierStatus status, int? capacity = null)
        {
            var carrier = new Carrier(new CarrierFacts(name, kind, level, region, parent?.Id, operatorId, address, area, opened, status, capacity), now);
            db.Add(carrier);
            return carrier;
        }

        var park = Add("武义科技城", CarrierKind.Park, null, DevelopmentZone, null, parkOperator, "武义经济开发区科技城", null, new DateOnly(2019, 12, 28), CarrierStatus.Operating);
        // C2: 研发总部7#楼完成装修并交付运营使用; T3: 完成3#、8#楼装修, 交付运营.
        var building7 = Add("研发总部7#楼", CarrierKind.Building, null, DevelopmentZone, park, parkOperator, "武义科技城研发总部7#楼", 12_860.50m, new DateOnly(2023, 4, 20), CarrierStatus.Operating);
        // T3's two buildings were renovated and handed over in 2024 (days illustrative).
        Add("研发总部3#楼", CarrierKind.Building, null, DevelopmentZone, park, parkOperator, "武义科技城研发总部3#楼", 9_640m, Building3Delivered, CarrierStatus.Operating);
        Add("研发总部8#楼", CarrierKind.Building, null, DevelopmentZone, park, parkOperator, "武义科技城研发总部8#楼", 10_320m, Building8Delivered, CarrierStatus.Operating);
        // C1: 科技城企业加速器项目完成方案设计招标 (its milestones and progress below).
        var accelerator = Add("科技城企业加速器", CarrierKind.Accelerator, null, DevelopmentZone, park, parkOperator, "武义科技城二期", null, null, CarrierStatus.Planned);
        // C8: 5月14日开园运营.
        // T4: 力争实现入驻率100%: 16 units handed over at the opening (illustrative), 11 taken at the letter's date.
        var wangyi = Add("武义网易联合创新中心", CarrierKind.JointInnovationCenter, CarrierLevel.County, DevelopmentZone, building7, wangyiOperator?.Id,
            "武义县科技城研发总部7#楼", 3_200m, new DateOnly(2023, 5, 14), CarrierStatus.Operating);
        var wangyiUnits = new List<CarrierUnit>();
        foreach (var floor in new[] { 3, 4 })
        {
            foreach (var (number, area, use) in WangyiFloor)
            {
                var unit = new CarrierUnit(wangyi.Id, wangyi.RegionCode, new UnitFacts(floor, $"{floor}{number}", area, use, WangyiUnitsHandedOver), now);
                db.Add(unit);
                wangyiUnits.Add(unit);
            }
        }
        // C10: 科兴电动工具检测有限公司 运营电动(园林)工具检测出口认证符合性检测实验室.
        Add("电动（园林）工具检测实验室", CarrierKind.TestingLab, null, DevelopmentZone, park, kexing?.Id,
            "武义经济开发区科技城", 1_500m, new DateOnly(2023, 3, 1), CarrierStatus.Operating);
        // C9: 电子商务公共服务中心开园运营.
        var ecommerce = Add("武义县电子商务公共服务中心", CarrierKind.PublicServiceCenter, CarrierLevel.County, Shuxi, null, null,
            "武义县熟溪街道", 2_400m, new DateOnly(2023, 3, 28), CarrierStatus.Operating);
        // C6, T6: 杭州科创飞地 (paid for, not yet delivered): 武义县's carrier in Hangzhou.
        var enclave = Add("武义杭州科创飞地", CarrierKind.Enclave, null, Region, null, null, "杭州市余杭区未来科技城", null, null, CarrierStatus.UnderConstruction);

        var serial = 0;
        async Task<Guid> Enterprise(string region, string trade, string address)
        {
            var name = $"武义{TradeNames[serial]}{trade}有限公司";
            serial++;
            return await directory.AddAsync(new NewOrganization(name, OrganizationKind.Enterprise, DemoCodes.CreditCode(region, 200_100 + serial), region, address), cancellationToken);
        }
        var entries = 0;
        async Task TechSme(Guid enterprise, string region)
        {
            entries++;
            await roster.AddEntryAsync(db, enterprise, region, 2023, $"2023{Region}0A{200_000 + entries:D6}", cancellationToken);
        }
        Tenancy Stay(Carrier carrier, Guid enterprise, TenancyKind kind, DateOnly entered, DateOnly? left = null)
        {
            var tenancy = new Tenancy(carrier.Id, carrier.RegionCode, enterprise, kind, entered, left, now);
            db.Add(tenancy);
            return tenancy;
        }

        // C8: 30 enterprises registered by the letter's date (2023-07-06), the first 11 of them also resident since the opening;
        // 8 of the residents are 2023 科技型中小企业.
        for (var i = 0; i < 30; i++)
        {
            var enterprise = await Enterprise(DevelopmentZone, DigitalTrades[i % DigitalTrades.Length], "武义县科技城研发总部7#楼");
            Stay(wangyi, enterprise, TenancyKind.Registered, new DateOnly(2023, 3, 1).AddDays(i * 4));
            if (i < 11)
            {
                db.Add(new TenancyUnit(Stay(wangyi, enterprise, TenancyKind.Resident, new DateOnly(2023, 5, 14).AddDays(i * 3)), wangyiUnits[i].Id));
                wangyiUnits[i].Claim();
                if (i < 8)
                {
                    await TechSme(enterprise, DevelopmentZone);
                }
            }
        }
        // 研发总部7#楼's own tenants: four resident (three 科小), one that left at the end of 2024.
        for (var i = 0; i < 4; i++)
        {
            var enterprise = await Enterprise(DevelopmentZone, ResearchTrades[i], "武义县科技城研发总部7#楼");
            Stay(building7, enterprise, TenancyKind.Resident, new DateOnly(2023, 4, 25).AddDays(i * 7));
            if (i < 3)
            {
                await TechSme(enterprise, DevelopmentZone);
            }
        }
        Stay(building7, await Enterprise(DevelopmentZone, ResearchTrades[4], "武义县科技城研发总部7#楼"), TenancyKind.Resident,
            new DateOnly(2023, 4, 25), new DateOnly(2024, 12, 31));
        // 科兴 works in the park it tests for; its 2023 entry comes from the enterprises demo, added here only if missing.
        if (kexing is not null)
        {
            Stay(park, kexing.Id, TenancyKind.Resident, new DateOnly(2022, 8, 18));
            if ((await roster.HoldersAsync(db, [kexing.Id], Period.Year(2023), cancellationToken)).Count == 0)
            {
                await TechSme(kexing.Id, kexing.RegionCode);
            }
        }
        // C9: 11 resident enterprises of the 电子商务公共服务中心 (not in a park: its two 科小 do not count for T5).
        for (var i = 0; i < 11; i++)
        {
            var enterprise = await Enterprise(Shuxi, "电子商务", "武义县熟溪街道电子商务公共服务中心");
            Stay(ecommerce, enterprise, TenancyKind.Resident, new DateOnly(2023, 3, 28).AddDays(i * 5));
            if (i < 2)
            {
                await TechSme(enterprise, Shuxi);
            }
        }

        // The park's land (C3, C4, C5, T1), each step with the day it was submitted or completed.
        LandParcel Parcel(string name, decimal squareMetres, ParcelUse use, string location, string? planned)
        {
            var parcel = new LandParcel(new ParcelFacts(name, DevelopmentZone, park.Id, location, squareMetres, use, planned), now);
            db.Add(parcel);
            return parcel;
        }
        void Step(LandParcel parcel, ParcelStepKind kind, DateOnly? submitted, DateOnly? completed, string? note = null) =>
            db.Add(new ParcelStep(parcel.Id, parcel.RegionCode, kind, new ParcelStepFacts(submitted, completed, note), now));

        // C3: 科技城研发总部地块控规调整完成报批.
        Step(Parcel("科技城研发总部地块", 45_210.60m, ParcelUse.Research, "武义科技城研发总部", "科技城研发总部"),
            ParcelStepKind.ZoningAdjustment, new DateOnly(2023, 4, 18), null, "控规调整方案已报县政府审批");
        // C4: 工业地块(61691.24 平方米)达成分割方案.
        Step(Parcel("科技城工业地块", 61_691.24m, ParcelUse.Industrial, "武义科技城", null),
            ParcelStepKind.Subdivision, new DateOnly(2023, 3, 20), new DateOnly(2023, 6, 8));
        // C5: 完成科技城二期用地面积8.8万㎡农转用报批 (approved later in the year).
        var phase2 = Parcel("科技城二期用地", 88_000m, ParcelUse.Mixed, "武义科技城二期", "科技城二期");
        Step(phase2, ParcelStepKind.FarmlandConversion, new DateOnly(2023, 5, 26), new DateOnly(2023, 10, 12));
        // T1: 争取年内完成B地块(107亩)供地, for the 新兴产业聚集区项目; entered in 亩.
        var plotB = Parcel("科技城B地块", LandArea.FromMu(107m), ParcelUse.Industrial, "武义科技城二期", "新兴产业聚集区项目");
        Step(plotB, ParcelStepKind.FarmlandConversion, new DateOnly(2023, 5, 26), new DateOnly(2023, 10, 12));
        Step(plotB, ParcelStepKind.LandSupply, new DateOnly(2023, 11, 6), new DateOnly(2023, 12, 20), "挂牌出让成交");

        // C1 and T2: the accelerator's project. 方案设计招标 before the letter; 开工 in September 2023 and monthly 工程形象进度
        // from October, 21% by December 2023 (T2 争取完成工程形象进度20%), 主体结顶 in October 2024, 竣工 in November 2025.
        var project = new ConstructionProject(new ProjectFacts("科技城企业加速器项目", DevelopmentZone, accelerator.Id, null), now);
        db.Add(project);
        void Milestone(MilestoneKind kind, DateOnly planned, DateOnly? actual) =>
            db.Add(new ProjectMilestone(project.Id, project.RegionCode, kind, new MilestoneDates(planned, actual), now));
        Milestone(MilestoneKind.DesignTender, new DateOnly(2023, 3, 31), new DateOnly(2023, 3, 28));
        Milestone(MilestoneKind.Groundbreaking, new DateOnly(2023, 9, 30), new DateOnly(2023, 9, 26));
        Milestone(MilestoneKind.Topping, new DateOnly(2024, 9, 30), new DateOnly(2024, 10, 18));
        Milestone(MilestoneKind.Completion, new DateOnly(2025, 9, 30), new DateOnly(2025, 11, 20));
        Milestone(MilestoneKind.Delivery, new DateOnly(2026, 6, 30), null);
        decimal[] progress = [5, 12, 21, 26, 30, 35, 40, 45, 50, 54, 58, 62, 66, 70, 74, 77, 80, 83, 86, 89, 92, 94, 96, 98, 99, 100];
        for (var i = 0; i < progress.Length; i++)
        {
            db.Add(new ProgressReport(project.Id, project.RegionCode, new DateOnly(2023, 10, 1).AddMonths(i), progress[i], null, now));
        }

        // C6: 支付第二期购房款1.04亿元 (the first instalment's amount and both days are illustrative); C7: 与开发商龙软公司商定违约处置,
        // 挽回国有资产流失300多万元, as two recoveries that add up to 312.45万元.
        void Pay(PaymentKind kind, int? instalment, decimal yuan, DateOnly paid, string note) =>
            db.Add(new CarrierPayment(enclave.Id, enclave.RegionCode,
                new PaymentFacts(kind, instalment, Platform.Data.Money.ToFen(yuan), paid, "龙软公司", note), now));
        Pay(PaymentKind.PurchaseInstalment, 1, 120_000_000m, new DateOnly(2022, 6, 28), "第一期购房款");
        Pay(PaymentKind.PurchaseInstalment, 2, 104_000_000m, new DateOnly(2023, 4, 20), "完成飞地购置资金融资后支付第二期购房款");
        Pay(PaymentKind.Recovery, null, 1_856_000m, new DateOnly(2023, 5, 30), "逾期交付违约金");
        Pay(PaymentKind.Recovery, null, 1_268_500m, new DateOnly(2023, 6, 15), "交付标准不符抵扣房款");

        // T5 力争培育园区科技型中小企业累计14家以上.
        db.Add(new Target(Region, 2023, ParkTechSmeCountIndicator.IndicatorCode, ">=", ParkTechSmeTarget2023, now));
        // T6 杭州科创飞地 力争招引入驻企业5家以上; T7 力争培育市级以上众创空间2家以上.
        db.Add(new Target(Region, 2023, EnclaveResidentCountIndicator.IndicatorCode, ">=", 5m, now));
        db.Add(new Target(Region, 2023, CityMakerSpaceCountIndicator.IndicatorCode, ">=", 2m, now));
        // T1 争取年内完成B地块(107亩)供地.
        db.Add(new Target(Region, 2023, LandSuppliedAreaIndicator.IndicatorCode, ">=", LandSupplyTarget2023, now));
        // T4 推进武义网易联合创新中心项目运营，力争实现入驻率100%.
        db.Add(new Target(Region, 2023, JointCenterOccupancyIndicator.IndicatorCode, ">=", 100m, now));
        // T3 (2024) 完成3#、8#楼装修，交付运营.
        db.Add(new Target(Region, 2024, BuildingsDeliveredIndicator.IndicatorCode, ">=", 2m, now));
        // T2 加快企业加速器项目建设，争取完成工程形象进度20%.
        db.Add(new Target(Region, 2023, ProjectProgressIndicator.IndicatorCode, ">=", 20m, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
