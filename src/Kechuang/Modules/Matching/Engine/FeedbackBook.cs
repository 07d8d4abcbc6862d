namespace Kechuang.Modules.Matching.Engine;

/// <summary>One staff judgement: a result was useful (or not) for a demand or a query with these words.</summary>
public sealed record FeedbackMark(string Kind, Guid TargetId, Guid? DemandId, IReadOnlyList<string> Terms, bool Useful);

/// <summary>What staff judgements make of one result for one query: the factor on its score and the marks that count.</summary>
public sealed record FeedbackEffect(double Factor, int Useful, int NotUseful);

/// <summary>
/// Staff judgements as they move later rankings. A mark counts fully for the same demand and, for another query, as much as
/// the two share words (Jaccard over their terms, from 0.25): a result judged useful for "真空杯保温" rises for
/// "保温杯保温时间短" too. The factor is exp(0.9 × Σ ±similarity), bounded, so one mark doubles or halves a score and
/// marks never remove a result.
/// </summary>
public sealed class FeedbackBook
{
    private const double MinimumSimilarity = 0.25;
    private volatile Dictionary<(string Kind, Guid Id), FeedbackMark[]> _marks = [];

    public int Count => _marks.Values.Sum(m => m.Length);

    public void Replace(IEnumerable<FeedbackMark> marks) =>
        _marks = marks.GroupBy(m => (m.Kind, m.TargetId)).ToDictionary(g => g.Key, g => g.ToArray());

    public FeedbackEffect? Effect(string kind, Guid id, Guid? demandId, IReadOnlyCollection<string> terms)
    {
        if (!_marks.TryGetValue((kind, id), out var marks))
        {
            return null;
        }
        double sum = 0;
        int useful = 0, notUseful = 0;
        foreach (var mark in marks)
        {
            var similarity = demandId is not null && mark.DemandId == demandId ? 1.0 : Jaccard(terms, mark.Terms);
            if (similarity < MinimumSimilarity)
            {
                continue;
            }
            sum += mark.Useful ? similarity : -similarity;
            if (mark.Useful)
            {
                useful++;
            }
            else
            {
                notUseful++;
            }
        }
        return useful + notUseful == 0 ? null : new FeedbackEffect(Math.Exp(0.9 * Math.Clamp(sum, -3, 3)), useful, notUseful);
    }

    private static double Jaccard(IReadOnlyCollection<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
