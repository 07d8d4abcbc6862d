using System.Globalization;
using Kechuang.Modules.Matching;
using Kechuang.Modules.Matching.Engine;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Xunit.Abstractions;

namespace Kechuang.Tests.Unit.Matching;

/// <summary>
/// A small graded set of the county's achievements and enterprise demands (workshop words among them), judged 0–3 by hand;
/// the engine's nDCG@10 against a plain character-bigram BM25 over the same texts, computed here in the same run.
/// </summary>
public sealed class GradedSetTests(ITestOutputHelper output)
{
    /// <summary>(title, keywords, text, field) of the achievements; an id is the index in this list.</summary>
    private static readonly (string Title, string Keywords, string Text, string Field)[] Achievements =
    [
        ("高真空多层绝热不锈钢容器制备技术", "真空绝热；多层绝热；不锈钢容器", "采用多层绝热结构与吸气剂，延长真空寿命，容器绝热性能衰减慢。", "新材料"),
        ("不锈钢保温杯真空镀膜新工艺", "保温杯；真空镀膜；不锈钢", "在杯体夹层内壁镀膜，降低辐射传热，提高保温效果。", "先进制造"),
        ("杯子外观印刷图案耐磨工艺", "杯子；印刷；耐磨", "提高杯子表面图案的耐磨性与附着力，适用于礼品杯。", "先进制造"),
        ("食品级不锈钢杯体拉伸成型技术", "不锈钢；拉伸成型；杯体", "一次拉伸成型，减少焊缝。", "先进制造"),
        ("电动工具用直流无刷电机温升控制技术", "BLDC电机；温升；散热设计", "优化绕组与风道，降低连续工作时的电机温升。", "智能装备"),
        ("电动工具无刷电机高效驱动技术", "无刷电机；驱动；电动工具", "高效驱动算法降低损耗，提高续航。", "先进制造"),
        ("电机外壳喷涂颜色一致性控制", "电机外壳；喷涂；颜色", "控制电机外壳喷涂的颜色一致性。", "先进制造"),
        ("五金件表面自动研磨抛光机器人", "研磨；抛光；机器人", "机器人自动完成五金件表面研磨与抛光，替代人工。", "智能装备"),
        ("五金件无铬钝化处理工艺", "无铬钝化；防锈；五金", "环保钝化工艺，提高五金件耐腐蚀性能。", "新材料"),
        ("铁皮石斛组培快繁技术", "铁皮石斛；组培；快繁", "铁皮石斛种苗组织培养与快速繁殖。", "生命健康"),
        ("铁皮石斛多糖提取纯化工艺", "铁皮石斛；多糖；提取", "多糖提取与纯化。", "生命健康"),
        ("有机茶自动化揉捻设备", "有机茶；揉捻；自动化", "茶叶揉捻压力自动控制，提高条索紧结度。", "智能装备"),
        ("萤石尾矿制备建筑陶瓷材料技术", "萤石尾矿；建筑陶瓷；综合利用", "以萤石尾矿为原料制备陶瓷砖。", "新材料"),
        ("园林工具噪声与振动精密测量方法及装置", "噪声；振动；园林工具", "测量并定位园林工具的噪声和振动源。", "智能装备"),
        ("割草机刀片热处理工艺", "割草机；刀片；热处理", "提高刀片硬度与韧性。", "先进制造"),
        ("锂电池组热管理与均衡控制技术", "锂电池；热管理；均衡", "充放电过程温度均衡，防止局部过热。", "新能源"),
        ("防盗门智能锁具结构设计", "防盗门；智能锁", "防盗门锁具的结构设计。", "智能装备"),
        ("门窗五金件轻量化结构设计", "门窗五金；轻量化", "拓扑优化减轻重量。", "先进制造"),
        ("基于机器视觉的五金件表面缺陷在线检测装备", "机器视觉；缺陷检测；五金", "自动识别五金件外观的划痕、凹坑等缺陷。", "智能装备"),
        ("高效永磁同步电机智能控制系统", "永磁同步电机；矢量控制", "电机矢量控制与效率优化。", "智能装备"),
        ("灵芝孢子粉破壁及有效成分提取工艺", "灵芝；孢子粉；破壁", "孢子粉破壁率与有效成分提取。", "生命健康"),
        ("电动工具齿轮箱降噪与耐久性提升技术", "齿轮箱；降噪；耐久性", "齿形修形与润滑改进，延长齿轮箱寿命。", "先进制造"),
        ("真空杯抽真空封口设备", "真空杯；抽真空；封口", "提高真空杯夹层真空度。", "智能装备"),
        ("茶园病虫害绿色防控技术", "茶园；病虫害；绿色防控", "生物防治与理化诱控。", "现代农业"),
        ("高分子功能涂层防腐技术", "功能涂层；防腐；腐蚀", "金属表面防腐涂层。", "新材料"),
        ("注塑件色差控制技术", "注塑；色差", "控制注塑件批次间色差。", "先进制造"),
        ("电池包外壳注塑模具设计", "电池包；外壳；模具", "电池包外壳模具。", "先进制造"),
        ("五金工具包装纸盒印刷", "包装；印刷；五金工具", "纸盒印刷工艺。", "其他"),
    ];

