using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>企业档案: one profile per enterprise of the directory, taking its name and region.</summary>
public sealed class CreateProfileHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(ProfileBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.ChangeProfile);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var facts = EnterpriseRules.ValidateProfile(body, errors);
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
}

/// <summary>Changes a profile's facts and takes the enterprise's current name from the directory.</summary>
public sealed class UpdateProfileHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task HandleAsync(Guid enterpriseId, ProfileBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.ChangeProfile);
        var profile = await db.Set<EnterpriseProfile>().FirstOrDefaultAsync(p => p.OrganizationId == enterpriseId, ct)
            ?? throw new NotFoundException("企业档案不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        var facts = EnterpriseRules.ValidateProfile(body, errors);
        errors.ThrowIfAny();
        profile.Update(facts, db.UtcNow);
        if (await directory.FindAsync(enterpriseId, ct) is { } organization)
        {
            profile.Rename(organization.Name);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Creates the year's record, or replaces its figures when the enterprise already has one for that year.</summary>
public sealed class SaveYearRecordHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(YearRecordBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.ChangeYears);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var year = errors.Year("year", body.Year);
        var figures = EnterpriseRules.ValidateYear(body, errors, "");
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
}

/// <summary>科小 entry or 高企 certificate; a number is registered once.</summary>
public sealed class CreateQualificationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(QualificationBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.CreateQualification);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var (kind, number) = EnterpriseRules.ValidateQualification(body, errors);
        errors.ThrowIfAny();
        if (await db.Set<Qualification>().IgnoreQueryFilters().AnyAsync(q => q.Kind == kind && q.Number == number && q.Status != ClaimStatus.Rejected, ct))
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
}

/// <summary>研发机构 of an enterprise.</summary>
public sealed class CreateRdInstitutionHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(RdInstitutionBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.CreateRdInstitution);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var (name, kind, level, year) = EnterpriseRules.ValidateRdInstitution(body, errors);
        errors.ThrowIfAny();
        var institution = new RdInstitution(enterprise!.Id, enterprise.RegionCode, name, kind!.Value, level!.Value, year, db.UtcNow);
        db.Add(institution);
        await db.SaveChangesAsync(ct);
        return institution.Id;
    }
}

/// <summary>A patent or other right of an enterprise; a number of a kind is registered once.</summary>
public sealed class CreateIntellectualPropertyHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(IntellectualPropertyBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.CreateIntellectualProperty);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var (kind, title, number, status) = EnterpriseRules.ValidateIntellectualProperty(body, errors);
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
}

/// <summary>发明专利产业化备案, linked to the enterprise's recorded invention patent when there is one.</summary>
public sealed class CreateFilingHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(FilingBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.CreateFiling);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var (project, patent, sales, year, start) = EnterpriseRules.ValidateFiling(body, errors);
        errors.ThrowIfAny();
        var patentId = await db.Set<IntellectualPropertyRecord>()
            .Where(p => p.Kind == IntellectualPropertyKind.InventionPatent && p.Number == patent && p.OrganizationId == enterprise!.Id)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var filing = new PatentIndustrializationFiling(enterprise!.Id, enterprise.RegionCode, project, patent, patentId, Money.ToFen(sales), year, body.FiledOn!.Value,
            start!.Value, body.ImplementationEnd, db.UtcNow);
        db.Add(filing);
        await db.SaveChangesAsync(ct);
        return filing.Id;
    }
}

/// <summary>科技奖励提名 of an enterprise.</summary>
public sealed class CreateAwardNominationHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(AwardNominationBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.CreateAwardNomination);
        var errors = new FieldErrors();
        var enterprise = await EnterpriseRecords.EnterpriseAsync(directory, body.EnterpriseId, errors, ct);
        var (name, level, grade, year, project, result) = EnterpriseRules.ValidateAwardNomination(body, errors);
        errors.ThrowIfAny();
        var nomination = new AwardNomination(enterprise!.Id, enterprise.RegionCode, name, level!.Value, grade, year, project, result, db.UtcNow);
        db.Add(nomination);
        await db.SaveChangesAsync(ct);
        return nomination.Id;
    }
}
