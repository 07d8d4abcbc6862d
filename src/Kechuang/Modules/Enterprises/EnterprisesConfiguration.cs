using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Enterprises;

public sealed class EnterprisesConfiguration :
    IEntityTypeConfiguration<EnterpriseProfile>, IEntityTypeConfiguration<EnterpriseYearRecord>, IEntityTypeConfiguration<Qualification>,
    IEntityTypeConfiguration<RdInstitution>, IEntityTypeConfiguration<IntellectualPropertyRecord>,
    IEntityTypeConfiguration<PatentIndustrializationFiling>, IEntityTypeConfiguration<AwardNomination>,
    IEntityTypeConfiguration<ScreeningRecord>
{
    public void Configure(EntityTypeBuilder<EnterpriseProfile> builder)
    {
        builder.ToTable("enterprises_profile");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.OrganizationId).IsUnique();
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        // The list's default order; the organisation for its qualification filter (see the organisations' list index).
        builder.HasIndex(p => new { p.RegionCode, p.Name, p.Id }).IncludeProperties(p => p.OrganizationId);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.IndustryCode).HasMaxLength(8);
        builder.Property(p => p.TaxCollection).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.IsIndustrial);
    }

    public void Configure(EntityTypeBuilder<EnterpriseYearRecord> builder)
    {
        builder.ToTable("enterprises_year_record");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.HasIndex(r => new { r.RegionCode, r.Year });
        builder.Ignore(r => r.NetAssets);
        builder.Ignore(r => r.RdTotal);
    }

    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.ToTable("enterprises_qualification");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.RegionCode).HasMaxLength(12);
        builder.HasIndex(q => q.RegionCode);
        builder.HasIndex(q => q.OrganizationId);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(q => q.Number).HasMaxLength(40);
        // A rejected claim stays on record with its reason, but must not hold the number: the enterprise refiles it
        // corrected, or the bureau enters the certificate from the official list.
        builder.HasIndex(q => new { q.Kind, q.Number }).IsUnique().HasFilter("status <> 'Rejected'");
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(q => new { q.Status, q.RegionCode });
        builder.Property(q => q.RejectionReason).HasMaxLength(ClaimRules.ReasonLength);
    }

    public void Configure(EntityTypeBuilder<RdInstitution> builder)
    {
        builder.ToTable("enterprises_rd_institution");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.RegionCode).HasMaxLength(12);
        builder.HasIndex(i => i.RegionCode);
        builder.HasIndex(i => i.OrganizationId);
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<IntellectualPropertyRecord> builder)
    {
        builder.ToTable("enterprises_intellectual_property");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.OrganizationId);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Number).HasMaxLength(40);
        builder.HasIndex(p => new { p.Kind, p.Number }).IsUnique();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.IsPatent);
    }

    public void Configure(EntityTypeBuilder<PatentIndustrializationFiling> builder)
    {
        builder.ToTable("enterprises_industrialization_filing");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.RegionCode).HasMaxLength(12);
        builder.HasIndex(f => new { f.RegionCode, f.FiledOn });
        // The generated name would pass PostgreSQL's 63-character limit.
        builder.HasIndex(f => new { f.RegionCode, f.ImplementationStart }).HasDatabaseName("ix_enterprises_industrialization_filing_region_implementation");
        builder.HasIndex(f => f.OrganizationId);
        builder.Property(f => f.ProjectName).HasMaxLength(200);
        builder.Property(f => f.PatentNumber).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<AwardNomination> builder)
    {
        builder.ToTable("enterprises_award_nomination");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => a.OrganizationId);
        builder.Property(a => a.Award).HasMaxLength(100);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Grade).HasMaxLength(20);
        builder.Property(a => a.Project).HasMaxLength(200);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.Status, a.RegionCode });
        builder.Property(a => a.RejectionReason).HasMaxLength(ClaimRules.ReasonLength);
    }

    public void Configure(EntityTypeBuilder<ScreeningRecord> builder)
    {
        builder.ToTable("enterprises_screening_result");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.HasIndex(r => new { r.RegionCode, r.Year });
        builder.Property(r => r.Pools).HasMaxLength(200);
        builder.Property(r => r.Gaps).HasMaxLength(4000);
    }
}
