using Kechuang.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Directory;

public sealed class DirectoryConfiguration : IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<Organization>, IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("directory_region");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(12);
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.ParentCode).HasMaxLength(12);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(r => r.ParentCode);
    }

    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("directory_organization");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CreditCode).HasMaxLength(18);
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.Property(o => o.RegionCode).HasMaxLength(12);
        // In the list's default order, with what its filters and the scope read: a county's or a city's page and count
        // come from the index alone (PostgreSQL's INCLUDE), not from a random read of every organisation in the region.
        builder.HasIndex(o => new { o.RegionCode, o.Name, o.Id }).IncludeProperties(o => new { o.Kind, o.IsSharedWithAll });
        // The shared organisations (institutions, government units) that every scope sees, wherever they are registered.
        builder.HasIndex(o => new { o.Kind, o.RegionCode }).HasFilter("is_shared_with_all");
        builder.Property(o => o.Address).HasMaxLength(200);
        builder.Property(o => o.ContactName).HasMaxLength(50);
        builder.PersonalData(o => o.ContactPhone, PersonalDataKind.Phone);
        builder.HasIndex(o => o.Name);
        builder.Property(o => o.NameInitials).HasMaxLength(100);
        builder.HasIndex(o => o.NameInitials);
    }

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("directory_person");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.RegionCode);
        builder.Property(p => p.Title).HasMaxLength(50);
        builder.Property(p => p.Fields).HasMaxLength(200);
        builder.PersonalData(p => p.Phone, PersonalDataKind.Phone);
        builder.PersonalData(p => p.IdNumber, PersonalDataKind.IdNumber);
        // One number, one person: the index settles two registrations of the same number that both passed the check.
        builder.HasIndex(PersonalDataMapping.IndexOf(nameof(Person.IdNumber))).IsUnique();
        builder.HasIndex(p => p.OrganizationId);
        builder.HasIndex(p => p.AccountId).IsUnique();
    }
}
