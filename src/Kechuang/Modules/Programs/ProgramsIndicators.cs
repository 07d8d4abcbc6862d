using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Programs;

/// <summary>
/// Counts applications of the region that reached a step in the period, optionally of calls of one level and category;
/// its records URL opens the application list with the same filters (docs/letter-figures.md S6–S9, T16).
/// </summary>
internal abstract class StageIndicator(string code, string name, string stage, PlanLevel? level = null, string? category = null) : IIndicator
{
    public string Code => code;
    public string Name => name;
    public string Unit => "项";
    public string Module => "programs";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var apps = db.Set<PlanApplication>().AsNoTracking().UnderRegion(regionCode);
        apps = ApplicationStages.OfCalls(db, apps, level, category);
        return await ApplicationStages.In(apps, stage, period).CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) =>
        $"/programs/applications?regionCode={regionCode}&year={period.From.Year}&stage={stage}"
        + (level is { } l ? $"&level={Platform.Problems.Kebab.From(l)}" : "")
        + (category is { } c ? $"&category={Uri.EscapeDataString(c)}" : "");
}

/// <summary>征集县级科技计划项目 (letter S6: 2022年县级一般研发项目49个): applications to county calls submitted in the period.</summary>
internal sealed class ApplicationsIndicator() : StageIndicator(IndicatorCode, "征集县级计划项目", ApplicationStages.Submitted, PlanLevel.County)
{
    public const string IndicatorCode = "programs.applications";
}

/// <summary>推荐上报 (letter S7: 推荐上报市级社发类项目12个): applications the region recommended to a higher call in the period.</summary>
internal sealed class RecommendedIndicator() : StageIndicator(IndicatorCode, "推荐上报项目", ApplicationStages.Recommended)
{
    public const string IndicatorCode = "programs.recommended";
}

/// <summary>立项 (all levels and categories): applications approved in the period.</summary>
internal sealed class ApprovedIndicator() : StageIndicator(IndicatorCode, "立项科技计划项目", ApplicationStages.Approved)
{
    public const string IndicatorCode = "programs.approved";
}

/// <summary>新增市级社发类项目立项 (letter S7: 9).</summary>
internal sealed class CitySocialApprovedIndicator() : StageIndicator(IndicatorCode, "立项市级社发类项目", ApplicationStages.Approved, PlanLevel.City, "社发类")
{
    public const string IndicatorCode = "programs.approved.city-social";
}

/// <summary>农业类重点项目 (letter S8: 1).</summary>
internal sealed class CityAgriculturalKeyApprovedIndicator()
    : StageIndicator(IndicatorCode, "立项市级农业类重点项目", ApplicationStages.Approved, PlanLevel.City, "农业类重点")
{
    public const string IndicatorCode = "programs.approved.city-agricultural-key";
}

/// <summary>立项省级科技计划项目 (letter T16: 2023年40项以上).</summary>
internal sealed class ProvincialApprovedIndicator() : StageIndicator(IndicatorCode, "立项省级科技计划项目", ApplicationStages.Approved, PlanLevel.Provincial)
{
    public const string IndicatorCode = "programs.provincial-approved";
}

/// <summary>验收通过 (letter S9: 寿仙谷珍稀药材实验室): acceptances passed in the period.</summary>
internal sealed class AcceptedIndicator() : StageIndicator(IndicatorCode, "验收通过项目", ApplicationStages.Accepted)
{
    public const string IndicatorCode = "programs.accepted";
}
