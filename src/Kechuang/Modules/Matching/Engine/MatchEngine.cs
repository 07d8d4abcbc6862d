using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kechuang.Modules.Matching.Engine;

/// <summary>The kinds of record the index holds.</summary>
public static class MatchKinds
{
    public const string Achievement = "achievement";
    public const string Expert = "expert";
    public const string Phd = "phd";
    public const string Demand = "demand";
}

/// <summary>
/// A record as the index holds it: a title, keywords, a text, the technology field; <paramref name="Open"/> is false for
/// a withdrawn achievement or a closed demand (kept, not offered); <paramref name="Person"/> links a PhD to its person.
/// </summary>
public sealed record MatchDocument(string Kind, Guid Id, string Title, string? Subtitle, string Keywords, string Text, string? Field, bool Open = true, Guid? Person = null);

/// <summary>
/// What is asked: the text (a demand's title and description, or an achievement's), its technology field, the kind of
/// record wanted and, for a stored demand, its id (staff judgements on the same demand count fully).
/// </summary>
public sealed record MatchQuery(string Kind, string Text, string? Field, Guid? DemandId = null, Guid? Exclude = null);

/// <summary>A word of the query with its thesaurus synonyms and the dictionary words inside it.</summary>
public sealed record Concept(string Term, IReadOnlyList<string> Synonyms, IReadOnlyList<string> Parts);

/// <summary>Why a result matched: a word of the query (or its synonym, or a part of it) found in named fields, the same field, staff judgements.</summary>
public sealed record MatchReason(string Kind, string Text, string? Term = null, string? Synonym = null, IReadOnlyList<string>? Fields = null);

/// <summary>A ranked result, before and after its reasons are worked out.</summary>
public sealed record MatchHit(string Kind, Guid Id, string Title, string? Subtitle, double Score, int Doc, FeedbackEffect? Feedback);

