using Kechuang.Platform.Data;

namespace Kechuang.Modules.Commissioners;

/// <summary>特派员类型, each with its service model (docs/rules/commissioners.md).</summary>
public enum CommissionerKind
{
    /// <summary>个人科技特派员: "1人+1乡", one person serving one town.</summary>
    Individual = 1,

    /// <summary>团队科技特派员: "1团+1业", a team serving one industry.</summary>
    Team = 2,

    /// <summary>法人科技特派员: "1家+1县", an institution serving a whole county.</summary>
    LegalPerson = 3,
}

/// <summary>派遣层级: who dispatches the commissioner.</summary>
public enum CommissionerLevel
{
    Provincial = 1,
    City = 2,
    County = 3,
}

/// <summary>
/// 科技特派员: a directory person dispatched (派驻) to a town of the county for a term. For a team the person is its
/// leader, for a legal person its contact. The record belongs to the host town's region (<see cref="RegionCode"/>).
/// </summary>
public sealed class Commissioner : IRegionScoped
{
    private Commissioner()
    {
    }

    public Commissioner(CommissionerFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The directory person (人员, of kind 科技特派员).</summary>
    public Guid PersonId { get; private set; }
    public CommissionerKind Kind { get; private set; }
    public CommissionerLevel Level { get; private set; }

    /// <summary>派出单位: a directory organisation (a university, an institute), often in another region.</summary>
    public Guid? DispatchingUnitId { get; private set; }

    /// <summary>派驻乡镇: the host town's region code.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>服务产业 (茶叶, 食用菌 …).</summary>
    public string Industry { get; private set; } = "";
    public DateOnly TermStart { get; private set; }
    public DateOnly TermEnd { get; private set; }

    /// <summary>协议（合同）签订日期.</summary>
    public DateOnly? AgreementSignedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(CommissionerFacts facts, DateTime now)
    {
        PersonId = facts.PersonId;
        Kind = facts.Kind;
        Level = facts.Level;
        DispatchingUnitId = facts.DispatchingUnitId;
        RegionCode = facts.RegionCode;
        Industry = facts.Industry;
        TermStart = facts.TermStart;
        TermEnd = facts.TermEnd;
        AgreementSignedOn = facts.AgreementSignedOn;
        UpdatedAt = now;
    }

    public bool Serves(DateOnly day) => day >= TermStart && day <= TermEnd;
}

public sealed record CommissionerFacts(Guid PersonId, CommissionerKind Kind, CommissionerLevel Level, Guid? DispatchingUnitId, string RegionCode,
    string Industry, DateOnly TermStart, DateOnly TermEnd, DateOnly? AgreementSignedOn);

/// <summary>需求摸底的状态.</summary>
public enum NeedStatus
{
    Open = 1,
    Matched = 2,
    Resolved = 3,
}

/// <summary>需求摸底: a technology need surveyed from a town or an enterprise, to be answered by a (provincial) commissioner.</summary>
public sealed class NeedsSurvey : IRegionScoped
{
    private NeedsSurvey()
    {
    }

    public NeedsSurvey(NeedFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public DateOnly SurveyedOn { get; private set; }

    /// <summary>The town surveyed (or the enterprise's town).</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>The enterprise that raised the need, when not the town itself.</summary>
    public Guid? EnterpriseId { get; private set; }
    public string Industry { get; private set; } = "";
    public string Need { get; private set; } = "";
    public NeedStatus Status { get; private set; }

    /// <summary>The commissioner the need was matched with.</summary>
    public Guid? CommissionerId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(NeedFacts facts, DateTime now)
    {
        SurveyedOn = facts.SurveyedOn;
        RegionCode = facts.RegionCode;
        EnterpriseId = facts.EnterpriseId;
        Industry = facts.Industry;
        Need = facts.Need;
        Status = facts.Status;
        CommissionerId = facts.CommissionerId;
        UpdatedAt = now;
    }
}

public sealed record NeedFacts(DateOnly SurveyedOn, string RegionCode, Guid? EnterpriseId, string Industry, string Need, NeedStatus Status, Guid? CommissionerId);

/// <summary>科技特派员项目的层级.</summary>
public enum ProjectLevel
{
    Provincial = 1,
    County = 3,
}

/// <summary>科技特派员项目: a small funded project attached to one commissioner for a year.</summary>
public sealed class CommissionerProject : IRegionScoped
{
    private CommissionerProject()
    {
    }

    public CommissionerProject(ProjectFacts facts, string regionCode, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, regionCode, now);
    }

    public Guid Id { get; private set; }
    public Guid CommissionerId { get; private set; }

    /// <summary>The commissioner's host town: the project is where its commissioner serves.</summary>
    public string RegionCode { get; private set; } = "";
    public ProjectLevel Level { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>资助经费 in fen (<see cref="Money"/>).</summary>
    public long? FundingFen { get; private set; }
    public string? Goals { get; private set; }
    public string? Results { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(ProjectFacts facts, string regionCode, DateTime now)
    {
        CommissionerId = facts.CommissionerId;
        RegionCode = regionCode;
        Level = facts.Level;
        Year = facts.Year;
        Title = facts.Title;
        FundingFen = facts.Funding is { } yuan ? Money.ToFen(yuan) : null;
        Goals = facts.Goals;
        Results = facts.Results;
        UpdatedAt = now;
    }
}

public sealed record ProjectFacts(Guid CommissionerId, ProjectLevel Level, int Year, string Title, decimal? Funding, string? Goals, string? Results);
