using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Suggestions;

public sealed class SuggestionsConfiguration : IEntityTypeConfiguration<Suggestion>, IEntityTypeConfiguration<CoHandlingUnit>,
    IEntityTypeConfiguration<SuggestionContact>, IEntityTypeConfiguration<SuggestionStep>, IEntityTypeConfiguration<ReplyTemplate>,
    IEntityTypeConfiguration<ReplyVersion>
{
    public void Configure(EntityTypeBuilder<Suggestion> builder)
    {
        builder.ToTable("suggestions_suggestion");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.RegionCode).HasMaxLength(12);
        builder.Property(s => s.Number).HasMaxLength(30);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Representatives).HasMaxLength(100);
        builder.Property(s => s.RepresentativePhone).HasMaxLength(30);
        builder.Property(s => s.Session).HasMaxLength(50);
        builder.Property(s => s.Summary).HasMaxLength(2000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Classification).HasConversion<string>().HasMaxLength(4);
        builder.Property(s => s.Satisfaction).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ExtensionReason).HasMaxLength(500);
        builder.Property(s => s.ReplyNumber).HasMaxLength(50);
        builder.Property(s => s.ReplyContactName).HasMaxLength(20);
        builder.Property(s => s.ReplyContactPhone).HasMaxLength(30);
        builder.HasIndex(s => s.RegionCode);
        builder.HasIndex(s => new { s.Session, s.Number }).IsUnique();
        builder.HasIndex(s => s.FirstRepliedOn);
        builder.HasMany(s => s.CoHandlers).WithOne().HasForeignKey(c => c.SuggestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.CoHandlers).HasField("_coHandlers");
    }

    public void Configure(EntityTypeBuilder<CoHandlingUnit> builder)
    {
        builder.ToTable("suggestions_co_handler");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Opinion).HasMaxLength(2000);
        builder.HasIndex(c => new { c.SuggestionId, c.OrganizationId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SuggestionContact> builder)
    {
        builder.ToTable("suggestions_contact");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Way).HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.HasIndex(c => c.SuggestionId);
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(c => c.SuggestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SuggestionStep> builder)
    {
        builder.ToTable("suggestions_step");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Action).HasMaxLength(20);
        builder.Property(s => s.Text).HasMaxLength(600);
        builder.Property(s => s.RecordedBy).HasMaxLength(100);
        builder.HasIndex(s => s.SuggestionId);
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(s => s.SuggestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReplyTemplate> builder)
    {
        builder.ToTable("suggestions_reply_template");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.RegionCode).HasMaxLength(12);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Body).HasMaxLength(20_000);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
        builder.HasIndex(t => t.SuggestionId).IsUnique();
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(t => t.SuggestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReplyVersion> builder)
    {
        builder.ToTable("suggestions_reply_version");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.RegionCode).HasMaxLength(12);
        builder.Property(v => v.Title).HasMaxLength(400);
        builder.Property(v => v.Text).HasMaxLength(40_000);
        builder.Property(v => v.Signatory).HasMaxLength(200);
        builder.Property(v => v.FiguresJson).HasMaxLength(200_000);
        builder.Property(v => v.GeneratedBy).HasMaxLength(100);
        builder.HasIndex(v => new { v.SuggestionId, v.Number }).IsUnique();
        builder.HasIndex(v => v.RegionCode);
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(v => v.SuggestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
