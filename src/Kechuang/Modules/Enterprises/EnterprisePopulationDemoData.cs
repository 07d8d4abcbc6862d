using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Enterprises;

/// <summary>
/// The demo county's enterprise population: about 300 武义县 enterprises of the county's industries (电动工具, 五金,
/// 门业, 杯业, 中药, 茶, 旅游用品, …) with the fiscal years 2020–2022 that the 2023 screening reads
/// (<c>kechuang screen --region 330723 --year 2023</c>), their 科小 entries, 高企 certificates, R&amp;D institutions and
/// patents. Seeded from a fixed number, so every run builds the same county.
/// <para>
/// It leaves the letter's figures and the 2023 target actuals as the named demo enterprises make them: no 科小 entry of
/// 2023 (T14), no city-level or higher R&amp;D institution nor 重点企业研究院 before 2024 (T15, T17), no year record of 2023
/// or later (T18 and the 规上 counts), no patent application after 2022 (T9) and no industrialisation filing (A12, T13).
/// Certificates run out by 2025, so today's count of valid 高企 is the named enterprises' too.
/// </para>
/// </summary>
public sealed class EnterprisePopulationDemoData(IOrganizationDirectory directory) : IDemoData
{
    public const int Count = 300;

    /// <summary>Credit-code numbers of this population (the range the directory reserves for it: 100000–199999).</summary>
    public const int FirstCreditNumber = 100_001;

    public const int Seed = 20230706;

    private const int Batch = 100;

    public int Order => 35;

    public async Task LoadAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var plan = EnterprisePopulation.Generate(Count, Seed);
        // Records are only added here, never edited: change detection (which the registry's duplicate check would run over
        // every tracked record, once per organisation) has nothing to find.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in plan.Chunk(Batch))
            {
                foreach (var e in batch)
                {
                    await AddAsync(db, e, cancellationToken);
                }
                // One save per hundred enterprises (about 800 records); a clear tracker keeps each save small.
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task AddAsync(Platform.Data.KechuangDb db, PopulationEnterprise e, CancellationToken cancellationToken)
    {
        var now = db.UtcNow;
        var id = await directory.AddAsync(new NewOrganization(e.Name, OrganizationKind.Enterprise,
            DemoCodes.CreditCode("330723", FirstCreditNumber + e.Index), e.RegionCode, e.Address), cancellationToken);
        db.Add(new EnterpriseProfile(id, e.RegionCode, e.Name, e.Facts, now));
        foreach (var (year, figures) in e.Years)
        {
            db.Add(new EnterpriseYearRecord(id, e.RegionCode, year, figures, now));
        }
        foreach (var (year, number) in e.TechSmeEntries)
        {
            db.Add(Qualification.TechSme(id, e.RegionCode, year, number, now));
        }
        if (e.Certificate is { } certificate)
        {
            db.Add(Qualification.HighTech(id, e.RegionCode, certificate.Issued, certificate.Number, now));
        }
        foreach (var (name, kind, level, year) in e.Institutions)
        {
            db.Add(new RdInstitution(id, e.RegionCode, name, kind, level, year, now));
        }
        foreach (var p in e.Patents)
        {
            db.Add(new IntellectualPropertyRecord(id, e.RegionCode, p.Kind, p.Title, p.Number, p.Status, p.AppliedOn, p.GrantedOn, p.SelfDeveloped, now));
        }
    }
}
