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

public sealed record FilingBody(Guid? EnterpriseId, string? ProjectName, string? PatentNumber, decimal? ExpectedSales, int? Year, DateOnly? FiledOn);

public sealed record AwardNominationBody(Guid? EnterpriseId, string? Award, string? Level, string? Grade, int? Year, string? Project, string? Result);

public sealed record RecordQuery(string? RegionCode = null, int? Year = null, Guid? EnterpriseId = null, string? Kind = null, int? Page = null, int? PageSize = null);

public sealed record ProfileDto(Guid Id, Guid EnterpriseId, string Name, string RegionCode, string IndustryCode, bool Industrial,
    string TaxCollection, DateOnly RegistrationDate, bool ResidentEnterprise, bool RestrictedOrEliminated, bool InSupportedField);

public sealed record YearRecordDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string RegionCode, int Year, decimal SalesRevenue,
    decimal TotalIncome, decimal NonTaxableIncome, decimal HighTechRevenue, decimal TotalAssets, decimal Liabilities, decimal NetAssets,
    decimal RdInHouseDomestic, decimal RdCommissionedDomestic, decimal RdCommissionedOverseas, decimal TotalCostsAndExpenses,
    int Employees, int TechStaff, int Transformations, bool SeriousIncidents, bool OnCreditBlacklist);

public sealed record QualificationDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Kind, string KindName, string Number, int Year, DateOnly ValidFrom, DateOnly ValidUntil);

public sealed record RdInstitutionDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Name, string Kind, string KindName, string Level, string LevelName, int Year);

public sealed record IntellectualPropertyDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Kind, string KindName, string Title, string Number,
    string Status, string StatusName, DateOnly AppliedOn, DateOnly? GrantedOn, bool SelfDeveloped);

public sealed record FilingDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string ProjectName, string PatentNumber, decimal ExpectedSales, int Year, DateOnly FiledOn);

public sealed record AwardNominationDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Award, string Level, string LevelName, string Grade, int Year,
    string Project, string Result, string ResultName);

