using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Platform.Indicators;

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("indicators_milestone");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RegionCode).HasMaxLength(12);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.OwnerUnit).HasMaxLength(100);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.HasIndex(m => new { m.RegionCode, m.Year });
    }
}
