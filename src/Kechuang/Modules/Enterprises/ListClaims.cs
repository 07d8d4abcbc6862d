using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Enterprises;

/// <param name="Status">待确认/已驳回/已确认 (pending, rejected, confirmed); pending when empty.</param>
public sealed record ClaimQuery(string? Status = null, int? Page = null, int? PageSize = null);

/// <summary>
/// One claim in the list: what both kinds share, and the record itself (<see cref="Qualification"/> or
/// <see cref="AwardNomination"/>, by <see cref="Record"/>).
/// </summary>
/// <param name="Record">qualification or award-nomination: the path under which it is confirmed or rejected.</param>
/// <param name="SubmittedAt">When the enterprise reported it (UTC).</param>
public sealed record ClaimDto(Guid Id, string Record, Guid EnterpriseId, string EnterpriseName, DateTime SubmittedAt, string Status, string StatusName,
    string? RejectionReason, DateTime? DecidedAt, QualificationDto? Qualification, AwardNominationDto? AwardNomination);

/// <summary>
/// The claims enterprises reported, both kinds in one list, newest first, paged in the database: a county with more
/// waiting claims than a page holds reaches every one. An enterprise sees its own (data scope), staff those of their
/// county or city.
/// </summary>
public sealed class ListClaimsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<ClaimDto>> HandleAsync(ClaimQuery q, CancellationToken ct)
    {
        db.User.Demand(EnterprisesPermissions.ReadClaims);
        var errors = new FieldErrors();
        var asked = string.IsNullOrWhiteSpace(q.Status) ? null : errors.Enum("status", "状态", q.Status, EnterpriseNames.ClaimStatuses);
        errors.ThrowIfAny();
        var status = asked ?? ClaimStatus.Pending;
        var (skip, take) = Paging.Normalize(q.Page, q.PageSize);

        // One row shape for both tables, so that the union is ordered, counted and cut in SQL.
        var claims = Claims(db.Set<Qualification>(), status).Select(x => new ClaimRow { Id = x.Id, Record = ClaimRecord.Qualification, SubmittedAt = x.CreatedAt })
            .Concat(Claims(db.Set<AwardNomination>(), status).Select(x => new ClaimRow { Id = x.Id, Record = ClaimRecord.AwardNomination, SubmittedAt = x.CreatedAt }));
        var total = await claims.CountAsync(ct);
        var page = await claims.OrderByDescending(x => x.SubmittedAt).ThenBy(x => x.Id).Skip(skip).Take(take).ToListAsync(ct);

        var qualificationIds = page.Where(x => x.Record == ClaimRecord.Qualification).Select(x => x.Id).ToList();
        var awardIds = page.Where(x => x.Record == ClaimRecord.AwardNomination).Select(x => x.Id).ToList();
        var qualifications = await db.Set<Qualification>().AsNoTracking().Where(x => qualificationIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var awards = await db.Set<AwardNomination>().AsNoTracking().Where(x => awardIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var names = await directory.NamesAnywhereAsync([.. qualifications.Values.Select(x => x.OrganizationId!.Value), .. awards.Values.Select(x => x.OrganizationId!.Value)], ct);

        return new(page.Select(x => x.Record == ClaimRecord.Qualification
            ? qualifications.TryGetValue(x.Id, out var qualification) ? ToDto(qualification, names) : null
            : awards.TryGetValue(x.Id, out var award) ? ToDto(award, names) : null).OfType<ClaimDto>().ToList(), total);
    }

    /// <summary>What enterprises reported in the status asked: a confirmed record counts only when staff decided it, not when they entered it.</summary>
    private static IQueryable<T> Claims<T>(IQueryable<T> query, ClaimStatus status) where T : class, IEnterpriseClaim =>
        status == ClaimStatus.Confirmed
            ? query.AsNoTracking().Where(x => x.Status == ClaimStatus.Confirmed && x.DecidedAt != null)
            : query.AsNoTracking().Where(x => x.Status == status);

    private static ClaimDto ToDto(Qualification x, IReadOnlyDictionary<Guid, string> names)
    {
        var name = names.GetValueOrDefault(x.OrganizationId!.Value, "");
        return new(x.Id, EnterpriseNames.Api(ClaimRecord.Qualification), x.OrganizationId.Value, name, x.CreatedAt, EnterpriseNames.Api(x.Status),
            EnterpriseNames.ClaimStatuses[x.Status], x.RejectionReason, x.DecidedAt,
            new QualificationDto(x.Id, x.OrganizationId.Value, name, EnterpriseNames.Api(x.Kind), EnterpriseNames.Qualifications[x.Kind], x.Number, x.Year,
                x.ValidFrom, x.ValidUntil, EnterpriseNames.Api(x.Status), EnterpriseNames.ClaimStatuses[x.Status], x.RejectionReason), null);
    }

    private static ClaimDto ToDto(AwardNomination x, IReadOnlyDictionary<Guid, string> names)
    {
        var name = names.GetValueOrDefault(x.OrganizationId!.Value, "");
        return new(x.Id, EnterpriseNames.Api(ClaimRecord.AwardNomination), x.OrganizationId.Value, name, x.CreatedAt, EnterpriseNames.Api(x.Status),
            EnterpriseNames.ClaimStatuses[x.Status], x.RejectionReason, x.DecidedAt, null,
            new AwardNominationDto(x.Id, x.OrganizationId.Value, name, x.Award, EnterpriseNames.Api(x.Level), EnterpriseNames.Levels[x.Level], x.Grade, x.Year,
                x.Project, EnterpriseNames.Api(x.Result), EnterpriseNames.Results[x.Result], EnterpriseNames.Api(x.Status), EnterpriseNames.ClaimStatuses[x.Status],
                x.RejectionReason));
    }

    private sealed class ClaimRow
    {
        public Guid Id { get; init; }
        public ClaimRecord Record { get; init; }
        public DateTime SubmittedAt { get; init; }
    }
}
