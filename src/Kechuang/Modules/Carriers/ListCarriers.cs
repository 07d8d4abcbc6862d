using Kechuang.Modules.Carriers.Public;
using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// The carrier list's filters; <paramref name="At"/> is the day tenants are counted on (today when not given);
/// <paramref name="OpenedYear"/> keeps carriers opened (handed over) in that year.
/// </summary>
public sealed record CarrierQuery(string? Kind = null, string? Status = null, string? RegionCode = null, Guid? ParentId = null, ListQuery? List = null,
    DateOnly? At = null, int? OpenedYear = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Lists carriers within the caller's data scope, each with its tenants counted today; the page and the API share it.</summary>
public sealed class ListCarriersHandler(KechuangDb db, IOrganizationDirectory directory)
{
    /// <summary>Sortable columns; not the area, a decimal that SQLite cannot order.</summary>
    internal static readonly SortMap<Carrier> Sorts = new SortMap<Carrier>(c => c.Id, c => c.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", c => c.Name)
        .Add("kindName", c => c.Kind)
        .Add("levelName", c => c.Level)
        .Add("regionName", c => c.RegionCode)
        .Add("openedOn", c => c.OpenedOn)
        .Add("statusName", c => c.Status);

    public async Task<Paged<CarrierDto>> HandleAsync(CarrierQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<CarrierDto>(await CarrierDtos.ManyAsync(db, directory, rows, CarrierQueries.CountDay(db, query.At), cancellationToken), total);
    }

    /// <summary>Every carrier of the filtered, sorted list, for the export.</summary>
    public async Task<List<CarrierDto>> AllAsync(CarrierQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        return await CarrierDtos.ManyAsync(db, directory, rows, CarrierQueries.CountDay(db, query.At), cancellationToken);
    }

    private async Task<IQueryable<Carrier>> FilterAsync(CarrierQuery query, CancellationToken cancellationToken)
    {
        var carriers = db.Set<Carrier>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            // "parks" selects every park kind (科技园区, 小微园区, 农业科技园区).
            if (string.Equals(query.Kind.Trim(), "parks", StringComparison.OrdinalIgnoreCase))
            {
                carriers = carriers.Where(c => CarrierKinds.Parks.Contains(c.Kind));
            }
            else if (errors.Enum("kind", "载体类型", query.Kind, CarrierKinds.Names) is { } kind)
            {
                carriers = carriers.Where(c => c.Kind == kind);
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Status) && errors.Enum("status", "运营状态", query.Status, CarrierRules.StatusNames) is { } status)
        {
            carriers = carriers.Where(c => c.Status == status);
        }
        errors.ThrowIfAny();
        if (query.OpenedYear is { } year)
        {
            ListFilters.CheckYear(year, "openedYear");
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            carriers = carriers.Where(c => c.OpenedOn >= from && c.OpenedOn < to);
        }
        if (query.ParentId is { } parent)
        {
            carriers = carriers.Where(c => c.ParentId == parent);
        }
        if (query.List.Text is { } q)
        {
            // The operator is found by the directory's search too: its name, credit code or pinyin initials.
            var operators = await directory.SearchAsync(q, cancellationToken);
            carriers = carriers.Where(c => c.Name.Contains(q) || (c.Address != null && c.Address.Contains(q))
                || (c.OperatorId != null && operators.Contains(c.OperatorId.Value)));
        }
        return carriers;
    }
}

public sealed class GetCarrierHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public Task<CarrierDto> HandleAsync(Guid id, CancellationToken cancellationToken = default) => HandleAsync(id, null, cancellationToken);

    /// <summary>The carrier with its tenants counted on <paramref name="at"/> (today when not given).</summary>
    public async Task<CarrierDto> HandleAsync(Guid id, DateOnly? at, CancellationToken cancellationToken = default)
    {
        var day = CarrierQueries.CountDay(db, at);
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("载体不存在或不在您的数据范围内");
        return (await CarrierDtos.ManyAsync(db, directory, [carrier], day, cancellationToken))[0];
    }
}

/// <summary>Distinct enterprises registered and resident today in the carrier and every carrier inside it (a park with its buildings and spaces).</summary>
public sealed class CountTenantsHandler(KechuangDb db)
{
    public Task<TenantCounts> HandleAsync(Guid id, CancellationToken cancellationToken = default) => HandleAsync(id, null, cancellationToken);

    /// <summary>The same on <paramref name="at"/> (today when not given).</summary>
    public async Task<TenantCounts> HandleAsync(Guid id, DateOnly? at, CancellationToken cancellationToken = default)
    {
        var today = CarrierQueries.CountDay(db, at);
        var parents = await db.Set<Carrier>().AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken);
        var children = parents.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);
        var within = new HashSet<Guid> { id };
        var queue = new Queue<Guid>([id]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var child in children[current].Where(within.Add))
            {
                queue.Enqueue(child);
            }
        }
        var ids = within.ToList();
        var rows = await db.Set<Tenancy>().AsNoTracking().Where(t => ids.Contains(t.CarrierId)).CurrentBetween(today, today)
            .Select(t => new { t.Kind, t.OrganizationId }).Distinct().ToListAsync(cancellationToken);
        return new TenantCounts(rows.Count(r => r.Kind == TenancyKind.Registered), rows.Count(r => r.Kind == TenancyKind.Resident));
    }
}

/// <summary>The carrier form's choices: parent carriers and operators within the caller's scope.</summary>
public sealed record CarrierOptions(IReadOnlyList<(Guid Id, string Name, string KindName)> Parents, IReadOnlyList<OrganizationInfo> Operators);

public sealed class ListCarrierOptionsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<CarrierOptions> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Carrier>().AsNoTracking().OrderBy(c => c.RegionCode).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Kind }).ToListAsync(cancellationToken);
        return new CarrierOptions(rows.Select(r => (r.Id, r.Name, CarrierKinds.Names[r.Kind])).ToList(), await directory.ListAsync(null, cancellationToken));
    }
}

internal static class CarrierDtos
{
    public static async Task<List<CarrierDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<Carrier> rows, DateOnly day,
        CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var parentIds = rows.Where(r => r.ParentId is not null).Select(r => r.ParentId!.Value).Distinct().ToList();
        var names = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Where(c => parentIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        // A parent outside the caller's scope is named (names of carriers are public), never listed.
        foreach (var (id, name) in await directory.NamesAnywhereAsync(rows.Where(r => r.OperatorId is not null).Select(r => r.OperatorId!.Value), cancellationToken))
        {
            names[id] = name;
        }
        var counts = await CarrierQueries.CountsAsync(db, rows.Select(r => r.Id).ToList(), day, cancellationToken);
        var occupancy = await UnitOccupancy.RatesAsync(db, rows, counts, day, cancellationToken);
        return rows.Select(r => CarrierDto.From(r, regions, names, counts, occupancy, day)).ToList();
    }
}
