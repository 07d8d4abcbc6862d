using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Platform.Access;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<AccessToken>, IEntityTypeConfiguration<SignInAttempts>, IEntityTypeConfiguration<RecoveryCode>
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
        builder.Property(a => a.SecurityStamp).HasMaxLength(32);
        builder.Property(a => a.TotpSecret).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("access_token");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.SecurityStamp).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SignInAttempts> builder)
    {
        builder.ToTable("access_sign_in_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(64);
        builder.Property(a => a.Client).HasMaxLength(64);
        builder.HasIndex(a => new { a.UserName, a.Client }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("access_recovery_code");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CodeHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.AccountId, r.CodeHash });
    }
}
