using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record BidderDto(Guid Id, Guid OrganizationId, string OrganizationName, string Number, bool DepositPaid, DateTime? DepositConfirmedAt, string? DepositConfirmedBy);

/// <summary>登记竞买人: an enterprise of the caller's directory gets a random six-digit bidder number for the session.</summary>
public sealed class RegisterBidderHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(Guid auctionId, BidderInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.RegisterBidder);
        var auction = await Auctions.FindAsync(db, auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        var organization = input.OrganizationId is { } id ? await directory.FindAsync(id, cancellationToken)
            : !string.IsNullOrWhiteSpace(input.CreditCode) ? await directory.FindByCreditCodeAsync(input.CreditCode, cancellationToken)
            : null;
        var errors = new FieldErrors();
        AuctionRules.CheckBidder(input, organization, errors);
        errors.ThrowIfAny();
        if (await db.Set<Bidder>().AnyAsync(b => b.AuctionId == auctionId && b.OrganizationId == organization!.Id, cancellationToken))
        {
            throw new RuleException("auction.bidder-registered", "该企业已登记为本场竞买人");
        }
        var taken = await db.Set<Bidder>().Where(b => b.AuctionId == auctionId).Select(b => b.Number).ToListAsync(cancellationToken);
        var bidder = new Bidder(auctionId, organization!.Id, organization.Name, NewNumber(taken), db.UtcNow);
        if (input.DepositPaid == true)
        {
            bidder.ConfirmDeposit(db.User.UserName, db.UtcNow);
        }
        db.Add(bidder);
        await db.SaveChangesAsync(cancellationToken);
        return bidder.Id;
    }

    private static string NewNumber(IReadOnlyCollection<string> taken)
    {
        while (true)
        {
            var number = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(number))
            {
                return number;
            }
        }
    }
}

/// <summary>保证金到账: staff confirm a registered bidder's deposit (who and when is kept).</summary>
public sealed class ConfirmDepositHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid auctionId, Guid bidderId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.RegisterBidder);
        var auction = await Auctions.FindAsync(db, auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        var bidder = await db.Set<Bidder>().FirstOrDefaultAsync(b => b.Id == bidderId && b.AuctionId == auctionId, cancellationToken)
            ?? throw new NotFoundException("竞买人不存在");
        bidder.ConfirmDeposit(db.User.UserName, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A session's bidders in registration order, for staff of its region.</summary>
public sealed class ListBiddersHandler(KechuangDb db)
{
    public async Task<IReadOnlyList<BidderDto>> HandleAsync(Guid auctionId, CancellationToken cancellationToken = default)
    {
        db.User.Demand(MarketPermissions.ReadBidders);
        var auction = await Auctions.FindAsync(db, auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        return await db.Set<Bidder>().AsNoTracking().Where(b => b.AuctionId == auctionId).OrderBy(b => b.RegisteredAt)
            .Select(b => new BidderDto(b.Id, b.OrganizationId, b.OrganizationName, b.Number, b.DepositPaid, b.DepositConfirmedAt, b.DepositConfirmedBy))
            .ToListAsync(cancellationToken);
    }
}
