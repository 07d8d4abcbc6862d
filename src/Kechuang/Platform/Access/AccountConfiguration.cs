using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Platform.Access;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("access_account");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(64);
        builder.HasIndex(a => a.UserName).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(100);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("access_token");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
