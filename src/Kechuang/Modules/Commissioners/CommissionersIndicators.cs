using System.Globalization;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Commissioners;

/// <summary>摸底省派科技特派员需求 (S1): needs surveyed in the region in the period.</summary>
internal sealed class NeedsSurveyedIndicator : IIndicator
{
    public const string IndicatorCode = "commissioners.needs-surveyed";

    public string Code => IndicatorCode;
    public string Name => "摸底科技特派员需求";
    public string Unit => "个";
    public string Module => "commissioners";

    public Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        db.Set<NeedsSurvey>().AsNoTracking().UnderRegion(regionCode).Where(n => n.SurveyedOn >= period.From && n.SurveyedOn < period.To)
            .CountAsync(cancellationToken).ContinueWith(t => (decimal)t.Result, TaskScheduler.Default);

    public string RecordsUrl(string regionCode, Period period) =>
        string.Create(CultureInfo.InvariantCulture, $"/commissioners/needs?regionCode={regionCode}&year={period.From.Year}");
}

/// <summary>
/// 新增科技特派员项目 (S2): projects of the region whose 立项年度 lies in the period, of one level or all. A project has a year,
/// not a day: every year the period touches counts whole.
/// </summary>
internal sealed class ProjectsIndicator(string code, string name, ProjectLevel? level) : IIndicator
{
    public const string AllCode = "commissioners.projects";
    public const string ProvincialCode = "commissioners.projects.provincial";
    public const string CountyCode = "commissioners.projects.county";

    public string Code => code;
    public string Name => name;
    public string Unit => "项";
    public string Module => "commissioners";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var first = period.From.Year;
        var last = period.To.AddDays(-1).Year;
        var rows = db.Set<CommissionerProject>().AsNoTracking().UnderRegion(regionCode).Where(p => p.Year >= first && p.Year <= last);
        if (level is { } l)
        {
            rows = rows.Where(p => p.Level == l);
        }
        return await rows.CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => string.Create(CultureInfo.InvariantCulture,
        $"/commissioners/projects?regionCode={regionCode}&year={period.From.Year}&toYear={period.To.AddDays(-1).Year}{(level is { } l ? "&level=" + Platform.Problems.Kebab.From(l) : "")}");
}

/// <summary>
/// The service figures (S3, S4, S10): trainings and their trainees, varieties introduced, 亩 promoted, pairing visits and
/// technical help, from the service records of the region's commissioners dated in the period. A record counts when
/// entered; its confirmation is shown beside it, not required.
/// </summary>
internal sealed class ServiceIndicator(string code, string name, string unit, ServiceKind kind, Func<IReadOnlyList<ServiceRecord>, decimal> measure) : IIndicator
{
    public const string TrainingsCode = "commissioners.trainings";
    public const string TraineesCode = "commissioners.trainees";
    public const string VarietiesCode = "commissioners.varieties";
    public const string PromotedAreaCode = "commissioners.promoted-area";
    public const string VisitsCode = "commissioners.pairing-visits";
    public const string HelpCode = "commissioners.technical-help";

    public string Code => code;
    public string Name => name;
    public string Unit => unit;
    public string Module => "commissioners";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        // Decimal 亩 are summed here, not in SQL (SQLite stores them as text).
        var rows = await db.Set<ServiceRecord>().AsNoTracking().UnderRegion(regionCode)
            .Where(s => s.Kind == kind && s.ServedOn >= period.From && s.ServedOn < period.To).ToListAsync(cancellationToken);
        return measure(rows);
    }

    public string RecordsUrl(string regionCode, Period period) => string.Create(CultureInfo.InvariantCulture,
        $"/commissioners/services?regionCode={regionCode}&kind={Platform.Problems.Kebab.From(kind)}&from={period.From:yyyy-MM-dd}&to={period.To.AddDays(-1):yyyy-MM-dd}");

    public static IEnumerable<IIndicator> All() =>
    [
        new ServiceIndicator(TrainingsCode, "农业科技培训场次", "场次", ServiceKind.Training, r => r.Count),
        new ServiceIndicator(TraineesCode, "参训农民人次", "人次", ServiceKind.Training, r => r.Sum(s => s.Trainees ?? 0)),
        new ServiceIndicator(VarietiesCode, "引进农业新品种", "个", ServiceKind.VarietyIntroduction, r => r.Count),
        new ServiceIndicator(PromotedAreaCode, "推广农业新品种面积", "亩", ServiceKind.PromotedArea, r => r.Sum(s => s.AreaMu ?? 0m)),
        new ServiceIndicator(VisitsCode, "结对帮扶走访", "人次", ServiceKind.Visit, r => r.Count),
        new ServiceIndicator(HelpCode, "技术帮扶", "次", ServiceKind.TechnicalAssistance, r => r.Count),
    ];
}
