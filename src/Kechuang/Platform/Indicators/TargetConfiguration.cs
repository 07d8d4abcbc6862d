using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Platform.Indicators;

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("indicators_target");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.RegionCode).HasMaxLength(12);
        builder.Property(t => t.IndicatorCode).HasMaxLength(80);
        builder.Property(t => t.Comparator).HasMaxLength(2);
        builder.Ignore(t => t.Value);
        builder.HasIndex(t => new { t.RegionCode, t.Year, t.IndicatorCode }).IsUnique();
    }
}