public sealed record MatchResult(Guid Id, string Title, string? Subtitle, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// The matching index of one node: a Lucene index (BM25) whose words come from <see cref="ChineseSegmenter"/>; a query is the
/// asked text cut into words, each word searched with its thesaurus synonyms (weighted 0.7) over the title (×3), keywords
/// (×2) and text (×1), added up as one concept (a word and its synonyms are one concept, not several); the same
/// technology field adds to the score but never finds a record on its own. Staff judgements then move the candidates
/// (<see cref="FeedbackBook"/>). Thread-safe: writes go through one <see cref="IndexWriter"/>, searches through a
/// <see cref="SearcherManager"/> refreshed after each batch of writes.
/// </summary>
public sealed class MatchEngine : IDisposable
{
    public const string SeqKey = "seq";
    public const string StampKey = "dictionary";

    private const float TitleBoost = 3f;
    private const float KeywordsBoost = 2f;
    private const float TextBoost = 1f;
    private const float SynonymWeight = 0.7f;
    private const float PartWeight = 0.5f;
    private const float FieldBoost = 1.5f;
    private const int MaxQueryTerms = 48;

    private static readonly (string Name, float Boost, string Label)[] Fields =
        [("title", TitleBoost, "标题"), ("keywords", KeywordsBoost, "关键词"), ("text", TextBoost, "简介")];

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ChineseSegmenter _segmenter;
    private readonly object _commitLock = new();
    private readonly OpenRecords _openRecords = new();
    private volatile Thesaurus _thesaurus = Thesaurus.Empty;

    public MatchEngine(LuceneDirectory directory, ChineseSegmenter segmenter)
    {
        _directory = directory;
        _segmenter = segmenter;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new JiebaAnalyzer(segmenter))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new ConceptSimilarity(),
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, true, new Bm25Searchers());
    }

    public FeedbackBook Feedback { get; } = new();

    /// <summary>The thesaurus queries expand with; setting it adds its words to the segmenter.</summary>
    public Thesaurus Thesaurus
    {
        get => _thesaurus;
        set
        {
            _segmenter.AddWords(value.Words);
            _thesaurus = value;
        }
    }

    public ChineseSegmenter Segmenter => _segmenter;

    /// <summary>The commit data of the last commit (the change-log position and the dictionary stamp it was cut with).</summary>
    public IDictionary<string, string> CommitData => _writer.CommitData ?? new Dictionary<string, string>();

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public void Upsert(MatchDocument record) => _writer.UpdateDocument(new Term("uid", Uid(record.Kind, record.Id)), ToLucene(record));

    /// <summary>Adds a record known to be new (a full build): no delete of an earlier copy.</summary>
    public void Add(MatchDocument record) => _writer.AddDocument(ToLucene(record));

    public void Delete(string kind, Guid id) => _writer.DeleteDocuments(new Term("uid", Uid(kind, id)));

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>Ids of the PhD records of a directory person.</summary>
    public IReadOnlyList<Guid> PhdsOfPerson(Guid person)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term("person", person.ToString())), 100);
            return top.ScoreDocs.Select(d => Guid.Parse(searcher.Doc(d.Doc).Get("id", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>A record's words as the index holds them (title, keywords and text together), to match it the other way.</summary>
    public (string Title, string Text, string? Field)? Stored(string kind, Guid id)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term("uid", Uid(kind, id))), 1);
            if (top.ScoreDocs.Length == 0)
            {
                return null;
            }
            var doc = searcher.Doc(top.ScoreDocs[0].Doc);
            return (doc.Get("title", CultureInfo.InvariantCulture), $"{doc.Get("title", CultureInfo.InvariantCulture)} {doc.Get("keywords", CultureInfo.InvariantCulture)} {doc.Get("text", CultureInfo.InvariantCulture)}".Trim(), doc.Get("fieldLabel", CultureInfo.InvariantCulture));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Makes the writes so far searchable on this node.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Writes the index to disk with its change-log position and dictionary stamp, and makes it searchable.</summary>
    public void Commit(long seq, string stamp)
    {
        lock (_commitLock)
        {
            _writer.SetCommitData(new Dictionary<string, string> { [SeqKey] = seq.ToString(CultureInfo.InvariantCulture), [StampKey] = stamp });
            _writer.Commit();
        }
        Refresh();
    }

    /// <summary>
    /// The query's words, each with its synonyms and the dictionary words inside it (控制算法 → 控制, 算法): a record that has
    /// only a part of a long word still answers that word, at a lower weight. Place names are left out (浙江大学 → 大学).
    /// </summary>
    public IReadOnlyList<Concept> Concepts(string text)
    {
        var thesaurus = _thesaurus;
        return _segmenter.Terms(text).Where(t => !thesaurus.IsPlaceName(t)).Take(MaxQueryTerms)
            .Select(t => new Concept(t, thesaurus.SynonymsOf(t), t.Length > 2 ? [.. _segmenter.Parts(t).Where(p => !thesaurus.IsPlaceName(p))] : []))
            .ToList();
    }

    /// <summary>
    /// Up to <paramref name="candidates"/> records of the query's kind, best first, staff judgements applied; the caller
    /// keeps those the user may see and asks <see cref="Describe"/> for the reasons of those it shows. <c>Total</c> counts
    /// the records the words find when <c>Exact</c>; in a large index it counts those examined, a lower bound.
    /// </summary>
    public (IReadOnlyList<MatchHit> Hits, int Total, bool Exact) Search(MatchQuery query, int candidates)
    {
        var concepts = Concepts(query.Text);
        if (concepts.Count == 0)
        {
            return ([], 0, true);
        }
        var terms = concepts.Select(c => c.Term).ToHashSet(StringComparer.Ordinal);
        var searcher = _searchers.Acquire();
        try
        {
            // Every open record of the kind that a word finds, scored by the words and by the same technology field, the
            // records that cannot reach the best left unscored (MaxScoreSearch).
            var (words, count) = Terms(concepts);
            var field = string.IsNullOrWhiteSpace(query.Field) ? null : new ScoredTerm(new Term("field", ChineseSegmenter.Normalize(query.Field.Trim())), FieldBoost, -1);
            var (top, exact) = MaxScoreSearch.Search(searcher, words, count, field, Math.Max(candidates, 1), segment => _openRecords.Of(segment, query.Kind));
            var hits = new List<MatchHit>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                var id = Guid.Parse(doc.Get("id", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (id == query.Exclude)
                {
                    continue;
                }
                var effect = Feedback.Effect(query.Kind, id, query.DemandId, terms);
                hits.Add(new MatchHit(query.Kind, id, doc.Get("title", CultureInfo.InvariantCulture), doc.Get("subtitle", CultureInfo.InvariantCulture), scoreDoc.Score * (effect?.Factor ?? 1.0), scoreDoc.Doc, effect));
            }
            return ([.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id)], top.TotalHits, exact);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The words of the query as weighted terms: each concept (a word, its synonyms and its parts, in each field) scores
    /// the sum of its terms; coordination over concepts.
    /// </summary>
    private static (List<ScoredTerm> Terms, int Concepts) Terms(IReadOnlyList<Concept> concepts)
    {
        var terms = new List<ScoredTerm>();
        var number = 0;
        foreach (var (term, synonyms, parts) in concepts)
        {
            void Add(string field, string word, float boost) => terms.Add(new ScoredTerm(new Term(field, word), boost, number));
            foreach (var (name, boost, _) in Fields)
            {
                Add(name, term, boost);
                foreach (var synonym in synonyms)
                {
                    Add(name, synonym, boost * SynonymWeight);
                }
                foreach (var part in parts)
                {
                    Add(name, part, boost * PartWeight);
                }
            }
            number++;
        }
        return (terms, number);
    }

    /// <summary>
    /// Per segment and record kind, the open records as a bit set (a segment's documents never change, so it is worked out
    /// once per segment), with the segment's deletions applied when it is read.
    /// </summary>
    private sealed class OpenRecords
    {
        private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FixedBitSet>> _segments = new();

        public IBits Of(AtomicReader segment, string kind)
        {
            var bits = _segments.GetOrCreateValue(segment.CoreCacheKey).GetOrAdd(kind, k => Compute(segment, k));
            return segment.LiveDocs is { } live ? new Both(bits, live) : bits;
        }

        private static FixedBitSet Compute(AtomicReader segment, string kind)
        {
            var bits = new FixedBitSet(segment.MaxDoc);
            var condition = new BooleanQuery
            {
                { new TermQuery(new Term("kind", kind)), Occur.MUST },
                { new TermQuery(new Term("open", "1")), Occur.MUST },
            };
            var docs = new QueryWrapperFilter(condition).GetDocIdSet(segment.AtomicContext, null)?.GetIterator();
            if (docs is not null)
            {
                bits.Or(docs);
            }
            return bits;
        }

        private sealed class Both(IBits first, IBits second) : IBits
        {
            public int Length => first.Length;

            public bool Get(int index) => first.Get(index) && second.Get(index);
        }
    }

    /// <summary>The hits with their reasons: each query word found (as itself or as a synonym) and in which fields.</summary>
    public IReadOnlyList<MatchResult> Describe(MatchQuery query, IEnumerable<MatchHit> hits)
    {
        var concepts = Concepts(query.Text);
        var field = ChineseSegmenter.Normalize(query.Field?.Trim());
        var searcher = _searchers.Acquire();
        try
        {
            var results = new List<MatchResult>();
            foreach (var hit in hits)
            {
                var doc = searcher.Doc(hit.Doc);
                var fieldWords = Fields.Select(f => (f.Label, Words: _segmenter.IndexWords(doc.Get(f.Name, CultureInfo.InvariantCulture)))).ToList();
                var reasons = new List<MatchReason>();
                foreach (var (term, synonyms, parts) in concepts)
                {
                    var direct = fieldWords.Where(f => f.Words.Contains(term)).Select(f => f.Label).ToList();
                    if (direct.Count > 0)
                    {
                        reasons.Add(new MatchReason("term", $"「{term}」见于{string.Join("、", direct)}", term, null, direct));
                        continue;
                    }
                    var found = false;
                    foreach (var synonym in synonyms)
                    {
                        var via = fieldWords.Where(f => f.Words.Contains(synonym)).Select(f => f.Label).ToList();
                        if (via.Count > 0)
                        {
                            reasons.Add(new MatchReason("synonym", $"「{term}」的同义词「{synonym}」见于{string.Join("、", via)}", term, synonym, via));
                            found = true;
                            break;
                        }
                    }
                    foreach (var part in found ? Array.Empty<string>() : parts)
                    {
                        var via = fieldWords.Where(f => f.Words.Contains(part)).Select(f => f.Label).ToList();
                        if (via.Count > 0)
                        {
                            reasons.Add(new MatchReason("part", $"「{term}」中的「{part}」见于{string.Join("、", via)}", term, part, via));
                            break;
                        }
                    }
                }
                var recordField = doc.Get("field", CultureInfo.InvariantCulture);
                if (field.Length > 0 && string.Equals(recordField, field, StringComparison.Ordinal))
                {
                    reasons.Add(new MatchReason("field", $"技术领域相同：{doc.Get("fieldLabel", CultureInfo.InvariantCulture)}", Fields: ["技术领域"]));
                }
                if (hit.Feedback is { } effect)
                {
                    var judged = effect.Useful > 0 && effect.NotUseful > 0 ? $"员工标记有用 {effect.Useful} 次、无用 {effect.NotUseful} 次"
                        : effect.Useful > 0 ? $"员工标记有用 {effect.Useful} 次" : $"员工标记无用 {effect.NotUseful} 次";
                    reasons.Add(new MatchReason("feedback", $"{judged}（得分 ×{effect.Factor:0.00}）"));
                }
                results.Add(new MatchResult(hit.Id, hit.Title, hit.Subtitle, Math.Round(hit.Score, 4), reasons));
            }
            return results;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private static string Uid(string kind, Guid id) => $"{kind}:{id}";

    private static Document ToLucene(MatchDocument record)
    {
        var doc = new Document
        {
            new StringField("uid", Uid(record.Kind, record.Id), Field.Store.NO),
            new StringField("kind", record.Kind, Field.Store.YES),
            new StoredField("id", record.Id.ToString()),
            new StringField("open", record.Open ? "1" : "0", Field.Store.NO),
            new TextField("title", record.Title, Field.Store.YES),
            new TextField("keywords", record.Keywords, Field.Store.YES),
            new TextField("text", record.Text, Field.Store.YES),
        };
        if (!string.IsNullOrWhiteSpace(record.Subtitle))
        {
            doc.Add(new StoredField("subtitle", record.Subtitle));
        }
        if (!string.IsNullOrWhiteSpace(record.Field))
        {
            doc.Add(new StringField("field", ChineseSegmenter.Normalize(record.Field.Trim()), Field.Store.YES));
            doc.Add(new StoredField("fieldLabel", record.Field.Trim()));
        }
        if (record.Person is { } person)
        {
            doc.Add(new StringField("person", person.ToString(), Field.Store.NO));
        }
        return doc;
    }

    /// <summary>Searchers that score as the index was written: <see cref="ConceptSimilarity"/>.</summary>
    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new ConceptSimilarity() };
    }
}
