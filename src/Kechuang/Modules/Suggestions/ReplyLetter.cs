using Kechuang.Platform.Data;

namespace Kechuang.Modules.Suggestions;

/// <summary>
/// 答复函模板: the text of a suggestion's reply letter with its figures as tokens (docs/rules/reply-letter.md), kept as a
/// record so that staff edit the wording while every figure still comes from records when the letter is generated.
/// </summary>
public sealed class ReplyTemplate : IRegionScoped
{
    private ReplyTemplate()
    {
    }

    public ReplyTemplate(Guid suggestionId, string regionCode, string title, string body, string by, DateTime now)
    {
        Id = Guid.CreateVersion7();
        SuggestionId = suggestionId;
        RegionCode = regionCode;
        CreatedAt = now;
        Change(title, body, by, now);
    }

    public Guid Id { get; private set; }
    public Guid SuggestionId { get; private set; }

    /// <summary>The suggestion's region, so that the template is seen where the suggestion is.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>标题, e.g. 关于市人大八届一次会议武35号建议的答复; tokens allowed.</summary>
    public string Title { get; private set; } = "";

    /// <summary>正文 from the salutation to the 附注 line, paragraphs separated by line breaks; the signature and the day are added from the suggestion.</summary>
    public string Body { get; private set; } = "";
    public string UpdatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Change(string title, string body, string by, DateTime now)
    {
        Title = title;
        Body = body;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>
/// 答复函版本: one generated letter, frozen: its text and each figure's indicator, period, value and wording as they were
/// when it was generated. A later change of the records makes a new version; this one never changes.
/// </summary>
public sealed class ReplyVersion : IRegionScoped
{
    private ReplyVersion()
    {
    }

    public ReplyVersion(Guid suggestionId, string regionCode, int number, RenderedLetter letter, string figuresJson, string by, DateTime now)
    {
        Id = Guid.CreateVersion7();
        SuggestionId = suggestionId;
        RegionCode = regionCode;
        Number = number;
        Title = letter.Title;
        Text = letter.Text;
        Signatory = letter.Signatory;
        LetterDate = letter.LetterDate;
        FiguresJson = figuresJson;
        GeneratedBy = by;
        GeneratedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SuggestionId { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>版本号: 1, 2, … per suggestion.</summary>
    public int Number { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The letter as text: salutation, paragraphs, 附注, signature and day, one per line.</summary>
    public string Text { get; private set; } = "";

    /// <summary>落款: the lead unit.</summary>
    public string Signatory { get; private set; } = "";

    /// <summary>成文日期: the reply's day (the day of generation while not yet answered).</summary>
    public DateOnly LetterDate { get; private set; }

    /// <summary>Each figure of the letter (<see cref="ReplyFigure"/>) as JSON, in the order of the text.</summary>
    public string FiguresJson { get; private set; } = "[]";
    public string GeneratedBy { get; private set; } = "";
    public DateTime GeneratedAt { get; private set; }
}

/// <summary>
/// One figure of a generated letter: what computed it and how it was written. <paramref name="Offset"/> and the length of
/// <paramref name="Wording"/> locate it in the version's text (in the title when <paramref name="InTitle"/>).
/// </summary>
public sealed record ReplyFigure(int Index, string Token, string Kind, string Code, string Name, string? RegionCode, string? Period, string? PeriodName,
    string? Style, decimal? Value, string Wording, bool InTitle, int Offset, string? RecordsUrl);

/// <summary>A letter as rendered from its template, before it is stored.</summary>
public sealed record RenderedLetter(string Title, string Text, string Signatory, DateOnly LetterDate, IReadOnlyList<ReplyFigure> Figures);
