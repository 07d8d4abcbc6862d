using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kechuang.Modules.Contracts;

public sealed class ContractsConfiguration : IEntityTypeConfiguration<TechContract>, IEntityTypeConfiguration<ContractTransition>,
    IEntityTypeConfiguration<ContractImport>, IEntityTypeConfiguration<RegistrationPoint>
{
    public void Configure(EntityTypeBuilder<TechContract> builder)
    {
        builder.ToTable("contracts_contract");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(ContractsRules.TitleMax);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.TransferKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RefusalReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.Property(c => c.RegistrationNumber).HasMaxLength(ContractsRules.RegistrationNumberMax);
        builder.Property(c => c.ReviewNote).HasMaxLength(ContractsRules.NoteMax);
        builder.Property(c => c.Source).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.SellerCountry).HasMaxLength(3);
        builder.Property(c => c.BuyerCountry).HasMaxLength(3);
        builder.Property(c => c.SellerDivision).HasMaxLength(6);
        builder.Property(c => c.BuyerDivision).HasMaxLength(6);
        builder.Property(c => c.SellerNature).HasMaxLength(3);
        builder.Property(c => c.BuyerNature).HasMaxLength(3);
        builder.Property(c => c.TechField).HasMaxLength(2);
        builder.Property(c => c.SocioEconomicGoal).HasMaxLength(2);
        builder.Property(c => c.IpType).HasMaxLength(2);
        builder.Property(c => c.PlanCategory).HasMaxLength(2);
        builder.Ignore(c => c.NonTechnicalFen);
        builder.Ignore(c => c.IsEditable);

        // One registration number, once, across every region (NULLs are distinct on both providers).
        builder.HasIndex(c => c.RegistrationNumber).IsUnique();
        builder.Property(c => c.SourceKey).HasMaxLength(100);
        builder.HasIndex(c => c.SourceKey).IsUnique();
        builder.HasIndex(c => new { c.SellerId, c.BuyerId, c.SignDate, c.Title });
        builder.HasIndex(c => new { c.RegionCode, c.Status, c.RegisteredOn });
        // The lists of a county or a city: its rows by region, with what their filters (the search box's title and number
        // too), totals and default order read, so the count and the page's ids come from the index alone (PostgreSQL's
        // INCLUDE; SQLite indexes the two keys). There is no index on sign_date alone on purpose: with one, a year's page
        // of a county or a city in a province-sized table walked it from the newest contract backwards past every other
        // region's and year's rows (2–3 s at 1,000,000 contracts; the planner cannot know the year's rows lie at the end).
        builder.HasIndex(c => new { c.RegionCode, c.SignDate }, "ix_contracts_contract_region_code_sign_date_list")
            .IncludeProperties(c => new { c.Id, c.Status, c.Type, c.RegisteredOn, c.AmountFen, c.TransactionAmountFen, c.OrganizationId, c.Title, c.RegistrationNumber });
        builder.HasIndex(c => c.OrganizationId);
        builder.HasIndex(c => c.ImportId);
    }

    public void Configure(EntityTypeBuilder<ContractTransition> builder)
    {
        builder.ToTable("contracts_transition");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Account).HasMaxLength(100);
        builder.Property(t => t.Note).HasMaxLength(ContractsRules.NoteMax + 100);
        builder.HasIndex(t => new { t.ContractId, t.At });
        builder.HasOne<TechContract>().WithMany().HasForeignKey(t => t.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ContractImport> builder)
    {
        builder.ToTable("contracts_import");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Account).HasMaxLength(100);
        builder.Property(i => i.FileName).HasMaxLength(ContractImport.FileNameMax);
        builder.Property(i => i.RegionCode).HasMaxLength(12);
        builder.Ignore(i => i.Total);
        builder.HasIndex(i => i.At);
    }

    public void Configure(EntityTypeBuilder<RegistrationPoint> builder)
    {
        builder.ToTable("contracts_registration_point");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.Property(p => p.CityCode).HasMaxLength(4);
        builder.Property(p => p.Code).HasMaxLength(2);
        builder.Property(p => p.Name).HasMaxLength(RegistrationPointRules.NameMax);
        // One point per county; a code once within a city (it is part of the number).
        builder.HasIndex(p => p.RegionCode).IsUnique();
        builder.HasIndex(p => new { p.CityCode, p.Code }).IsUnique();
    }
}
