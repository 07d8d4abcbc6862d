using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

/// <summary>推荐申报高层次人才项目 (letter A10, T12): applications of the period's 申报年度 (round years), whatever their result.</summary>
internal sealed class ApplicationsIndicator : IIndicator
{
    public const string IndicatorCode = "talent.applications";

    public string Code => IndicatorCode;
    public string Name => "推荐申报高层次人才项目";
    public string Unit => "项";
    public string Module => "talent";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await TalentIndicators.Applications(db, regionCode, period).CountAsync(cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => $"/talent/applications?regionCode={regionCode}&year={period.From.Year}";
}

/// <summary>获批国家级人才项目 (letter A10): applications of the period's round years to a national programme, approved.</summary>
internal sealed class NationalApprovalsIndicator : IIndicator
{
    public const string IndicatorCode = "talent.national-approvals";

    public string Code => IndicatorCode;
    public string Name => "获批国家级人才项目";
    public string Unit => "项";
    public string Module => "talent";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await TalentIndicators.Applications(db, regionCode, period)
            .Where(a => a.Level == TalentLevel.National && a.Result == ApplicationResult.Approved).CountAsync(cancellationToken);

    public string RecordsUrl(string regionCode, Period period) =>
        $"/talent/applications?regionCode={regionCode}&year={period.From.Year}&level=national&result=approved";
}

/// <summary>百博入企推荐上报博士 (letter A11): PhDs recommended in the period's 百博入企 rounds, each PhD once.</summary>
internal sealed class PhdRecommendationsIndicator : IIndicator
{
    public const string IndicatorCode = "talent.phd-recommendations";

    public string Code => IndicatorCode;
    public string Name => "百博入企推荐上报博士";
    public string Unit => "名";
    public string Module => "talent";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var (first, last) = TalentIndicators.Years(period);
        return await db.Set<PhdRecommendation>().AsNoTracking().UnderRegion(regionCode).Where(r => r.Year >= first && r.Year <= last)
            .Select(r => r.PhdId).Distinct().CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/talent/phd-recommendations?regionCode={regionCode}&year={period.From.Year}";
}

/// <summary>引进博士以上人才 (letter T8): talents with a doctorate or above who took up work in the period.</summary>
internal sealed class IntroducedPhdsIndicator : IIndicator
{
    public const string IndicatorCode = "talent.introduced-phds";

    public string Code => IndicatorCode;
    public string Name => "引进博士以上人才";
    public string Unit => "名";
    public string Module => "talent";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        return await db.Set<TalentIntroduction>().AsNoTracking().UnderRegion(regionCode)
            .Where(i => i.IntroducedOn >= period.From && i.IntroducedOn < period.To)
            .Select(i => i.PersonId).Distinct().CountAsync(cancellationToken);
    }

    public string RecordsUrl(string regionCode, Period period) => $"/talent/introductions?regionCode={regionCode}&year={period.From.Year}";
}

internal static class TalentIndicators
{
    /// <summary>The round years a period covers: a calendar year is its own year.</summary>
    public static (int First, int Last) Years(Period period) => (period.From.Year, period.To.AddDays(-1).Year);

    public static IQueryable<TalentApplication> Applications(KechuangDb db, string regionCode, Period period)
    {
        var (first, last) = Years(period);
        return db.Set<TalentApplication>().AsNoTracking().UnderRegion(regionCode).Where(a => a.Year >= first && a.Year <= last);
    }
}
