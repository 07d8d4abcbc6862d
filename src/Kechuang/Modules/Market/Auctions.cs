using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Market;

public sealed record AuctionInput(string? Title, string? Organizer, string? RegionCode, DateTime? StartsAt, DateTime? EndsAt, int? SoftCloseSeconds, bool? DepositRequired, decimal? Deposit);

public sealed record LotInput(Guid? AchievementId, decimal? StartingPrice, decimal? Increment, decimal? ReservePrice, DateTime? EndsAt, string? ContractType);

public sealed record BidderInput(Guid? OrganizationId, bool? DepositPaid);

public sealed record AuctionDto(Guid Id, string Title, string Organizer, string RegionCode, DateTime StartsAt, DateTime EndsAt, int SoftCloseSeconds,
    bool DepositRequired, decimal? Deposit, bool ResultsPublished, int LotCount, string Phase);

public sealed record LotSummaryDto(Guid Id, int Number, Guid AchievementId, string Title, string OwnerName, string Field, decimal StartingPrice, decimal Increment,
    decimal? ReservePrice, decimal? CurrentPrice, int Seq, string? Leader, DateTime EndsAt, string Status);

public sealed record AuctionDetailDto(AuctionDto Auction, IReadOnlyList<LotSummaryDto> Lots);

public sealed record BidderDto(Guid Id, Guid OrganizationId, string OrganizationName, string Number, bool DepositPaid, DateTime? DepositConfirmedAt, string? DepositConfirmedBy);

public sealed record AuctionQuery(int? Year = null, string? RegionCode = null, ListQuery? List = null)
{
    public ListQuery List { get; init; } = List ?? new ListQuery();
}

/// <summary>Prepares sessions (staff of the session's region) and answers the public calendar and session pages.</summary>
public sealed class AuctionsHandler(KechuangDb db, IOrganizationDirectory directory)
{
    public static readonly IReadOnlyDictionary<string, string> ContractTypes = new Dictionary<string, string>
    {
        ["transfer"] = "技术转让",
        ["license"] = "技术许可",
    };

    public async Task<Guid> CreateAsync(AuctionInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var title = errors.Text("title", "拍卖会名称", input.Title, 200);
        var organizer = errors.Text("organizer", "主办单位", input.Organizer, 100, required: false);
        var region = errors.Text("regionCode", "行政区划", input.RegionCode, 12);
        if (input.StartsAt is null)
        {
            errors.Add("startsAt", "请填写竞价开始时间");
        }
        if (input.EndsAt is null)
        {
            errors.Add("endsAt", "请填写竞价结束时间");
        }
        else if (input.StartsAt is { } s && input.EndsAt <= s)
        {
            errors.Add("endsAt", "竞价结束时间须晚于开始时间");
        }
        var softClose = input.SoftCloseSeconds ?? Auction.DefaultSoftCloseSeconds;
        if (softClose is < 0 or > 3600)
        {
            errors.Add("softCloseSeconds", "延时周期须在0到3600秒之间");
        }
        long? deposit = null;
        if (input.Deposit is { } d)
        {
            if (d < 0 || !Money.HasAtMostTwoDecimals(d))
            {
                errors.Add("deposit", "保证金须为非负金额（元），最多两位小数");
            }
            else
            {
                deposit = Money.ToFen(d);
            }
        }
        errors.ThrowIfAny();
        MarketAccess.EnsureStaffFor(db.User, region);
        var auction = new Auction(title, organizer.Length == 0 ? "科学技术局" : organizer, region, Utc(input.StartsAt!.Value), Utc(input.EndsAt!.Value),
            softClose, input.DepositRequired ?? true, deposit, db.UtcNow);
        db.Add(auction);
        await db.SaveChangesAsync(cancellationToken);
        return auction.Id;
    }

