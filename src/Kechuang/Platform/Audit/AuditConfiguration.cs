using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Platform.Audit;

public sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entry");
        builder.HasKey(e => e.Seq);
        builder.Property(e => e.Seq).ValueGeneratedNever();
        builder.Property(e => e.Account).HasMaxLength(100);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Entity).HasMaxLength(100);
        builder.Property(e => e.EntityKey).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.PrevHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Entity, e.EntityKey });
    }
}
