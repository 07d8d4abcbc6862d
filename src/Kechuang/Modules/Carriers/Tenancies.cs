using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>A new tenancy: the enterprise by id or by credit code.</summary>
public sealed record TenancyInput(Guid? EnterpriseId, string? CreditCode, string? Kind, DateOnly? EnteredOn, DateOnly? LeftOn = null);

public sealed record TenancyQuery(Guid? CarrierId = null, string? RegionCode = null, bool? CurrentOnly = null, string? Kind = null,
    string? Q = null, int? Page = null, int? PageSize = null);

/// <summary>Validation shared by the form, the API and the import.</summary>
internal static class TenancyRules
{
    public static (TenancyKind? Kind, DateOnly? EnteredOn, DateOnly? LeftOn) Validate(string? kindText, DateOnly? enteredOn, DateOnly? leftOn, DateOnly today, FieldErrors errors,
        bool reportMissingEntry = true)
    {
        var kind = errors.Enum("kind", "入驻类型", kindText, TenancyKinds.Names);
        if (enteredOn is null)
        {
            if (reportMissingEntry)
            {
                errors.Add("enteredOn", "请填写入驻（注册）日期");
            }
        }
        else if (enteredOn > today)
        {
            errors.Add("enteredOn", "入驻（注册）日期不能晚于今天");
        }
        if (leftOn is { } left)
        {
            if (left > today)
            {
                errors.Add("leftOn", "迁出日期不能晚于今天");
            }
            else if (enteredOn is { } entered && left < entered)
            {
                errors.Add("leftOn", "迁出日期不能早于入驻（注册）日期");
            }
        }
        return (kind, enteredOn, leftOn);
    }

    /// <summary>Two stays of one enterprise in one carrier and of one kind may not share a day.</summary>
    public static bool Overlap(DateOnly entered1, DateOnly? left1, DateOnly entered2, DateOnly? left2) =>
        entered1 <= (left2 ?? DateOnly.MaxValue) && entered2 <= (left1 ?? DateOnly.MaxValue);

    public static RuleException OverlapProblem(string enterprise, TenancyKind kind) =>
        new("carriers.tenancy-overlap", $"{enterprise} 在该载体已有时间重叠的{TenancyKinds.Names[kind]}记录");
}

/// <summary>登记入驻/注册: adds an enterprise to a carrier.</summary>
public sealed class AddTenancyHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(Guid carrierId, TenancyInput input, CancellationToken cancellationToken = default)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == carrierId, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        var errors = new FieldErrors();
        OrganizationInfo? enterprise = null;
        if (input.EnterpriseId is { } id)
        {
            enterprise = await OrganizationCounterparts.FindAsync(db, id, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(input.CreditCode))
        {
            var code = input.CreditCode.Trim().ToUpperInvariant();
            enterprise = (await OrganizationCounterparts.AllAsync(db, cancellationToken)).FirstOrDefault(o => o.CreditCode == code);
        }
        else
        {
            errors.Add("enterpriseId", "请选择企业");
        }
        if (enterprise is null && (input.EnterpriseId is not null || !string.IsNullOrWhiteSpace(input.CreditCode)))
        {
            errors.Add("enterpriseId", "企业不存在，请先在组织名录中登记");
        }
        else if (enterprise is not null && enterprise.Kind != OrganizationKind.Enterprise)
        {
            errors.Add("enterpriseId", $"{enterprise.Name} 不是企业，只能登记企业入驻");
        }
        var (kind, entered, left) = TenancyRules.Validate(input.Kind, input.EnteredOn, input.LeftOn, CarrierQueries.Today(db), errors);
        errors.ThrowIfAny();
        var stays = await db.Set<Tenancy>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.CarrierId == carrierId && t.OrganizationId == enterprise!.Id && t.Kind == kind)
            .Select(t => new { t.EnteredOn, t.LeftOn }).ToListAsync(cancellationToken);
        if (stays.Any(s => TenancyRules.Overlap(s.EnteredOn, s.LeftOn, entered!.Value, left)))
        {
            throw TenancyRules.OverlapProblem(enterprise!.Name, kind!.Value);
        }
        var tenancy = new Tenancy(carrier.Id, carrier.RegionCode, enterprise!.Id, kind!.Value, entered!.Value, left, db.UtcNow);
        db.Add(tenancy);
        await db.SaveChangesAsync(cancellationToken);
        return tenancy.Id;
    }
}

