using Kechuang.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Talent;

public sealed class TalentConfiguration : IEntityTypeConfiguration<TalentApplication>, IEntityTypeConfiguration<PhdProfile>,
    IEntityTypeConfiguration<PhdDemand>, IEntityTypeConfiguration<PhdRecommendation>, IEntityTypeConfiguration<TalentIntroduction>
{
    public void Configure(EntityTypeBuilder<TalentApplication> builder)
    {
        builder.ToTable("talent_application");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.Property(a => a.Programme).HasMaxLength(100);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(TalentRules.NoteMax);
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => a.Year);
        builder.HasIndex(a => new { a.PersonId, a.Programme, a.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PhdProfile> builder)
    {
        builder.ToTable("talent_phd");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.Property(p => p.Discipline).HasMaxLength(TalentRules.DisciplineMax);
        builder.Property(p => p.TechFields).HasMaxLength(TalentRules.TechFieldsMax);
        builder.PersonalData(p => p.Phone, PersonalDataKind.Phone);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.PersonId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PhdDemand> builder)
    {
        builder.ToTable("talent_phd_demand");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.RegionCode).HasMaxLength(12);
        builder.Property(d => d.Discipline).HasMaxLength(TalentRules.DisciplineMax);
        builder.Property(d => d.Description).HasMaxLength(TalentRules.DescriptionMax);
        builder.HasIndex(d => d.RegionCode);
        builder.HasIndex(d => d.EnterpriseId);
    }

    public void Configure(EntityTypeBuilder<PhdRecommendation> builder)
    {
        builder.ToTable("talent_phd_recommendation");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.Property(r => r.Note).HasMaxLength(TalentRules.NoteMax);
        builder.HasIndex(r => r.RegionCode);
        builder.HasIndex(r => new { r.PhdId, r.EnterpriseId, r.Year }).IsUnique();
        builder.HasOne<PhdProfile>().WithMany().HasForeignKey(r => r.PhdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PhdDemand>().WithMany().HasForeignKey(r => r.DemandId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TalentIntroduction> builder)
    {
        builder.ToTable("talent_introduction");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.RegionCode).HasMaxLength(12);
        builder.Property(i => i.Degree).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Discipline).HasMaxLength(TalentRules.DisciplineMax);
        builder.Property(i => i.Note).HasMaxLength(TalentRules.NoteMax);
        builder.HasIndex(i => i.RegionCode);
        builder.HasIndex(i => new { i.PersonId, i.EmployerId }).IsUnique();
    }
}
