using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record LotResultDto(Guid LotId, int Number, string Title, Guid OwnerOrganizationId, string OwnerName, string Field, string Status,
    decimal StartingPrice, decimal? HammerPrice, decimal? PremiumRate, Guid? WinnerOrganizationId, string? WinnerName, int BidCount,
    Guid? ContractId, string ContractStatus, string ContractStatusName, string? RegistrationNumber);

public sealed record AuctionResultsDto(Guid AuctionId, string Title, DateTime StartsAt, bool Published, IReadOnlyList<LotResultDto> Lots,
    int LotCount, int InstitutionCount, int SoldCount, decimal TotalStart, decimal TotalHammer, decimal? PremiumRate, string TotalHammerText, string? PremiumRateText);

/// <summary>
/// 拍卖结果: outcome of each lot (as of now, before the sweep records it too), session premium rate
/// (a fraction, 0.1606 for 16.06%), and the registration state of each sale's contract.
/// Public once published; before that, staff of the region only.
/// </summary>
public sealed class GetAuctionResultsHandler(KechuangDb db, MarketContracts contracts, IOrganizationDirectory directory)
{
    public async Task<AuctionResultsDto> HandleAsync(Guid auctionId, CancellationToken cancellationToken = default)
    {
        var auction = await db.Set<Auction>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == auctionId, cancellationToken)
            ?? throw new NotFoundException("拍卖会不存在");
        if (!auction.ResultsPublished)
        {
            if (!MarketAccess.IsStaff(db.User))
            {
                throw new RuleException("auction.results-not-published", "拍卖结果尚未发布");
            }
            MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        }
        var now = db.UtcNow;
        var rows = await (from l in db.Set<Lot>().AsNoTracking()
                          join a in db.Set<Achievement>().AsNoTracking() on l.AchievementId equals a.Id
                          join b in db.Set<Bidder>().AsNoTracking() on l.LeaderBidderId equals b.Id into leaders
                          from leader in leaders.DefaultIfEmpty()
                          where l.AuctionId == auctionId
                          orderby l.Number
                          select new { Lot = l, a.Title, a.OwnerOrganizationId, a.OwnerName, a.Field, LeaderOrganizationId = (Guid?)leader.OrganizationId })
            .ToListAsync(cancellationToken);
        var states = await contracts.StatesAsync(rows.Where(r => r.Lot.ContractId is not null).Select(r => r.Lot.ContractId!.Value).ToList(), cancellationToken);
        var winners = rows.Select(r => r.Lot.WinnerOrganizationId ?? r.LeaderOrganizationId).Where(w => w is not null).Select(w => w!.Value).Distinct().ToList();
        var names = await directory.NamesAnywhereAsync(winners, cancellationToken);

        var lots = new List<LotResultDto>();
        foreach (var r in rows)
        {
            var l = r.Lot;
            var status = MarketRules.EffectiveStatus(l.Status, l.Seq, l.CurrentPriceFen, l.ReservePriceFen, l.EndsAt, now);
            long? hammer = status == LotStatus.Sold ? l.HammerPriceFen ?? l.CurrentPriceFen : null;
            Guid? winner = status == LotStatus.Sold ? l.WinnerOrganizationId ?? r.LeaderOrganizationId : null;
            var (contractStatus, contractName, number) = status != LotStatus.Sold ? ("none", "—", (string?)null)
                : l.ContractId is { } cid && states.TryGetValue(cid, out var state) ? (state.Status, state.StatusName, state.RegistrationNumber)
                : l.ContractId is not null ? ("unknown", "合同已创建", null)
                : ("pending", "待生成合同", null);
            lots.Add(new LotResultDto(l.Id, l.Number, r.Title, r.OwnerOrganizationId, r.OwnerName, r.Field, Kebab.From(status), Money.ToYuan(l.StartingPriceFen),
                hammer is { } h ? Money.ToYuan(h) : null, hammer is { } hh ? MarketRules.PremiumRate([(l.StartingPriceFen, hh)]) : null,
                winner, winner is { } w ? names.GetValueOrDefault(w) : null, l.Seq, l.ContractId, contractStatus, contractName, number));
        }
        var sold = rows.Zip(lots).Where(x => x.Second.Status == "sold").Select(x => (x.First.Lot.StartingPriceFen, x.First.Lot.HammerPriceFen ?? x.First.Lot.CurrentPriceFen)).ToList();
        var totalStart = sold.Sum(s => s.StartingPriceFen);
        var totalHammer = sold.Sum(s => s.Item2);
        var rate = MarketRules.PremiumRate(sold);
        return new AuctionResultsDto(auction.Id, auction.Title, auction.StartsAt, auction.ResultsPublished, lots, lots.Count,
            rows.Select(r => r.OwnerOrganizationId).Distinct().Count(), sold.Count, Money.ToYuan(totalStart), Money.ToYuan(totalHammer),
            rate is { } x ? decimal.Round(x, 4, MidpointRounding.AwayFromZero) : null, Money.Format(totalHammer),
            rate is { } p ? decimal.Round(p * 100, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%" : null);
    }
}
