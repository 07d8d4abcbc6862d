using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Commissioners;

/// <summary>A service record as lists show it; the confirmation code is shown to whoever may see the record (the commissioner hands it over).</summary>
public sealed record ServiceDto(Guid Id, Guid CommissionerId, string CommissionerName, string RegionCode, string RegionName, string Kind, string KindName,
    DateOnly ServedOn, string? Place, string? Topic, int? Trainees, string? SignInNote, string? VarietyName, string? Crop, string? Source, decimal? AreaMu,
    string? Campaign, string? CampaignName, string? ServedName, string? ConfirmationCode, DateTime? ConfirmedAt, string? ConfirmedBy)
{
    /// <summary>One line saying what was done, as the lists and the detail page show it.</summary>
    public string Summary => Kind switch
    {
        "training" => $"{Topic}（{Place}，{Trainees} 人次）",
        "variety-introduction" => $"{VarietyName}（{Crop}{(Source is null ? "" : "，来源：" + Source)}）",
        "promoted-area" => $"{VarietyName} {AreaMu:0.##} 亩{(Place is null ? "" : "（" + Place + "）")}",
        "visit" => $"{CampaignName}：{ServedName}{(Topic is null ? "" : "，" + Topic)}",
        _ => $"{ServedName}：{Topic}",
    };

    public bool Confirmed => ConfirmedAt is not null;
}

public sealed record ServiceQuery(string? Kind = null, Guid? CommissionerId = null, string? RegionCode = null, DateOnly? From = null, DateOnly? To = null,
    bool? Confirmed = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed record ConfirmInput(string? Code);

/// <summary>Records a service a commissioner gave; a visit or technical help gets a confirmation code for the person served.</summary>
public sealed class CreateServiceHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(ServiceInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.RecordServices);
        var (facts, commissioner) = await ServiceChecks.ValidateAsync(db, input, cancellationToken);
        var code = facts.Kind is ServiceKind.Visit or ServiceKind.TechnicalAssistance ? await ServiceChecks.NewCodeAsync(db, cancellationToken) : null;
        var record = new ServiceRecord(facts, commissioner.RegionCode, code, db.UtcNow);
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }
}

