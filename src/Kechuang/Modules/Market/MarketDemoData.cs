using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Market;

/// <summary>
/// 首场科技成果拍卖会 (letter A7–A9): 12 achievements of 6 universities put up online in Wuyi in 2022,
/// individual bids from four Wuyi enterprises decided by <see cref="MarketRules"/>, 9 sold for exactly
/// 19,812,000 yuan (起拍 17,070,000, so 溢价率 = 2,742,000 ÷ 17,070,000 = 16.06%), 3 unsold (two without
/// a bid, one below its reserve). Each sale becomes a draft contract when the contracts module is present.
/// </summary>
public sealed class MarketDemoData(IOrganizationDirectory directory, LotCloser closer) : IDemoData
{
    public int Order => 40;

    internal const string AuctionTitle = "武义县首场科技成果竞价拍卖会";

    /// <summary>China time 2022-11-18 09:00–11:00.</summary>
    internal static readonly DateTime StartsAt = new(2022, 11, 18, 1, 0, 0, DateTimeKind.Utc);
    internal static readonly DateTime EndsAt = new(2022, 11, 18, 3, 0, 0, DateTimeKind.Utc);

    internal static readonly string[] Bidders =
    [
        "浙江寿仙谷医药股份有限公司", "浙江科兴电动工具检测有限公司", "武义县恒达电动工具有限公司", "浙江泉溪五金制品有限公司",
    ];

    /// <summary>(title, owner, field, keywords, start 万元, increment 万元, reserve 万元, last bid 万元 or null for no bid).</summary>
    internal static readonly (string Title, string Owner, string Field, string Keywords, decimal Start, decimal Increment, decimal? Reserve, decimal? LastBid)[] Lots =
    [
        ("高效永磁同步电机智能控制系统", "浙江大学", "智能装备", "永磁同步电机；矢量控制；电动工具", 300m, 10m, null, 352m),
        ("基于机器视觉的五金件表面缺陷在线检测装备", "浙江大学", "智能装备", "机器视觉；缺陷检测；五金", 150m, 5m, null, 171m),
        ("电动工具无刷电机高效驱动技术", "浙江工业大学", "先进制造", "无刷电机；驱动；电动工具", 200m, 5m, null, 238m),
        ("园林工具噪声与振动精密测量方法及装置", "中国计量大学", "智能装备", "噪声；振动；计量；园林工具", 120m, 2m, null, 136.2m),
        ("茶叶加工智能化生产线关键技术", "浙江师范大学", "智能装备", "茶叶加工；智能产线", 180m, 5m, null, 205m),
        ("灵芝孢子粉破壁及有效成分提取工艺", "浙江农林大学", "生命健康", "灵芝；孢子粉；破壁；提取", 260m, 10m, 280m, 300m),
        ("高性能纺织复合材料成型工艺", "浙江理工大学", "先进制造", "纺织复合材料；成型", 220m, 5m, null, 259m),
        ("不锈钢保温杯真空镀膜新工艺", "浙江工业大学", "先进制造", "保温杯；真空镀膜；不锈钢", 97m, 2m, null, 110m),
        ("电动工具能效在线检测系统", "中国计量大学", "智能装备", "能效；在线检测；电动工具", 180m, 5m, null, 210m),
        ("铁皮石斛组培快繁技术", "浙江师范大学", "生命健康", "铁皮石斛；组培；快繁", 80m, 2m, null, null),
        ("中药材林下仿生栽培技术", "浙江农林大学", "生命健康", "中药材；林下经济；仿生栽培", 150m, 5m, 180m, 170m),
        ("智能缝制装备伺服控制技术", "浙江理工大学", "智能装备", "缝制装备；伺服控制", 130m, 5m, null, null),
    ];

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var auction = new Auction(AuctionTitle, "武义县科学技术局", "330723", StartsAt, EndsAt, Auction.DefaultSoftCloseSeconds, true, Money.ToFen(50_000m),
            StartsAt.AddDays(-20));
        db.Add(auction);

