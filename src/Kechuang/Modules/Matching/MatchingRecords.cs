namespace Kechuang.Modules.Matching;

/// <summary>
/// 同义词组: words that name one thing in matching, academic and workshop words alike (无刷电机；BLDC电机；直流无刷电机,
/// 保温；隔热；真空绝热, 太烫；发热；温升). Staff keep them; every node expands queries with them.
/// </summary>
public sealed class SynonymGroup
{
    public const string Separator = "；";

    private SynonymGroup()
    {
    }

    public SynonymGroup(IReadOnlyList<string> words, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(words, note, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The words joined by <see cref="Separator"/>.</summary>
    public string Words { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> WordList => MatchingRules.SplitWords(Words);

    public void Update(IReadOnlyList<string> words, string? note, DateTime now)
    {
        Words = string.Join(Separator, words);
        Note = note;
        UpdatedAt = now;
    }
}

/// <summary>领域词: a word of the county's industries that segmentation must keep whole (电动工具, 铁皮石斛, 萤石).</summary>
public sealed class DomainWord
{
    private DomainWord()
    {
    }

    public DomainWord(string word, string industry, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(word, industry, now);
    }

    public Guid Id { get; private set; }
    public string Word { get; private set; } = "";

    /// <summary>所属产业 (电动工具, 五金, 有机茶 …), for staff to keep the list in order.</summary>
    public string Industry { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(string word, string industry, DateTime now)
    {
        Word = word;
        Industry = industry;
        UpdatedAt = now;
    }
}

/// <summary>
/// 匹配反馈: a staff member's judgement that a result was useful (or not) for a demand or a query text. The words of the
/// query are kept with it, so that the judgement moves results for similar queries too (<see cref="Engine.FeedbackBook"/>).
/// </summary>
public sealed class MatchFeedback
{
    public const string TermSeparator = " ";

    private MatchFeedback()
    {
    }

    public MatchFeedback(string kind, Guid targetId, Guid? demandId, string queryText, IEnumerable<string> terms, bool useful, string account, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        TargetId = targetId;
        DemandId = demandId;
        QueryText = queryText;
        Terms = string.Join(TermSeparator, terms);
        Useful = useful;
        Account = account;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>achievement, expert, phd or demand: what the result is.</summary>
    public string Kind { get; private set; } = "";
    public Guid TargetId { get; private set; }
    public Guid? DemandId { get; private set; }
    public string QueryText { get; private set; } = "";
    public string Terms { get; private set; } = "";
    public bool Useful { get; private set; }
    public string Account { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
