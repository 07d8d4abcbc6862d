using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record AuctionDto(Guid Id, string Title, string Organizer, string RegionCode, DateTime StartsAt, DateTime EndsAt, int SoftCloseSeconds,
    bool DepositRequired, decimal? Deposit, bool ResultsPublished, int LotCount, string Phase);

public sealed record LotSummaryDto(Guid Id, int Number, Guid AchievementId, string Title, string OwnerName, string Field, decimal StartingPrice, decimal Increment,
    decimal? ReservePrice, decimal? CurrentPrice, int Seq, string? Leader, DateTime EndsAt, string Status);

public sealed record AuctionDetailDto(AuctionDto Auction, IReadOnlyList<LotSummaryDto> Lots);

public sealed record AuctionQuery(int? Year = null, string? RegionCode = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>The public calendar of sessions; the page, the API and the export share it.</summary>
public sealed class ListAuctionsHandler(KechuangDb db)
{
    /// <summary>Sortable columns of the calendar; the latest session first by default.</summary>
    internal static readonly SortMap<Auction> Sorts = new SortMap<Auction>(a => a.Id, a => a.OrderByDescending(x => x.StartsAt))
        .Add("title", a => a.Title)
        .Add("organizer", a => a.Organizer)
        .Add("startsAt", a => a.StartsAt);

    public async Task<Paged<AuctionDto>> HandleAsync(AuctionQuery query, CancellationToken cancellationToken = default)
    {
        var rows = Filter(query);
        var total = await rows.CountAsync(cancellationToken);
        var auctions = await rows.ApplySort(Sorts, query.List).ApplyPaging(query.List).ToListAsync(cancellationToken);
        return new Paged<AuctionDto>(await DtosAsync(auctions, cancellationToken), total);
    }

    /// <summary>Every session of the filtered, sorted calendar, for the export.</summary>
    public async Task<List<AuctionDto>> AllAsync(AuctionQuery query, CancellationToken cancellationToken = default) =>
        await DtosAsync(await Filter(query).ApplySort(Sorts, query.List).ToListAsync(cancellationToken), cancellationToken);

    private IQueryable<Auction> Filter(AuctionQuery query)
    {
        ListFilters.CheckYear(query.Year);
        var rows = db.Set<Auction>().AsNoTracking();
        if (query.Year is { } year)
        {
            rows = rows.StartedBetween(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        }
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            var prefix = Platform.Access.DataScope.Prefix(query.RegionCode);
            rows = rows.Where(a => a.RegionCode.StartsWith(prefix));
        }
        if (query.List.Text is { } q)
        {
            rows = rows.Where(a => a.Title.Contains(q) || a.Organizer.Contains(q));
        }
        return rows;
    }

    private async Task<List<AuctionDto>> DtosAsync(List<Auction> auctions, CancellationToken cancellationToken)
    {
        var ids = auctions.Select(a => a.Id).ToList();
        var counts = await db.Set<Lot>().Where(l => ids.Contains(l.AuctionId)).GroupBy(l => l.AuctionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return auctions.Select(a => Auctions.ToDto(a, counts.GetValueOrDefault(a.Id), db.UtcNow)).ToList();
    }
}

/// <summary>A session's public page: the session and its lots as they stand now (the reserve price for staff only).</summary>
public sealed class GetAuctionHandler(KechuangDb db)
{
    public async Task<AuctionDetailDto> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var auction = await Auctions.FindAsync(db, id, cancellationToken, tracking: false);
        var now = db.UtcNow;
        var lots = await (from l in db.Set<Lot>().AsNoTracking()
                          join a in db.Set<Achievement>().AsNoTracking() on l.AchievementId equals a.Id
                          where l.AuctionId == id
                          orderby l.Number
                          select new { Lot = l, a.Title, a.OwnerName, a.Field }).ToListAsync(cancellationToken);
        var items = lots.Select(x => new LotSummaryDto(x.Lot.Id, x.Lot.Number, x.Lot.AchievementId, x.Title, x.OwnerName, x.Field,
            Money.ToYuan(x.Lot.StartingPriceFen), Money.ToYuan(x.Lot.IncrementFen), x.Lot.ReservePriceFen is { } r && MarketAccess.IsStaff(db.User) ? Money.ToYuan(r) : null,
            x.Lot.Seq > 0 ? Money.ToYuan(x.Lot.CurrentPriceFen) : null, x.Lot.Seq, MarketRules.MaskNumber(x.Lot.LeaderNumber), x.Lot.EndsAt,
            Kebab.From(MarketRules.EffectiveStatus(x.Lot.Status, x.Lot.Seq, x.Lot.CurrentPriceFen, x.Lot.ReservePriceFen, x.Lot.EndsAt, now)))).ToList();
        return new AuctionDetailDto(Auctions.ToDto(auction, items.Count, now), items);
    }
}

internal static class Auctions
{
    public static async Task<Auction> FindAsync(KechuangDb db, Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var rows = tracking ? db.Set<Auction>() : db.Set<Auction>().AsNoTracking();
        return await rows.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("拍卖会不存在");
    }

    public static AuctionDto ToDto(Auction a, int lotCount, DateTime now) => new(a.Id, a.Title, a.Organizer, a.RegionCode, a.StartsAt, a.EndsAt,
        a.SoftCloseSeconds, a.DepositRequired, a.DepositFen is { } d ? Money.ToYuan(d) : null, a.ResultsPublished, lotCount,
        a.ResultsPublished ? "results-published" : now < a.StartsAt ? "upcoming" : "bidding");
}
