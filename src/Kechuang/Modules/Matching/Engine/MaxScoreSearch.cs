using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kechuang.Modules.Matching.Engine;

/// <summary>A weighted term of a query and the concept it belongs to (the concepts are numbered from 0).</summary>
internal sealed record ScoredTerm(Term Term, float Boost, int Concept);

/// <summary>
/// The best records for a query that adds up weighted terms (BM25) and multiplies by the share of its concepts a record
/// has, scored as Lucene scores the same BooleanQuery, without scoring every record that has one of the terms. Each term
/// has a most it can add to a record; once the best list is full, the terms whose mosts added together cannot lift a
/// record above the last of the list no longer find records: they are looked up only for the records the other terms
/// found, and a record is dropped as soon as what it has plus what it could still get falls short (the MaxScore method of
/// Turtle and Flood). At a county's size the list is never full and every term finds, as before; at a province's, the
/// common words of a query stop walking their long postings.
/// </summary>
internal static class MaxScoreSearch
{
    private const int Window = 2048;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, IReadOnlyList<(int Count, float Length)>>> Lengths = new();

    /// <summary>
    /// The best <paramref name="depth"/> records among those <paramref name="accept"/> lets through in each segment, best
    /// first. <paramref name="bonus"/>, when given, adds to the score of a record the terms found, outside the
    /// coordination, and finds none itself. <see cref="TopDocs.TotalHits"/> counts the records examined: every record that
    /// has a term while no term has stopped finding; <c>Exact</c> says whether that is every record a term has (no term
    /// stopped finding) or a lower bound.
    /// </summary>
    public static (TopDocs Top, bool Exact) Search(IndexSearcher searcher, IReadOnlyList<ScoredTerm> terms, int concepts, ScoredTerm? bonus, int depth, Func<AtomicReader, IBits?> accept)
    {
        var similarity = (ConceptSimilarity)searcher.Similarity;
        var averageLengths = terms.Select(t => t.Term.Field).Distinct().ToDictionary(f => f, f => (double)similarity.AverageLength(searcher.CollectionStatistics(f)));
        var weights = terms.Select(t => searcher.CreateNormalizedWeight(new TermQuery(t.Term) { Boost = t.Boost })).ToArray();
        var bonusWeight = bonus is null ? null : searcher.CreateNormalizedWeight(new TermQuery(bonus.Term) { Boost = bonus.Boost });
        var coord = new double[concepts + 1];
        for (var i = 0; i <= concepts; i++)
        {
            coord[i] = similarity.Coord(i, concepts);
        }
        var best = new Best(depth);
        var examined = 0;
        var exact = true;
        var scores = new double[Window];
        var found = new ulong[Window];
        var slots = new ulong[Window / 64];
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var acceptDocs = accept(segment);
            var open = new List<(Scorer Scorer, double Most, ulong Concept)>(terms.Count);
            for (var i = 0; i < terms.Count; i++)
            {
                if (weights[i].GetScorer(leaf, acceptDocs) is { } scorer && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    open.Add((scorer, Most(similarity, segment, terms[i].Term, weights[i], averageLengths[terms[i].Term.Field]), 1UL << terms[i].Concept));
                }
            }
            if (open.Count == 0)
            {
                continue;
            }
            var extra = bonusWeight?.GetScorer(leaf, acceptDocs);
            var extraMost = extra is null ? 0 : Most(similarity, segment, bonus!.Term, bonusWeight!, similarity.AverageLength(searcher.CollectionStatistics(bonus.Term.Field)));
            // Least first: the lists that stop finding are a prefix, and what a record could still get is a prefix sum.
            open.Sort((a, b) => a.Most.CompareTo(b.Most));
            var lists = open.Select(l => l.Scorer).ToArray();
            var bits = open.Select(l => l.Concept).ToArray();
            // What the first lists can add up to, and the concepts among them: a record that only they find has no other
            // concept, and its score is multiplied by the share of concepts it has.
            var upTo = new double[lists.Length];
            var among = new ulong[lists.Length];
            var sum = 0.0;
            var seen = 0UL;
            for (var i = 0; i < lists.Length; i++)
            {
                upTo[i] = sum += open[i].Most;
                among[i] = seen |= bits[i];
            }
            var finding = Finding(upTo, among, coord, extraMost, best.Floor);
            while (finding < lists.Length)
            {
                var start = int.MaxValue;
                for (var i = finding; i < lists.Length; i++)
                {
                    start = Math.Min(start, lists[i].DocID);
                }
                if (start == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }
                var end = start + Window;
                for (var i = finding; i < lists.Length; i++)
                {
                    var scorer = lists[i];
                    var concept = bits[i];
                    for (var doc = scorer.DocID; doc < end; doc = scorer.NextDoc())
                    {
                        var slot = doc - start;
                        ref var word = ref slots[slot >> 6];
                        var bit = 1UL << slot;
                        if ((word & bit) == 0)
                        {
                            word |= bit;
                            scores[slot] = 0;
                            found[slot] = 0;
                        }
                        scores[slot] += scorer.GetScore();
                        found[slot] |= concept;
                    }
                }
                for (var w = 0; w < slots.Length; w++)
                {
                    var word = slots[w];
                    slots[w] = 0;
                    while (word != 0)
                    {
                        var slot = (w << 6) + BitOperations.TrailingZeroCount(word);
                        word &= word - 1;
                        examined++;
                        var doc = start + slot;
                        var score = scores[slot];
                        var concept = found[slot];
                        var kept = true;
                        for (var i = finding - 1; i >= 0; i--)
                        {
                            if ((score + upTo[i]) * coord[BitOperations.PopCount(concept | among[i])] + extraMost <= best.Floor)
                            {
                                kept = false;
                                break;
                            }
                            var scorer = lists[i];
                            if (scorer.DocID < doc)
                            {
                                scorer.Advance(doc);
                            }
                            if (scorer.DocID == doc)
                            {
                                score += scorer.GetScore();
                                concept |= bits[i];
                            }
                        }
                        var total = (float)(score * coord[BitOperations.PopCount(concept)]);
                        if (!kept || total + extraMost <= best.Floor)
                        {
                            continue;
                        }
                        if (extra is not null)
                        {
                            if (extra.DocID < doc)
                            {
                                extra.Advance(doc);
                            }
                            if (extra.DocID == doc)
                            {
                                total += extra.GetScore();
                            }
                        }
                        best.Offer(leaf.DocBase + doc, total);
                    }
                }
                finding = Finding(upTo, among, coord, extraMost, best.Floor);
            }
            exact &= finding == 0;
        }
        return (best.TopDocs(examined), exact);
    }

    /// <summary>
    /// The first list that still finds records: those before it cannot together (with the bonus) lift a record above the
    /// floor.
    /// </summary>
    private static int Finding(double[] upTo, ulong[] among, double[] coord, double bonus, double floor)
    {
        var i = 0;
        while (i < upTo.Length && upTo[i] * coord[BitOperations.PopCount(among[i])] + bonus <= floor)
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// The most a term can add to a record of the segment: its weight (idf and boost) times the largest BM25 share any of
    /// the segment's records gets, from the shortest record length seen with each count of the term (a share grows with the
    /// count and falls with the length). The lengths are read once per segment and term; the average length the share
    /// is taken against is the searcher's, so the bound holds as the index grows.
    /// </summary>
    private static double Most(ConceptSimilarity similarity, AtomicReader segment, Term term, Weight weight, double averageLength)
    {
        double k1 = similarity.K1;
        double b = similarity.B;
        var share = 0.0;
        foreach (var (count, length) in Shortest(similarity, segment, term))
        {
            share = Math.Max(share, (k1 + 1) * count / (count + (double.IsNaN(length) ? k1 : k1 * (1 - b + b * length / averageLength))));
        }
        // Lucene scores in single precision: a little headroom keeps a record whose score rounds up from being dropped.
        return Math.Sqrt(weight.GetValueForNormalization()) * share * 1.0001 + 1e-6;
    }

    /// <summary>Per count of the term in a record of the segment, the shortest such record (NaN when the field keeps no lengths).</summary>
    private static IReadOnlyList<(int Count, float Length)> Shortest(ConceptSimilarity similarity, AtomicReader segment, Term term) =>
        Lengths.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd(term, t =>
        {
            var shortest = new Dictionary<int, float>();
            var terms = segment.GetTerms(t.Field)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(t.Bytes))
            {
                return [];
            }
            // Deleted records too: a segment's deletions grow while older searchers still read it without them.
            var docs = terms.Docs(null, null, DocsFlags.FREQS);
            var norms = segment.GetNormValues(t.Field);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var length = norms is null ? float.NaN : similarity.Length((byte)norms.Get(doc));
                if (!shortest.TryGetValue(docs.Freq, out var known) || length < known)
                {
                    shortest[docs.Freq] = length;
                }
            }
            return [.. shortest.Select(p => (p.Key, p.Value))];
        });

    /// <summary>The best records so far; on equal scores the earlier record stays, as Lucene's collector keeps it.</summary>
    private sealed class Best(int depth)
    {
        private readonly PriorityQueue<ScoreDoc, ScoreDoc> _queue = new(depth + 1, Comparer<ScoreDoc>.Create(
            (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc)));

        /// <summary>The score a record must beat to enter (below every score until the list is full).</summary>
        public double Floor { get; private set; } = -1;

        public void Offer(int doc, float score)
        {
            if (_queue.Count == depth && score <= Floor)
            {
                return;
            }
            var hit = new ScoreDoc(doc, score);
            _queue.Enqueue(hit, hit);
            if (_queue.Count > depth)
            {
                _queue.Dequeue();
            }
            if (_queue.Count == depth)
            {
                Floor = _queue.Peek().Score;
            }
        }

        public TopDocs TopDocs(int examined)
        {
            var hits = new ScoreDoc[_queue.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                hits[i] = _queue.Dequeue();
            }
            return new TopDocs(examined, hits, hits.Length == 0 ? float.NaN : hits[0].Score);
        }
    }
}