    /// <summary>(demand text, its field, grades by achievement index); unlisted achievements are 0.</summary>
    private static readonly (string Text, string Field, Dictionary<int, int> Grades)[] Demands =
    [
        ("杯子保温不够久，客户投诉多", "新材料", new() { [0] = 3, [1] = 3, [22] = 2, [3] = 1 }),
        ("电机太烫，连续用半小时就发烫", "智能装备", new() { [4] = 3, [5] = 2, [19] = 1 }),
        ("五金件打磨全靠人工，效率低", "智能装备", new() { [7] = 3, [18] = 1 }),
        ("五金件放久了容易生锈", "新材料", new() { [8] = 3, [24] = 2 }),
        ("割草机噪音大、抖得厉害", "智能装备", new() { [13] = 3, [21] = 1, [14] = 1 }),
        ("电池包充电时发烫", "新能源", new() { [15] = 3, [4] = 1 }),
        ("五金件外观缺陷人工看不准", "智能装备", new() { [18] = 3, [7] = 1 }),
        ("电动工具齿轮箱用不久就坏", "先进制造", new() { [21] = 3, [5] = 1 }),
        ("铁皮石斛种苗繁育", "生命健康", new() { [9] = 3, [10] = 1 }),
        ("萤石尾矿怎么综合利用", "新材料", new() { [12] = 3 }),
        ("有机茶揉捻设备改进", "智能装备", new() { [11] = 3, [23] = 1 }),
    ];

    private static readonly Guid[] Ids = [.. Enumerable.Range(0, Achievements.Length).Select(i => new Guid(i + 1, 0, 0, new byte[8]))];

    [Fact]
    public void Engine_BeatsCharacterBigramBm25_OnTheGradedSet()
    {
        using var engine = Engine();
        using var baseline = new BigramBaseline(Achievements.Select(a => $"{a.Title} {a.Keywords} {a.Text}").ToList());

        var ours = Demands.Select(d => Ndcg10(engine.Search(new MatchQuery(MatchKinds.Achievement, d.Text, d.Field), 10).Hits.Select(h => Index(h.Id)).ToList(), d.Grades)).ToList();
        var theirs = Demands.Select(d => Ndcg10(baseline.Search(d.Text, 10), d.Grades)).ToList();

        for (var i = 0; i < Demands.Length; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Demands[i].Text}: engine {ours[i]:0.000}, bigram BM25 {theirs[i]:0.000}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nDCG@10 mean: engine {ours.Average():0.000}, bigram BM25 {theirs.Average():0.000}"));
        Assert.True(ours.Average() > theirs.Average() + 0.05, $"engine {ours.Average():0.000} vs bigram {theirs.Average():0.000}");
        Assert.True(ours.Average() >= 0.8, $"engine nDCG@10 {ours.Average():0.000}");
    }

    [Theory]
    [InlineData("杯子保温不够久，客户投诉多", 0, 2)]
    [InlineData("电机太烫，连续用半小时就发烫", 4, 6)]
    public void SynonymPhrasedRelevant_RanksAbove_KeywordSharingIrrelevant(string demand, int relevant, int sharesAWord)
    {
        using var engine = Engine();

        var ranked = engine.Search(new MatchQuery(MatchKinds.Achievement, demand, null), 20).Hits.Select(h => Index(h.Id)).ToList();

        Assert.Contains(relevant, ranked);
        Assert.True(!ranked.Contains(sharesAWord) || ranked.IndexOf(relevant) < ranked.IndexOf(sharesAWord), string.Join(",", ranked));
    }

    [Fact]
    public void Reasons_NameTheMatchedWords_SynonymsAsSuch_AndTheFields()
    {
        using var engine = Engine();
        var query = new MatchQuery(MatchKinds.Achievement, "杯子保温不够久", "新材料");

        var (hits, _, _) = engine.Search(query, 10);
        var first = engine.Describe(query, hits.Where(h => Index(h.Id) == 0)).Single();

        Assert.Contains(first.Reasons, r => r.Kind == "synonym" && r.Term == "保温" && r.Synonym is "真空绝热" or "绝热" or "多层绝热"
            && r.Fields!.Contains("关键词") && r.Text.Contains("的同义词", StringComparison.Ordinal));
        Assert.Contains(first.Reasons, r => r.Kind == "field" && r.Text == "技术领域相同：新材料");
    }

