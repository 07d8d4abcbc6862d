using Kechuang.Platform.Data;

namespace Kechuang.Modules.Transfer;

/// <summary>What a station's year is measured by (考核指标).</summary>
public enum AssessmentIndicator
{
    /// <summary>促成合作项目 (项).</summary>
    Projects = 1,

    /// <summary>合同签约金额 (万元).</summary>
    SignedAmount = 2,

    /// <summary>组织对接活动 (次).</summary>
    Activities = 3,

    /// <summary>专家走访企业 (人次).</summary>
    Visits = 4,

    /// <summary>获奖、荣誉 (项).</summary>
    Awards = 5,
}

/// <summary>考核等次.</summary>
public enum AssessmentGrade
{
    Excellent = 1,
    Good = 2,
    Pass = 3,
    Fail = 4,
}

/// <summary>One indicator of a scheme: points per unit (项, 万元, 次, 人次) and the most points it can give.</summary>
public sealed record SchemeItem(AssessmentIndicator Indicator, decimal Weight, decimal Cap);

/// <summary>
/// 考核办法 of a county's stations for one year: a weight and a cap per indicator and the scores that make a grade. The
/// county sets it before assessing; one per county and year.
/// </summary>
public sealed class AssessmentScheme : IRegionScoped
{
    private AssessmentScheme()
    {
    }

    public AssessmentScheme(string regionCode, int year, SchemeFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        RegionCode = regionCode;
        Year = year;
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The county (six digits) whose stations it assesses.</summary>
    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public decimal ProjectsWeight { get; private set; }
    public decimal ProjectsCap { get; private set; }
    public decimal SignedAmountWeight { get; private set; }
    public decimal SignedAmountCap { get; private set; }
    public decimal ActivitiesWeight { get; private set; }
    public decimal ActivitiesCap { get; private set; }
    public decimal VisitsWeight { get; private set; }
    public decimal VisitsCap { get; private set; }
    public decimal AwardsWeight { get; private set; }
    public decimal AwardsCap { get; private set; }

    /// <summary>Lowest scores of 优秀, 良好 and 合格; below the last is 不合格.</summary>
    public decimal ExcellentFrom { get; private set; }
    public decimal GoodFrom { get; private set; }
    public decimal PassFrom { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<SchemeItem> Items =>
    [
        new(AssessmentIndicator.Projects, ProjectsWeight, ProjectsCap),
        new(AssessmentIndicator.SignedAmount, SignedAmountWeight, SignedAmountCap),
        new(AssessmentIndicator.Activities, ActivitiesWeight, ActivitiesCap),
        new(AssessmentIndicator.Visits, VisitsWeight, VisitsCap),
        new(AssessmentIndicator.Awards, AwardsWeight, AwardsCap),
    ];

    public SchemeFacts Facts => new(Name, Items, ExcellentFrom, GoodFrom, PassFrom);

    public void Update(SchemeFacts facts, DateTime now)
    {
        Name = facts.Name;
        var items = facts.Items.ToDictionary(i => i.Indicator);
        (ProjectsWeight, ProjectsCap) = Pair(items, AssessmentIndicator.Projects);
        (SignedAmountWeight, SignedAmountCap) = Pair(items, AssessmentIndicator.SignedAmount);
        (ActivitiesWeight, ActivitiesCap) = Pair(items, AssessmentIndicator.Activities);
        (VisitsWeight, VisitsCap) = Pair(items, AssessmentIndicator.Visits);
        (AwardsWeight, AwardsCap) = Pair(items, AssessmentIndicator.Awards);
        ExcellentFrom = facts.ExcellentFrom;
        GoodFrom = facts.GoodFrom;
        PassFrom = facts.PassFrom;
        UpdatedAt = now;
    }

    private static (decimal, decimal) Pair(Dictionary<AssessmentIndicator, SchemeItem> items, AssessmentIndicator indicator) =>
        items.TryGetValue(indicator, out var item) ? (item.Weight, item.Cap) : (0m, 0m);
}

public sealed record SchemeFacts(string Name, IReadOnlyList<SchemeItem> Items, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom);

/// <summary>A station's measured year: the value of each indicator as the station reported it and the bureau checked.</summary>
public sealed record AssessmentValues(int Projects, long SignedAmountFen, int Activities, int Visits, int Awards)
{
    /// <summary>The value the scheme weighs: signed amounts in 万元.</summary>
    public decimal Of(AssessmentIndicator indicator) => indicator switch
    {
        AssessmentIndicator.Projects => Projects,
        AssessmentIndicator.SignedAmount => SignedAmountFen / 1_000_000m,
        AssessmentIndicator.Activities => Activities,
        AssessmentIndicator.Visits => Visits,
        AssessmentIndicator.Awards => Awards,
        _ => 0m,
    };
}

/// <summary>年度考核 of one station: its values, and the score and grade the county's scheme gave them when it was recorded.</summary>
public sealed class StationAssessment : IRegionScoped
{
    private StationAssessment()
    {
    }

    public StationAssessment(TransferStation station, int year, Guid schemeId, AssessmentValues values, decimal score, AssessmentGrade grade, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        StationId = station.Id;
        RegionCode = station.RegionCode;
        Year = year;
        SchemeId = schemeId;
        Projects = values.Projects;
        SignedAmountFen = values.SignedAmountFen;
        Activities = values.Activities;
        Visits = values.Visits;
        Awards = values.Awards;
        Score = score;
        Grade = grade;
        Note = note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public Guid SchemeId { get; private set; }
    public int Projects { get; private set; }
    public long SignedAmountFen { get; private set; }
    public int Activities { get; private set; }
    public int Visits { get; private set; }
    public int Awards { get; private set; }
    public decimal Score { get; private set; }
    public AssessmentGrade Grade { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public AssessmentValues Values => new(Projects, SignedAmountFen, Activities, Visits, Awards);
}

/// <summary>What a payment to a station is.</summary>
public enum StationPaymentKind
{
    /// <summary>工作经费.</summary>
    WorkingFunds = 1,

    /// <summary>考核奖励.</summary>
    Reward = 2,
}

/// <summary>兑现的工作经费或奖励: money the county paid a station, in whole fen; totals are sums of these records.</summary>
public sealed class StationPayment : IRegionScoped
{
    private StationPayment()
    {
    }

    public StationPayment(TransferStation station, Guid? assessmentId, StationPaymentKind kind, long amountFen, DateOnly paidOn, string? note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        StationId = station.Id;
        RegionCode = station.RegionCode;
        AssessmentId = assessmentId;
        Kind = kind;
        AmountFen = amountFen;
        PaidOn = paidOn;
        Note = note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? AssessmentId { get; private set; }
    public StationPaymentKind Kind { get; private set; }
    public long AmountFen { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
