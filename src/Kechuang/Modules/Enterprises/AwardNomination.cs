using Kechuang.Platform.Data;

namespace Kechuang.Modules.Enterprises;

/// <summary>提名结果: 待评审 / 获奖 / 未获奖.</summary>
public enum NominationResult
{
    Pending = 1,
    Won = 2,
    NotWon = 3,
}

/// <summary>科技奖励提名: the bureau guides an enterprise's nomination for an S&amp;T award.</summary>
public sealed class AwardNomination : IEnterpriseClaim
{
    private AwardNomination()
    {
    }

    public AwardNomination(Guid organizationId, string regionCode, string award, Level level, string grade, int year, string project, NominationResult result, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        RegionCode = regionCode;
        Award = award;
        Level = level;
        Grade = grade;
        Year = year;
        Project = project;
        Result = result;
        CreatedAt = now;
        Status = ClaimStatus.Confirmed;
    }

    public Guid Id { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = "";

    /// <summary>e.g. 浙江省科学技术进步奖.</summary>
    public string Award { get; private set; } = "";
    public Level Level { get; private set; }

    /// <summary>e.g. 一等奖.</summary>
    public string Grade { get; private set; } = "";
    public int Year { get; private set; }
    public string Project { get; private set; } = "";
    public NominationResult Result { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public ClaimStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Reported by the enterprise itself: waits for the bureau's confirmation.</summary>
    internal AwardNomination AsClaim()
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
}
