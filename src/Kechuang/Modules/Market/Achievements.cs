using Kechuang.Modules.Directory.Public;
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

/// <summary>Lists, reads, creates and edits achievements (public reads; staff or the owner write).</summary>
public sealed class AchievementsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public async Task<Guid> CreateAsync(AchievementInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var valid = AchievementRules.Validate(input, errors);
        errors.ThrowIfAny();
        MarketAccess.EnsureMayCreateAchievement(db.User, valid!.OwnerOrganizationId);
        var owner = await OwnerAsync(valid.OwnerOrganizationId, cancellationToken);
        var achievement = new Achievement(owner.Id, owner.Name, owner.RegionCode, MarketAccess.ListingRegion(db.User, owner.RegionCode), db.UtcNow);
        achievement.Update(valid, db.UtcNow);
        db.Add(achievement);
        await db.SaveChangesAsync(cancellationToken);
        return achievement.Id;
    }

    public async Task UpdateAsync(Guid id, AchievementInput input, CancellationToken cancellationToken = default)
    {
        var achievement = await db.Set<Achievement>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在");
        MarketAccess.EnsureMayEditAchievement(db.User, achievement);
        var errors = new FieldErrors();
        var valid = AchievementRules.Validate(input with { OwnerOrganizationId = achievement.OwnerOrganizationId }, errors);
        errors.ThrowIfAny();
        achievement.Update(valid!, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the caller may edit the achievement (pages show or hide the edit link with it).</summary>
    public async Task<bool> MayEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var achievement = await db.Set<Achievement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在");
        return db.User.IsSignedIn && MarketAccess.MayEditAchievement(db.User, achievement);
    }

    public async Task WithdrawAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var achievement = await db.Set<Achievement>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在");
        MarketAccess.EnsureMayEditAchievement(db.User, achievement);
        if (achievement.Status is AchievementStatus.InAuction or AchievementStatus.Sold)
        {
            throw new RuleException("market.achievement-in-auction", "拍卖中或已成交的成果不能撤回");
        }
        achievement.Withdraw();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sortable columns; the price in fen (a long), which SQLite orders, unlike a decimal. Newest first by default.</summary>
    internal static readonly SortMap<Achievement> Sorts = new SortMap<Achievement>(a => a.Id, a => a.OrderByDescending(x => x.CreatedAt))
        .Add("title", a => a.Title)
        .Add("ownerName", a => a.OwnerName)
        .Add("field", a => a.Field)
        .Add("maturityName", a => a.Maturity)
        .Add("expectedPrice", a => a.ExpectedPriceFen)
        .Add("statusName", a => a.Status)
        .Add("createdAt", a => a.CreatedAt);

    public async Task<Paged<AchievementDto>> ListAsync(AchievementQuery query, CancellationToken cancellationToken = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<AchievementDto>(rows.Select(ToDto).ToList(), total);
    }

    /// <summary>Every achievement of the filtered, sorted list, for the export.</summary>
    public async Task<List<AchievementDto>> AllAsync(AchievementQuery query, CancellationToken cancellationToken = default) =>
        (await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<AchievementDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        ToDto(await db.Set<Achievement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("科技成果不存在"));

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

    private async Task<OrganizationInfo> OwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = await directory.FindAsync(id, cancellationToken);
        if (owner is null || owner.Kind is not (OrganizationKind.Institution or OrganizationKind.Enterprise))
        {
            throw InputException.For("ownerOrganizationId", "成果所有单位须为名录中的高校院所或企业");
        }
        return owner;
    }

    internal static AchievementDto ToDto(Achievement a) => new(a.Id, a.Title, a.OwnerOrganizationId, a.OwnerName, a.Field, a.KeywordList,
        Kebab.From(a.Maturity), AchievementRules.MaturityNames[a.Maturity], a.LinkedIp, a.Description,
        a.ExpectedPriceFen is { } fen ? Money.ToYuan(fen) : null, a.ContactName, a.ContactPhone,
        Kebab.From(a.Status), AchievementRules.StatusNames[a.Status], a.CreatedAt);
}
