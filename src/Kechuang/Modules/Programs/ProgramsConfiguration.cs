using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Programs;

public sealed class ProgramsConfiguration : IEntityTypeConfiguration<PlanCall>, IEntityTypeConfiguration<PlanApplication>, IEntityTypeConfiguration<ReviewAssignment>,
    IEntityTypeConfiguration<PlanObjection>, IEntityTypeConfiguration<PlanTransition>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PlanCall> builder)
    {
        builder.ToTable("programs_call");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Category).HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Guide).HasMaxLength(4000);
        builder.Property(c => c.Criteria).HasMaxLength(400);
        builder.Ignore(c => c.CriteriaList);
        builder.HasIndex(c => new { c.Year, c.Level });
    }

    public void Configure(EntityTypeBuilder<PlanApplication> builder)
    {
        builder.ToTable("programs_application");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RegionCode).HasMaxLength(12);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Leader).HasMaxLength(50);
        builder.Property(a => a.Team).HasMaxLength(1000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Grade).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CheckNote).HasMaxLength(500);
        builder.Property(a => a.MidtermResult).HasMaxLength(500);
        builder.Property(a => a.AcceptanceNote).HasMaxLength(500);
        builder.Property(a => a.Score).HasPrecision(7, 2);
        builder.Property(a => a.Documents).HasMaxLength(8000).HasConversion(
            v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<DocumentInfo>>(v, Json) ?? new List<DocumentInfo>(),
            new ValueComparer<List<DocumentInfo>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.Property(a => a.Milestones).HasMaxLength(8000).HasConversion(
            v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<List<Milestone>>(v, Json) ?? new List<Milestone>(),
            new ValueComparer<List<Milestone>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.HasOne<PlanCall>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => new { a.CallId, a.Status });
        builder.HasIndex(a => a.SourceApplicationId);
        builder.HasIndex(a => new { a.OrganizationId, a.CallId, a.Title }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable("programs_review_assignment");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.Property(r => r.ReviewerName).HasMaxLength(100);
        builder.Property(r => r.ConflictReason).HasMaxLength(200);
        builder.Property(r => r.Points).HasMaxLength(100);
        builder.Property(r => r.Total).HasPrecision(7, 2);
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.HasOne<PlanApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ApplicationId, r.ReviewerId }).IsUnique();
        builder.HasIndex(r => r.ReviewerId);
    }

    public void Configure(EntityTypeBuilder<PlanObjection> builder)
    {
        builder.ToTable("programs_objection");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.RegionCode).HasMaxLength(12);
        builder.Property(o => o.Content).HasMaxLength(1000);
        builder.Property(o => o.Resolution).HasMaxLength(500);
        builder.HasOne<PlanApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.ApplicationId);
    }

    public void Configure(EntityTypeBuilder<PlanTransition> builder)
    {
        builder.ToTable("programs_transition");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.RegionCode).HasMaxLength(12);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Action).HasMaxLength(30);
        builder.Property(t => t.Actor).HasMaxLength(100);
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.HasOne<PlanApplication>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ApplicationId, t.Seq }).IsUnique();
    }
}
