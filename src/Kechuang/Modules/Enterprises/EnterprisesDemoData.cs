using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// Cultivation records of the directory's demo enterprises: three years of figures, certificates, R&amp;D institutions,
/// patents, the 42 invention-patent industrialisation filings of 2022 (A12) and 寿仙谷's nomination for the 2022
/// 省科技进步一等奖 (A15). Individual records only; every figure is computed from them.
/// </summary>
public sealed class EnterprisesDemoData(IOrganizationDirectory directory) : IDemoData
{
    public int Order => 30;

    private sealed record Demo(string Name, string Industry, DateOnly Registered, bool SupportedField,
        (int Year, decimal Sales, decimal Assets, decimal Liabilities, decimal Rd, int Employees, int TechStaff, int Transformations)[] Years);

    private static readonly Demo[] Enterprises =
    [
        new("浙江寿仙谷医药股份有限公司", "C2740", new DateOnly(1997, 1, 8), true,
            [(2021, 700_000_000m, 2_600_000_000m, 600_000_000m, 36_000_000m, 860, 150, 6), (2022, 760_000_000m, 2_900_000_000m, 650_000_000m, 40_000_000m, 880, 160, 6),
             (2023, 820_000_000m, 3_200_000_000m, 700_000_000m, 43_000_000m, 900, 170, 7)]),
        new("武义县恒达电动工具有限公司", "C3465", new DateOnly(2009, 5, 20), true,
            [(2021, 96_000_000m, 70_000_000m, 30_000_000m, 3_900_000m, 260, 30, 2), (2022, 112_000_000m, 80_000_000m, 33_000_000m, 4_700_000m, 280, 34, 3),
             (2023, 128_000_000m, 92_000_000m, 36_000_000m, 5_400_000m, 300, 38, 3)]),
        new("浙江泉溪五金制品有限公司", "C3389", new DateOnly(2012, 3, 15), true,
            [(2021, 14_000_000m, 12_000_000m, 5_000_000m, 760_000m, 60, 9, 1), (2022, 16_000_000m, 13_000_000m, 5_200_000m, 850_000m, 62, 10, 2),
             (2023, 18_500_000m, 14_500_000m, 5_500_000m, 980_000m, 66, 11, 2)]),
        new("浙江科兴电动工具检测有限公司", "M7452", new DateOnly(2022, 8, 18), true,
            [(2022, 2_000_000m, 9_000_000m, 1_000_000m, 150_000m, 18, 6, 0), (2023, 6_500_000m, 11_000_000m, 1_500_000m, 420_000m, 26, 9, 1)]),
        new("磐安县本草中药饮片有限公司", "C2730", new DateOnly(2010, 10, 10), false,
            [(2022, 45_000_000m, 30_000_000m, 12_000_000m, 600_000m, 120, 8, 0), (2023, 48_000_000m, 32_000_000m, 13_000_000m, 700_000m, 125, 9, 0)]),
    ];

    /// <summary>A12: 42 filings in 2022, spread over the Wuyi enterprises.</summary>
    private static readonly (string Enterprise, int Filings)[] Filings2022 =
    [
        ("浙江寿仙谷医药股份有限公司", 20), ("武义县恒达电动工具有限公司", 12), ("浙江泉溪五金制品有限公司", 7), ("浙江科兴电动工具检测有限公司", 3),
    ];

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var now = db.UtcNow;
        var found = new Dictionary<string, OrganizationInfo>();
        foreach (var e in Enterprises)
        {
            if (await directory.FindByNameAsync(e.Name, cancellationToken) is not { } org)
            {
                continue;
            }
            found[e.Name] = org;
            db.Add(new EnterpriseProfile(org.Id, org.RegionCode, org.Name,
                new ProfileFacts(e.Industry, TaxCollectionMode.ActualProfit, e.Registered, true, false, e.SupportedField), now));
            foreach (var y in e.Years)
            {
                db.Add(new EnterpriseYearRecord(org.Id, org.RegionCode, y.Year, new YearFigures(
                    y.Sales, y.Sales * 1.02m, y.Sales * 0.01m, decimal.Round(y.Sales * 0.72m, 2), y.Assets, y.Liabilities, y.Rd * 0.9m, y.Rd * 0.125m, 0m,
                    decimal.Round(y.Sales * 0.86m, 2), y.Employees, y.TechStaff, y.Transformations, false, false), now));
            }
        }
        if (found.Count == 0)
        {
            return;
        }
        OrganizationInfo? Org(string name) => found.GetValueOrDefault(name);

