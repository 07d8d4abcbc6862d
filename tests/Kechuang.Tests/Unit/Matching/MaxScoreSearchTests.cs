using Kechuang.Modules.Matching.Engine;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kechuang.Tests.Unit.Matching;

/// <summary>
/// The search that stops walking the postings of terms that cannot lift a record into the best list must still return
/// exactly the best records, with the scores Lucene gives the same BooleanQuery scoring every record.
/// </summary>
public sealed class MaxScoreSearchTests
{
    private static readonly string[] Fields = ["title", "text"];

    /// <summary>Equal but for the last bits of single precision (the terms are added up in another order).</summary>
    private static readonly IEqualityComparer<float> Close = EqualityComparer<float>.Create((a, b) => Math.Abs(a - b) <= 1e-5 * Math.Max(Math.Abs(a), Math.Abs(b)));

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public void TheBestRecords_AreThoseOfScoringEveryRecord(int depth)
    {
        using var directory = new RAMDirectory();
        var random = new Random(20261207);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new ConceptSimilarity() }))
        {
            for (var i = 0; i < 6000; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("title", Words(random, 1, 5), Field.Store.NO),
                    new TextField("text", Words(random, 3, 40), Field.Store.NO),
                    new StringField("field", $"f{random.Next(4)}", Field.Store.NO),
                });
                if (i % 1500 == 1499)
                {
                    writer.Commit(); // several segments
                }
            }
            for (var i = 0; i < 6000; i += 37)
            {
                writer.DeleteDocuments(new Term("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new ConceptSimilarity() };
        var pruned = 0;
        for (var q = 0; q < 40; q++)
        {
            var (terms, concepts, query) = Query(random);
            // Half the queries also ask for a technology field, which adds to a record the words found and finds none.
            var field = q % 2 == 0 ? null : new ScoredTerm(new Term("field", $"f{random.Next(4)}"), 1.5f, -1);
            if (field is not null)
            {
                query = new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { new TermQuery(field.Term) { Boost = field.Boost }, Occur.SHOULD } };
            }

            var expected = searcher.Search(query, reader.MaxDoc);
            var (actual, exact) = MaxScoreSearch.Search(searcher, terms, concepts, field, depth, segment => segment.LiveDocs);

            var scores = expected.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
            Assert.Equal(Math.Min(depth, expected.TotalHits), actual.ScoreDocs.Length);
            for (var i = 0; i < actual.ScoreDocs.Length; i++)
            {
                Assert.True(scores.TryGetValue(actual.ScoreDocs[i].Doc, out var score), $"query {q}: record {actual.ScoreDocs[i].Doc} does not match");
                Assert.Equal(score, actual.ScoreDocs[i].Score, Close);
                Assert.Equal(expected.ScoreDocs[i].Score, actual.ScoreDocs[i].Score, Close);
            }
            Assert.True(actual.TotalHits <= expected.TotalHits);
            Assert.True(!exact || actual.TotalHits == expected.TotalHits, $"query {q}: {actual.TotalHits} of {expected.TotalHits} records counted, said to be all");
            if (actual.TotalHits < expected.TotalHits)
            {
                pruned++;
            }
        }
        Assert.True(pruned >= 10, $"only {pruned} of 40 queries left records unexamined: the test no longer exercises pruning");
    }

    [Fact]
    public void WhileTheListIsNotFull_EveryMatchingRecordIsCounted()
    {
        using var directory = new RAMDirectory();
        var random = new Random(7);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new ConceptSimilarity() }))
        {
            for (var i = 0; i < 300; i++)
            {
                writer.AddDocument(new Document { new TextField("title", Words(random, 1, 5), Field.Store.NO), new TextField("text", Words(random, 3, 40), Field.Store.NO) });
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new ConceptSimilarity() };
        var (terms, concepts, query) = Query(new Random(3));

        var expected = searcher.Search(query, reader.MaxDoc);
        var (actual, exact) = MaxScoreSearch.Search(searcher, terms, concepts, null, 400, segment => segment.LiveDocs);

        Assert.True(exact);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => d.Doc).Order(), actual.ScoreDocs.Select(d => d.Doc).Order());
    }

    /// <summary>Words from a vocabulary of 40 where the first are far more common than the last, as in real text.</summary>
    private static string Words(Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => $"w{(int)Math.Floor(Math.Pow(40, random.NextDouble())) - 1}"));

    /// <summary>One to four concepts of one to three words each, in both fields (the title weighted 3, a synonym 0.7).</summary>
    private static (List<ScoredTerm> Terms, int Concepts, BooleanQuery Query) Query(Random random)
    {
        var terms = new List<ScoredTerm>();
        var query = new BooleanQuery();
        var concepts = random.Next(1, 5);
        for (var c = 0; c < concepts; c++)
        {
            var sum = new BooleanQuery(disableCoord: true);
            var words = random.Next(1, 4);
            for (var w = 0; w < words; w++)
            {
                var word = $"w{random.Next(40)}";
                foreach (var field in Fields)
                {
                    var boost = (field == "title" ? 3f : 1f) * (w == 0 ? 1f : 0.7f);
                    terms.Add(new ScoredTerm(new Term(field, word), boost, c));
                    sum.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
                }
            }
            query.Add(sum, Occur.SHOULD);
        }
        return (terms, concepts, query);
    }
}
