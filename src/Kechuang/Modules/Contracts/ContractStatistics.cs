using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>The statistics' filter: registration dates (both ends included) and a region, defaulting to this year and the caller's scope.</summary>
public sealed record StatisticsQuery(DateOnly? From = null, DateOnly? To = null, string? RegionCode = null);

/// <summary>One cell row of a breakdown: its class, how many registered contracts and their amounts in yuan.</summary>
public sealed record StatisticsRow(string Key, string Name, int Count, decimal Amount, decimal TransactionAmount);

/// <summary>A breakdown of the same contracts by one JJ-001 dimension; its rows sum to the total.</summary>
public sealed record StatisticsBreakdown(string Dimension, string Title, IReadOnlyList<StatisticsRow> Rows);

/// <summary>
/// 技术市场统计: the registered contracts of a period and region, their total and each breakdown. <see cref="Inflow"/>
/// (技术吸纳) counts contracts registered elsewhere whose buyer is in the region; staff only, null for others.
/// </summary>
public sealed record ContractStatistics(DateOnly From, DateOnly To, string? RegionCode, string RegionName, StatisticsRow Total,
    IReadOnlyList<StatisticsBreakdown> Breakdowns, StatisticsRow? Inflow);

/// <summary>
/// The dimensions the technology-market statistics break registered contracts down by (docs/rules/contract-registration.md
/// §7, §10): each names its classes in order, classifies a contract and filters the contract list to one class, so that a
/// statistics cell opens exactly the contracts it counts. A contract without the field falls in <see cref="None"/>.
/// </summary>
public static class ContractDimensions
{
    public const string None = "none";
    public const string NoneName = "未填写";

    public const string Type = "type";
    public const string TechField = "tech-field";
    public const string SellerNature = "seller-nature";
    public const string BuyerNature = "buyer-nature";
    public const string IpType = "ip-type";
    public const string PlanCategory = "plan-category";
    public const string BuyerRegion = "buyer-region";

