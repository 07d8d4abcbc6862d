using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// 武义县 2023 targets of the letter for enterprise cultivation and IP (docs/letter-figures.md, T9, T13, T14, T15, T17, T18), each bound
/// to the indicator that computes the actual from records. Targets only: the actuals are whatever the records give.
/// <para>
/// T5 (园区科技型中小企业累计 ≥14) is a park's figure: the carriers' demo data seeds it against
/// <c>enterprises.park-tech-sme-count</c>.
/// </para>
/// </summary>
internal sealed class EnterpriseTargetsDemoData : IDemoData
{
    public const string Region = "330723";
    public const int Year = 2023;

    /// <summary>(letter-figures row, indicator code, target). "力争…以上" is <c>&gt;=</c>.</summary>
    internal static readonly (string Row, string IndicatorCode, decimal Value)[] Targets2023 =
    [
        // T9 申请各类专利 ≥10 / 其中发明专利 ≥2.
        ("T9", "ip.patent-applications", 10m),
        ("T9", "ip.invention-applications", 2m),
        // T13 实施发明专利产业化项目 ≥25: filed projects put into implementation in the year.
        ("T13", "ip.industrialization-projects", 25m),
        // T14 省科技型中小企业等创新主体 ≥80: enterprises that were 科小 or 高企 in the year or had a 研发机构, each once.
        ("T14", "enterprises.innovation-entities", 80m),
        // T15 市级以上研发机构 ≥30.
        ("T15", "enterprises.rd-institution-count", 30m),
        // T17 重点企业研究院 ≥1.
        ("T17", "enterprises.key-institute-count", 1m),
        // T18 亿元以上规上工业企业研发机构设立覆盖率 100% (the indicator is in percent).
        ("T18", "enterprises.rd-coverage-100m", 100m),
    ];

    public int Order => 40;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var (_, code, value) in Targets2023)
        {
            db.Add(new Target(Region, Year, code, ">=", value, db.UtcNow));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
