using Kechuang.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>The columns of an <see cref="EnterpriseProfile"/> that screening reads.</summary>
public sealed class ScreeningProfile(Guid organizationId, string name, string regionCode, string industryCode, TaxCollectionMode taxCollection,
    DateOnly registrationDate, bool residentEnterprise, bool restrictedOrEliminated, bool inSupportedField)
{
    public Guid OrganizationId { get; } = organizationId;
    public string Name { get; } = name;
    public string RegionCode { get; } = regionCode;
    public string IndustryCode { get; } = industryCode;
    public TaxCollectionMode TaxCollection { get; } = taxCollection;
    public DateOnly RegistrationDate { get; } = registrationDate;
    public bool ResidentEnterprise { get; } = residentEnterprise;
    public bool RestrictedOrEliminated { get; } = restrictedOrEliminated;
    public bool InSupportedField { get; } = inSupportedField;
    public bool IsIndustrial { get; } = EnterpriseRules.IsIndustrial(industryCode);

    public static ScreeningProfile Of(EnterpriseProfile p) => new(p.OrganizationId!.Value, p.Name, p.RegionCode, p.IndustryCode, p.TaxCollection,
        p.RegistrationDate, p.ResidentEnterprise, p.RestrictedOrEliminated, p.InSupportedField);
}

/// <summary>The columns of an <see cref="EnterpriseYearRecord"/> that screening reads (money in fen, converted as the record converts it).</summary>
public sealed record ScreeningYear(Guid OrganizationId, int Year, long SalesRevenueFen, long TotalIncomeFen, long NonTaxableIncomeFen, long HighTechRevenueFen,
    long TotalAssetsFen, long LiabilitiesFen, long RdInHouseDomesticFen, long RdCommissionedDomesticFen, long RdCommissionedOverseasFen,
    long TotalCostsAndExpensesFen, int Employees, int TechStaff, int Transformations, bool SeriousIncidents, bool OnCreditBlacklist)
{
    /// <summary>净资产 = 资产总额 − 负债总额, as <see cref="EnterpriseYearRecord.NetAssets"/>.</summary>
    public decimal NetAssets => Money.ToYuan(TotalAssetsFen - LiabilitiesFen);

    /// <summary>研究开发费用总额 with commissioned R&amp;D at 80%, as <see cref="EnterpriseYearRecord.RdTotal"/>.</summary>
    public decimal RdTotal => HighTechRules.RdTotal(Money.ToYuan(RdInHouseDomesticFen), Money.ToYuan(RdCommissionedDomesticFen), Money.ToYuan(RdCommissionedOverseasFen));

    public static ScreeningYear Of(EnterpriseYearRecord r) => new(r.OrganizationId!.Value, r.Year, r.SalesRevenueFen, r.TotalIncomeFen, r.NonTaxableIncomeFen,
        r.HighTechRevenueFen, r.TotalAssetsFen, r.LiabilitiesFen, r.RdInHouseDomesticFen, r.RdCommissionedDomesticFen, r.RdCommissionedOverseasFen,
        r.TotalCostsAndExpensesFen, r.Employees, r.TechStaff, r.Transformations, r.SeriousIncidents, r.OnCreditBlacklist);
}

/// <summary>What screening needs of an <see cref="IntellectualPropertyRecord"/> (not its title or number).</summary>
public sealed record ScreeningIp(Guid OrganizationId, IntellectualPropertyKind Kind, IntellectualPropertyStatus Status, DateOnly? GrantedOn, bool SelfDeveloped)
{
    /// <summary>As <see cref="IntellectualPropertyRecord.IsValidOn"/>: granted by then and not lapsed.</summary>
    public bool IsValidOn(DateOnly day) => Status == IntellectualPropertyStatus.Granted && GrantedOn is { } g && g <= day;

    public static ScreeningIp Of(IntellectualPropertyRecord p) => new(p.OrganizationId!.Value, p.Kind, p.Status, p.GrantedOn, p.SelfDeveloped);
}

/// <summary>What screening needs of a <see cref="Qualification"/>.</summary>
public sealed record ScreeningQualification(Guid OrganizationId, QualificationKind Kind, int Year, DateOnly ValidFrom, DateOnly ValidUntil)
{
    /// <summary>As <see cref="Qualification.IsValidOn"/>.</summary>
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && day <= ValidUntil;

    public static ScreeningQualification Of(Qualification q) => new(q.OrganizationId!.Value, q.Kind, q.Year, q.ValidFrom, q.ValidUntil);
}

/// <summary>What screening needs of an <see cref="RdInstitution"/>: that it exists, and its level.</summary>
public sealed record ScreeningInstitution(Guid OrganizationId, Level Level)
{
    public static ScreeningInstitution Of(RdInstitution i) => new(i.OrganizationId!.Value, i.Level);
}

