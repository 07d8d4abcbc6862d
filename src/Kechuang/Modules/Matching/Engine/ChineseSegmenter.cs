using System.Globalization;
using System.Text;
using JiebaNet.Segmenter;

namespace Kechuang.Modules.Matching.Engine;

/// <summary>One word of a text and where it lies in the normalised text.</summary>
public readonly record struct Piece(string Word, int Start, int End);

/// <summary>
/// Chinese word segmentation (jieba.NET, its dictionary shipped beside the application under <c>jieba/</c>) with the county's
/// words added: the domain dictionary and every word of the thesaurus, so that 铁皮石斛 or 无刷电机 stay one word. Text is
/// normalised first (NFKC, lower case: ＢＬＤＣ and BLDC are one word). jieba's dictionary is one per process, so words
/// are added under a write lock that segmentation reads under.
/// </summary>
public sealed class ChineseSegmenter : IDisposable
{
    private static readonly Lazy<ChineseSegmenter> Instance = new(() => new ChineseSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Function words and the demand's own boilerplate: they say nothing about what is asked or offered.</summary>
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "的", "了", "和", "与", "及", "或", "等", "是", "在", "对", "把", "被", "也", "都", "就", "而", "以", "之", "其", "为", "于",
        "我们", "我", "公司", "企业", "需要", "希望", "要", "想", "能", "有", "没有", "一些", "一种", "进行", "问题", "怎么", "如何",
        "什么", "这个", "那个", "这", "那", "个", "着", "过", "得", "地", "很", "还", "又", "让", "使", "用", "从", "到", "并", "且",
        "提出", "开展", "高校院所", "解决", "提高", "提升", "相关", "方面", "领域", "寻求", "合作", "帮助", "目前", "现在", "已经", "可以", "通过", "基于",
    };

    private readonly JiebaSegmenter _jieba;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);

    private ChineseSegmenter()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        _jieba = new JiebaSegmenter();
    }

    /// <summary>The process's segmenter (jieba's dictionary is loaded once, about a second).</summary>
    public static ChineseSegmenter Shared => Instance.Value;

    /// <summary>Text as it is segmented and indexed: NFKC (full-width letters and digits to ASCII), lower case.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Whether a word is worth matching on: has a letter or digit and is no function word.</summary>
    public static bool Meaningful(string word) => !Stop.Contains(word) && word.Any(char.IsLetterOrDigit);

    /// <summary>Adds words to the dictionary (normalised), so that they are cut as one word from now on.</summary>
    public void AddWords(IEnumerable<string> words)
    {
        var fresh = words.Select(Normalize).Where(w => w.Length > 1 && !w.Any(char.IsWhiteSpace)).Distinct(StringComparer.Ordinal).ToList();
        _lock.EnterWriteLock();
        try
        {
            foreach (var word in fresh.Where(_added.Add))
            {
                _jieba.AddWord(word);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The meaningful words of normalised text. <paramref name="search"/> also gives the dictionary words inside a long word
    /// (真空绝热 → 真空, 绝热, 真空绝热): an index cuts so, a query does not, or one word of the query would count twice.
    /// </summary>
    public List<Piece> Cut(string normalized, bool search)
    {
        var pieces = new List<Piece>();
        if (normalized.Length == 0)
        {
            return pieces;
        }
        _lock.EnterReadLock();
        try
        {
            foreach (var token in _jieba.Tokenize(normalized, search ? TokenizerMode.Search : TokenizerMode.Default))
            {
                if (Meaningful(token.Word))
                {
                    pieces.Add(new Piece(token.Word, token.StartIndex, token.EndIndex));
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        return pieces;
    }

    /// <summary>The distinct meaningful words of any text, in order of first appearance (a query's terms).</summary>
    public List<string> Terms(string? text) =>
        Cut(Normalize(text), search: false).Select(p => p.Word).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The dictionary words inside a (normalised) word, without the word itself: 控制算法 → 控制, 算法.</summary>
    public IReadOnlyList<string> Parts(string word) =>
        Cut(word, search: true).Select(p => p.Word).Where(w => w != word).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The set of words an index holds for a text (search mode), to say which words of a query a field has.</summary>
    public HashSet<string> IndexWords(string? text) =>
        Cut(Normalize(text), search: true).Select(p => p.Word).ToHashSet(StringComparer.Ordinal);

    public void Dispose() => _lock.Dispose();

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
