using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Transfer;

public sealed class TransferConfiguration : IEntityTypeConfiguration<TransferStation>, IEntityTypeConfiguration<AssessmentScheme>,
    IEntityTypeConfiguration<StationAssessment>, IEntityTypeConfiguration<StationPayment>, IEntityTypeConfiguration<MatchmakingEvent>,
    IEntityTypeConfiguration<ExpertAttendance>, IEntityTypeConfiguration<EventEnterprise>, IEntityTypeConfiguration<DemandCampaign>,
    IEntityTypeConfiguration<Demand>, IEntityTypeConfiguration<Cooperation>, IEntityTypeConfiguration<InstituteCountyProject>,
    IEntityTypeConfiguration<KeyLab>, IEntityTypeConfiguration<KeyLabRecognition>
{
    public void Configure(EntityTypeBuilder<TransferStation> builder)
    {
        builder.ToTable("transfer_station");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(StationRules.NameMax);
        builder.Property(s => s.RegionCode).HasMaxLength(12);
        builder.HasIndex(s => s.RegionCode);
        builder.HasIndex(s => s.Name);
        builder.HasIndex(s => s.InstitutionId);
        builder.Property(s => s.Staff).HasMaxLength(StationRules.StaffMax);
        builder.Property(s => s.Fields).HasMaxLength(StationRules.FieldsMax);
        builder.Property(s => s.Contact).HasMaxLength(StationRules.ContactMax);
    }

    public void Configure(EntityTypeBuilder<AssessmentScheme> builder)
    {
        builder.ToTable("transfer_assessment_scheme");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RegionCode).HasMaxLength(12);
        builder.HasIndex(s => new { s.RegionCode, s.Year }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(AssessmentRules.NameMax);
        builder.Ignore(s => s.Items);
        builder.Ignore(s => s.Facts);
        foreach (var property in new[]
        {
            nameof(AssessmentScheme.ProjectsWeight), nameof(AssessmentScheme.ProjectsCap), nameof(AssessmentScheme.SignedAmountWeight),
            nameof(AssessmentScheme.SignedAmountCap), nameof(AssessmentScheme.ActivitiesWeight), nameof(AssessmentScheme.ActivitiesCap),
            nameof(AssessmentScheme.VisitsWeight), nameof(AssessmentScheme.VisitsCap), nameof(AssessmentScheme.AwardsWeight), nameof(AssessmentScheme.AwardsCap),
            nameof(AssessmentScheme.ExcellentFrom), nameof(AssessmentScheme.GoodFrom), nameof(AssessmentScheme.PassFrom),
        })
        {
            builder.Property<decimal>(property).HasPrecision(7, 3);
        }
    }

    public void Configure(EntityTypeBuilder<StationAssessment> builder)
    {
        builder.ToTable("transfer_station_assessment");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => new { a.StationId, a.Year }).IsUnique();
        builder.Property(a => a.Score).HasPrecision(6, 2);
        builder.Property(a => a.Grade).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(AssessmentRules.NoteMax);
        builder.Ignore(a => a.Values);
        builder.HasOne<TransferStation>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentScheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<StationPayment> builder)
    {
        builder.ToTable("transfer_station_payment");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.StationId);
        builder.HasIndex(p => p.PaidOn);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Note).HasMaxLength(AssessmentRules.NoteMax);
        builder.HasOne<TransferStation>().WithMany().HasForeignKey(p => p.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StationAssessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MatchmakingEvent> builder)
    {
        builder.ToTable("transfer_event");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Title).HasMaxLength(EventRules.TitleMax);
        builder.Property(e => e.Mode).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.RegionCode).HasMaxLength(12);
        builder.HasIndex(e => e.RegionCode);
        builder.HasIndex(e => e.HeldOn);
        builder.Property(e => e.Place).HasMaxLength(EventRules.PlaceMax);
        builder.Property(e => e.Organizers).HasMaxLength(EventRules.OrganizersMax);
        builder.Property(e => e.Summary).HasMaxLength(EventRules.SummaryMax);
        builder.HasOne<TransferStation>().WithMany().HasForeignKey(e => e.StationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExpertAttendance> builder)
    {
        builder.ToTable("transfer_expert_attendance");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.HasIndex(a => a.RegionCode);
        builder.Property(a => a.ExpertName).HasMaxLength(EventRules.ExpertNameMax);
        builder.Property(a => a.Title).HasMaxLength(EventRules.ExpertTitleMax);
        builder.HasIndex(a => new { a.EventId, a.ExpertName, a.InstitutionId }).IsUnique();
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EventEnterprise> builder)
    {
        builder.ToTable("transfer_event_enterprise");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RegionCode).HasMaxLength(12);
        builder.HasIndex(e => e.RegionCode);
        builder.HasIndex(e => new { e.EventId, e.OrganizationId }).IsUnique();
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DemandCampaign> builder)
    {
        builder.ToTable("transfer_demand_campaign");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(DemandRules.CampaignNameMax);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.HasIndex(c => c.RegionCode);
    }

    public void Configure(EntityTypeBuilder<Demand> builder)
    {
        builder.ToTable("transfer_demand");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.RegionCode).HasMaxLength(12);
        builder.HasIndex(d => d.RegionCode);
        builder.HasIndex(d => d.OrganizationId);
        builder.HasIndex(d => d.CollectedOn);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(DemandRules.TitleMax);
        builder.Property(d => d.Description).HasMaxLength(DemandRules.DescriptionMax);
        builder.Property(d => d.Field).HasMaxLength(DemandRules.FieldMax);
        builder.HasOne<DemandCampaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Cooperation> builder)
    {
        builder.ToTable("transfer_cooperation");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.HasIndex(c => c.RegionCode);
        builder.HasIndex(c => c.OrganizationId);
        builder.HasIndex(c => c.SignedOn);
        builder.HasIndex(c => c.DemandId);
        builder.HasIndex(c => c.ContractId).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(CooperationRules.TitleMax);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Note).HasMaxLength(CooperationRules.NoteMax);
        builder.HasOne<Demand>().WithMany().HasForeignKey(c => c.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TransferStation>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InstituteCountyProject> builder)
    {
        builder.ToTable("transfer_institute_county_project");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(ProjectRules.NameMax);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.ApprovedOn);
        builder.Property(p => p.Note).HasMaxLength(ProjectRules.NoteMax);
    }

    public void Configure(EntityTypeBuilder<KeyLab> builder)
    {
        builder.ToTable("transfer_key_lab");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(KeyLabRules.NameMax);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.RegionCode).HasMaxLength(12);
        builder.HasIndex(l => l.RegionCode);
        builder.Property(l => l.Fields).HasMaxLength(KeyLabRules.FieldsMax);
    }

    public void Configure(EntityTypeBuilder<KeyLabRecognition> builder)
    {
        builder.ToTable("transfer_key_lab_recognition");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.HasIndex(r => r.RegionCode);
        builder.Property(r => r.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.KeyLabId, r.Step, r.Level }).IsUnique();
        builder.Property(r => r.Document).HasMaxLength(KeyLabRules.DocumentMax);
        builder.HasOne<KeyLab>().WithMany().HasForeignKey(r => r.KeyLabId).OnDelete(DeleteBehavior.Restrict);
    }
}
