using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <summary>The two kinds of record an enterprise may claim.</summary>
public enum ClaimRecord
{
    Qualification = 1,
    AwardNomination = 2,
}

public sealed record ClaimDecisionBody(string? Reason);

/// <summary>What the claim handlers share: the claimant is the signed-in enterprise, and a claim is found in the caller's scope.</summary>
internal static class EnterpriseClaims
{
    /// <summary>
    /// The enterprise a claim is for: the account's own organisation. Naming another one is refused (403), not
    /// silently redirected, so a forged request is visible in the log.
    /// </summary>
    public static async Task<OrganizationInfo> ClaimantAsync(KechuangDb db, IOrganizationDirectory directory, Guid? enterpriseId, CancellationToken ct)
    {
        var own = db.User.OrganizationId ?? throw new ForbiddenException("账号未关联企业，不能申报", "enterprises.claim-no-organization");
        if (enterpriseId is { } id && id != own)
        {
            throw new ForbiddenException("只能为本企业申报资质或奖项", "enterprises.claim-other-organization");
        }
        var errors = new FieldErrors();
        var organization = await EnterpriseRecords.EnterpriseAsync(directory, own, errors, ct);
        errors.ThrowIfAny();
        return organization!;
    }

    public static async Task<IEnterpriseClaim> FindAsync(KechuangDb db, ClaimRecord record, Guid id, CancellationToken ct) => record switch
    {
        ClaimRecord.Qualification => (IEnterpriseClaim?)await db.Set<Qualification>().FirstOrDefaultAsync(q => q.Id == id, ct),
        _ => await db.Set<AwardNomination>().FirstOrDefaultAsync(a => a.Id == id, ct),
    } ?? throw new NotFoundException("记录不存在或不在您的数据范围内");

    /// <summary>Only confirmed records are facts: what indicators, screening, pools and exports count.</summary>
    public static IQueryable<T> Confirmed<T>(this IQueryable<T> query) where T : class, IEnterpriseClaim =>
        query.Where(x => x.Status == ClaimStatus.Confirmed);
}

/// <summary>An enterprise reports its own 科小 entry or 高企 certificate; it waits for the bureau (待确认).</summary>
public sealed class SubmitQualificationClaimHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(QualificationBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.SubmitClaim);
        var enterprise = await EnterpriseClaims.ClaimantAsync(db, directory, body.EnterpriseId, ct);
        var errors = new FieldErrors();
        var (kind, number) = EnterpriseRules.ValidateQualification(body, errors);
        errors.ThrowIfAny();
        if (await db.Set<Qualification>().IgnoreQueryFilters().AnyAsync(q => q.Kind == kind && q.Number == number && q.Status != ClaimStatus.Rejected, ct))
        {
            throw new RuleException("enterprises.duplicate-qualification", $"编号 {number} 已登记或已申报");
        }
        var qualification = (kind == QualificationKind.TechSme
            ? Qualification.TechSme(enterprise.Id, enterprise.RegionCode, body.Year!.Value, number, db.UtcNow)
            : Qualification.HighTech(enterprise.Id, enterprise.RegionCode, body.IssueDate!.Value, number, db.UtcNow)).AsClaim();
        db.Add(qualification);
        await db.SaveChangesAsync(ct);
        return qualification.Id;
    }
}

/// <summary>An enterprise reports its own award nomination and result; it waits for the bureau (待确认).</summary>
public sealed class SubmitAwardClaimHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> HandleAsync(AwardNominationBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.SubmitClaim);
        var enterprise = await EnterpriseClaims.ClaimantAsync(db, directory, body.EnterpriseId, ct);
        var errors = new FieldErrors();
        var (name, level, grade, year, project, result) = EnterpriseRules.ValidateAwardNomination(body, errors);
        errors.ThrowIfAny();
        var nomination = new AwardNomination(enterprise.Id, enterprise.RegionCode, name, level!.Value, grade, year, project, result, db.UtcNow).AsClaim();
        db.Add(nomination);
        await db.SaveChangesAsync(ct);
        return nomination.Id;
    }
}

/// <summary>确认: staff of the enterprise's county or city make a waiting claim a fact.</summary>
public sealed class ConfirmClaimHandler(KechuangDb db)
{
    public async Task HandleAsync(ClaimRecord record, Guid id, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.DecideClaim);
        (await EnterpriseClaims.FindAsync(db, record, id, ct)).Confirm(db.UtcNow);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>驳回: staff refuse a waiting claim with a reason the enterprise sees; it never counts.</summary>
public sealed class RefuseClaimHandler(KechuangDb db)
{
    public async Task HandleAsync(ClaimRecord record, Guid id, ClaimDecisionBody body, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.DecideClaim);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", "驳回理由", body.Reason, ClaimRules.ReasonLength);
        errors.ThrowIfAny();
        (await EnterpriseClaims.FindAsync(db, record, id, ct)).Reject(reason, db.UtcNow);
        await db.SaveChangesAsync(ct);
    }
}
