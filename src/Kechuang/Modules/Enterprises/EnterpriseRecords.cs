using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

public sealed record ProfileBody(Guid? EnterpriseId, string? IndustryCode, string? TaxCollection, DateOnly? RegistrationDate,
    bool? ResidentEnterprise, bool? RestrictedOrEliminated, bool? InSupportedField);

public sealed record YearRecordBody(Guid? EnterpriseId, int? Year, decimal? SalesRevenue, decimal? TotalIncome, decimal? NonTaxableIncome,
    decimal? HighTechRevenue, decimal? TotalAssets, decimal? Liabilities, decimal? RdInHouseDomestic, decimal? RdCommissionedDomestic,
    decimal? RdCommissionedOverseas, decimal? TotalCostsAndExpenses, int? Employees, int? TechStaff, int? Transformations,
    bool? SeriousIncidents, bool? OnCreditBlacklist);

public sealed record QualificationBody(Guid? EnterpriseId, string? Kind, string? Number, int? Year, DateOnly? IssueDate);

public sealed record RdInstitutionBody(Guid? EnterpriseId, string? Name, string? Kind, string? Level, int? Year);

public sealed record IntellectualPropertyBody(Guid? EnterpriseId, string? Kind, string? Title, string? Number, string? Status,
    DateOnly? AppliedOn, DateOnly? GrantedOn, bool? SelfDeveloped);

/// <param name="ImplementationStart">实施开始日期; the filing day when not given (most projects start when they are filed).</param>
public sealed record FilingBody(Guid? EnterpriseId, string? ProjectName, string? PatentNumber, decimal? ExpectedSales, int? Year, DateOnly? FiledOn,
    DateOnly? ImplementationStart = null, DateOnly? ImplementationEnd = null);

public sealed record AwardNominationBody(Guid? EnterpriseId, string? Award, string? Level, string? Grade, int? Year, string? Project, string? Result);

/// <param name="Status">For qualifications and awards: 待确认/已确认/已驳回 (pending, confirmed, rejected) or all; confirmed — the facts — when empty.</param>
/// <param name="ClaimsOnly">Only what enterprises reported (a confirmed claim, not a record staff entered themselves).</param>
/// <param name="ImplementedIn">For industrialisation filings: those whose implementation starts in this year.</param>
/// <param name="CityLevelOrAbove">For 研发机构: only those recognised at city level or above (T15).</param>
/// <param name="PatentsOnly">For intellectual property without a kind: the three patent kinds only (T9).</param>
/// <param name="ValidOn">For qualifications: those valid on this day (the home page's "as of" count).</param>
public sealed record RecordQuery(string? RegionCode = null, int? Year = null, Guid? EnterpriseId = null, string? Kind = null, int? Page = null, int? PageSize = null,
    string? Status = null, bool ClaimsOnly = false, int? ImplementedIn = null, bool CityLevelOrAbove = false, bool PatentsOnly = false, DateOnly? ValidOn = null);

public sealed record ProfileDto(Guid Id, Guid EnterpriseId, string Name, string RegionCode, string IndustryCode, bool Industrial,
    string TaxCollection, DateOnly RegistrationDate, bool ResidentEnterprise, bool RestrictedOrEliminated, bool InSupportedField);

public sealed record YearRecordDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string RegionCode, int Year, decimal SalesRevenue,
    decimal TotalIncome, decimal NonTaxableIncome, decimal HighTechRevenue, decimal TotalAssets, decimal Liabilities, decimal NetAssets,
    decimal RdInHouseDomestic, decimal RdCommissionedDomestic, decimal RdCommissionedOverseas, decimal TotalCostsAndExpenses,
    int Employees, int TechStaff, int Transformations, bool SeriousIncidents, bool OnCreditBlacklist);

public sealed record QualificationDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Kind, string KindName, string Number, int Year, DateOnly ValidFrom, DateOnly ValidUntil,
    string Status, string StatusName, string? RejectionReason);

public sealed record RdInstitutionDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Name, string Kind, string KindName, string Level, string LevelName, int Year);

