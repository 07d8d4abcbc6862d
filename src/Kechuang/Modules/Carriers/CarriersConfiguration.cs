using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Carriers;

public sealed class CarriersConfiguration : IEntityTypeConfiguration<Carrier>, IEntityTypeConfiguration<Tenancy>,
    IEntityTypeConfiguration<LandParcel>, IEntityTypeConfiguration<ParcelStep>,
    IEntityTypeConfiguration<ConstructionProject>, IEntityTypeConfiguration<ProjectMilestone>, IEntityTypeConfiguration<ProgressReport>,
    IEntityTypeConfiguration<CarrierPayment>, IEntityTypeConfiguration<CarrierUnit>, IEntityTypeConfiguration<TenancyUnit>
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
        // No model default: the CLR default 0 would then always be replaced by it; the migration sets Units for existing rows.
        builder.Property(c => c.OccupancyBasis).HasConversion<string>().HasMaxLength(10);
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

    public void Configure(EntityTypeBuilder<ConstructionProject> builder)
    {
        builder.ToTable("carriers_project");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(ProjectRules.NameMax);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.CarrierId);
        builder.HasOne<Carrier>().WithMany().HasForeignKey(p => p.CarrierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LandParcel>().WithMany().HasForeignKey(p => p.ParcelId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProjectMilestone> builder)
    {
        builder.ToTable("carriers_project_milestone");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RegionCode).HasMaxLength(12);
        builder.HasIndex(m => m.RegionCode);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(m => new { m.ProjectId, m.Kind }).IsUnique();
        builder.HasOne<ConstructionProject>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("carriers_progress_report");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.HasIndex(r => r.RegionCode);
        builder.HasIndex(r => new { r.ProjectId, r.Month }).IsUnique();
        builder.Property(r => r.Percent).HasPrecision(4, 1);
        builder.Property(r => r.Note).HasMaxLength(ProjectRules.NoteMax);
        builder.HasOne<ConstructionProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CarrierPayment> builder)
    {
        builder.ToTable("carriers_payment");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.CarrierId);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Counterparty).HasMaxLength(PaymentRules.CounterpartyMax);
        builder.Property(p => p.Note).HasMaxLength(PaymentRules.NoteMax);
        builder.HasOne<Carrier>().WithMany().HasForeignKey(p => p.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CarrierUnit> builder)
    {
        builder.ToTable("carriers_unit");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.RegionCode).HasMaxLength(12);
        builder.HasIndex(u => u.RegionCode);
        builder.Property(u => u.Number).HasMaxLength(UnitRules.NumberMax);
        builder.HasIndex(u => new { u.CarrierId, u.Number }).IsUnique();
        builder.Property(u => u.Claims).IsConcurrencyToken();
        builder.Property(u => u.Area).HasPrecision(12, 2);
        builder.Property(u => u.Use).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Carrier>().WithMany().HasForeignKey(u => u.CarrierId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TenancyUnit> builder)
    {
        builder.ToTable("carriers_tenancy_unit");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.RegionCode).HasMaxLength(12);
        builder.HasIndex(l => l.RegionCode);
        builder.HasIndex(l => l.OrganizationId);
        builder.HasIndex(l => new { l.TenancyId, l.UnitId }).IsUnique();
        builder.HasIndex(l => l.UnitId);
        builder.HasOne<Tenancy>().WithMany().HasForeignKey(l => l.TenancyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CarrierUnit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