    [Fact]
    public void Feedback_MovesAResult_ForTheSameDemand_AndForASimilarOne()
    {
        using var engine = Engine();
        var demand = Guid.NewGuid();
        var query = new MatchQuery(MatchKinds.Achievement, "杯子保温不够久，客户投诉多", null, demand);
        var before = engine.Search(query, 10).Hits.Select(h => h.Id).ToList();
        var lower = before[3];
        var terms = engine.Concepts(query.Text).Select(c => c.Term).ToList();

        engine.Feedback.Replace([new FeedbackMark(MatchKinds.Achievement, lower, demand, terms, true), new FeedbackMark(MatchKinds.Achievement, before[0], demand, terms, false)]);
        var after = engine.Search(query, 10).Hits;
        var similar = engine.Search(new MatchQuery(MatchKinds.Achievement, "杯子保温不够久", null), 10).Hits.Select(h => h.Id).ToList();

        Assert.True(after.Select(h => h.Id).ToList().IndexOf(lower) < 3, "the result judged useful rises");
        Assert.True(after.Select(h => h.Id).ToList().IndexOf(before[0]) > 0, "the result judged not useful falls");
        Assert.True(similar.IndexOf(lower) < 3, "the judgement counts for a similar demand too");
        Assert.Contains(engine.Describe(query, after.Where(h => h.Id == lower)).Single().Reasons, r => r.Kind == "feedback" && r.Text.StartsWith("员工标记有用 1 次", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("铁皮石斛种苗繁育", "铁皮石斛")]
    [InlineData("想找BLDC电机方面的专家", "bldc电机")]
    [InlineData("萤石尾矿怎么综合利用", "萤石尾矿")]
    public void DomainWords_StayWhole(string text, string word)
    {
        using var engine = Engine();

        Assert.Contains(word, engine.Concepts(text).Select(c => c.Term));
    }

    private static int Index(Guid id) => Array.IndexOf(Ids, id);

    private static MatchEngine Engine()
    {
        var engine = new MatchEngine(new RAMDirectory(), ChineseSegmenter.Shared)
        {
            Thesaurus = new Thesaurus(MatchingDemoData.Synonyms.Select(s => MatchingRules.SplitWords(s.Words)), MatchingDemoData.Dictionary.SelectMany(d => d.Words)),
        };
        for (var i = 0; i < Achievements.Length; i++)
        {
            var (title, keywords, text, field) = Achievements[i];
            engine.Add(new MatchDocument(MatchKinds.Achievement, Ids[i], title, null, keywords.Replace('；', ' '), text, field));
        }
        engine.Commit(0, "test");
        return engine;
    }

    /// <summary>nDCG@10 with gains 2^grade − 1 and the ideal order of all judged achievements.</summary>
    internal static double Ndcg10(IReadOnlyList<int> ranked, IReadOnlyDictionary<int, int> grades)
    {
        static double Dcg(IEnumerable<int> gains) => gains.Take(10).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(grades.Values.OrderDescending());
        return ideal == 0 ? 0 : Dcg(ranked.Select(r => grades.TryGetValue(r, out var g) ? g : 0)) / ideal;
    }

    /// <summary>The baseline: every text in one field, cut into overlapping character bigrams (Lucene's CJK analyzer), BM25.</summary>
    private sealed class BigramBaseline : IDisposable
    {
        private readonly RAMDirectory _directory = new();
        private readonly CJKAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);
        private readonly DirectoryReader _reader;

        public BigramBaseline(IReadOnlyList<string> texts)
        {
            using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity() }))
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    writer.AddDocument(new Document { new StringField("n", i.ToString(CultureInfo.InvariantCulture), Field.Store.YES), new TextField("all", texts[i], Field.Store.NO) });
                }
            }
            _reader = DirectoryReader.Open(_directory);
        }

        public List<int> Search(string text, int top)
        {
            var query = new BooleanQuery();
            using (var stream = _analyzer.GetTokenStream("all", text))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    query.Add(new TermQuery(new Term("all", term.ToString())), Occur.SHOULD);
                }
                stream.End();
            }
            var searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
            return searcher.Search(query, top).ScoreDocs.Select(d => int.Parse(searcher.Doc(d.Doc).Get("n", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToList();
        }

        public void Dispose()
        {
            _reader.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }
    }
}
