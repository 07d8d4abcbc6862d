namespace Kechuang.Modules.Programs;

/// <summary>计划层级: 县级 / 市级 / 省级; a recommendation goes up one or more levels.</summary>
public enum PlanLevel
{
    County = 1,
    City = 2,
    Provincial = 3,
}

/// <summary>评审指标: a criterion of the call and the most points a reviewer may give on it.</summary>
public sealed record Criterion(string Name, int MaxPoints);

/// <summary>
/// 申报通知（指南）: a bureau's call for plan projects of one level, year and category, with its submission window and
/// how the expert scores are averaged. Calls are read by every signed-in account (an enterprise reads the guide, a
/// county reads the city's call it recommends to); who may change one is checked by level and scope.
/// </summary>
public sealed class PlanCall
{
    private PlanCall()
    {
    }

    public PlanCall(CallFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The issuing bureau's region: a county (330723), the city (330700) or the province (330000).</summary>
    public string RegionCode { get; private set; } = "";
    public PlanLevel Level { get; private set; }
    public int Year { get; private set; }

    /// <summary>项目类别 from <see cref="ProgramsRules.Categories"/> (一般研发, 社发类, 农业类重点…).</summary>
    public string Category { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public string? Guide { get; private set; }

    /// <summary>去掉一个最高分和一个最低分: whether the average of the reviewers' totals drops the extremes.</summary>
    public bool DropHighLow { get; private set; }

    /// <summary>拟立项公示 days.</summary>
    public int NoticeDays { get; private set; }

    /// <summary>评审指标, "创新性:30;可行性:30;…" (name and maximum points).</summary>
    public string Criteria { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Criterion> CriteriaList => ProgramsRules.ParseCriteria(Criteria);

    public void Update(CallFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        Level = facts.Level;
        Year = facts.Year;
        Category = facts.Category;
        Title = facts.Title;
        OpensOn = facts.OpensOn;
        ClosesOn = facts.ClosesOn;
        Guide = facts.Guide;
        DropHighLow = facts.DropHighLow;
        NoticeDays = facts.NoticeDays;
        Criteria = ProgramsRules.FormatCriteria(facts.Criteria);
        UpdatedAt = now;
    }
}

public sealed record CallFacts(string RegionCode, PlanLevel Level, int Year, string Category, string Title, DateOnly OpensOn, DateOnly ClosesOn, string? Guide,
    bool DropHighLow, int NoticeDays, IReadOnlyList<Criterion> Criteria);
