namespace Kechuang.Modules.Matching.Engine;

/// <summary>
/// The synonym groups staff keep (无刷电机/BLDC电机, 保温/隔热/真空绝热, 太烫/发热/温升) and the domain dictionary's
/// words, normalised as the segmenter normalises text. Immutable: a change builds a new one.
/// </summary>
public sealed class Thesaurus
{
    private readonly Dictionary<string, string[]> _synonyms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _places;

    /// <param name="placeNames">Names of administrative divisions (<see cref="PlaceNames.Of"/>): a query is not matched on them.</param>
    public Thesaurus(IEnumerable<IReadOnlyList<string>> groups, IEnumerable<string> dictionaryWords, IEnumerable<string>? placeNames = null)
    {
        _places = (placeNames ?? []).Select(ChineseSegmenter.Normalize).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var words = group.Select(ChineseSegmenter.Normalize).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var word in words)
            {
                var others = words.Where(w => w != word);
                _synonyms[word] = _synonyms.TryGetValue(word, out var known) ? [.. known.Union(others, StringComparer.Ordinal)] : [.. others];
            }
        }
        DictionaryWords = dictionaryWords.Select(ChineseSegmenter.Normalize).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    public static Thesaurus Empty { get; } = new([], []);

    /// <summary>The domain dictionary (电动工具, 铁皮石斛 …).</summary>
    public IReadOnlyList<string> DictionaryWords { get; }

    /// <summary>Every word the segmenter must keep whole: dictionary words and the thesaurus's words.</summary>
    public IEnumerable<string> Words => DictionaryWords.Concat(_synonyms.Keys);

    /// <summary>
    /// Whether a word names a province, city or county (浙江, 金华市, 武义). Nearly every enterprise and university of the
    /// county carries one in its name, so a match on it would be a reason given to every record and says nothing about
    /// what is asked.
    /// </summary>
    public bool IsPlaceName(string word) => _places.Contains(word);

    /// <summary>The other words of the groups a (normalised) word belongs to.</summary>
    public IReadOnlyList<string> SynonymsOf(string word) => _synonyms.TryGetValue(word, out var others) ? others : [];

    /// <summary>A stamp of the words that change segmentation: an index cut with other words is rebuilt.</summary>
    public string DictionaryStamp()
    {
        var all = string.Join('\n', Words.Order(StringComparer.Ordinal));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(all)))[..16];
    }
}
