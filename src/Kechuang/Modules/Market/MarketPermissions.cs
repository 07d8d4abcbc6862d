using Kechuang.Platform.Access;

namespace Kechuang.Modules.Market;

/// <summary>
/// 成果交易's rows of the role-permission table. An organisation lists its own achievements and bids for itself; the
/// bureau of the auction's region runs the auction and alone knows who bid.
/// </summary>
internal sealed class MarketPermissions : IPermissionContribution
{
    public static readonly Permission CreateAchievement = new("market.achievements.create", "发布、导入科技成果", PermissionKind.Create, RoleSets.StaffAndOrganizations);

    public static readonly Permission ChangeAchievement = new("market.achievements.change", "修改、撤回科技成果", PermissionKind.Change, RoleSets.StaffAndOrganizations);

    public static readonly Permission CreateAuction = new("market.auctions.create", "创建拍卖会、增加标的", PermissionKind.Create, RoleSets.Staff);

    public static readonly Permission RegisterBidder = new("market.bidders.register", "登记竞买人、确认保证金到账", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission CloseAuction = new("market.auctions.close", "落槌、发布拍卖结果", PermissionKind.Approve, RoleSets.Staff);

    public static readonly Permission ReadBidders = new("market.bidders.read", "查看竞买人名单和出价单位（限拍卖会所在地区）", PermissionKind.Read, RoleSets.Staff);

    /// <summary>A bidder is an enterprise of the directory (AuctionRules.CheckBidder): an institution's account could never bid.</summary>
    public static readonly Permission PlaceBid = new("market.bids.place", "出价（须已登记为竞买人）", PermissionKind.Create, [Role.Enterprise]);

    public string Module => "成果交易";

    public int Order => 40;

    public IEnumerable<Permission> Permissions => [CreateAchievement, ChangeAchievement, CreateAuction, RegisterBidder, CloseAuction, ReadBidders, PlaceBid];
}
