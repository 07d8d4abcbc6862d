using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Events;

public sealed class EventsConfiguration : IEntityTypeConfiguration<Event>, IEntityTypeConfiguration<MediaReport>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events_event");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RegionCode).HasMaxLength(12);
        builder.Property(e => e.Title).HasMaxLength(100);
        builder.Property(e => e.Organisers).HasMaxLength(200);
        builder.Property(e => e.Partners).HasMaxLength(200);
        builder.Property(e => e.Place).HasMaxLength(100);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.HasIndex(e => e.RegionCode);
        builder.HasIndex(e => e.HeldOn);
    }

    public void Configure(EntityTypeBuilder<MediaReport> builder)
    {
        builder.ToTable("events_media_report");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.Property(r => r.Outlet).HasMaxLength(50);
        builder.Property(r => r.Medium).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Link).HasMaxLength(500);
        builder.Property(r => r.Subject).HasMaxLength(200);
        builder.HasIndex(r => r.RegionCode);
        builder.HasIndex(r => r.PublishedOn);
        builder.HasIndex(r => new { r.Outlet, r.PublishedOn, r.Title }).IsUnique();
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Restrict);
    }
}