public sealed record IntellectualPropertyDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Kind, string KindName, string Title, string Number,
    string Status, string StatusName, DateOnly AppliedOn, DateOnly? GrantedOn, bool SelfDeveloped);

/// <summary>An enterprise counted as a 创新主体 in a year: its 科小 entry number, 高企 certificate number and 研发机构, where it has them.</summary>
public sealed record InnovationEntityDto(Guid EnterpriseId, string EnterpriseName, string? TechSmeNumber, string? HighTechNumber, IReadOnlyList<string> RdInstitutions);

public sealed record FilingDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string ProjectName, string PatentNumber, decimal ExpectedSales, int Year, DateOnly FiledOn,
    DateOnly ImplementationStart, DateOnly? ImplementationEnd);

public sealed record AwardNominationDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Award, string Level, string LevelName, string Grade, int Year,
    string Project, string Result, string ResultName, string Status, string StatusName, string? RejectionReason);

/// <summary>What the record handlers share: the enterprise a new record belongs to, the list filters and paging.</summary>
internal static class EnterpriseRecords
{
    /// <summary>The enterprise a record belongs to, within the caller's scope; problems go to <paramref name="errors"/>.</summary>
    public static async Task<OrganizationInfo?> EnterpriseAsync(IOrganizationDirectory directory, Guid? id, FieldErrors errors, CancellationToken ct)
    {
        var organization = id is { } enterpriseId ? await directory.FindAsync(enterpriseId, ct) : null;
        EnterpriseRules.CheckEnterprise(id, organization, errors);
        return organization;
    }

    public static YearRecordDto ToDto(EnterpriseYearRecord r, IReadOnlyDictionary<Guid, string> names)
    {
        var f = r.Figures();
        return new(r.Id, r.OrganizationId!.Value, names.GetValueOrDefault(r.OrganizationId.Value, ""), r.RegionCode, r.Year, f.SalesRevenue,
            f.TotalIncome, f.NonTaxableIncome, f.HighTechRevenue, f.TotalAssets, f.Liabilities, r.NetAssets, f.RdInHouseDomestic,
            f.RdCommissionedDomestic, f.RdCommissionedOverseas, f.TotalCostsAndExpenses, f.Employees, f.TechStaff, f.Transformations,
            f.SeriousIncidents, f.OnCreditBlacklist);
    }

    public static IQueryable<T> Filter<T>(IQueryable<T> query, RecordQuery q) where T : class, IOrganizationScoped
    {
        query = query.AsNoTracking().UnderRegion(q.RegionCode);
        if (q.EnterpriseId is { } id)
        {
            query = query.Where(e => e.OrganizationId == id);
        }
        return query;
    }

    /// <summary>The claim-status filter: the facts (confirmed) unless the caller asks for claims.</summary>
    public static IQueryable<T> ByStatus<T>(IQueryable<T> query, RecordQuery q) where T : class, IEnterpriseClaim
    {
        if (q.ClaimsOnly)
        {
            query = query.Where(x => x.Status != ClaimStatus.Confirmed || x.DecidedAt != null);
        }
        if (string.Equals(q.Status, "all", StringComparison.OrdinalIgnoreCase))
        {
            return query;
        }
        var errors = new FieldErrors();
        var status = string.IsNullOrWhiteSpace(q.Status) ? ClaimStatus.Confirmed : errors.Enum("status", "状态", q.Status, EnterpriseNames.ClaimStatuses);
        errors.ThrowIfAny();
        return query.Where(x => x.Status == status);
    }

    public static async Task<Paged<TDto>> PageAsync<T, TDto>(IOrganizationDirectory directory, IQueryable<T> query, RecordQuery q, Func<T, IReadOnlyDictionary<Guid, string>, TDto> map, CancellationToken ct)
        where T : class, IOrganizationScoped
    {
        var (skip, take) = Paging.Normalize(q.Page, q.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(skip).Take(take).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value), ct);
        return new(rows.Select(r => map(r, names)).ToList(), total);
    }
}
