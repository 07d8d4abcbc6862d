using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Programs;

/// <summary>申报状态, in the order an application moves through them (docs/rules/plan-projects.md).</summary>
public enum ApplicationStatus
{
    Submitted = 1,
    Returned = 2,
    Checked = 3,
    InReview = 4,
    Reviewed = 5,
    Recommended = 6,
    Publicizing = 7,
    Approved = 8,
    NotApproved = 9,
    InProgress = 10,
    AcceptanceRequested = 11,
    Accepted = 12,
    AcceptanceFailed = 13,
}

/// <summary>绩效评价等级.</summary>
public enum PerformanceGrade
{
    Excellent = 1,
    Good = 2,
    Pass = 3,
    Fail = 4,
}

/// <summary>申报材料: one document's metadata (the file itself is kept by the applicant).</summary>
public sealed record DocumentInfo(string Name, string? Kind, int? Pages);

/// <summary>任务书 milestone: what is due by when, and when it was done.</summary>
public sealed record Milestone(string Title, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>
/// 科技计划项目申报: one organisation's application to one call, followed from submission through the formal check,
/// expert review, recommendation upward or approval, the task contract and acceptance to the performance grade. The
/// region is the applicant's; each change of state goes through a method that refuses a wrong one with a stable code.
/// </summary>
public sealed class PlanApplication : IOrganizationScoped
{
    private PlanApplication()
    {
    }

    public PlanApplication(Guid callId, ApplicationFacts facts, DateOnly submittedOn, DateTime now, Guid? sourceApplicationId = null)
    {
        Id = Guid.CreateVersion7();
        CallId = callId;
        Status = ApplicationStatus.Submitted;
        SubmittedOn = submittedOn;
        SourceApplicationId = sourceApplicationId;
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>项目负责人.</summary>
    public string Leader { get; private set; } = "";

    /// <summary>项目组成员, as written (姓名、单位、分工).</summary>
    public string? Team { get; private set; }
    public long OwnFundsFen { get; private set; }
    public long RequestedFundsFen { get; private set; }
    public List<DocumentInfo> Documents { get; private set; } = [];
    public ApplicationStatus Status { get; private set; }
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>The county application this one was recommended from (推荐上报).</summary>
    public Guid? SourceApplicationId { get; private set; }
    public DateOnly? CheckedOn { get; private set; }
    public string? CheckNote { get; private set; }

    /// <summary>评审得分: the average of the reviewers' totals (dropping the highest and lowest when the call says so).</summary>
    public decimal? Score { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public DateOnly? RecommendedOn { get; private set; }
    public Guid? RecommendedToCallId { get; private set; }
    public DateOnly? NoticeStartsOn { get; private set; }
    public DateOnly? NoticeEndsOn { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public long? ApprovedFundsFen { get; private set; }
    public DateOnly? ContractSignedOn { get; private set; }
    public DateOnly? StartOn { get; private set; }
    public DateOnly? EndOn { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];
    public DateOnly? MidtermOn { get; private set; }
    public string? MidtermResult { get; private set; }

    /// <summary>延期: the end date before the one extension, and by how many months.</summary>
    public DateOnly? OriginalEndOn { get; private set; }
    public int? ExtensionMonths { get; private set; }
    public DateOnly? AcceptanceRequestedOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public string? AcceptanceNote { get; private set; }
    public PerformanceGrade? Grade { get; private set; }
    public DateOnly? GradedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>How many timeline entries the application has: numbers them in the order recorded, whatever days they give.</summary>
    public int Steps { get; private set; }

    public int TakeStep() => ++Steps;

    public void Update(ApplicationFacts facts, DateTime now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.Returned))
        {
            throw Wrong("programs.not-editable", "申报已进入审查，不能再修改");
        }
        RegionCode = facts.RegionCode;
        OrganizationId = facts.OrganizationId;
        Title = facts.Title;
        Leader = facts.Leader;
        Team = facts.Team;
        OwnFundsFen = Money.ToFen(facts.OwnFunds);
        RequestedFundsFen = Money.ToFen(facts.RequestedFunds);
        Documents = [.. facts.Documents];
        if (Status == ApplicationStatus.Returned)
        {
            Status = ApplicationStatus.Submitted;
        }
        UpdatedAt = now;
    }

    public void Check(bool passed, string? note, DateOnly day, DateTime now)
    {
        Expect("programs.not-submitted", "只有已申报的项目才能进行形式审查", ApplicationStatus.Submitted);
        Status = passed ? ApplicationStatus.Checked : ApplicationStatus.Returned;
        CheckedOn = day;
        CheckNote = note;
        UpdatedAt = now;
    }

    public void StartReview(DateTime now)
    {
        Expect("programs.not-checked", "形式审查通过后才能指派评审专家", ApplicationStatus.Checked, ApplicationStatus.InReview);
        Status = ApplicationStatus.InReview;
        UpdatedAt = now;
    }

    public void FinishReview(decimal score, DateOnly day, DateTime now)
    {
        Expect("programs.not-in-review", "项目不在专家评审中", ApplicationStatus.InReview);
        Score = score;
        ReviewedOn = day;
        Status = ApplicationStatus.Reviewed;
        UpdatedAt = now;
    }

    public void Recommend(Guid toCallId, DateOnly day, DateTime now)
    {
        Expect("programs.not-reviewed", "评审完成后才能推荐上报", ApplicationStatus.Reviewed);
        Status = ApplicationStatus.Recommended;
        RecommendedOn = day;
        RecommendedToCallId = toCallId;
        UpdatedAt = now;
    }

    public void Publicize(DateOnly day, int days, DateTime now)
    {
        Expect("programs.not-decidable", "形式审查通过或评审完成后才能进行立项公示", ApplicationStatus.Checked, ApplicationStatus.Reviewed);
        Status = ApplicationStatus.Publicizing;
        NoticeStartsOn = day;
        NoticeEndsOn = day.AddDays(days);
        UpdatedAt = now;
    }

    public void Approve(decimal? funds, DateOnly day, DateTime now)
    {
        Expect("programs.not-publicizing", "立项公示期满后才能立项", ApplicationStatus.Publicizing);
        if (day < NoticeEndsOn)
        {
            throw Wrong("programs.notice-running", $"公示期至{NoticeEndsOn:yyyy-MM-dd}，期满后才能立项");
        }
        Status = ApplicationStatus.Approved;
        DecidedOn = day;
        ApprovedFundsFen = funds is { } f ? Money.ToFen(f) : RequestedFundsFen;
        UpdatedAt = now;
    }

    public void Decline(DateOnly day, DateTime now)
    {
        Expect("programs.not-decidable", "该状态下不能作出不予立项的决定", ApplicationStatus.Checked, ApplicationStatus.Reviewed, ApplicationStatus.Publicizing);
        Status = ApplicationStatus.NotApproved;
        DecidedOn = day;
        UpdatedAt = now;
    }

    public void SignContract(DateOnly day, DateOnly startOn, DateOnly endOn, IReadOnlyList<Milestone> milestones, DateTime now)
    {
        Expect("programs.not-approved", "立项后才能签订任务书", ApplicationStatus.Approved);
        ContractSignedOn = day;
        StartOn = startOn;
        EndOn = endOn;
        Milestones = [.. milestones];
        Status = ApplicationStatus.InProgress;
        UpdatedAt = now;
    }

    public void RecordMidterm(DateOnly day, string result, DateTime now)
    {
        Expect("programs.not-in-progress", "项目不在执行期内", ApplicationStatus.InProgress);
        MidtermOn = day;
        MidtermResult = result;
        UpdatedAt = now;
    }

    public void Extend(int months, DateOnly day, DateTime now)
    {
        Expect("programs.not-in-progress", "项目不在执行期内", ApplicationStatus.InProgress);
        ProgramsRules.CheckExtension(ExtensionMonths is not null, months, day, EndOn!.Value);
        OriginalEndOn = EndOn;
        ExtensionMonths = months;
        EndOn = EndOn.Value.AddMonths(months);
        UpdatedAt = now;
    }

    public void RequestAcceptance(DateOnly day, DateTime now)
    {
        Expect("programs.not-in-progress", "项目不在执行期内", ApplicationStatus.InProgress);
        ProgramsRules.CheckAcceptanceRequest(StartOn!.Value, EndOn!.Value, day);
        AcceptanceRequestedOn = day;
        Status = ApplicationStatus.AcceptanceRequested;
        UpdatedAt = now;
    }

    public void Accept(bool passed, string? note, DateOnly day, DateTime now)
    {
        Expect("programs.no-acceptance-request", "项目尚未申请验收", ApplicationStatus.AcceptanceRequested);
        Status = passed ? ApplicationStatus.Accepted : ApplicationStatus.AcceptanceFailed;
        AcceptedOn = day;
        AcceptanceNote = note;
        UpdatedAt = now;
    }

    public void Evaluate(PerformanceGrade grade, DateOnly day, DateTime now)
    {
        Expect("programs.not-accepted", "验收后才能进行绩效评价", ApplicationStatus.Accepted, ApplicationStatus.AcceptanceFailed);
        Grade = grade;
        GradedOn = day;
        UpdatedAt = now;
    }

    private void Expect(string code, string message, params ApplicationStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw Wrong(code, $"{message}（当前状态：{ProgramsRules.StatusNames[Status]}）");
        }
    }

    private static RuleException Wrong(string code, string message) => new(code, message);
}

public sealed record ApplicationFacts(string RegionCode, Guid OrganizationId, string Title, string Leader, string? Team, decimal OwnFunds, decimal RequestedFunds,
    IReadOnlyList<DocumentInfo> Documents);

/// <summary>评审分配: one reviewer (an expert account) assigned to one application, with a conflict or the scores per criterion.</summary>
public sealed class ReviewAssignment : IRegionScoped
{
    private ReviewAssignment()
    {
    }

    public ReviewAssignment(PlanApplication application, Guid reviewerId, string reviewerName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = application.Id;
        CallId = application.CallId;
        RegionCode = application.RegionCode;
        ReviewerId = reviewerId;
        ReviewerName = reviewerName;
        AssignedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CallId { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>The reviewer's account.</summary>
    public Guid ReviewerId { get; private set; }
    public string ReviewerName { get; private set; } = "";
    public DateTime AssignedAt { get; private set; }

    /// <summary>回避: the reviewer declared a conflict of interest and may not score.</summary>
    public bool Conflict { get; private set; }
    public string? ConflictReason { get; private set; }

    /// <summary>Points per criterion in the call's order, "28,25,18,17".</summary>
    public string? Points { get; private set; }
    public decimal? Total { get; private set; }
    public string? Comment { get; private set; }
    public DateTime? ScoredAt { get; private set; }

    public void DeclareConflict(string reason)
    {
        if (ScoredAt is not null)
        {
            throw new RuleException("programs.already-scored", "已提交评分，不能再声明回避");
        }
        Conflict = true;
        ConflictReason = reason;
    }

    public void Score(IReadOnlyList<int> points, string? comment, DateTime now)
    {
        if (Conflict)
        {
            throw new RuleException("programs.reviewer-conflict", "您已声明回避该项目，不能评分");
        }
        Points = string.Join(',', points);
        Total = points.Sum();
        Comment = comment;
        ScoredAt = now;
    }
}

/// <summary>公示异议: an objection received during the notice period, and how it was settled.</summary>
public sealed class PlanObjection : IRegionScoped
{
    private PlanObjection()
    {
    }

    public PlanObjection(PlanApplication application, DateOnly receivedOn, string content, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = application.Id;
        RegionCode = application.RegionCode;
        ReceivedOn = receivedOn;
        Content = content;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public string Content { get; private set; } = "";

    /// <summary>Null while open; true when the objection stood (the project is not approved).</summary>
    public bool? Upheld { get; private set; }
    public string? Resolution { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void Resolve(bool upheld, string resolution, DateOnly day)
    {
        if (Upheld is not null)
        {
            throw new RuleException("programs.objection-resolved", "该异议已处理");
        }
        Upheld = upheld;
        Resolution = resolution;
        ResolvedOn = day;
    }
}

/// <summary>办理记录: one change of an application's state, for its timeline (the audit log keeps every field).</summary>
public sealed class PlanTransition : IRegionScoped
{
    private PlanTransition()
    {
    }

    public PlanTransition(PlanApplication application, ApplicationStatus? from, string action, DateOnly day, string actor, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = application.Id;
        RegionCode = application.RegionCode;
        Seq = application.TakeStep();
        From = from;
        To = application.Status;
        Action = action;
        OnDay = day;
        Actor = actor;
        Note = note;
        At = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Seq { get; private set; }
    public ApplicationStatus? From { get; private set; }
    public ApplicationStatus To { get; private set; }
    public string Action { get; private set; } = "";
    public DateOnly OnDay { get; private set; }
    public string Actor { get; private set; } = "";
    public string? Note { get; private set; }
    public DateTime At { get; private set; }
}