/// <summary>Creates and lists the module's records. Every record belongs to one enterprise of the directory and takes its region.</summary>
public sealed class EnterpriseRecordsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> CreateProfileAsync(ProfileBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var facts = ValidateProfile(body, errors);
        errors.ThrowIfAny();
        if (await db.Set<EnterpriseProfile>().IgnoreQueryFilters().AnyAsync(p => p.OrganizationId == enterprise!.Id, ct))
        {
            throw new RuleException("enterprises.profile-exists", $"{enterprise!.Name} 已有企业档案，请修改原档案");
        }
        var profile = new EnterpriseProfile(enterprise!.Id, enterprise.RegionCode, enterprise.Name, facts, db.UtcNow);
        db.Add(profile);
        await db.SaveChangesAsync(ct);
        return profile.Id;
    }

    public async Task UpdateProfileAsync(Guid enterpriseId, ProfileBody body, CancellationToken ct)
    {
        var profile = await db.Set<EnterpriseProfile>().FirstOrDefaultAsync(p => p.OrganizationId == enterpriseId, ct)
            ?? throw new NotFoundException("企业档案不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = ValidateProfile(body, errors);
        errors.ThrowIfAny();
        profile.Update(facts, db.UtcNow);
        if (await directory.FindAsync(enterpriseId, ct) is { } organization)
        {
            profile.Rename(organization.Name);
        }
        await db.SaveChangesAsync(ct);
    }

    internal static ProfileFacts ValidateProfile(ProfileBody body, FieldErrors errors)
    {
        var industry = errors.IndustryCode("industryCode", body.IndustryCode);
        var tax = errors.Enum("taxCollection", "企业所得税征收方式", body.TaxCollection, EvaluateTechSme.TaxNames);
        if (body.RegistrationDate is null)
        {
            errors.Add("registrationDate", "请填写注册成立日期");
        }
        return new ProfileFacts(industry, tax ?? TaxCollectionMode.ActualProfit, body.RegistrationDate ?? default,
            body.ResidentEnterprise ?? true, body.RestrictedOrEliminated ?? false, body.InSupportedField ?? false);
    }

    /// <summary>Creates the year's record, or replaces its figures when the enterprise already has one for that year.</summary>
    public async Task<Guid> SaveYearAsync(YearRecordBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var year = errors.Year("year", body.Year);
        var figures = ValidateYear(body, errors, "");
        errors.ThrowIfAny();
        var record = await db.Set<EnterpriseYearRecord>().FirstOrDefaultAsync(r => r.OrganizationId == enterprise!.Id && r.Year == year, ct);
        if (record is null)
        {
            record = new EnterpriseYearRecord(enterprise!.Id, enterprise.RegionCode, year, figures, db.UtcNow);
            db.Add(record);
        }
        else
        {
            record.Update(figures, db.UtcNow);
        }
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    internal static YearFigures ValidateYear(YearRecordBody b, FieldErrors errors, string prefix)
    {
        var f = new YearFigures(
            errors.Amount(prefix + "salesRevenue", "销售收入", b.SalesRevenue),
            errors.Amount(prefix + "totalIncome", "收入总额", b.TotalIncome, b.SalesRevenue ?? 0m),
            errors.Amount(prefix + "nonTaxableIncome", "不征税收入", b.NonTaxableIncome, 0m),
            errors.Amount(prefix + "highTechRevenue", "高新技术产品（服务）收入", b.HighTechRevenue, 0m),
            errors.Amount(prefix + "totalAssets", "资产总额", b.TotalAssets),
            errors.Amount(prefix + "liabilities", "负债总额", b.Liabilities, 0m),
            errors.Amount(prefix + "rdInHouseDomestic", "境内自主研发费用", b.RdInHouseDomestic, 0m),
            errors.Amount(prefix + "rdCommissionedDomestic", "委托境内研发费用", b.RdCommissionedDomestic, 0m),
            errors.Amount(prefix + "rdCommissionedOverseas", "委托境外研发费用", b.RdCommissionedOverseas, 0m),
            errors.Amount(prefix + "totalCostsAndExpenses", "成本费用支出总额", b.TotalCostsAndExpenses, 0m),
            errors.Count(prefix + "employees", "职工总数", b.Employees),
            errors.Count(prefix + "techStaff", "科技人员数", b.TechStaff, 0),
            errors.Count(prefix + "transformations", "科技成果转化数", b.Transformations, 0),
            b.SeriousIncidents ?? false,
            b.OnCreditBlacklist ?? false);
        if (f.TechStaff > f.Employees)
        {
            errors.Add(prefix + "techStaff", "科技人员数不能超过职工总数");
        }
        if (f.NonTaxableIncome > f.TotalIncome)
        {
            errors.Add(prefix + "nonTaxableIncome", "不征税收入不能超过收入总额");
        }
        return f;
    }

    public async Task<Guid> CreateQualificationAsync(QualificationBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var kind = errors.Enum("kind", "资质类别", body.Kind, EnterpriseNames.Qualifications);
        var number = errors.Text("number", kind == QualificationKind.HighTechEnterprise ? "证书编号" : "入库登记编号", body.Number, 40);
        if (kind == QualificationKind.TechSme)
        {
            errors.Year("year", body.Year);
        }
        if (kind == QualificationKind.HighTechEnterprise && body.IssueDate is null)
        {
            errors.Add("issueDate", "请填写发证日期");
        }
        errors.ThrowIfAny();
        if (await db.Set<Qualification>().IgnoreQueryFilters().AnyAsync(q => q.Kind == kind && q.Number == number, ct))
        {
            throw new RuleException("enterprises.duplicate-qualification", $"编号 {number} 已登记");
        }
        var qualification = kind == QualificationKind.TechSme
            ? Qualification.TechSme(enterprise!.Id, enterprise.RegionCode, body.Year!.Value, number, db.UtcNow)
            : Qualification.HighTech(enterprise!.Id, enterprise.RegionCode, body.IssueDate!.Value, number, db.UtcNow);
        db.Add(qualification);
        await db.SaveChangesAsync(ct);
        return qualification.Id;
    }

    public async Task<Guid> CreateRdInstitutionAsync(RdInstitutionBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var name = errors.Text("name", "研发机构名称", body.Name, 100);
        var kind = errors.Enum("kind", "研发机构类别", body.Kind, EnterpriseNames.RdKinds);
        var level = errors.Enum("level", "级别", body.Level, EnterpriseNames.Levels);
        var year = errors.Year("year", body.Year);
        errors.ThrowIfAny();
        var institution = new RdInstitution(enterprise!.Id, enterprise.RegionCode, name, kind!.Value, level!.Value, year, db.UtcNow);
        db.Add(institution);
        await db.SaveChangesAsync(ct);
        return institution.Id;
    }

    public async Task<Guid> CreateIntellectualPropertyAsync(IntellectualPropertyBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var kind = errors.Enum("kind", "知识产权类别", body.Kind, IntellectualPropertyKinds.Names);
        var title = errors.Text("title", "名称", body.Title, 200);
        var number = errors.Text("number", "申请号/专利号", body.Number, 40);
        var status = errors.Enum("status", "状态", body.Status, EnterpriseNames.IpStatuses);
        if (body.AppliedOn is null)
        {
            errors.Add("appliedOn", "请填写申请日期");
        }
        if (status == IntellectualPropertyStatus.Granted && body.GrantedOn is null)
        {
            errors.Add("grantedOn", "已授权的请填写授权日期");
        }
        if (body.GrantedOn is { } g && body.AppliedOn is { } a && g < a)
        {
            errors.Add("grantedOn", "授权日期不能早于申请日期");
        }
        errors.ThrowIfAny();
        if (await db.Set<IntellectualPropertyRecord>().IgnoreQueryFilters().AnyAsync(p => p.Kind == kind && p.Number == number, ct))
        {
            throw new RuleException("enterprises.duplicate-ip", $"{IntellectualPropertyKinds.Names[kind!.Value]} {number} 已登记");
        }
        var record = new IntellectualPropertyRecord(enterprise!.Id, enterprise.RegionCode, kind!.Value, title, number, status!.Value,
            body.AppliedOn!.Value, body.GrantedOn, body.SelfDeveloped ?? true, db.UtcNow);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    public async Task<Guid> CreateFilingAsync(FilingBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var project = errors.Text("projectName", "产业化项目名称", body.ProjectName, 200);
        var patent = errors.Text("patentNumber", "发明专利号", body.PatentNumber, 40);
        var sales = errors.Amount("expectedSales", "预计新增销售额", body.ExpectedSales, 0m);
        var year = errors.Year("year", body.Year);
        if (body.FiledOn is null)
        {
            errors.Add("filedOn", "请填写备案日期");
        }
        errors.ThrowIfAny();
        var patentId = await db.Set<IntellectualPropertyRecord>()
            .Where(p => p.Kind == IntellectualPropertyKind.InventionPatent && p.Number == patent && p.OrganizationId == enterprise!.Id)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var filing = new PatentIndustrializationFiling(enterprise!.Id, enterprise.RegionCode, project, patent, patentId, Money.ToFen(sales), year, body.FiledOn!.Value, db.UtcNow);
        db.Add(filing);
        await db.SaveChangesAsync(ct);
        return filing.Id;
    }

    public async Task<Guid> CreateAwardNominationAsync(AwardNominationBody body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var enterprise = await EnterpriseAsync(body.EnterpriseId, errors, ct);
        var award = errors.Text("award", "奖项名称", body.Award, 100);
        var level = errors.Enum("level", "级别", body.Level, EnterpriseNames.Levels);
        var grade = errors.Text("grade", "等级", body.Grade, 20, required: false);
        var year = errors.Year("year", body.Year);
        var project = errors.Text("project", "提名项目", body.Project, 200);
        var result = errors.Enum("result", "结果", body.Result, EnterpriseNames.Results, required: false) ?? NominationResult.Pending;
        errors.ThrowIfAny();
        var nomination = new AwardNomination(enterprise!.Id, enterprise.RegionCode, award, level!.Value, grade, year, project, result, db.UtcNow);
        db.Add(nomination);
        await db.SaveChangesAsync(ct);
        return nomination.Id;
    }

    /// <summary>The enterprise a record belongs to, within the caller's scope (an enterprise account finds only itself).</summary>
    private async Task<OrganizationInfo?> EnterpriseAsync(Guid? id, FieldErrors errors, CancellationToken ct)
    {
        if (id is not { } enterpriseId)
        {
            errors.Add("enterpriseId", "请选择企业");
            return null;
        }
        var organization = await directory.FindAsync(enterpriseId, ct);
        if (organization is null)
        {
            errors.Add("enterpriseId", "企业不存在或不在您的数据范围内");
        }
        else if (organization.Kind != OrganizationKind.Enterprise)
        {
            errors.Add("enterpriseId", $"{organization.Name} 不是企业");
        }
        return organization;
    }

    public async Task<ProfileDto?> FindProfileAsync(Guid enterpriseId, CancellationToken ct) =>
        await db.Set<EnterpriseProfile>().AsNoTracking().Where(p => p.OrganizationId == enterpriseId).FirstOrDefaultAsync(ct) is { } p ? ToDto(p) : null;

    private static ProfileDto ToDto(EnterpriseProfile p) => new(p.Id, p.OrganizationId!.Value, p.Name, p.RegionCode, p.IndustryCode, p.IsIndustrial,
        EnterpriseNames.Api(p.TaxCollection), p.RegistrationDate, p.ResidentEnterprise, p.RestrictedOrEliminated, p.InSupportedField);

    public async Task<Paged<YearRecordDto>> ListYearsAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<EnterpriseYearRecord>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }
        var (skip, take) = Paging.Normalize(q.Page, q.PageSize);
        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.RegionCode).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value), ct);
        return new(rows.Select(r => ToDto(r, names)).ToList(), await query.CountAsync(ct));
    }

    public async Task<List<YearRecordDto>> AllYearsAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<EnterpriseYearRecord>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }
        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.RegionCode).ThenBy(r => r.Id).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value), ct);
        return rows.Select(r => ToDto(r, names)).ToList();
    }

    internal static YearRecordDto ToDto(EnterpriseYearRecord r, IReadOnlyDictionary<Guid, string> names)
    {
        var f = r.Figures();
        return new(r.Id, r.OrganizationId!.Value, names.GetValueOrDefault(r.OrganizationId.Value, ""), r.RegionCode, r.Year, f.SalesRevenue,
            f.TotalIncome, f.NonTaxableIncome, f.HighTechRevenue, f.TotalAssets, f.Liabilities, r.NetAssets, f.RdInHouseDomestic,
            f.RdCommissionedDomestic, f.RdCommissionedOverseas, f.TotalCostsAndExpenses, f.Employees, f.TechStaff, f.Transformations,
            f.SeriousIncidents, f.OnCreditBlacklist);
    }

    public async Task<Paged<QualificationDto>> ListQualificationsAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<Qualification>(), q);
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
        return await PageAsync(query.OrderByDescending(x => x.Year).ThenBy(x => x.Number), q, (x, names) => new QualificationDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), EnterpriseNames.Api(x.Kind), EnterpriseNames.Qualifications[x.Kind], x.Number, x.Year, x.ValidFrom, x.ValidUntil), ct);
    }

    public async Task<Paged<RdInstitutionDto>> ListRdInstitutionsAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<RdInstitution>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(x => x.Year <= year);
        }
        return await PageAsync(query.OrderByDescending(x => x.Year).ThenBy(x => x.Name), q, (x, names) => new RdInstitutionDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), x.Name, EnterpriseNames.Api(x.Kind), EnterpriseNames.RdKinds[x.Kind],
            EnterpriseNames.Api(x.Level), EnterpriseNames.Levels[x.Level], x.Year), ct);
    }

    public async Task<Paged<IntellectualPropertyDto>> ListIntellectualPropertyAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<IntellectualPropertyRecord>(), q);
        if (!string.IsNullOrWhiteSpace(q.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "知识产权类别", q.Kind, IntellectualPropertyKinds.Names);
            errors.ThrowIfAny();
            query = query.Where(x => x.Kind == kind);
        }
        if (q.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            query = query.Where(x => x.AppliedOn >= from && x.AppliedOn < to);
        }
        return await PageAsync(query.OrderByDescending(x => x.AppliedOn).ThenBy(x => x.Number), q, (x, names) => new IntellectualPropertyDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), EnterpriseNames.Api(x.Kind), IntellectualPropertyKinds.Names[x.Kind], x.Title, x.Number,
            EnterpriseNames.Api(x.Status), EnterpriseNames.IpStatuses[x.Status], x.AppliedOn, x.GrantedOn, x.SelfDeveloped), ct);
    }

    public async Task<Paged<FilingDto>> ListFilingsAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<PatentIndustrializationFiling>(), q);
        if (q.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            query = query.Where(x => x.FiledOn >= from && x.FiledOn < to);
        }
        return await PageAsync(query.OrderByDescending(x => x.FiledOn).ThenBy(x => x.PatentNumber), q, (x, names) => new FilingDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), x.ProjectName, x.PatentNumber, Money.ToYuan(x.ExpectedSalesFen), x.Year, x.FiledOn), ct);
    }

    public async Task<Paged<AwardNominationDto>> ListAwardNominationsAsync(RecordQuery q, CancellationToken ct)
    {
        var query = Filter(db.Set<AwardNomination>(), q);
        if (q.Year is { } year)
        {
            query = query.Where(x => x.Year == year);
        }
        return await PageAsync(query.OrderByDescending(x => x.Year).ThenBy(x => x.Award), q, (x, names) => new AwardNominationDto(x.Id, x.OrganizationId!.Value,
            names.GetValueOrDefault(x.OrganizationId.Value, ""), x.Award, EnterpriseNames.Api(x.Level), EnterpriseNames.Levels[x.Level], x.Grade, x.Year,
            x.Project, EnterpriseNames.Api(x.Result), EnterpriseNames.Results[x.Result]), ct);
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> query, RecordQuery q) where T : class, IOrganizationScoped
    {
        query = query.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.RegionCode))
        {
            var prefix = Platform.Access.DataScope.Prefix(q.RegionCode);
            query = query.Where(e => e.RegionCode.StartsWith(prefix));
        }
        if (q.EnterpriseId is { } id)
        {
            query = query.Where(e => e.OrganizationId == id);
        }
        return query;
    }

    private async Task<Paged<TDto>> PageAsync<T, TDto>(IQueryable<T> query, RecordQuery q, Func<T, IReadOnlyDictionary<Guid, string>, TDto> map, CancellationToken ct)
        where T : class, IOrganizationScoped
    {
        var (skip, take) = Paging.Normalize(q.Page, q.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(skip).Take(take).ToListAsync(ct);
        var names = await directory.NamesAnywhereAsync(rows.Select(r => r.OrganizationId!.Value), ct);
        return new(rows.Select(r => map(r, names)).ToList(), total);
    }
}