    public async Task<Guid> AddLotAsync(Guid auctionId, LotInput input, CancellationToken cancellationToken = default)
    {
        var auction = await FindAsync(auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        var errors = new FieldErrors();
        if (input.AchievementId is null)
        {
            errors.Add("achievementId", "请选择科技成果");
        }
        var start = Amount(errors, "startingPrice", "起拍价", input.StartingPrice, required: true);
        var increment = Amount(errors, "increment", "加价幅度", input.Increment, required: true);
        var reserve = Amount(errors, "reservePrice", "保留价", input.ReservePrice, required: false);
        if (reserve is { } r && start is { } st && r < st)
        {
            errors.Add("reservePrice", "保留价不得低于起拍价");
        }
        var endsAt = input.EndsAt is { } e ? Utc(e) : auction.EndsAt;
        if (endsAt <= auction.StartsAt)
        {
            errors.Add("endsAt", "标的结束时间须晚于拍卖会开始时间");
        }
        var contractType = string.IsNullOrWhiteSpace(input.ContractType) ? "transfer" : input.ContractType.Trim().ToLowerInvariant();
        if (!ContractTypes.ContainsKey(contractType))
        {
            errors.Add("contractType", "成交后合同类型可选：transfer（技术转让）、license（技术许可）");
        }
        errors.ThrowIfAny();
        var achievement = await db.Set<Achievement>().FirstOrDefaultAsync(a => a.Id == input.AchievementId, cancellationToken)
            ?? throw InputException.For("achievementId", "科技成果不存在");
        if (achievement.Status != AchievementStatus.Listed)
        {
            throw new RuleException("market.achievement-not-listed", "只有挂牌中的科技成果可以上拍");
        }
        if (db.UtcNow >= auction.StartsAt)
        {
            throw new RuleException("auction.already-started", "拍卖会已开始竞价，不能再增加标的");
        }
        var number = await db.Set<Lot>().Where(l => l.AuctionId == auctionId).Select(l => (int?)l.Number).MaxAsync(cancellationToken) ?? 0;
        var lot = new Lot(auctionId, number + 1, achievement.Id, start!.Value, increment!.Value, reserve, endsAt, contractType);
        achievement.PutUpForAuction();
        db.Add(lot);
        await db.SaveChangesAsync(cancellationToken);
        return lot.Id;
    }

    public async Task<Guid> RegisterBidderAsync(Guid auctionId, BidderInput input, CancellationToken cancellationToken = default)
    {
        var auction = await FindAsync(auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        if (input.OrganizationId is not { } organizationId)
        {
            throw InputException.For("organizationId", "请选择竞买企业");
        }
        var organization = await directory.FindAsync(organizationId, cancellationToken);
        if (organization is null || organization.Kind != OrganizationKind.Enterprise)
        {
            throw InputException.For("organizationId", "竞买人须为名录中的企业");
        }
        if (await db.Set<Bidder>().AnyAsync(b => b.AuctionId == auctionId && b.OrganizationId == organizationId, cancellationToken))
        {
            throw new RuleException("auction.bidder-registered", "该企业已登记为本场竞买人");
        }
        var taken = await db.Set<Bidder>().Where(b => b.AuctionId == auctionId).Select(b => b.Number).ToListAsync(cancellationToken);
        var bidder = new Bidder(auctionId, organizationId, organization.Name, NewNumber(taken), db.UtcNow);
        if (input.DepositPaid == true)
        {
            bidder.ConfirmDeposit(db.User.UserName, db.UtcNow);
        }
        db.Add(bidder);
        await db.SaveChangesAsync(cancellationToken);
        return bidder.Id;
    }

    public async Task ConfirmDepositAsync(Guid auctionId, Guid bidderId, CancellationToken cancellationToken = default)
    {
        var auction = await FindAsync(auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        var bidder = await db.Set<Bidder>().FirstOrDefaultAsync(b => b.Id == bidderId && b.AuctionId == auctionId, cancellationToken)
            ?? throw new NotFoundException("竞买人不存在");
        bidder.ConfirmDeposit(db.User.UserName, db.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BidderDto>> BiddersAsync(Guid auctionId, CancellationToken cancellationToken = default)
    {
        var auction = await FindAsync(auctionId, cancellationToken);
        MarketAccess.EnsureStaffFor(db.User, auction.RegionCode);
        return await db.Set<Bidder>().AsNoTracking().Where(b => b.AuctionId == auctionId).OrderBy(b => b.RegisteredAt)
            .Select(b => new BidderDto(b.Id, b.OrganizationId, b.OrganizationName, b.Number, b.DepositPaid, b.DepositConfirmedAt, b.DepositConfirmedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sortable columns of the calendar; the latest session first by default.</summary>
    internal static readonly SortMap<Auction> Sorts = new SortMap<Auction>(a => a.Id, a => a.OrderByDescending(x => x.StartsAt))
        .Add("title", a => a.Title)
        .Add("organizer", a => a.Organizer)
        .Add("startsAt", a => a.StartsAt);

    public async Task<Paged<AuctionDto>> ListAsync(AuctionQuery query, CancellationToken cancellationToken = default)
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
        var rows = db.Set<Auction>().AsNoTracking();
        if (query.Year is { } year)
        {
            // Sessions are dated in China time: a session starting 2023-01-01 07:00 (UTC 2022-12-31 23:00) is in 2023.
            var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-MarketTime.OffsetHours);
            var to = from.AddYears(1);
            rows = rows.Where(a => a.StartsAt >= from && a.StartsAt < to);
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
        return auctions.Select(a => ToDto(a, counts.GetValueOrDefault(a.Id), db.UtcNow)).ToList();
    }

    public async Task<AuctionDetailDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var auction = await FindAsync(id, cancellationToken, tracking: false);
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
        return new AuctionDetailDto(ToDto(auction, items.Count, now), items);
    }

    internal async Task<Auction> FindAsync(Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var rows = tracking ? db.Set<Auction>() : db.Set<Auction>().AsNoTracking();
        return await rows.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("拍卖会不存在");
    }

    internal static AuctionDto ToDto(Auction a, int lotCount, DateTime now) => new(a.Id, a.Title, a.Organizer, a.RegionCode, a.StartsAt, a.EndsAt,
        a.SoftCloseSeconds, a.DepositRequired, a.DepositFen is { } d ? Money.ToYuan(d) : null, a.ResultsPublished, lotCount,
        a.ResultsPublished ? "results-published" : now < a.StartsAt ? "upcoming" : "bidding");

    private static long? Amount(FieldErrors errors, string field, string label, decimal? value, bool required)
    {
        if (value is not { } v)
        {
            if (required)
            {
                errors.Add(field, $"请填写{label}");
            }
            return null;
        }
        if (v <= 0 || !Money.HasAtMostTwoDecimals(v) || v > 100_000_000_000m)
        {
            errors.Add(field, $"{label}须为正数（元），最多两位小数");
            return null;
        }
        return Money.ToFen(v);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        // An unspecified time from a form is China time.
        _ => DateTime.SpecifyKind(value.AddHours(-MarketTime.OffsetHours), DateTimeKind.Utc),
    };

    private static string NewNumber(IReadOnlyCollection<string> taken)
    {
        while (true)
        {
            var number = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(number))
            {
                return number;
            }
        }
    }
}

/// <summary>China Standard Time (no daylight saving): screens and calendar years are in it, the database in UTC.</summary>
public static class MarketTime
{
    public const int OffsetHours = 8;

    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc.AddHours(OffsetHours), DateTimeKind.Unspecified);

    public static string Format(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
