using Kechuang.Platform.Data;

namespace Kechuang.Modules.Suggestions;

/// <summary>办理状态: 已登记 → 已交办 → 已签收 → 办理中 → 已答复 → 已反馈 → 已公开 (docs/rules/suggestions.md §2).</summary>
public enum SuggestionStatus
{
    Received = 1,
    Assigned = 2,
    SignedFor = 3,
    Handling = 4,
    Replied = 5,
    Evaluated = 6,
    Published = 7,
}

/// <summary>答复分类 (national practice, docs/rules/suggestions.md §5): A 已经解决或基本解决 … D 留作参考.</summary>
public enum ReplyClass
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
}

/// <summary>代表的反馈意见: 满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied = 1,
    FairlySatisfied = 2,
    Dissatisfied = 3,
}

/// <summary>面商的时机 ("三见面"): 办理前 / 办理中 / 办理后.</summary>
public enum ContactStage
{
    Before = 1,
    During = 2,
    After = 3,
}

/// <summary>
/// 人大代表建议: one suggestion of one or more deputies at one session, as the bureau handles it: assigned to a lead
/// unit (主办) with co-handling units (会办), answered by a deadline, evaluated by the deputy and published. The region
/// is the delegation's (武35号: the 武义 delegation, 330723), so the county sees its deputies' suggestions.
/// </summary>
public sealed class Suggestion : IRegionScoped
{
    private readonly List<CoHandlingUnit> _coHandlers = [];

    private Suggestion()
    {
    }

