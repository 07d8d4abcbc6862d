using Kechuang.Platform.Data;

namespace Kechuang.Modules.Talent;

/// <summary>学历层次 of an introduced talent: 博士 / 博士后 (引进博士及以上).</summary>
public enum TalentDegree
{
    Doctorate = 1,
    Postdoctoral = 2,
}

/// <summary>引进人才: a person with a doctorate or above who took up work with an employer of the region on a day.</summary>
public sealed class TalentIntroduction : IRegionScoped
{
    private TalentIntroduction()
    {
    }

    public TalentIntroduction(IntroductionFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid PersonId { get; private set; }
    public TalentDegree Degree { get; private set; }
    public Guid EmployerId { get; private set; }

    /// <summary>引进日期: the day the person took up work (到岗).</summary>
    public DateOnly IntroducedOn { get; private set; }
    public string? Discipline { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(IntroductionFacts facts, DateTime now)
    {
        RegionCode = facts.RegionCode;
        PersonId = facts.PersonId;
        Degree = facts.Degree;
        EmployerId = facts.EmployerId;
        IntroducedOn = facts.IntroducedOn;
        Discipline = facts.Discipline;
        Note = facts.Note;
        UpdatedAt = now;
    }
}

public sealed record IntroductionFacts(string RegionCode, Guid PersonId, TalentDegree Degree, Guid EmployerId, DateOnly IntroducedOn, string? Discipline, string? Note);
