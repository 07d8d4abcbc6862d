using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record AchievementDto(Guid Id, string Title, Guid OwnerOrganizationId, string OwnerName, string Field, IReadOnlyList<string> Keywords,
    string Maturity, string MaturityName, string? LinkedIp, string Description, decimal? ExpectedPrice, string? ContactName, string? ContactPhone,
    string Status, string StatusName, DateTime CreatedAt);

public sealed record AchievementQuery(string? Field = null, Guid? OwnerOrganizationId = null, string? Status = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>The public list of achievements (withdrawn ones only for their owner and staff); the page, the API and the export share it.</summary>
public sealed class ListAchievementsHandler(KechuangDb db)
{
    /// <summary>Sortable columns; the price in fen (a long), which SQLite orders, unlike a decimal. Newest first by default.</summary>
    internal static readonly SortMap<Achievement> Sorts = new SortMap<Achievement>(a => a.Id, a => a.OrderByDescending(x => x.CreatedAt))
        .Add("title", a => a.Title)
        .Add("ownerName", a => a.OwnerName)
        .Add("field", a => a.Field)
        .Add("maturityName", a => a.Maturity)
        .Add("expectedPrice", a => a.ExpectedPriceFen)
        .Add("statusName", a => a.Status)
        .Add("createdAt", a => a.CreatedAt);

    public async Task<Paged<AchievementDto>> HandleAsync(AchievementQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<AchievementDto>(rows.Select(Achievements.ToDto).ToList(), total);
    }

    /// <summary>Every achievement of the filtered, sorted list, for the export.</summary>
    public async Task<List<AchievementDto>> AllAsync(AchievementQuery query, CancellationToken cancellationToken = default) =>
        (await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken)).Select(Achievements.ToDto).ToList();

    private IQueryable<Achievement> Filter(AchievementQuery query)
    {
        var rows = db.Set<Achievement>().AsNoTracking();
        // The public sees what is on the market; withdrawn listings stay visible to their owner and staff.
        if (!MarketAccess.IsStaff(db.User))
        {
            var own = db.User.OrganizationId;
            rows = rows.Where(a => a.Status != AchievementStatus.Withdrawn || a.OwnerOrganizationId == own);
        }
        if (query.List.Text is { } text)
        {
            // Chinese has no word spaces: each whitespace-separated term is matched as a substring of
            // the title, keywords, owner or description (all terms must match).
            foreach (var term in text.Split(' ', '　').Where(t => t.Length > 0))
            {
                rows = rows.Where(a => a.Title.Contains(term) || a.Keywords.Contains(term) || a.OwnerName.Contains(term) || a.Description.Contains(term));
            }
        }
        if (!string.IsNullOrWhiteSpace(query.Field))
        {
            var field = query.Field.Trim();
            rows = rows.Where(a => a.Field == field);
        }
        if (query.OwnerOrganizationId is { } owner)
        {
            rows = rows.Where(a => a.OwnerOrganizationId == owner);
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var errors = new FieldErrors();
            var status = errors.Enum("status", "状态", query.Status, AchievementRules.StatusNames);
            errors.ThrowIfAny();
            rows = rows.Where(a => a.Status == status);
        }
        return rows;
    }
}

public sealed class GetAchievementHandler(KechuangDb db)
{
    public async Task<AchievementDto> HandleAsync(Guid id, CancellationToken cancellationToken = default) =>
        Achievements.ToDto(await db.Set<Achievement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在"));
}

internal static class Achievements
{
    public static AchievementDto ToDto(Achievement a) => new(a.Id, a.Title, a.OwnerOrganizationId, a.OwnerName, a.Field, a.KeywordList,
        Kebab.From(a.Maturity), AchievementRules.MaturityNames[a.Maturity], a.LinkedIp, a.Description,
        a.ExpectedPriceFen is { } fen ? Money.ToYuan(fen) : null, a.ContactName, a.ContactPhone,
        Kebab.From(a.Status), AchievementRules.StatusNames[a.Status], a.CreatedAt);
}
