using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Transfer;

/// <summary>院县科技合作项目: a project a university or institute carries out with the county (often with an enterprise), 重大 or not.</summary>
public sealed class InstituteCountyProject : IRegionScoped
{
    private InstituteCountyProject()
    {
    }

    public InstituteCountyProject(ProjectFacts facts, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(facts, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid InstitutionId { get; private set; }
    public Guid? EnterpriseId { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>立项日期: the day counted by transfer.institute-county-projects.</summary>
    public DateOnly ApprovedOn { get; private set; }
    public bool IsMajor { get; private set; }
    public long? FundingFen { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Update(ProjectFacts facts, DateTime now)
    {
        Name = facts.Name;
        InstitutionId = facts.InstitutionId;
        EnterpriseId = facts.EnterpriseId;
        RegionCode = facts.RegionCode;
        ApprovedOn = facts.ApprovedOn;
        IsMajor = facts.IsMajor;
        FundingFen = facts.FundingFen;
        Note = facts.Note;
        UpdatedAt = now;
    }
}

public sealed record ProjectFacts(string Name, Guid InstitutionId, Guid? EnterpriseId, string RegionCode, DateOnly ApprovedOn, bool IsMajor, long? FundingFen, string? Note);

public sealed record ProjectInput(string? Name, Guid? InstitutionId, Guid? EnterpriseId, string? RegionCode, DateOnly? ApprovedOn, bool? IsMajor, decimal? Funding, string? Note);

public static class ProjectRules
{
    public const int NameMax = 100;
    public const int NoteMax = 500;

    public static ProjectFacts? Validate(ProjectInput input, Func<string, bool> regionExists, DateOnly today, FieldErrors errors)
    {
        var name = errors.Text("name", "项目名称", input.Name, NameMax);
        if (input.InstitutionId is null)
        {
            errors.Add("institutionId", "请选择合作院校");
        }
        var region = TransferText.Region(input.RegionCode, "regionCode", "所在行政区划", regionExists, errors);
        if (input.ApprovedOn is null)
        {
            errors.Add("approvedOn", "请填写立项日期");
        }
        else if (input.ApprovedOn > today)
        {
            errors.Add("approvedOn", "立项日期不能晚于今天");
        }
        var funding = TransferText.Amount(input.Funding, "funding", "项目经费", false, errors);
        var note = errors.Text("note", "项目内容", input.Note, NoteMax, required: false);
        return errors.Any ? null : new ProjectFacts(name, input.InstitutionId!.Value, input.EnterpriseId, region, input.ApprovedOn!.Value, input.IsMajor ?? false,
            funding, TransferText.OrNull(note));
    }
}
