using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Commissioners;

public sealed class CommissionersConfiguration : IEntityTypeConfiguration<Commissioner>, IEntityTypeConfiguration<NeedsSurvey>,
    IEntityTypeConfiguration<CommissionerProject>, IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<Commissioner> builder)
    {
        builder.ToTable("commissioners_commissioner");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.Property(c => c.Industry).HasMaxLength(CommissionerRules.IndustryMax);
        builder.HasIndex(c => c.RegionCode);
        builder.HasIndex(c => c.PersonId);
    }

    public void Configure(EntityTypeBuilder<NeedsSurvey> builder)
    {
        builder.ToTable("commissioners_need");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RegionCode).HasMaxLength(12);
        builder.Property(n => n.Industry).HasMaxLength(CommissionerRules.IndustryMax);
        builder.Property(n => n.Need).HasMaxLength(NeedRules.NeedMax);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => n.RegionCode);
        builder.HasIndex(n => n.SurveyedOn);
        builder.HasOne<Commissioner>().WithMany().HasForeignKey(n => n.CommissionerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CommissionerProject> builder)
    {
        builder.ToTable("commissioners_project");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(ProjectRules.TitleMax);
        builder.Property(p => p.Goals).HasMaxLength(ProjectRules.TextMax);
        builder.Property(p => p.Results).HasMaxLength(ProjectRules.TextMax);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => new { p.Year, p.Title });
        builder.HasOne<Commissioner>().WithMany().HasForeignKey(p => p.CommissionerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.ToTable("commissioners_service");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RegionCode).HasMaxLength(12);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Campaign).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Place).HasMaxLength(ServiceRules.TextMax);
        builder.Property(s => s.Topic).HasMaxLength(ServiceRules.TextMax);
        builder.Property(s => s.SignInNote).HasMaxLength(ServiceRules.TextMax);
        builder.Property(s => s.VarietyName).HasMaxLength(ServiceRules.NameMax);
        builder.Property(s => s.Crop).HasMaxLength(ServiceRules.NameMax);
        builder.Property(s => s.Source).HasMaxLength(ServiceRules.TextMax);
        builder.Property(s => s.ServedName).HasMaxLength(ServiceRules.NameMax);
        builder.Property(s => s.AreaMu).HasPrecision(12, 2);
        builder.Property(s => s.ConfirmationCode).HasMaxLength(ServiceRules.CodeLength);
        builder.Property(s => s.ConfirmedBy).HasMaxLength(100);
        builder.HasIndex(s => s.ConfirmationCode).IsUnique();
        builder.HasIndex(s => s.RegionCode);
        builder.HasIndex(s => new { s.CommissionerId, s.ServedOn });
        builder.HasOne<Commissioner>().WithMany().HasForeignKey(s => s.CommissionerId).OnDelete(DeleteBehavior.Restrict);
    }
}