    /// <summary>Where the buyer is, seen from the seller's (the registering) county.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> BuyerRegions =
    [
        ("county", "县内（买卖双方同县）"), ("city", "本市其他县（市、区）"), ("province", "本省其他市"), ("other-province", "外省（区、市）"),
        ("abroad", "境外（含港澳台）"),
    ];

    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        (Type, "合同类型"), (TechField, "技术领域"), (SellerNature, "卖方性质"), (BuyerNature, "买方性质"), (IpType, "知识产权类型"),
        (PlanCategory, "计划类别"), (BuyerRegion, "买方所在地区（技术流向）"),
    ];

    public static string TitleOf(string dimension) => All.FirstOrDefault(d => d.Key == dimension).Title ?? dimension;

    /// <summary>The classes of a dimension in report order (未填写 is added where contracts lack the field).</summary>
    public static IReadOnlyList<(string Code, string Name)> Classes(string dimension) => dimension switch
    {
        Type => [.. ContractsRules.TypeNames.Select(t => (Kebab.From(t.Key), t.Value))],
        TechField => ContractCodes.TechFields.Entries,
        SellerNature or BuyerNature => ContractCodes.Natures.Entries,
        IpType => ContractCodes.IpTypes.Entries,
        PlanCategory => ContractCodes.PlanCategories.Entries,
        BuyerRegion => BuyerRegions,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The class of one contract in a dimension.</summary>
    internal static string ClassOf(string dimension, Facts c) => dimension switch
    {
        Type => Kebab.From(c.Type),
        TechField => c.TechField ?? None,
        SellerNature => c.SellerNature ?? None,
        BuyerNature => c.BuyerNature ?? None,
        IpType => c.IpType ?? None,
        PlanCategory => c.PlanCategory ?? None,
        BuyerRegion => RegionClass(c.RegionCode, c.BuyerDivision, c.BuyerCountry),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>Buyer's region against the seller's county: the same county, city or province, another province, abroad.</summary>
    public static string RegionClass(string sellerRegion, string? buyerDivision, string? buyerCountry)
    {
        if (buyerDivision is null)
        {
            return buyerCountry is not null && buyerCountry != ContractCodes.China ? "abroad" : None;
        }
        var county = ContractsRules.CountyCode(sellerRegion);
        return buyerDivision == county ? "county"
            : buyerDivision[..4] == county[..4] ? "city"
            : buyerDivision[..2] == county[..2] ? "province"
            : "other-province";
    }

    /// <summary>The contracts of one class: the same classification as <see cref="ClassOf"/>, in SQL.</summary>
    internal static IQueryable<TechContract> Where(IQueryable<TechContract> contracts, string dimension, string key, FieldErrors errors)
    {
        if (All.All(d => d.Key != dimension))
        {
            errors.Add("dimension", $"统计维度取值无效，可选：{string.Join("、", All.Select(d => $"{d.Key}（{d.Title}）"))}");
            return contracts;
        }
        if (key != None && Classes(dimension).All(c => c.Code != key))
        {
            errors.Add("key", $"{TitleOf(dimension)}没有“{key}”这一类");
            return contracts;
        }
        string? value = key == None ? null : key;
        switch (dimension)
        {
            case Type:
                var type = ContractsRules.FromKebab<ContractType>(key);
                return contracts.Where(c => c.Type == type);
            case TechField:
                return contracts.Where(c => c.TechField == value);
            case SellerNature:
                return contracts.Where(c => c.SellerNature == value);
            case BuyerNature:
                return contracts.Where(c => c.BuyerNature == value);
            case IpType:
                return contracts.Where(c => c.IpType == value);
            case PlanCategory:
                return contracts.Where(c => c.PlanCategory == value);
        }
        return key switch
        {
            "county" => contracts.Where(c => c.BuyerDivision != null && c.BuyerDivision == c.RegionCode.Substring(0, 6)),
            "city" => contracts.Where(c => c.BuyerDivision != null && c.BuyerDivision != c.RegionCode.Substring(0, 6)
                && c.BuyerDivision.Substring(0, 4) == c.RegionCode.Substring(0, 4)),
            "province" => contracts.Where(c => c.BuyerDivision != null && c.BuyerDivision.Substring(0, 4) != c.RegionCode.Substring(0, 4)
                && c.BuyerDivision.Substring(0, 2) == c.RegionCode.Substring(0, 2)),
            "other-province" => contracts.Where(c => c.BuyerDivision != null && c.BuyerDivision.Substring(0, 2) != c.RegionCode.Substring(0, 2)),
            "abroad" => contracts.Where(c => c.BuyerDivision == null && c.BuyerCountry != null && c.BuyerCountry != ContractCodes.China),
            _ => contracts.Where(c => c.BuyerDivision == null && (c.BuyerCountry == null || c.BuyerCountry == ContractCodes.China)),
        };
    }

    /// <summary>What a breakdown reads of one contract.</summary>
    internal sealed record Facts(ContractType Type, string? TechField, string? SellerNature, string? BuyerNature, string? IpType, string? PlanCategory,
        string RegionCode, string? BuyerDivision, string? BuyerCountry, long AmountFen, long TransactionAmountFen);
}

/// <summary>
/// 技术市场统计: registered contracts of a period and region (registration date, the seller's region), counted and summed by
/// every dimension of <see cref="ContractDimensions"/>. Amounts are summed in fen, exactly.
/// </summary>
/// <remarks>Read from the reporting database (a standby when one is configured).</remarks>
public sealed class GetContractStatisticsHandler(ReportingDb reporting, IOrganizationDirectory directory, TimeProvider clock)
{
    private readonly KechuangDb _db = reporting.Db;

    public async Task<ContractStatistics> HandleAsync(StatisticsQuery query, CancellationToken cancellationToken = default)
    {
        _db.User.Demand(ContractsPermissions.Read);
        var today = ContractsRules.LocalDate(clock.GetUtcNow().UtcDateTime);
        var from = query.From ?? new DateOnly(today.Year, 1, 1);
        var to = query.To ?? today;
        var errors = new FieldErrors();
        if (!PlausibleDates.Contains(from.Year))
        {
            errors.Add("from", $"起始{PlausibleDates.Message}");
        }
        if (!PlausibleDates.Contains(to.Year))
        {
            errors.Add("to", $"截止{PlausibleDates.Message}");
        }
        if (to < from)
        {
            errors.Add("to", "截止日期不能早于起始日期");
        }
        var names = await directory.RegionNamesAsync(cancellationToken);
        var region = string.IsNullOrWhiteSpace(query.RegionCode) ? null : query.RegionCode.Trim();
        if (region is not null && !names.ContainsKey(region))
        {
            errors.Add("regionCode", $"行政区划代码 {region} 不存在");
        }
        else if (region is not null && !_db.User.Scope.Covers(region))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
        errors.ThrowIfAny();

        var registered = Registered(_db.Set<TechContract>().AsNoTracking(), from, to);
        registered = registered.UnderRegion(region);
        var facts = await Project(registered).ToListAsync(cancellationToken);
        var breakdowns = ContractDimensions.All.Select(d => Breakdown(d.Key, d.Title, facts)).ToList();
        return new ContractStatistics(from, to, region, ScopeName(region, names),
            Row("total", "合计", facts), breakdowns, await InflowAsync(from, to, region, cancellationToken));
    }

    /// <summary>
    /// 技术吸纳: contracts registered outside the region (the seller is elsewhere) whose buyer is inside it. They are other
    /// regions' records, so only their count and sums are given, and only to staff whose scope covers the region.
    /// </summary>
    private async Task<StatisticsRow?> InflowAsync(DateOnly from, DateOnly to, string? region, CancellationToken cancellationToken)
    {
        var scope = _db.User.Scope;
        if (_db.User.Role is not { } role || !role.IsStaff() || (region is null && scope.All))
        {
            return null;
        }
        var prefix = region is null ? scope.RegionPrefix : DataScope.Prefix(region);
        var inflow = Registered(_db.Set<TechContract>().IgnoreQueryFilters().AsNoTracking(), from, to)
            .Where(c => !c.RegionCode.StartsWith(prefix) && c.BuyerDivision != null && c.BuyerDivision.StartsWith(prefix));
        var facts = await Project(inflow).ToListAsync(cancellationToken);
        return Row("inflow", "技术吸纳（买方在本地区、卖方在外地）", facts);
    }

    /// <summary>The region counted: the one asked for, else the caller's scope (a county's staff read 武义县).</summary>
    private string ScopeName(string? region, IReadOnlyDictionary<string, string> names)
    {
        if (region is not null)
        {
            return ListContractsHandler.RegionName(region, names);
        }
        var scope = _db.User.Scope;
        var code = scope.RegionPrefix.Length < 6 ? scope.RegionPrefix.PadRight(6, '0') : scope.RegionPrefix;
        return !scope.All && scope.OrganizationId is null && names.TryGetValue(code, out var name) ? name : "数据范围内全部地区";
    }

    private static IQueryable<TechContract> Registered(IQueryable<TechContract> contracts, DateOnly from, DateOnly to) =>
        contracts.Where(c => c.Status == ContractStatus.Registered && c.RegisteredOn >= from && c.RegisteredOn <= to);

    private static IQueryable<ContractDimensions.Facts> Project(IQueryable<TechContract> contracts) =>
        contracts.Select(c => new ContractDimensions.Facts(c.Type, c.TechField, c.SellerNature, c.BuyerNature, c.IpType, c.PlanCategory,
            c.RegionCode, c.BuyerDivision, c.BuyerCountry, c.AmountFen, c.TransactionAmountFen));

    private static StatisticsBreakdown Breakdown(string dimension, string title, IReadOnlyList<ContractDimensions.Facts> facts)
    {
        var groups = facts.ToLookup(f => ContractDimensions.ClassOf(dimension, f));
        var rows = ContractDimensions.Classes(dimension).Select(c => Row(c.Code, c.Name, groups[c.Code])).ToList();
        // Unknown codes (a code list that shrank) keep their code as the name, so the rows still sum to the total.
        var known = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(groups.Where(g => g.Key != ContractDimensions.None && !known.Contains(g.Key)).Select(g => Row(g.Key, g.Key, g)));
        if (groups.Contains(ContractDimensions.None))
        {
            rows.Add(Row(ContractDimensions.None, ContractDimensions.NoneName, groups[ContractDimensions.None]));
        }
        return new StatisticsBreakdown(dimension, title, rows);
    }

    private static StatisticsRow Row(string key, string name, IEnumerable<ContractDimensions.Facts> facts)
    {
        var list = facts as IReadOnlyCollection<ContractDimensions.Facts> ?? facts.ToList();
        return new StatisticsRow(key, name, list.Count, Money.ToYuan(list.Sum(f => f.AmountFen)), Money.ToYuan(list.Sum(f => f.TransactionAmountFen)));
    }
}
