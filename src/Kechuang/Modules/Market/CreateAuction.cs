using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

/// <summary>Prepares a session: staff of the session's region.</summary>
public sealed class CreateAuctionHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(AuctionInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.CreateAuction);
        var errors = new FieldErrors();
        var valid = AuctionRules.Validate(input, errors);
        errors.ThrowIfAny();
        MarketAccess.EnsureStaffFor(db.User, valid!.RegionCode);
        var auction = new Auction(valid.Title, valid.Organizer, valid.RegionCode, valid.StartsAt, valid.EndsAt, valid.SoftCloseSeconds, valid.DepositRequired,
            valid.DepositFen, db.UtcNow);
        db.Add(auction);
        await db.SaveChangesAsync(cancellationToken);
        return auction.Id;
    }
}

/// <summary>Puts a listed achievement up in a session that has not begun.</summary>
public sealed class AddLotHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid auctionId, LotInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.CreateAuction);
        var auction = await Auctions.FindAsync(db, auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        var errors = new FieldErrors();
        var valid = AuctionRules.Validate(input, auction, errors);
        errors.ThrowIfAny();
        var achievement = await db.Set<Achievement>().FirstOrDefaultAsync(a => a.Id == valid!.AchievementId, cancellationToken)
            ?? throw InputException.For("achievementId", "科技成果不存在");
        AuctionRules.EnsureMayAddLot(achievement, auction, db.UtcNow);
        var number = await db.Set<Lot>().Where(l => l.AuctionId == auctionId).Select(l => (int?)l.Number).MaxAsync(cancellationToken) ?? 0;
        var lot = new Lot(auctionId, number + 1, achievement.Id, valid!.StartingPriceFen, valid.IncrementFen, valid.ReservePriceFen, valid.EndsAt, valid.ContractType);
        achievement.PutUpForAuction();
        db.Add(lot);
        await db.SaveChangesAsync(cancellationToken);
        return lot.Id;
    }
}
