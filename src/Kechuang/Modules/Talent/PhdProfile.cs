using Kechuang.Platform.Data;

namespace Kechuang.Modules.Talent;

/// <summary>
/// 博士档案 (百博入企): a PhD of a university or institute available to enterprises, with the discipline and technology
/// fields enterprises search for and a contact phone (masked for viewers who may not see personal numbers). The region is
/// the bureau's that keeps the profile.
/// </summary>
public sealed class PhdProfile : IRegionScoped
{
    private PhdProfile()
    {
    }

    public PhdProfile(PhdFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid PersonId { get; private set; }

    /// <summary>所在高校院所: an organisation of the directory.</summary>
    public Guid InstitutionId { get; private set; }

    /// <summary>学科专业.</summary>
    public string Discipline { get; private set; } = "";

    /// <summary>技术领域, as words separated by 、 (智能制造、新材料).</summary>
    public string? TechFields { get; private set; }
    public string? Phone { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(PhdFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        PersonId = facts.PersonId;
        InstitutionId = facts.InstitutionId;
        Discipline = facts.Discipline;
        TechFields = facts.TechFields;
        Phone = facts.Phone;
        UpdatedAt = now;
    }
}

public sealed record PhdFacts(string RegionCode, Guid PersonId, Guid InstitutionId, string Discipline, string? TechFields, string? Phone);

/// <summary>企业博士需求: what an enterprise asks of a PhD (discipline, how many, what for) in a 百博入企 round.</summary>
public sealed class PhdDemand : IRegionScoped
{
    private PhdDemand()
    {
    }

    public PhdDemand(PhdDemandFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public int Year { get; private set; }
    public string Discipline { get; private set; } = "";
    public int Headcount { get; private set; }
    public string Description { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(PhdDemandFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        EnterpriseId = facts.EnterpriseId;
        Year = facts.Year;
        Discipline = facts.Discipline;
        Headcount = facts.Headcount;
        Description = facts.Description;
        UpdatedAt = now;
    }
}

public sealed record PhdDemandFacts(string RegionCode, Guid EnterpriseId, int Year, string Discipline, int Headcount, string Description);

/// <summary>
/// 推荐上报 (百博入企): the bureau recommends a PhD to an enterprise in a year's round and reports it on a day; once the
/// PhD serves there, the placement's start (入企日期) and end (离企日期) are recorded on the same record. The region is the
/// enterprise's.
/// </summary>
public sealed class PhdRecommendation : IRegionScoped
{
    private PhdRecommendation()
    {
    }

    public PhdRecommendation(PhdRecommendationFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid PhdId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public Guid? DemandId { get; private set; }
    public int Year { get; private set; }

    /// <summary>上报日期.</summary>
    public DateOnly ReportedOn { get; private set; }

    /// <summary>入企日期: the placement's first day.</summary>
    public DateOnly? StartedOn { get; private set; }

    /// <summary>离企日期: the placement's last day.</summary>
    public DateOnly? EndedOn { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(PhdRecommendationFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        PhdId = facts.PhdId;
        EnterpriseId = facts.EnterpriseId;
        DemandId = facts.DemandId;
        Year = facts.Year;
        ReportedOn = facts.ReportedOn;
        StartedOn = facts.StartedOn;
        EndedOn = facts.EndedOn;
        Note = facts.Note;
        UpdatedAt = now;
    }
}

public sealed record PhdRecommendationFacts(string RegionCode, Guid PhdId, Guid EnterpriseId, Guid? DemandId, int Year, DateOnly ReportedOn,
    DateOnly? StartedOn, DateOnly? EndedOn, string? Note);