        if (Org("浙江寿仙谷医药股份有限公司") is { } shouxiangu)
        {
            db.Add(Qualification.HighTech(shouxiangu.Id, shouxiangu.RegionCode, new DateOnly(2023, 12, 8), "GR202333001234", now));
            // 首批省重点农业企业研究院 (accepted 2022). The county had no 重点企业研究院 yet: the letter sets its first as T17.
            db.Add(new RdInstitution(shouxiangu.Id, shouxiangu.RegionCode, "寿仙谷珍稀药材省重点农业企业研究院", RdInstitutionKind.KeyAgriInstitute, Level.Provincial, 2022, now));
            db.Add(new RdInstitution(shouxiangu.Id, shouxiangu.RegionCode, "寿仙谷省级企业研究院", RdInstitutionKind.EnterpriseInstitute, Level.Provincial, 2012, now));
            db.Add(new AwardNomination(shouxiangu.Id, shouxiangu.RegionCode, "浙江省科学技术进步奖", Level.Provincial, "一等奖", 2022,
                "灵芝、铁皮石斛等珍稀药用植物种质创新与高值化利用关键技术及产业化", NominationResult.Pending, now));
        }
        if (Org("浙江泉溪五金制品有限公司") is { } quanxi)
        {
            // 规下高企 whose certificate runs out in 2024: 小升规 and renewal candidate.
            db.Add(Qualification.HighTech(quanxi.Id, quanxi.RegionCode, new DateOnly(2021, 12, 16), "GR202133004567", now));
            db.Add(Qualification.TechSme(quanxi.Id, quanxi.RegionCode, 2023, "20233307230A000123", now));
            db.Add(new RdInstitution(quanxi.Id, quanxi.RegionCode, "泉溪五金县级研发中心", RdInstitutionKind.RdCenter, Level.County, 2020, now));
        }
        if (Org("浙江科兴电动工具检测有限公司") is { } kexing)
        {
            db.Add(Qualification.TechSme(kexing.Id, kexing.RegionCode, 2023, "20233307230A000456", now));
        }
        if (Org("武义县恒达电动工具有限公司") is { } hengda)
        {
            db.Add(new RdInstitution(hengda.Id, hengda.RegionCode, "恒达电动工具市级研发中心", RdInstitutionKind.RdCenter, Level.City, 2024, now));
        }
        if (Org("磐安县本草中药饮片有限公司") is { } bencao)
        {
            db.Add(Qualification.TechSme(bencao.Id, bencao.RegionCode, 2023, "20233307270A000078", now));
        }

        // Invention patents behind the 2022 filings (granted 2019–2022) and a few utility models.
        var serial = 0;
        foreach (var (name, count) in Filings2022)
        {
            if (Org(name) is not { } org)
            {
                continue;
            }
            for (var i = 0; i < count; i++)
            {
                serial++;
                var applied = new DateOnly(2017 + serial % 4, 1 + serial % 12, 5);
                var number = $"ZL{applied.Year}1{serial:D7}.X";
                db.Add(new IntellectualPropertyRecord(org.Id, org.RegionCode, IntellectualPropertyKind.InventionPatent, $"{ShortName(name)}发明专利{i + 1}", number,
                    IntellectualPropertyStatus.Granted, applied, applied.AddYears(2), true, now));
                // Filed, then carried out from three months later: the filings of the fourth quarter start in 2023 (T13).
                var filed = new DateOnly(2022, 1 + serial % 12, 1 + serial % 27);
                var start = filed.AddMonths(3);
                db.Add(new PatentIndustrializationFiling(org.Id, org.RegionCode, $"{ShortName(name)}发明专利产业化项目{i + 1}", number, null,
                    Platform.Data.Money.ToFen(500_000m + 100_000m * i), 2022, filed, start, start.AddYears(2).AddDays(-1), now));
            }
            for (var i = 0; i < 3; i++)
            {
                serial++;
                var applied = new DateOnly(2020, 2 + i, 10);
                db.Add(new IntellectualPropertyRecord(org.Id, org.RegionCode, IntellectualPropertyKind.UtilityModel, $"{ShortName(name)}实用新型{i + 1}",
                    $"ZL{applied.Year}2{serial:D7}.{i}", IntellectualPropertyStatus.Granted, applied, applied.AddMonths(8), true, now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string ShortName(string name) => name.Replace("浙江", "", StringComparison.Ordinal).Replace("武义县", "", StringComparison.Ordinal)[..3];
}
