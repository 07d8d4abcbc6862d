using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// A stored screening result of one enterprise for one evaluation year (re-running a year replaces it). Results are
/// derived from audited records by the engines, so they are not audited row by row: each run appends one audit
/// event with its counts and a digest of every result (ADR 009).
/// </summary>
public sealed class ScreeningRecord : IOrganizationScoped, INotAudited
{
    private ScreeningRecord()
    {
    }

    public ScreeningRecord(Guid organizationId, string regionCode, int year, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Year = year;
        ScreenedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int Year { get; private set; }
    public bool HasData { get; private set; }
    public bool TechSmeEligible { get; private set; }
    public int TechSmeScore { get; private set; }
    public bool HighTechHardConditionsMet { get; private set; }
    public int HighTechMinScore { get; private set; }
    public int HighTechMaxScore { get; private set; }

    /// <summary>Pool codes, comma separated.</summary>
    public string Pools { get; private set; } = "";

    /// <summary>Gaps in Chinese, one per line.</summary>
    public string Gaps { get; private set; } = "";
    public DateTime ScreenedAt { get; private set; }

    public void Record(ScreeningRow row, DateTime now)
    {
        HasData = row.HasData;
        TechSmeEligible = row.TechSme?.Eligible ?? false;
        TechSmeScore = row.TechSme?.Score ?? 0;
        HighTechHardConditionsMet = row.HighTech?.HardConditionsMet ?? false;
        HighTechMinScore = row.HighTech?.MinScore ?? 0;
        HighTechMaxScore = row.HighTech?.MaxScore ?? 0;
        Pools = string.Join(",", row.Pools);
        var gaps = string.Join("\n", (row.TechSme?.Gaps ?? []).Concat(row.HighTech?.Gaps ?? []).Distinct());
        Gaps = gaps.Length > 4000 ? gaps[..4000] : gaps;
        ScreenedAt = now;
    }
}
