using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Matching;

public sealed class MatchingConfiguration : IEntityTypeConfiguration<SynonymGroup>, IEntityTypeConfiguration<DomainWord>, IEntityTypeConfiguration<MatchFeedback>
{
    public void Configure(EntityTypeBuilder<SynonymGroup> builder)
    {
        builder.ToTable("matching_synonym");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Words).HasMaxLength(500);
        builder.Property(g => g.Note).HasMaxLength(200);
        builder.Ignore(g => g.WordList);
    }

    public void Configure(EntityTypeBuilder<DomainWord> builder)
    {
        builder.ToTable("matching_word");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Word).HasMaxLength(30);
        builder.Property(w => w.Industry).HasMaxLength(30);
        builder.HasIndex(w => w.Word).IsUnique();
    }

    public void Configure(EntityTypeBuilder<MatchFeedback> builder)
    {
        builder.ToTable("matching_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasMaxLength(20);
        builder.Property(f => f.QueryText).HasMaxLength(2000);
        builder.Property(f => f.Terms).HasMaxLength(2000);
        builder.Property(f => f.Account).HasMaxLength(50);
        builder.HasIndex(f => new { f.Kind, f.TargetId });
        builder.HasIndex(f => f.DemandId);
    }
}
