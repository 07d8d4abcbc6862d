using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Modules.Market;

/// <summary>A new session (the API body and the form's input alike). Times without a kind are China time.</summary>
public sealed record AuctionInput(string? Title, string? Organizer, string? RegionCode, DateTime? StartsAt, DateTime? EndsAt, int? SoftCloseSeconds, bool? DepositRequired, decimal? Deposit);

public sealed record ValidAuction(string Title, string Organizer, string RegionCode, DateTime StartsAt, DateTime EndsAt, int SoftCloseSeconds, bool DepositRequired, long? DepositFen);

/// <summary>A lot to add to a session: a listed achievement and its prices in yuan.</summary>
public sealed record LotInput(Guid? AchievementId, decimal? StartingPrice, decimal? Increment, decimal? ReservePrice, DateTime? EndsAt, string? ContractType);

public sealed record ValidLot(Guid AchievementId, long StartingPriceFen, long IncrementFen, long? ReservePriceFen, DateTime EndsAt, string ContractType);

/// <summary>A bidder to register: the enterprise by id or by credit code, and whether its deposit has arrived.</summary>
public sealed record BidderInput(Guid? OrganizationId, bool? DepositPaid, string? CreditCode = null);

/// <summary>The field rules of sessions, lots and bidders; pure functions (the achievement and the session are read by the handlers).</summary>
public static class AuctionRules
{
    public const string DefaultOrganizer = "科学技术局";

    public static readonly IReadOnlyDictionary<string, string> ContractTypes = new Dictionary<string, string>
    {
        ["transfer"] = "技术转让",
        ["license"] = "技术许可",
    };

    public static ValidAuction? Validate(AuctionInput input, FieldErrors errors)
    {
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
        return errors.Any ? null : new ValidAuction(title, organizer.Length == 0 ? DefaultOrganizer : organizer, region,
            Utc(input.StartsAt!.Value), Utc(input.EndsAt!.Value), softClose, input.DepositRequired ?? true, deposit);
    }

    /// <summary>A lot's fields against its session: the lot ends after the session starts (by default when the session ends).</summary>
    public static ValidLot? Validate(LotInput input, Auction auction, FieldErrors errors)
    {
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
        return errors.Any ? null : new ValidLot(input.AchievementId!.Value, start!.Value, increment!.Value, reserve, endsAt, contractType);
    }

    /// <summary>Only a listed achievement goes up for auction, and only before bidding has begun.</summary>
    public static void EnsureMayAddLot(Achievement achievement, Auction auction, DateTime now)
    {
        if (achievement.Status != AchievementStatus.Listed)
        {
            throw new RuleException("market.achievement-not-listed", "只有挂牌中的科技成果可以上拍");
        }
        if (now >= auction.StartsAt)
        {
            throw new RuleException("auction.already-started", "拍卖会已开始竞价，不能再增加标的");
        }
    }

    /// <summary>The bidder is named (by id or credit code), found in the caller's directory, and an enterprise.</summary>
    public static void CheckBidder(BidderInput input, OrganizationInfo? organization, FieldErrors errors)
    {
        if (input.OrganizationId is null && string.IsNullOrWhiteSpace(input.CreditCode))
        {
            errors.Add("organizationId", "请选择竞买企业");
        }
        else if (organization is null || organization.Kind != OrganizationKind.Enterprise)
        {
            errors.Add("organizationId", "竞买人须为名录中的企业");
        }
    }

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
}
