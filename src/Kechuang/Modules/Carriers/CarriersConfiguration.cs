using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Carriers;

public sealed class CarriersConfiguration : IEntityTypeConfiguration<Carrier>, IEntityTypeConfiguration<Tenancy>
{
    public void Configure(EntityTypeBuilder<Carrier> builder)
    {
        builder.ToTable("carriers_carrier");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CarrierRules.NameMax);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.HasIndex(c => c.RegionCode);
        builder.HasIndex(c => c.ParentId);
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Address).HasMaxLength(CarrierRules.AddressMax);
        builder.Property(c => c.Area).HasPrecision(12, 2);
    }

    public void Configure(EntityTypeBuilder<Tenancy> builder)
    {
        builder.ToTable("carriers_tenancy");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.RegionCode).HasMaxLength(12);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => t.CarrierId);
        builder.HasIndex(t => t.OrganizationId);
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<Carrier>().WithMany().HasForeignKey(t => t.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }
}