/// <summary>Corrects a service record; its kind stays (a visit's code was handed over already).</summary>
public sealed class UpdateServiceHandler(KechuangDb db)
{
    public async Task HandleAsync(Guid id, ServiceInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.RecordServices);
        var record = await db.Set<ServiceRecord>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("服务记录不存在或不在您的数据范围内");
        var (facts, commissioner) = await ServiceChecks.ValidateAsync(db, input, cancellationToken);
        if (facts.Kind != record.Kind)
        {
            throw new RuleException("commissioners.service-kind-fixed", "服务记录的类型不能修改，请删除后重新登记");
        }
        if (record.ConfirmedAt is not null && (facts.ServedOn != record.ServedOn || facts.ServedName != record.ServedName || facts.CommissionerId != record.CommissionerId))
        {
            throw new RuleException("commissioners.service-confirmed", "服务对象已确认该记录，不能再修改特派员、日期和服务对象");
        }
        record.Update(facts, commissioner.RegionCode, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// The served farmer's or enterprise's confirmation: the code they were given marks the visit or help confirmed. A code
/// that matches no record of the caller's scope, or one used before, is refused with a stable code.
/// </summary>
public sealed class ConfirmServiceHandler(KechuangDb db)
{
    public async Task<Guid> HandleAsync(ConfirmInput input, CancellationToken cancellationToken = default)
    {
        db.User.Demand(CommissionersPermissions.ConfirmServices);
        var code = ServiceRules.NormalizeCode(input.Code);
        if (code.Length == 0)
        {
            throw InputException.For("code", "请填写确认码");
        }
        if (code.Length != ServiceRules.CodeLength || code.Any(c => !ServiceRules.CodeAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            throw InputException.For("code", $"确认码应为{ServiceRules.CodeLength}位字母或数字");
        }
        var record = await db.Set<ServiceRecord>().FirstOrDefaultAsync(s => s.ConfirmationCode == code, cancellationToken)
            ?? throw new RuleException("commissioners.code-unknown", "确认码不正确，请核对后重新输入");
        if (record.ConfirmedAt is not null)
        {
            throw new RuleException("commissioners.code-used", "该确认码已使用过，服务记录已确认");
        }
        record.Confirm(db.User.DisplayName, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }
}

internal static class ServiceChecks
{
    public static async Task<(ServiceFacts Facts, Commissioner Commissioner)> ValidateAsync(KechuangDb db, ServiceInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var facts = ServiceRules.Validate(input, db.Today(), errors);
        Commissioner? commissioner = null;
        if (input.CommissionerId is { } id)
        {
            commissioner = await db.Set<Commissioner>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (commissioner is null)
            {
                errors.Add("commissionerId", "科技特派员不存在或不在您的数据范围内");
            }
        }
        errors.ThrowIfAny();
        Check(facts!, commissioner!);
        return (facts!, commissioner!);
    }

    /// <summary>A service counts for a dispatch only on a day of its term.</summary>
    public static void Check(ServiceFacts facts, Commissioner commissioner)
    {
        if (!commissioner.Serves(facts.ServedOn))
        {
            throw new RuleException("commissioners.service-outside-term",
                $"服务日期{facts.ServedOn:yyyy-MM-dd}不在该特派员的派驻期（{commissioner.TermStart:yyyy-MM-dd}至{commissioner.TermEnd:yyyy-MM-dd}）内");
        }
    }

    public static async Task<string> NewCodeAsync(KechuangDb db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = ServiceRules.NewCode();
            var pending = db.ChangeTracker.Entries<ServiceRecord>().Any(e => e.Entity.ConfirmationCode == code);
            if (!pending && !await db.Set<ServiceRecord>().IgnoreQueryFilters().AnyAsync(s => s.ConfirmationCode == code, cancellationToken))
            {
                return code;
            }
        }
    }
}

public sealed class ListServicesHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    internal static readonly SortMap<ServiceRecord> Sorts = new SortMap<ServiceRecord>(s => s.Id, s => s.OrderByDescending(x => x.ServedOn))
        .Add("servedOn", s => s.ServedOn)
        .Add("kindName", s => s.Kind)
        .Add("regionName", s => s.RegionCode);

    public async Task<Paged<ServiceDto>> HandleAsync(ServiceQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<ServiceDto>(await ToDtosAsync(rows, cancellationToken), total);
    }

    public async Task<List<ServiceDto>> AllAsync(ServiceQuery query, CancellationToken cancellationToken = default) =>
        await ToDtosAsync(await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IQueryable<ServiceRecord>> FilterAsync(ServiceQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<ServiceRecord>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(query.Kind) && errors.Enum("kind", "服务类型", query.Kind, ServiceRules.KindNames) is { } kind)
        {
            rows = rows.Where(s => s.Kind == kind);
        }
        errors.ThrowIfAny();
        if (query.CommissionerId is { } commissioner)
        {
            rows = rows.Where(s => s.CommissionerId == commissioner);
        }
        if (query.From is { } from)
        {
            rows = rows.Where(s => s.ServedOn >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(s => s.ServedOn <= to);
        }
        if (query.Confirmed is { } confirmed)
        {
            rows = confirmed ? rows.Where(s => s.ConfirmedAt != null) : rows.Where(s => s.ConfirmedAt == null);
        }
        if (query.List.Text is { } q)
        {
            var persons = await people.SearchIdsAsync(q, cancellationToken);
            var ids = await db.Set<Commissioner>().AsNoTracking().Where(c => persons.Contains(c.PersonId)).Select(c => c.Id).ToListAsync(cancellationToken);
            rows = rows.Where(s => (s.Topic != null && s.Topic.Contains(q)) || (s.VarietyName != null && s.VarietyName.Contains(q))
                || (s.ServedName != null && s.ServedName.Contains(q)) || (s.Place != null && s.Place.Contains(q)) || ids.Contains(s.CommissionerId));
        }
        return rows;
    }

    internal async Task<List<ServiceDto>> ToDtosAsync(IReadOnlyList<ServiceRecord> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var commissioners = await CommissionerDtos.ByIdAsync(db, directory, people, rows.Select(r => r.CommissionerId), cancellationToken);
        return rows.Select(s => new ServiceDto(s.Id, s.CommissionerId, commissioners.TryGetValue(s.CommissionerId, out var c) ? c.PersonName : "",
            s.RegionCode, regions.GetValueOrDefault(s.RegionCode, s.RegionCode), Kebab.From(s.Kind), ServiceRules.KindNames[s.Kind], s.ServedOn,
            s.Place, s.Topic, s.Trainees, s.SignInNote, s.VarietyName, s.Crop, s.Source, s.AreaMu,
            s.Campaign is { } k ? Kebab.From(k) : null, s.Campaign is { } n ? ServiceRules.CampaignNames[n] : null, s.ServedName,
            s.ConfirmationCode, s.ConfirmedAt, s.ConfirmedBy)).ToList();
    }
}

public sealed class GetServiceHandler(KechuangDb db, ListServicesHandler list)
{
    public async Task<ServiceDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<ServiceRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("服务记录不存在或不在您的数据范围内");
        return (await list.ToDtosAsync([row], cancellationToken))[0];
    }
}
