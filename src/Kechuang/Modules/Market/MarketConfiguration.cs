using Kechuang.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Market;

public sealed class MarketConfiguration : IEntityTypeConfiguration<Achievement>, IEntityTypeConfiguration<Auction>, IEntityTypeConfiguration<Lot>,
    IEntityTypeConfiguration<Bidder>, IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Achievement> builder)
    {
        builder.ToTable("market_achievement");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.OwnerName).HasMaxLength(100);
        builder.Property(a => a.OwnerRegionCode).HasMaxLength(12);
        builder.Property(a => a.ListingRegionCode).HasMaxLength(12);
        builder.Property(a => a.Field).HasMaxLength(20);
        builder.Property(a => a.Keywords).HasMaxLength(300);
        builder.Property(a => a.Maturity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.LinkedIp).HasMaxLength(500);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.ContactName).HasMaxLength(50);
        builder.PersonalData(a => a.ContactPhone, PersonalDataKind.Phone);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(a => a.KeywordList);
        builder.HasIndex(a => a.OwnerOrganizationId);
        builder.HasIndex(a => a.Field);
        // The home page counts what is on the market now.
        builder.HasIndex(a => a.Status);
    }

    public void Configure(EntityTypeBuilder<Auction> builder)
    {
        builder.ToTable("market_auction");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Organizer).HasMaxLength(100);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.Ignore(a => a.ResultsPublished);
        builder.HasIndex(a => a.StartsAt);
        builder.HasIndex(a => a.RegionCode);
    }

    public void Configure(EntityTypeBuilder<Lot> builder)
    {
        builder.ToTable("market_lot");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        // Tracked changes of a lot (closing it, linking its contract) succeed only if no bid and no other
        // closer changed it since it was read; bids themselves use an explicit conditional update.
        builder.Property(l => l.Seq).IsConcurrencyToken();
        // Two nodes retrying the same pending sale: only the one whose claim is saved creates its contract.
        builder.Property(l => l.ContractClaim).IsConcurrencyToken();
        builder.Property(l => l.LeaderNumber).HasMaxLength(10);
        builder.Property(l => l.ContractType).HasMaxLength(20);
        builder.HasIndex(l => new { l.AuctionId, l.Number }).IsUnique();
        builder.HasIndex(l => new { l.Status, l.EndsAt });
        builder.HasIndex(l => l.AchievementId);
        builder.HasOne<Auction>().WithMany().HasForeignKey(l => l.AuctionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Achievement>().WithMany().HasForeignKey(l => l.AchievementId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Bidder> builder)
    {
        builder.ToTable("market_bidder");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.OrganizationName).HasMaxLength(100);
        builder.Property(b => b.Number).HasMaxLength(10);
        builder.Property(b => b.DepositConfirmedBy).HasMaxLength(100);
        builder.HasIndex(b => new { b.AuctionId, b.OrganizationId }).IsUnique();
        builder.HasIndex(b => new { b.AuctionId, b.Number }).IsUnique();
        builder.HasOne<Auction>().WithMany().HasForeignKey(b => b.AuctionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.ToTable("market_bid");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.BidderNumber).HasMaxLength(10);
        builder.Property(b => b.Account).HasMaxLength(100);
        builder.Property(b => b.IdempotencyKey).HasMaxLength(100);
        // One history per lot: a second bid with the same seq cannot be committed.
        builder.HasIndex(b => new { b.LotId, b.Seq }).IsUnique();
        // A repeated key from the same bidder finds its original bid instead of adding one.
        builder.HasIndex(b => new { b.BidderOrganizationId, b.IdempotencyKey }).IsUnique();
        builder.HasOne<Lot>().WithMany().HasForeignKey(b => b.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