        var bidders = new List<Bidder>();
        for (var i = 0; i < Bidders.Length; i++)
        {
            var organization = await FindAsync(Bidders[i], cancellationToken);
            var bidder = new Bidder(auction.Id, organization.Id, organization.Name, $"{318_204 + (i * 70_913)}", StartsAt.AddDays(-10));
            bidder.ConfirmDeposit("wuyi.staff", StartsAt.AddDays(-3));
            bidders.Add(bidder);
            db.Add(bidder);
        }

        for (var k = 0; k < Lots.Length; k++)
        {
            var spec = Lots[k];
            var owner = await FindAsync(spec.Owner, cancellationToken);
            var achievement = new Achievement(owner.Id, owner.Name, owner.RegionCode, "330723", StartsAt.AddDays(-40));
            achievement.Update(new AchievementInputValid(spec.Title, owner.Id, spec.Field, AchievementRules.SplitKeywords(spec.Keywords), Maturity.Pilot, null,
                $"{owner.Name}研发的{spec.Title}，已完成中试验证，可在武义县电动工具、五金、养生等产业中转化应用。", Money.ToFen(spec.Start * 10_000m),
                null, null), StartsAt.AddDays(-40));
            achievement.PutUpForAuction();
            db.Add(achievement);

            var lot = new Lot(auction.Id, k + 1, achievement.Id, Wan(spec.Start), Wan(spec.Increment), spec.Reserve is { } r ? Wan(r) : null, EndsAt,
                k % 3 == 2 ? "license" : "transfer");
            db.Add(lot);
            if (spec.LastBid is { } last)
            {
                var amounts = Ladder(Wan(spec.Start), Wan(spec.Increment), Wan(last));
                for (var n = 0; n < amounts.Count; n++)
                {
                    // Bids two minutes apart from 09:05 (lot k starting k×5 minutes later); lot 3's last bid comes
                    // at 10:58, inside the five-minute soft-close window, and moves its end to 11:03.
                    var at = k == 2 && n == amounts.Count - 1 ? EndsAt.AddMinutes(-2) : StartsAt.AddMinutes(5 + (k * 5) + (n * 2));
                    // Bidders take turns; the last bid of lot k is the (k mod 4)-th bidder's.
                    var bidder = bidders[(((k + n - (amounts.Count - 1)) % bidders.Count) + bidders.Count) % bidders.Count];
                    var state = new LotState(lot.Status, lot.StartingPriceFen, lot.IncrementFen, lot.CurrentPriceFen, lot.Seq, lot.EndsAt);
                    var decision = MarketRules.Decide(state, auction.StartsAt, auction.SoftCloseSeconds, amounts[n], at);
                    var bid = new Bid(lot.Id, decision.Seq, decision.PriceFen, bidder, "demo", $"demo-{k + 1}-{decision.Seq}", at, decision.EndsAt);
                    lot.ApplyAccepted(bid);
                    db.Add(bid);
                }
            }
            var outcome = MarketRules.Outcome(lot.Seq, lot.CurrentPriceFen, lot.ReservePriceFen);
            var winner = bidders.FirstOrDefault(b => b.Id == lot.LeaderBidderId)?.OrganizationId;
            lot.Close(outcome, winner, lot.EndsAt);
            if (outcome.Status == LotStatus.Sold)
            {
                achievement.MarkSold();
            }
            else
            {
                achievement.ReturnToListing();
            }
        }
        auction.PublishResults(EndsAt.AddHours(2));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await closer.CreatePendingContractsAsync(auction.Id, cancellationToken);
    }

    /// <summary>Starting price, then one increment at a time, then the last bid (at least one increment above the one before).</summary>
    internal static List<long> Ladder(long startFen, long incrementFen, long lastFen)
    {
        var amounts = new List<long> { startFen };
        var current = startFen;
        while (current + (2 * incrementFen) <= lastFen)
        {
            current += incrementFen;
            amounts.Add(current);
        }
        if (lastFen != current)
        {
            amounts.Add(lastFen);
        }
        return amounts;
    }

    private static long Wan(decimal wan) => Money.ToFen(wan * 10_000m);

    private async Task<OrganizationInfo> FindAsync(string name, CancellationToken cancellationToken) =>
        await directory.FindByNameAsync(name, cancellationToken)
        ?? throw new InvalidOperationException($"演示数据需要组织名录中的“{name}”");
}
