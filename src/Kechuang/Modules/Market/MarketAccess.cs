using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>
/// Who may change market records. Achievements, auctions and lots are public (not region-scoped), so
/// writes are checked here instead of by the data-scope filter: bureau staff within their region, and
/// an organisation's own accounts for its achievements.
/// </summary>
internal static class MarketAccess
{
    public static void EnsureStaffFor(CurrentUser user, string regionCode)
    {
        if (!RunsAuctionOf(user, regionCode))
        {
            throw new ForbiddenException("仅本地区科技局工作人员可以管理该拍卖会");
        }
    }

    /// <summary>The bureau of the auction's region: staff whose data scope covers it (the system scope covers every region).</summary>
    public static bool RunsAuctionOf(CurrentUser user, string regionCode) =>
        user.Scope.All || (user.Role?.IsStaff() == true && user.Scope.Covers(regionCode));

    public static bool IsStaff(CurrentUser user) => user.Scope.All || user.Role?.IsStaff() == true;

    /// <summary>Staff list achievements of any institution or enterprise (for their region's market); an organisation lists its own.</summary>
    public static void EnsureMayCreateAchievement(CurrentUser user, Guid ownerOrganizationId)
    {
        if (IsStaff(user) || (user.OrganizationId is { } org && org == ownerOrganizationId))
        {
            return;
        }
        throw new ForbiddenException("只能维护本单位的科技成果");
    }

    /// <summary>
    /// The owner's accounts edit their own; bureau staff edit those in their scope: listed through their region's
    /// market or owned by an organisation of their region.
    /// </summary>
    public static bool MayEditAchievement(CurrentUser user, Achievement achievement) =>
        user.Scope.All
        || (user.OrganizationId is { } org && org == achievement.OwnerOrganizationId)
        || (user.Role?.IsStaff() == true && (user.Scope.Covers(achievement.OwnerRegionCode)
            || (achievement.ListingRegionCode.Length > 0 && user.Scope.Covers(achievement.ListingRegionCode))));

    public static void EnsureMayEditAchievement(CurrentUser user, Achievement achievement)
    {
        if (!MayEditAchievement(user, achievement))
        {
            throw new ForbiddenException(user.Role?.IsStaff() == true ? "该科技成果不在本地区的管理范围内" : "只能维护本单位的科技成果");
        }
    }

    /// <summary>Where a new listing belongs: the listing staff member's region, or the owner's when the owner lists it.</summary>
    public static string ListingRegion(CurrentUser user, string ownerRegionCode) =>
        user.Role?.IsStaff() == true && user.RegionCode.Length > 0 ? user.RegionCode : ownerRegionCode;
}
