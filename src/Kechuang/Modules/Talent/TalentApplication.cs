using Kechuang.Platform.Data;

namespace Kechuang.Modules.Talent;

/// <summary>人才项目级别: 国家级 / 省级 / 市级.</summary>
public enum TalentLevel
{
    National = 1,
    Provincial = 2,
    City = 3,
}

/// <summary>评审结果: 待定 / 获批 / 未获批.</summary>
public enum ApplicationResult
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// 高层次人才项目申报: one person recommended by the bureau for one talent programme in one year, with the employer that
/// applies and the programme's answer. The region is the bureau's that recommends (where the employer is).
/// </summary>
public sealed class TalentApplication : IRegionScoped
{
    private TalentApplication()
    {
    }

    public TalentApplication(ApplicationFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>人才项目: a name from the configured list (国家千人计划, 省海外高层次人才引进计划…).</summary>
    public string Programme { get; private set; } = "";
    public TalentLevel Level { get; private set; }

    /// <summary>申报人: a person of the directory.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>申报单位: an organisation of the directory.</summary>
    public Guid EmployerId { get; private set; }

    /// <summary>申报年度: the programme's round.</summary>
    public int Year { get; private set; }

    /// <summary>推荐日期: the day the bureau recommended (推荐上报) the application.</summary>
    public DateOnly? RecommendedOn { get; private set; }
    public ApplicationResult Result { get; private set; }

    /// <summary>结果日期: the day the programme approved or turned down the application.</summary>
    public DateOnly? DecidedOn { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(ApplicationFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        Programme = facts.Programme;
        Level = facts.Level;
        PersonId = facts.PersonId;
        EmployerId = facts.EmployerId;
        Year = facts.Year;
        RecommendedOn = facts.RecommendedOn;
        Result = facts.Result;
        DecidedOn = facts.DecidedOn;
        Note = facts.Note;
        UpdatedAt = now;
    }

    /// <summary>Records the programme's answer; <see cref="TalentRules.CheckDecision"/> says whether it may.</summary>
    public void Decide(ApplicationResult result, DateOnly? decidedOn, DateTime now)
    {
        Result = result;
        DecidedOn = decidedOn;
        UpdatedAt = now;
    }
}

/// <summary>An application's validated facts (<see cref="TalentRules.ValidateApplication"/>).</summary>
public sealed record ApplicationFacts(string RegionCode, string Programme, TalentLevel Level, Guid PersonId, Guid EmployerId, int Year,
    DateOnly? RecommendedOn, ApplicationResult Result, DateOnly? DecidedOn, string? Note);
