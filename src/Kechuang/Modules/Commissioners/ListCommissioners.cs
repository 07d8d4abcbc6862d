using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kechuang.Modules.Commissioners;

/// <summary>A commissioner as lists and the API show it; <see cref="Serving"/> is whether today lies in the term.</summary>
public sealed record CommissionerDto(Guid Id, Guid PersonId, string PersonName, string Kind, string KindName, string Model, string Level, string LevelName,
    Guid? DispatchingUnitId, string? DispatchingUnitName, string RegionCode, string RegionName, string Industry,
    DateOnly TermStart, DateOnly TermEnd, DateOnly? AgreementSignedOn, bool Serving, DateTime CreatedAt)
{
    /// <summary>How a pick list names the dispatch: the person, the level and the town.</summary>
    public string Label => $"{PersonName}（{LevelName}·{RegionName}·{TermStart.Year}–{TermEnd.Year}）";
}

/// <summary>The commissioner list's filters; <paramref name="Year"/> keeps those whose term touches that year.</summary>
public sealed record CommissionerQuery(string? Kind = null, string? Level = null, string? RegionCode = null, int? Year = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

public sealed class ListCommissionersHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    internal static readonly SortMap<Commissioner> Sorts = new SortMap<Commissioner>(c => c.Id, c => c.OrderBy(x => x.RegionCode).ThenByDescending(x => x.TermStart))
        .Add("kindName", c => c.Kind)
        .Add("levelName", c => c.Level)
        .Add("regionName", c => c.RegionCode)
        .Add("industry", c => c.Industry)
        .Add("termStart", c => c.TermStart)
        .Add("termEnd", c => c.TermEnd);

    public async Task<Paged<CommissionerDto>> HandleAsync(CommissionerQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<CommissionerDto>(await CommissionerDtos.ManyAsync(db, directory, people, rows, cancellationToken), total);
    }

    public async Task<List<CommissionerDto>> AllAsync(CommissionerQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await (await FilterAsync(query, cancellationToken)).ApplySort(Sorts, query.List).ToListAsync(cancellationToken);
        return await CommissionerDtos.ManyAsync(db, directory, people, rows, cancellationToken);
    }

    private async Task<IQueryable<Commissioner>> FilterAsync(CommissionerQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<Commissioner>().AsNoTracking().UnderRegion(query.RegionCode);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(query.Kind) && errors.Enum("kind", "特派员类型", query.Kind, CommissionerRules.KindNames) is { } kind)
        {
            rows = rows.Where(c => c.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Level) && errors.Enum("level", "派遣层级", query.Level, CommissionerRules.LevelNames) is { } level)
        {
            rows = rows.Where(c => c.Level == level);
        }
        errors.ThrowIfAny();
        if (query.Year is { } year)
        {
            ListFilters.CheckYear(year);
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            rows = rows.Where(c => c.TermStart <= last && c.TermEnd >= first);
        }
        if (query.List.Text is { } q)
        {
            var persons = await people.SearchIdsAsync(q, cancellationToken);
            var units = await directory.SearchAsync(q, cancellationToken);
            rows = rows.Where(c => persons.Contains(c.PersonId) || c.Industry.Contains(q) || (c.DispatchingUnitId != null && units.Contains(c.DispatchingUnitId.Value)));
        }
        return rows;
    }
}

public sealed class GetCommissionerHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    public async Task<CommissionerDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<Commissioner>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技特派员不存在或不在您的数据范围内");
        return (await CommissionerDtos.ManyAsync(db, directory, people, [row], cancellationToken))[0];
    }
}

/// <summary>The forms' choices: commissioners of the caller's scope, people registered as commissioners, dispatching units.</summary>
public sealed record CommissionerOptions(IReadOnlyList<CommissionerDto> Commissioners, IReadOnlyList<PersonInfo> People, IReadOnlyList<OrganizationInfo> Units);

public sealed class ListCommissionerOptionsHandler(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people)
{
    public async Task<CommissionerOptions> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Commissioner>().AsNoTracking().OrderByDescending(c => c.TermStart).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var commissioners = (await CommissionerDtos.ManyAsync(db, directory, people, rows, cancellationToken)).OrderBy(c => c.PersonName, StringComparer.Ordinal).ToList();
        // Dispatching units are universities and institutes of any region: the directory shares those with every account.
        var units = (await directory.ListAsync(null, cancellationToken)).Where(o => o.Kind != OrganizationKind.Enterprise).ToList();
        return new CommissionerOptions(commissioners, await people.ListCommissionersAsync(cancellationToken), units);
    }
}

/// <summary>The commissioner's annual scorecard, computed from the year's service records under the configured scheme.</summary>
public sealed class GetScorecardHandler(KechuangDb db, IOptions<ScorecardScheme> scheme)
{
    public async Task<ScorecardDto> HandleAsync(Guid id, int year, CancellationToken cancellationToken = default)
    {
        ListFilters.CheckYear(year);
        if (!await db.Set<Commissioner>().AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("科技特派员不存在或不在您的数据范围内");
        }
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var rows = await db.Set<ServiceRecord>().AsNoTracking().Where(s => s.CommissionerId == id && s.ServedOn >= from && s.ServedOn < to)
            .Select(s => new { s.Kind, s.Trainees, s.AreaMu }).ToListAsync(cancellationToken);
        var totals = new ServiceTotals(
            rows.Count(r => r.Kind == ServiceKind.Training),
            rows.Where(r => r.Kind == ServiceKind.Training).Sum(r => r.Trainees ?? 0),
            rows.Count(r => r.Kind == ServiceKind.VarietyIntroduction),
            rows.Where(r => r.Kind == ServiceKind.PromotedArea).Sum(r => r.AreaMu ?? 0m),
            rows.Count(r => r.Kind == ServiceKind.Visit),
            rows.Count(r => r.Kind == ServiceKind.TechnicalAssistance));
        return ScorecardRules.Compute(year, totals, scheme.Value);
    }
}

internal static class CommissionerDtos
{
    public static async Task<List<CommissionerDto>> ManyAsync(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people,
        IReadOnlyList<Commissioner> rows, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        var persons = await people.NamesAnywhereAsync(rows.Select(r => r.PersonId), cancellationToken);
        var units = await directory.NamesAnywhereAsync(rows.Where(r => r.DispatchingUnitId is not null).Select(r => r.DispatchingUnitId!.Value), cancellationToken);
        var today = db.Today();
        return rows.Select(c => new CommissionerDto(c.Id, c.PersonId, persons.GetValueOrDefault(c.PersonId, "（未知人员）"),
            Kebab.From(c.Kind), CommissionerRules.KindNames[c.Kind], CommissionerRules.ModelNames[c.Kind],
            Kebab.From(c.Level), CommissionerRules.LevelNames[c.Level],
            c.DispatchingUnitId, c.DispatchingUnitId is { } u ? units.GetValueOrDefault(u) : null,
            c.RegionCode, regions.GetValueOrDefault(c.RegionCode, c.RegionCode), c.Industry,
            c.TermStart, c.TermEnd, c.AgreementSignedOn, c.Serves(today), c.CreatedAt)).ToList();
    }

    /// <summary>Commissioners by id (in the caller's scope) for naming them beside their projects, needs and services.</summary>
    public static async Task<Dictionary<Guid, CommissionerDto>> ByIdAsync(KechuangDb db, IOrganizationDirectory directory, IPersonDirectory people,
        IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Set<Commissioner>().IgnoreQueryFilters().AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        return (await ManyAsync(db, directory, people, rows, cancellationToken)).ToDictionary(c => c.Id);
    }
}