    public Suggestion(SuggestionFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Status = SuggestionStatus.Received;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>建议编号 as the congress numbers it: 武35号.</summary>
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>领衔代表 first, others after 、.</summary>
    public string Representatives { get; private set; } = "";

    /// <summary>代表联系电话: left out of the published view (docs/rules/suggestions.md §7).</summary>
    public string? RepresentativePhone { get; private set; }

    /// <summary>会议: 市人大八届一次会议.</summary>
    public string Session { get; private set; } = "";
    public string? Summary { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public SuggestionStatus Status { get; private set; }
    public DateOnly? AssignedOn { get; private set; }

    /// <summary>主办单位: an organisation of the directory.</summary>
    public Guid? LeadUnitId { get; private set; }

    /// <summary>答复期限: 3 months from assignment, 6 when extended, a month from a 不满意 when handled again.</summary>
    public DateOnly? Deadline { get; private set; }
    public bool Extended { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? SignedForOn { get; private set; }
    public DateOnly? RepliedOn { get; private set; }

    /// <summary>The first reply came by the deadline then in force (the 按时办结率).</summary>
    public bool? FirstReplyOnTime { get; private set; }
    public DateOnly? FirstRepliedOn { get; private set; }
    public ReplyClass? Classification { get; private set; }
    public string? ReplyNumber { get; private set; }
    public string? ReplyContactName { get; private set; }
    public string? ReplyContactPhone { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public DateOnly? FeedbackOn { get; private set; }
    public int RehandleCount { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<CoHandlingUnit> CoHandlers => _coHandlers;

    public void Update(SuggestionFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        Number = facts.Number;
        Title = facts.Title;
        Representatives = facts.Representatives;
        RepresentativePhone = facts.RepresentativePhone;
        Session = facts.Session;
        Summary = facts.Summary;
        ReceivedOn = facts.ReceivedOn;
        UpdatedAt = now;
    }

    public void Assign(DateOnly assignedOn, Guid leadUnitId, IEnumerable<Guid> coHandlerIds, SuggestionTerms terms, DateTime now)
    {
        Status = SuggestionStatus.Assigned;
        AssignedOn = assignedOn;
        LeadUnitId = leadUnitId;
        Deadline = terms.Deadline(assignedOn);
        Extended = false;
        ExtensionReason = null;
        _coHandlers.Clear();
        foreach (var unit in coHandlerIds.Distinct())
        {
            _coHandlers.Add(new CoHandlingUnit(Id, unit, terms.OpinionDue(assignedOn)));
        }
        UpdatedAt = now;
    }

    /// <summary>退回: back to 已登记, to be assigned again.</summary>
    public void Return(DateTime now)
    {
        Status = SuggestionStatus.Received;
        AssignedOn = null;
        LeadUnitId = null;
        Deadline = null;
        SignedForOn = null;
        _coHandlers.Clear();
        UpdatedAt = now;
    }

    public void SignFor(DateOnly day, DateTime now)
    {
        Status = SuggestionStatus.SignedFor;
        SignedForOn = day;
        UpdatedAt = now;
    }

    public void StartHandling(DateTime now)
    {
        Status = SuggestionStatus.Handling;
        UpdatedAt = now;
    }

    public void Extend(string reason, SuggestionTerms terms, DateTime now)
    {
        Extended = true;
        ExtensionReason = reason;
        Deadline = terms.ExtendedDeadline(AssignedOn!.Value);
        UpdatedAt = now;
    }

    public void Reply(ReplyFacts reply, DateTime now)
    {
        Status = SuggestionStatus.Replied;
        RepliedOn = reply.RepliedOn;
        if (FirstRepliedOn is null)
        {
            FirstRepliedOn = reply.RepliedOn;
            FirstReplyOnTime = reply.RepliedOn <= Deadline;
        }
        Classification = reply.Classification;
        ReplyNumber = reply.ReplyNumber;
        ReplyContactName = reply.ContactName;
        ReplyContactPhone = reply.ContactPhone;
        UpdatedAt = now;
    }

    /// <summary>The deputy's answer; 不满意 sends the suggestion back to handling with a new deadline.</summary>
    public void Evaluate(Satisfaction satisfaction, DateOnly day, SuggestionTerms terms, DateTime now)
    {
        Satisfaction = satisfaction;
        FeedbackOn = day;
        if (satisfaction == Suggestions.Satisfaction.Dissatisfied)
        {
            Status = SuggestionStatus.Handling;
            RehandleCount++;
            Deadline = terms.RehandleDeadline(day);
        }
        else
        {
            Status = SuggestionStatus.Evaluated;
        }
        UpdatedAt = now;
    }

    public void Publish(DateOnly day, DateTime now)
    {
        Status = SuggestionStatus.Published;
        PublishedOn = day;
        UpdatedAt = now;
    }
}

/// <summary>会办单位 of a suggestion and its written opinion (会办意见), due a configured number of days after assignment.</summary>
public sealed class CoHandlingUnit
{
    private CoHandlingUnit()
    {
    }

    public CoHandlingUnit(Guid suggestionId, Guid organizationId, DateOnly opinionDueOn)
    {
        Id = Guid.CreateVersion7();
        SuggestionId = suggestionId;
        OrganizationId = organizationId;
        OpinionDueOn = opinionDueOn;
    }

    public Guid Id { get; private set; }
    public Guid SuggestionId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DateOnly OpinionDueOn { get; private set; }
    public DateOnly? OpinionOn { get; private set; }
    public string? Opinion { get; private set; }

    public void GiveOpinion(DateOnly day, string opinion)
    {
        OpinionOn = day;
        Opinion = opinion;
    }
}

/// <summary>面商: a meeting with the deputy before, during or after handling (走访、座谈、调研).</summary>
public sealed class SuggestionContact
{
    private SuggestionContact()
    {
    }

    public SuggestionContact(Guid suggestionId, ContactFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        SuggestionId = suggestionId;
        Stage = facts.Stage;
        ContactedOn = facts.ContactedOn;
        Way = facts.Way;
        Note = facts.Note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SuggestionId { get; private set; }
    public ContactStage Stage { get; private set; }
    public DateOnly ContactedOn { get; private set; }
    public string Way { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>One step of the handling history (办理过程), in the order taken.</summary>
public sealed class SuggestionStep
{
    private SuggestionStep()
    {
    }

    public SuggestionStep(Guid suggestionId, string action, DateOnly day, string text, string recordedBy, DateTime now)
    {
        Id = Guid.CreateVersion7();
        SuggestionId = suggestionId;
        Action = action;
        Day = day;
        Text = text;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SuggestionId { get; private set; }

    /// <summary>receive, assign, return, sign-for, start, extend, opinion, contact, reply, feedback, publish.</summary>
    public string Action { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public string Text { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}

public sealed record SuggestionFacts(string RegionCode, string Number, string Title, string Representatives, string? RepresentativePhone, string Session,
    string? Summary, DateOnly ReceivedOn);

public sealed record ReplyFacts(DateOnly RepliedOn, ReplyClass Classification, string? ReplyNumber, string ContactName, string ContactPhone);

public sealed record ContactFacts(ContactStage Stage, DateOnly ContactedOn, string Way, string? Note);
