using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Suggestions;

/// <summary>
/// The handling rates bureaus report (docs/rules/suggestions.md §4): each over the suggestions first answered in the period
/// (满意率: over those the deputy evaluated in it), as a percentage with two decimals, 0 when there are none.
/// </summary>
internal sealed class SuggestionRateIndicator(string code, string name, Func<KechuangDb, string, Period, CancellationToken, Task<(int Part, int Whole)>> count,
    string yearParameter = "repliedYear")
    : IIndicator
{
    public const string OnTimeCode = "suggestions.on-time-rate";
    public const string ContactCode = "suggestions.contact-rate";
    public const string SatisfactionCode = "suggestions.satisfaction-rate";

    public string Code => code;
    public string Name => name;
    public string Unit => "%";
    public string Module => "suggestions";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var (part, whole) = await count(db, regionCode, period, cancellationToken);
        return whole == 0 ? 0m : decimal.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The suggestions the rate is taken over: first answered in the year, or (满意率) evaluated in it.</summary>
    public string RecordsUrl(string regionCode, Period period) => $"/suggestions?regionCode={regionCode}&{yearParameter}={period.From.Year}";

    public static IEnumerable<IIndicator> All() =>
    [
        new SuggestionRateIndicator(OnTimeCode, "建议按期答复率", async (db, region, period, ct) =>
        {
            var replied = Replied(db, region, period);
            return (await replied.CountAsync(s => s.FirstReplyOnTime == true, ct), await replied.CountAsync(ct));
        }),
        new SuggestionRateIndicator(ContactCode, "建议面商率", async (db, region, period, ct) =>
        {
            var replied = Replied(db, region, period);
            var contacts = db.Set<SuggestionContact>().AsNoTracking();
            return (await replied.CountAsync(s => contacts.Any(c => c.SuggestionId == s.Id), ct), await replied.CountAsync(ct));
        }),
        new SuggestionRateIndicator(SatisfactionCode, "代表满意率（含基本满意）", async (db, region, period, ct) =>
        {
            var evaluated = Evaluated(db, region, period);
            return (await evaluated.CountAsync(s => s.Satisfaction != Satisfaction.Dissatisfied, ct), await evaluated.CountAsync(ct));
        }, "evaluatedYear"),
    ];

    internal static IQueryable<Suggestion> Replied(KechuangDb db, string regionCode, Period period) =>
        Scoped(db, regionCode).Where(s => s.FirstRepliedOn >= period.From && s.FirstRepliedOn < period.To);

    /// <summary>The suggestions whose deputy's (latest) evaluation falls in the period: what 满意率 is taken over.</summary>
    internal static IQueryable<Suggestion> Evaluated(KechuangDb db, string regionCode, Period period) =>
        Scoped(db, regionCode).Where(s => s.FeedbackOn >= period.From && s.FeedbackOn < period.To);

    private static IQueryable<Suggestion> Scoped(KechuangDb db, string regionCode) => db.Set<Suggestion>().AsNoTracking().UnderRegion(regionCode);
}
