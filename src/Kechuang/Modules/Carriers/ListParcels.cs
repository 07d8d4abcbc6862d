using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Carriers;

/// <summary>
/// The parcel list's filters: a region and its towns, a park, and an approval step — recorded, or with
/// <paramref name="Year"/> completed in that year (the records counted by <c>carriers.land-supplied-area</c>).
/// </summary>
public sealed record ParcelQuery(string? RegionCode = null, Guid? CarrierId = null, string? Step = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>One approval step as lists and the API show it.</summary>
public sealed record ParcelStepDto(Guid Id, string Kind, string KindName, DateOnly? SubmittedOn, DateOnly? CompletedOn, string? Note, string StateName);

/// <summary>A parcel with its area in ㎡ (six decimals kept) and in 亩, and its approval steps in their usual order.</summary>
public sealed record ParcelDto(Guid Id, string Name, string RegionCode, string RegionName, Guid? CarrierId, string? CarrierName, string? Location,
    decimal AreaSquareMetres, decimal AreaMu, string Use, string UseName, string? PlannedProject, IReadOnlyList<ParcelStepDto> Steps, DateTime CreatedAt)
{
    /// <summary>控规调整：2023-05-10 报批；供地：2023-12-15 完成 — the steps on one line, for the export.</summary>
    public string StepsText => string.Join("；", Steps.Select(s => $"{s.KindName}：{s.StateName}"));
}

/// <summary>Parcels within the caller's data scope; the page, the API and the export share it.</summary>
public sealed class ListParcelsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    /// <summary>Sortable columns; not the area, a decimal that SQLite cannot order.</summary>
    internal static readonly SortMap<LandParcel> Sorts = new SortMap<LandParcel>(p => p.Id, p => p.OrderBy(x => x.RegionCode).ThenBy(x => x.Name))
        .Add("name", p => p.Name)
        .Add("useName", p => p.Use)
        .Add("regionName", p => p.RegionCode)
        .Add("createdAt", p => p.CreatedAt);

    public async Task<Paged<ParcelDto>> HandleAsync(ParcelQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<ParcelDto>(await ParcelDtos.ManyAsync(db, directory, rows, cancellationToken), total);
    }

    /// <summary>Every parcel of the filtered, sorted list, for the export.</summary>
    public async Task<List<ParcelDto>> AllAsync(ParcelQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        return await ParcelDtos.ManyAsync(db, directory, rows, cancellationToken);
    }

    private IQueryable<LandParcel> Filter(ParcelQuery query)
    {
        var parcels = db.Set<LandParcel>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        var step = string.IsNullOrWhiteSpace(query.Step) ? null : errors.Enum("step", "审批环节", query.Step, ParcelRules.StepNames);
        if (query.Year is { } year)
        {
            if (year is < 1990 or > 2100)
            {
                errors.Add("year", "年度须在1990至2100之间");
            }
            else if (string.IsNullOrWhiteSpace(query.Step))
            {
                errors.Add("year", "按年度筛选时请同时选择审批环节（该环节在当年完成）");
            }
        }
        errors.ThrowIfAny();
        if (step is { } kind)
        {
            var steps = db.Set<ParcelStep>().Where(s => s.Kind == kind);
            if (query.Year is { } y)
            {
                var from = new DateOnly(y, 1, 1);
                var to = new DateOnly(y + 1, 1, 1);
                steps = steps.Where(s => s.CompletedOn >= from && s.CompletedOn < to);
            }
            parcels = parcels.Where(p => steps.Any(s => s.ParcelId == p.Id));
        }
        if (query.CarrierId is { } carrier)
        {
            parcels = parcels.Where(p => p.CarrierId == carrier);
        }
        if (query.List.Text is { } q)
        {
            parcels = parcels.Where(p => p.Name.Contains(q) || (p.Location != null && p.Location.Contains(q)) || (p.PlannedProject != null && p.PlannedProject.Contains(q)));
        }
        return parcels;
    }
}

public sealed class GetParcelHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<ParcelDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var parcel = await db.Set<LandParcel>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("地块不存在或不在您的数据范围内");
        return (await ParcelDtos.ManyAsync(db, directory, [parcel], cancellationToken))[0];
    }
}

internal static class ParcelDtos
{
    public static async Task<List<ParcelDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IReadOnlyList<LandParcel> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var steps = (await db.Set<ParcelStep>().AsNoTracking().Where(s => ids.Contains(s.ParcelId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.ParcelId);
        var carrierIds = rows.Where(r => r.CarrierId is not null).Select(r => r.CarrierId!.Value).Distinct().ToList();
        var carriers = await db.Set<Carrier>().IgnoreQueryFilters().AsNoTracking().Where(c => carrierIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return rows.Select(p => new ParcelDto(p.Id, p.Name, p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode),
            p.CarrierId, p.CarrierId is { } c ? carriers.GetValueOrDefault(c) : null, p.Location,
            p.AreaSquareMetres, LandArea.ToMu(p.AreaSquareMetres), Kebab.From(p.Use), ParcelRules.UseNames[p.Use], p.PlannedProject,
            steps[p.Id].OrderBy(s => s.Kind).Select(Step).ToList(), p.CreatedAt)).ToList();
    }

    private static ParcelStepDto Step(ParcelStep s) => new(s.Id, Kebab.From(s.Kind), ParcelRules.StepNames[s.Kind], s.SubmittedOn, s.CompletedOn, s.Note,
        s.CompletedOn is { } done ? $"{done:yyyy-MM-dd} 完成" : $"{s.SubmittedOn:yyyy-MM-dd} 报批");
}
