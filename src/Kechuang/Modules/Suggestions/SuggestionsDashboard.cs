using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Suggestions;

/// <summary>
/// Home figures for the bureau staff who handle deputies' suggestions, in the viewer's region for the year shown: those
/// received and first answered in it, and the rates bureaus report, taken from the module's own indicators. A rate with
/// nothing to be taken over (no reply, no evaluation in the year) is left out rather than shown as 0%.
/// </summary>
internal sealed class SuggestionsDashboard : IDashboardCard
{
    public int Order => 650;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period)
    {
        if (!MayRead(db.User))
        {
            return [];
        }
        var region = IndicatorCatalogue.DefaultRegion(db.User);
        var span = Period.Year(period.Year);
        var received = await db.Set<Suggestion>().AsNoTracking().UnderRegion(region)
            .CountAsync(s => s.ReceivedOn >= period.From && s.ReceivedOn < period.To);
        var replied = await SuggestionRateIndicator.Replied(db, region, span).CountAsync();
        var evaluated = await SuggestionRateIndicator.Evaluated(db, region, span).CountAsync();
        var figures = new List<DashboardFigure>
        {
            new("收到代表建议", received, "件", $"/suggestions?regionCode={region}&year={period.Year}", period.SpanText),
            new("答复代表建议", replied, "件", $"/suggestions?regionCode={region}&repliedYear={period.Year}", period.SpanText),
        };
        foreach (var rate in SuggestionRateIndicator.All())
        {
            var whole = rate.Code == SuggestionRateIndicator.SatisfactionCode ? evaluated : replied;
            if (whole > 0)
            {
                var value = await rate.ComputeAsync(db, region, span, CancellationToken.None);
                figures.Add(new(rate.Name, (double)value, rate.Unit, rate.RecordsUrl(region, span), period.SpanText));
            }
        }
        return figures;
    }

    public async Task<int?> LatestYearAsync(KechuangDb db)
    {
        if (!MayRead(db.User))
        {
            return null;
        }
        var suggestions = db.Set<Suggestion>().AsNoTracking().UnderRegion(IndicatorCatalogue.DefaultRegion(db.User));
        var received = await suggestions.MaxAsync(s => (DateOnly?)s.ReceivedOn);
        var replied = await suggestions.MaxAsync(s => s.FirstRepliedOn);
        return received is null && replied is null ? null : Math.Max(received?.Year ?? 0, replied?.Year ?? 0);
    }

    /// <summary>Suggestions are the bureau's business: the staff who handle them (an administrator's unlimited scope too).</summary>
    private static bool MayRead(CurrentUser user) => user.Scope.All || user.Role?.IsStaff() == true;
}
