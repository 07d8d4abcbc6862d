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
        if (user.Scope.All)
        {
            return;
        }
        if (user.Role is not { } role || !role.IsStaff() || !user.Scope.Covers(regionCode))
        {
            throw new ForbiddenException("仅本地区科技局工作人员可以管理该拍卖会");
        }
    }

    public static bool IsStaff(CurrentUser user) => user.Scope.All || user.Role?.IsStaff() == true;

    public static void EnsureMayEditAchievement(CurrentUser user, Guid ownerOrganizationId)
    {
        if (IsStaff(user) || (user.OrganizationId is { } org && org == ownerOrganizationId))
        {
            return;
        }
        throw new ForbiddenException("只能维护本单位的科技成果");
    }
}
