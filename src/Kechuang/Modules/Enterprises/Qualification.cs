using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>科技型中小企业 入库登记 (valid for its year) or 高新技术企业 证书 (valid three years).</summary>
public enum QualificationKind
{
    TechSme = 1,
    HighTechEnterprise = 2,
}

/// <summary>资质: what an enterprise holds, with its validity.</summary>
public sealed class Qualification : IEnterpriseClaim
{
    private Qualification()
    {
    }

    private Qualification(Guid organizationId, string regionCode, QualificationKind kind, string number, int year, DateOnly validFrom, DateOnly validUntil, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Kind = kind;
        Number = number;
        Year = year;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        CreatedAt = now;
        Status = ClaimStatus.Confirmed;
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public QualificationKind Kind { get; private set; }
    public string Number { get; private set; } = "";

    /// <summary>The evaluation year of a 科技型中小企业 entry; the issue year of a certificate.</summary>
    public int Year { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public ClaimStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Reported by the enterprise itself: waits for the bureau's confirmation.</summary>
    internal Qualification AsClaim()
    {
        Status = ClaimStatus.Pending;
        return this;
    }

    public void Confirm(DateTime now)
    {
        ClaimRules.CheckPending(Status);
        Status = ClaimStatus.Confirmed;
        DecidedAt = now;
    }

    public void Reject(string reason, DateTime now)
    {
        ClaimRules.CheckPending(Status);
        Status = ClaimStatus.Rejected;
        RejectionReason = reason;
        DecidedAt = now;
    }

    /// <summary>入库登记编号 "当年有效" (国科火字〔2019〕87号): 1 January to 31 December of the year.</summary>
    public static Qualification TechSme(Guid organizationId, string regionCode, int year, string number, DateTime now) =>
        new(organizationId, regionCode, QualificationKind.TechSme, number, year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), now);

    /// <summary>高新技术企业证书: valid three years from the issue date (the day before the third anniversary is the last).</summary>
    public static Qualification HighTech(Guid organizationId, string regionCode, DateOnly issued, string number, DateTime now) =>
        new(organizationId, regionCode, QualificationKind.HighTechEnterprise, number, issued.Year, issued,
            issued.AddYears(HighTechRules.CertificateYears).AddDays(-1), now);

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && day <= ValidUntil;
}
