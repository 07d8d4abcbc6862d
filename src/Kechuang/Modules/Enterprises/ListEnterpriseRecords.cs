using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>An enterprise's profile, or null when it has none in the caller's scope.</summary>
public sealed class GetProfileHandler(KechuangDb db)
{
    public async Task<ProfileDto?> HandleAsync(Guid enterpriseId, CancellationToken ct) =>
        await db.Set<EnterpriseProfile>().AsNoTracking().Where(p => p.OrganizationId == enterpriseId).FirstOrDefaultAsync(ct) is { } p ? ToDto(p) : null;

    private static ProfileDto ToDto(EnterpriseProfile p) => new(p.Id, p.OrganizationId!.Value, p.Name, p.RegionCode, p.IndustryCode, p.IsIndustrial,
        EnterpriseNames.Api(p.TaxCollection), p.RegistrationDate, p.ResidentEnterprise, p.RestrictedOrEliminated, p.InSupportedField);
}

/// <summary>Year records, latest first; the page, the API and the export share it.</summary>
public sealed class ListYearRecordsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<YearRecordDto>> HandleAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.Filter(db.Set<EnterpriseYearRecord>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }
        var (skip, take) = Paging.Normalize(q.Page, q.PageSize);
        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.RegionCode).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value), ct);
        return new(rows.Select(r => EnterpriseRecords.ToDto(r, names)).ToList(), await query.CountAsync(ct));
    }

    public async Task<List<YearRecordDto>> AllAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.Filter(db.Set<EnterpriseYearRecord>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }
        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.RegionCode).ThenBy(r => r.Id).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value), ct);
        return rows.Select(r => EnterpriseRecords.ToDto(r, names)).ToList();
    }
}

/// <summary>科小 entries and 高企 certificates (confirmed unless a status is asked); with a year, those valid at some time in it.</summary>
public sealed class ListQualificationsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<QualificationDto>> HandleAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.ByStatus(EnterpriseRecords.Filter(db.Set<Qualification>(), q), q);
        if (!string.IsNullOrWhiteSpace(q.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "资质类别", q.Kind, EnterpriseNames.Qualifications);
            errors.ThrowIfAny();
            query = query.Where(x => x.Kind == kind);
        }
        if (q.Year is { } year)
        {
            // Valid at some time in the year.
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(x => x.ValidFrom <= to && x.ValidUntil >= from);
        }
        if (q.ValidOn is { } day)
        {
            query = query.Where(x => x.ValidFrom <= day && x.ValidUntil >= day);
        }
        return await EnterpriseRecords.PageAsync(directory, query.OrderByDescending(x => x.Year).ThenBy(x => x.Number), q, (x, names) => new QualificationDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), EnterpriseNames.Api(x.Kind), EnterpriseNames.Qualifications[x.Kind], x.Number, x.Year, x.ValidFrom, x.ValidUntil,
            EnterpriseNames.Api(x.Status), EnterpriseNames.ClaimStatuses[x.Status], x.RejectionReason), ct);
    }
}

/// <summary>研发机构; with a year, those recognised by then.</summary>
public sealed class ListRdInstitutionsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<RdInstitutionDto>> HandleAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.Filter(db.Set<RdInstitution>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(x => x.Year <= year);
        }
        if (!string.IsNullOrWhiteSpace(q.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "研发机构类别", q.Kind, EnterpriseNames.RdKinds);
            errors.ThrowIfAny();
            query = query.Where(x => x.Kind == kind);
        }
        if (q.CityLevelOrAbove)
        {
            query = query.Where(x => RdInstitutionCountIndicator.CityPlus.Contains(x.Level));
        }
        return await EnterpriseRecords.PageAsync(directory, query.OrderByDescending(x => x.Year).ThenBy(x => x.Name), q, (x, names) => new RdInstitutionDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), x.Name, EnterpriseNames.Api(x.Kind), EnterpriseNames.RdKinds[x.Kind],
            EnterpriseNames.Api(x.Level), EnterpriseNames.Levels[x.Level], x.Year), ct);
    }
}

/// <summary>Patents and other rights; with a year, those applied for in it.</summary>
public sealed class ListIntellectualPropertyHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<IntellectualPropertyDto>> HandleAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.Filter(db.Set<IntellectualPropertyRecord>(), q);
        if (!string.IsNullOrWhiteSpace(q.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "知识产权类别", q.Kind, IntellectualPropertyKinds.Names);
            errors.ThrowIfAny();
            query = query.Where(x => x.Kind == kind);
        }
        else if (q.PatentsOnly)
        {
            query = PatentApplicationsIndicator.Patents(query);
        }
        if (q.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            query = query.Where(x => x.AppliedOn >= from && x.AppliedOn < to);
        }
        return await EnterpriseRecords.PageAsync(directory, query.OrderByDescending(x => x.AppliedOn).ThenBy(x => x.Number), q, (x, names) => new IntellectualPropertyDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), EnterpriseNames.Api(x.Kind), IntellectualPropertyKinds.Names[x.Kind], x.Title, x.Number,
            EnterpriseNames.Api(x.Status), EnterpriseNames.IpStatuses[x.Status], x.AppliedOn, x.GrantedOn, x.SelfDeveloped), ct);
    }
}