/// <summary>迁出: ends a current tenancy on a day.</summary>
public sealed class EndTenancyHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid carrierId, Guid tenancyId, DateOnly? leftOn, CancellationToken cancellationToken = default)
    {
        var tenancy = await db.Set<Tenancy>().FirstOrDefaultAsync(t => t.Id == tenancyId && t.CarrierId == carrierId, cancellationToken)
            ?? throw new NotFoundException("入驻记录不存在或不在您的数据范围内");
        if (leftOn is null)
        {
            throw InputException.For("leftOn", "请填写迁出日期");
        }
        if (leftOn > CarrierQueries.Today(db))
        {
            throw InputException.For("leftOn", "迁出日期不能晚于今天");
        }
        tenancy.End(leftOn.Value, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Tenancies of a carrier or of a region's carriers, with the enterprises' names; the detail page, the API and the export share it.</summary>
public sealed class ListTenanciesHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Paged<TenancyDto>> HandleAsync(TenancyQuery query, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(query, cancellationToken);
        var (skip, take) = Paging.Normalize(query.Page, query.PageSize);
        return new Paged<TenancyDto>(all.Skip(skip).Take(take).ToList(), all.Count);
    }

    /// <summary>
    /// Every matching tenancy, current ones first, then by entry. Filtering by name happens after the directory look-up
    /// (names live in the directory), so this reads the carrier's or region's tenancies whole: hundreds, not millions.
    /// </summary>
    public async Task<List<TenancyDto>> AllAsync(TenancyQuery query, CancellationToken cancellationToken = default)
    {
        var tenancies = db.Set<Tenancy>().AsNoTracking().UnderRegion(query.RegionCode);
        if (query.CarrierId is { } carrierId)
        {
            tenancies = tenancies.Where(t => t.CarrierId == carrierId);
        }
        var today = CarrierQueries.Today(db);
        if (query.CurrentOnly == true)
        {
            tenancies = tenancies.CurrentBetween(today, today);
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var errors = new FieldErrors();
            var kind = errors.Enum("kind", "入驻类型", query.Kind, TenancyKinds.Names);
            errors.ThrowIfAny();
            tenancies = tenancies.Where(t => t.Kind == kind);
        }
        var rows = await tenancies.ToListAsync(cancellationToken);
        var carrierIds = rows.Select(r => r.CarrierId).Distinct().ToList();
        var carriers = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Where(c => carrierIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var ids = rows.Select(r => r.OrganizationId!.Value).ToHashSet();
        var enterprises = await directory.FindManyAsync(ids, cancellationToken);
        var result = rows.Select(t =>
        {
            var enterprise = enterprises.GetValueOrDefault(t.OrganizationId!.Value);
            return new TenancyDto(t.Id, t.CarrierId, carriers.GetValueOrDefault(t.CarrierId, ""), t.OrganizationId!.Value,
                enterprise?.Name ?? "（已删除的企业）", enterprise?.CreditCode ?? "", Kebab.From(t.Kind), TenancyKinds.Names[t.Kind],
                t.EnteredOn, t.LeftOn, t.IsCurrentOn(today));
        });
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            result = result.Where(t => t.EnterpriseName.Contains(q, StringComparison.Ordinal) || t.CreditCode.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        return result.OrderBy(t => t.CarrierName, StringComparer.Ordinal).ThenByDescending(t => t.Current)
            .ThenBy(t => t.EnteredOn).ThenBy(t => t.EnterpriseName, StringComparer.Ordinal).ThenBy(t => t.Kind, StringComparer.Ordinal).ToList();
    }
}
