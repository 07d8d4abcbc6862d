using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Carriers;

public sealed class CarriersConfiguration : IEntityTypeConfiguration<Carrier>, IEntityTypeConfiguration<Tenancy>,
    IEntityTypeConfiguration<LandParcel>, IEntityTypeConfiguration<ParcelStep>
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

    public void Configure(EntityTypeBuilder<LandParcel> builder)
    {
        builder.ToTable("carriers_parcel");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(ParcelRules.NameMax);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.CarrierId);
        builder.Property(p => p.Location).HasMaxLength(ParcelRules.LocationMax);
        builder.Property(p => p.PlannedProject).HasMaxLength(ParcelRules.PlannedProjectMax);
        builder.Property(p => p.Use).HasConversion<string>().HasMaxLength(20);
        // Six decimals of ㎡ keep a parcel entered in 亩 exact when shown in 亩 again (LandArea).
        builder.Property(p => p.AreaSquareMetres).HasPrecision(18, LandArea.Decimals);
        builder.HasOne<Carrier>().WithMany().HasForeignKey(p => p.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ParcelStep> builder)
    {
        builder.ToTable("carriers_parcel_step");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RegionCode).HasMaxLength(12);
        builder.HasIndex(s => s.RegionCode);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(s => new { s.ParcelId, s.Kind }).IsUnique();
        builder.Property(s => s.Note).HasMaxLength(ParcelRules.NoteMax);
        builder.HasOne<LandParcel>().WithMany().HasForeignKey(s => s.ParcelId).OnDelete(DeleteBehavior.Restrict);
    }
}
