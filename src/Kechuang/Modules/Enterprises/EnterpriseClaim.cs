using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Enterprises;

/// <summary>申报状态: what the bureau recorded counts at once; what an enterprise reports about itself counts once staff confirm it.</summary>
public enum ClaimStatus
{
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
}

/// <summary>
/// A record an authority granted an enterprise (资质, 奖项结果) that the enterprise may report about itself: only a
/// confirmed one is a fact, so every count, screening and export filters on <see cref="Status"/>.
/// </summary>
public interface IEnterpriseClaim : IOrganizationScoped
{
    Guid Id { get; }
    ClaimStatus Status { get; }
    string? RejectionReason { get; }

    /// <summary>When staff confirmed or rejected it; never set on what staff entered themselves.</summary>
    DateTime? DecidedAt { get; }

    /// <summary>确认: a waiting claim becomes a fact (409 when it is no longer waiting).</summary>
    void Confirm(DateTime now);

    /// <summary>驳回: a waiting claim never counts; the reason is shown to the enterprise.</summary>
    void Reject(string reason, DateTime now);
}

/// <summary>The one rule of a claim's life: only a waiting claim is confirmed or rejected.</summary>
internal static class ClaimRules
{
    public const int ReasonLength = 200;

    public static void CheckPending(ClaimStatus status)
    {
        if (status != ClaimStatus.Pending)
        {
            throw new RuleException("enterprises.claim-not-pending",
                $"该记录{EnterpriseNames.ClaimStatuses[status]}，只有待确认的企业申报可以确认或驳回");
        }
    }
}