/// <summary>发明专利产业化备案; with a year, those filed in it; with <c>ImplementedIn</c>, those put into implementation in that year.</summary>
public sealed class ListFilingsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<FilingDto>> HandleAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.Filter(db.Set<PatentIndustrializationFiling>(), q);
        if (q.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            query = query.Where(x => x.FiledOn >= from && x.FiledOn < to);
        }
        if (q.ImplementedIn is { } implemented)
        {
            ListFilters.CheckYear(implemented, "implementedIn");
            var from = new DateOnly(implemented, 1, 1);
            var to = new DateOnly(implemented + 1, 1, 1);
            query = query.Where(x => x.ImplementationStart >= from && x.ImplementationStart < to);
        }
        return await EnterpriseRecords.PageAsync(directory, query.OrderByDescending(x => x.FiledOn).ThenBy(x => x.PatentNumber), q, (x, names) => new FilingDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), x.ProjectName, x.PatentNumber, Money.ToYuan(x.ExpectedSalesFen), x.Year, x.FiledOn,
            x.ImplementationStart, x.ImplementationEnd), ct);
    }
}

/// <summary>科技奖励提名; with a year, those of it.</summary>
public sealed class ListAwardNominationsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<AwardNominationDto>> HandleAsync(RecordQuery q, CancellationToken ct)
    {
        var query = EnterpriseRecords.ByStatus(EnterpriseRecords.Filter(db.Set<AwardNomination>(), q), q);
        if (q.Year is { } year)
        {
            query = query.Where(x => x.Year == year);
        }
        return await EnterpriseRecords.PageAsync(directory, query.OrderByDescending(x => x.Year).ThenBy(x => x.Award), q, (x, names) => new AwardNominationDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), x.Award, EnterpriseNames.Api(x.Level), EnterpriseNames.Levels[x.Level], x.Grade, x.Year,
            x.Project, EnterpriseNames.Api(x.Result), EnterpriseNames.Results[x.Result], EnterpriseNames.Api(x.Status), EnterpriseNames.ClaimStatuses[x.Status], x.RejectionReason), ct);
    }
}

/// <summary>
/// The enterprises counted by <c>enterprises.innovation-entities</c> for a year, with what makes each one count: its 科小
/// entry, its 高企 certificate, its 研发机构.
/// </summary>
public sealed class ListInnovationEntitiesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<InnovationEntityDto>> HandleAsync(string? regionCode, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        ListFilters.CheckYear(year);
        var period = Platform.Indicators.Period.Year(year ?? db.Today().Year);
        var region = Platform.Indicators.IndicatorCatalogue.CheckRegion(db.User, regionCode);
        var ids = InnovationEntities.Of(db, region, period);
        var (skip, take) = Paging.Normalize(page, pageSize);
        var total = await ids.CountAsync(ct);
        var pageIds = (await ids.OrderBy(id => id).Skip(skip).Take(take).ToListAsync(ct)).Select(id => id!.Value).ToList();
        var last = period.To.AddDays(-1);
        var qualifications = await db.Set<Qualification>().Confirmed().AsNoTracking()
            .Where(q => pageIds.Contains(q.OrganizationId!.Value) && q.ValidFrom <= last && q.ValidUntil >= period.From).ToListAsync(ct);
        var institutions = await db.Set<RdInstitution>().AsNoTracking()
            .Where(i => pageIds.Contains(i.OrganizationId!.Value) && i.Year <= last.Year).OrderBy(i => i.Year).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(pageIds, ct);
        var items = pageIds.Select(id => new InnovationEntityDto(id, names.GetValueOrDefault(id, ""),
                qualifications.Where(q => q.OrganizationId == id && q.Kind == QualificationKind.TechSme).Select(q => q.Number).FirstOrDefault(),
                qualifications.Where(q => q.OrganizationId == id && q.Kind == QualificationKind.HighTechEnterprise).Select(q => q.Number).FirstOrDefault(),
                institutions.Where(i => i.OrganizationId == id).Select(i => i.Name).ToList()))
            .OrderBy(x => x.EnterpriseName, StringComparer.Ordinal).ToList();
        return new(items, total);
    }
}
