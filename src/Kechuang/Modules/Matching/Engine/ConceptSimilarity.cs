using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Kechuang.Modules.Matching.Engine;

/// <summary>
/// BM25 (k1 1.2, b 0.75) with coordination over concepts: a record's score is multiplied by the share of the query's
/// concepts it has: a record that answers more of what is asked ranks above one that shares a single rare word
/// (杯子保温不够久: 真空绝热 and 衰减 over a cup's printed pattern that shares only 杯子).
/// </summary>
internal sealed class ConceptSimilarity : BM25Similarity
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap == 0 ? 1f : (float)overlap / maxOverlap;

    /// <summary>The field length a record's norm stands for, as BM25 reads it back when scoring.</summary>
    public float Length(byte norm) => DecodeNormValue(norm);

    /// <summary>The average field length BM25 scores with, from the searcher's statistics of the field.</summary>
    public float AverageLength(CollectionStatistics field) => AvgFieldLength(field);
}