/// <summary>Everything screening reads of one enterprise.</summary>
public sealed class ScreeningInputs(ScreeningProfile profile)
{
    public ScreeningProfile Profile { get; } = profile;
    public List<ScreeningYear> Years { get; } = [];
    public List<ScreeningIp> IntellectualProperty { get; } = [];
    public List<ScreeningQualification> Qualifications { get; } = [];
    public List<ScreeningInstitution> Institutions { get; } = [];

    /// <summary>SQLite's default page cache (2,000 KiB), put back before the reader's connection returns to the pool.</summary>
    private const int SqliteDefaultCacheKib = 2_000;

    /// <summary>SQLite: the page cache of a run's reader connection.</summary>
    private const int SqliteReaderCacheKib = 65_536;

    /// <summary>
    /// Opens a run's reader connection for the whole run (closed when the result is disposed). SQLite: with a page cache of
    /// 64 MB for this connection only (the default is put back before it returns to the pool): each chunk's look-ups by id touch
    /// pages all over the tables, which the default 2 MB cache read again and again from the file.
    /// </summary>
    public static async Task<IAsyncDisposable> OpenReaderAsync(KechuangDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = {-SqliteReaderCacheKib}", ct);
        }
        return new ReaderConnection(db);
    }

    private sealed class ReaderConnection(KechuangDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db.IsSqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = {-SqliteDefaultCacheKib}");
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Reads a chunk of enterprises: one untracked query per table, each with the chunk's ids as ONE array parameter
    /// (PostgreSQL <c>= ANY(@ids)</c>, SQLite <c>json_each(@ids)</c>) instead of EF 10's default of one parameter per id, and only
    /// the columns the engines use (projections, no entities). The data scope filters apply as to any query.
    /// </summary>
    public static async Task<Dictionary<Guid, ScreeningInputs>> ReadAsync(KechuangDb db, IReadOnlyCollection<Guid> enterprises, int year, CancellationToken ct)
    {
        var fiscal = year - 1;
        var ids = new List<Guid?>(enterprises.Count);
        foreach (var id in enterprises)
        {
            ids.Add(id);
        }
        var inputs = new Dictionary<Guid, ScreeningInputs>(enterprises.Count);
        await foreach (var p in db.Set<EnterpriseProfile>().AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.OrganizationId))
            .Select(p => new ScreeningProfile(p.OrganizationId!.Value, p.Name, p.RegionCode, p.IndustryCode, p.TaxCollection, p.RegistrationDate,
                p.ResidentEnterprise, p.RestrictedOrEliminated, p.InSupportedField)).AsAsyncEnumerable().WithCancellation(ct))
        {
            inputs[p.OrganizationId] = new ScreeningInputs(p);
        }
        await foreach (var r in db.Set<EnterpriseYearRecord>().AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.OrganizationId) && r.Year >= fiscal - 2 && r.Year <= fiscal)
            .Select(r => new ScreeningYear(r.OrganizationId!.Value, r.Year, r.SalesRevenueFen, r.TotalIncomeFen, r.NonTaxableIncomeFen, r.HighTechRevenueFen,
                r.TotalAssetsFen, r.LiabilitiesFen, r.RdInHouseDomesticFen, r.RdCommissionedDomesticFen, r.RdCommissionedOverseasFen,
                r.TotalCostsAndExpensesFen, r.Employees, r.TechStaff, r.Transformations, r.SeriousIncidents, r.OnCreditBlacklist))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (inputs.TryGetValue(r.OrganizationId, out var e))
            {
                e.Years.Add(r);
            }
        }
        await foreach (var p in db.Set<IntellectualPropertyRecord>().AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.OrganizationId))
            .Select(p => new ScreeningIp(p.OrganizationId!.Value, p.Kind, p.Status, p.GrantedOn, p.SelfDeveloped)).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (inputs.TryGetValue(p.OrganizationId, out var e))
            {
                e.IntellectualProperty.Add(p);
            }
        }
        await foreach (var q in db.Set<Qualification>().AsNoTracking().Confirmed().Where(q => EF.Parameter(ids).Contains(q.OrganizationId))
            .Select(q => new ScreeningQualification(q.OrganizationId!.Value, q.Kind, q.Year, q.ValidFrom, q.ValidUntil)).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (inputs.TryGetValue(q.OrganizationId, out var e))
            {
                e.Qualifications.Add(q);
            }
        }
        await foreach (var i in db.Set<RdInstitution>().AsNoTracking().Where(i => EF.Parameter(ids).Contains(i.OrganizationId) && i.Year <= year)
            .Select(i => new ScreeningInstitution(i.OrganizationId!.Value, i.Level)).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (inputs.TryGetValue(i.OrganizationId, out var e))
            {
                e.Institutions.Add(i);
            }
        }
        return inputs;
    }
}
