using System.Diagnostics;
using System.Globalization;
using Kechuang.Modules.Matching;
using Kechuang.Modules.Matching.Engine;
using Lucene.Net.Store;

namespace Kechuang.Bench;

/// <summary>
/// The matching index at scale: N achievements (default 1,000,000) generated from a vocabulary of the county's fields
/// (电动工具, 园林工具, 保温杯, 门业, 五金, 有机茶, 铁皮石斛, 萤石 …) with the demo thesaurus and dictionary, indexed on
/// local disk through <see cref="MatchEngine"/> (jieba segmentation in search mode, three analysed fields, stored fields),
/// against the raw segmentation rate of the same texts in the same run (the same segmenter cutting the same three fields,
/// nothing indexed). Then each query once, cold, one at a time; then, after 50 more, top-10 queries with their reasons
/// from 4 concurrent callers, workshop words among them: p50/p95.
/// Usage: scripts/bench.sh matching [--docs N] [--queries Q] [--concurrency C]
/// </summary>
internal static class MatchingBench
{
    private static readonly (string Field, string[] Subjects)[] Vocabulary =
    [
        ("智能装备", ["电动工具", "无刷电机", "角磨机", "电钻", "齿轮箱", "割草机", "修枝机", "链锯", "园林工具", "机器视觉检测", "伺服控制"]),
        ("先进制造", ["保温杯", "真空杯", "不锈钢杯体", "防盗门", "木门", "门窗五金", "五金件", "压铸件", "激光焊接", "拉伸成型"]),
        ("新材料", ["萤石尾矿", "功能涂层", "复合材料", "高分子材料", "真空绝热材料", "无铬钝化膜", "防腐涂层"]),
        ("生命健康", ["铁皮石斛", "灵芝孢子粉", "中药材", "药用真菌", "多糖提取物"]),
        ("现代农业", ["有机茶", "茶园", "宣莲", "茶叶揉捻", "林下经济"]),
        ("新能源", ["锂电池", "电池包", "储能电源", "热管理"]),
    ];

    private static readonly string[] Aims = ["高效", "低噪声", "轻量化", "智能化", "长寿命", "节能", "绿色", "高精度", "自动化", "低成本"];
    private static readonly string[] Methods = ["制备技术", "控制方法", "检测装置", "生产工艺", "结构设计", "在线监测系统", "优化算法", "成型工艺", "处理工艺"];
    private static readonly string[] Effects =
    [
        "显著降低温升", "延长保温时长", "减少振动与噪声", "提高表面质量", "降低生产成本", "提高成品率", "提升耐腐蚀性能", "替代人工打磨",
        "缩短加工周期", "提高有效成分含量", "实现在线检测", "降低能耗", "提高续航", "减轻重量",
    ];

    private static readonly string[] Queries =
    [
        "杯子保温不够久", "电机太烫", "五金件打磨全靠人工", "割草机噪音大抖得厉害", "电池包充电发烫", "铁皮石斛种苗繁育", "萤石尾矿怎么利用",
        "有机茶揉捻设备改进", "门窗五金件太重", "无刷电机控制算法优化", "保温杯激光焊接工艺", "齿轮箱用不久就坏", "五金件容易生锈", "灵芝孢子粉破壁",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var docs = Option(args, "--docs", 1_000_000);
        var queries = Option(args, "--queries", 4_000);
        var concurrency = Option(args, "--concurrency", 4);
        var thesaurus = new Thesaurus(MatchingDemoData.Synonyms.Select(s => MatchingRules.SplitWords(s.Words)), MatchingDemoData.Dictionary.SelectMany(d => d.Words));
        var segmenter = ChineseSegmenter.Shared;
        segmenter.AddWords(thesaurus.Words);
        segmenter.Cut("预热", search: true);

        // Raw: the same segmenter over the same three texts of every record, nothing kept.
        var clock = Stopwatch.StartNew();
        long words = 0;
        foreach (var record in Records(docs))
        {
            words += segmenter.Cut(ChineseSegmenter.Normalize(record.Title), true).Count
                + segmenter.Cut(ChineseSegmenter.Normalize(record.Keywords), true).Count
                + segmenter.Cut(ChineseSegmenter.Normalize(record.Text), true).Count;
        }
        var raw = docs / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw segmentation: {docs:N0} records, {words:N0} words in {clock.Elapsed.TotalSeconds:0.0} s = {raw:0} records/s"));

        var folder = Path.Combine(Path.GetTempPath(), $"kechuang-matching-bench-{Guid.NewGuid():N}");
        try
        {
            using var engine = new MatchEngine(FSDirectory.Open(folder), segmenter) { Thesaurus = thesaurus };
            clock.Restart();
            foreach (var record in Records(docs))
            {
                engine.Add(record);
            }
            engine.Commit(0, thesaurus.DictionaryStamp());
            var indexing = docs / clock.Elapsed.TotalSeconds;
            var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length) / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexing: {engine.Count:N0} records in {clock.Elapsed.TotalSeconds:0.0} s = {indexing:0} records/s, index {size:0} MB on disk"));

            // Cold: each query's first run reads the lengths of its words' records once per segment (MaxScoreSearch).
            var cold = Queries.Select(q =>
            {
                var started = Stopwatch.GetTimestamp();
                Query(engine, q);
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold: each of the {cold.Length} queries once, one at a time, p50 {cold[cold.Length / 2]:0.0} ms, max {cold[^1]:0.0} ms"));
            for (var i = 0; i < 50; i++)
            {
                Query(engine, Queries[i % Queries.Length]);
            }
            var latencies = new double[queries];
            var next = -1;
            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) < queries)
                {
                    var started = Stopwatch.GetTimestamp();
                    Query(engine, Queries[n % Queries.Length]);
                    latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            })));
            var rate = queries / clock.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            var p50 = latencies[(int)(0.50 * (queries - 1))];
            var p95 = latencies[(int)(0.95 * (queries - 1))];
            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64 / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries: {queries:N0} top-10 with reasons at {concurrency} concurrent, {rate:0} queries/s, p50 {p50:0.0} ms, p95 {p95:0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"matching: {indexing:0} docs/s vs raw {raw:0} docs/s = {indexing / raw:0.00}, p95 {p95:0.0} ms, peak {peak:0} MB"));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static void Query(MatchEngine engine, string text)
    {
        var query = new MatchQuery(MatchKinds.Achievement, text, null);
        var (hits, _, _) = engine.Search(query, 10);
        engine.Describe(query, hits);
    }

    /// <summary>The records, generated again on each pass from the same seed (a million records are not held in memory).</summary>
    private static IEnumerable<MatchDocument> Records(int count)
    {
        var random = new Random(20261206);
        for (var i = 0; i < count; i++)
        {
            var (field, subjects) = Vocabulary[random.Next(Vocabulary.Length)];
            var subject = subjects[random.Next(subjects.Length)];
            var other = subjects[random.Next(subjects.Length)];
            var aim = Aims[random.Next(Aims.Length)];
            var method = Methods[random.Next(Methods.Length)];
            var title = $"{aim}{subject}{method}";
            var keywords = $"{subject} {other} {aim}";
            var text = $"针对{subject}生产中的难题，研究{other}{method}，{Effects[random.Next(Effects.Length)]}，{Effects[random.Next(Effects.Length)]}，已在企业中试验证。";
            yield return new MatchDocument(MatchKinds.Achievement, new Guid(i, 0, 0, new byte[8]), title, null, keywords, text, field);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
