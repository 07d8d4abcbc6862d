using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Contracts;

/// <summary>技术交易额: the sum of 技术交易额 of contracts registered (by registration date) in the period, yuan.</summary>
internal sealed class TransactionAmountIndicator : IIndicator
{
    public const string IndicatorCode = "contracts.transaction-amount";

    public string Code => IndicatorCode;
    public string Name => "技术交易额";
    public string Unit => "元";
    public string Module => "contracts";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        Money.ToYuan(await ContractsIndicators.Registered(db, regionCode, period).SumAsync(c => c.TransactionAmountFen, cancellationToken));

    public string RecordsUrl(string regionCode, Period period) => ContractsIndicators.Url(regionCode, period);
}

/// <summary>登记技术合同数: contracts registered in the period.</summary>
internal sealed class RegisteredCountIndicator : IIndicator
{
    public const string IndicatorCode = "contracts.registered-count";

    public string Code => IndicatorCode;
    public string Name => "登记技术合同数";
    public string Unit => "项";
    public string Module => "contracts";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        await ContractsIndicators.Registered(db, regionCode, period).CountAsync(cancellationToken);

    public string RecordsUrl(string regionCode, Period period) => ContractsIndicators.Url(regionCode, period);
}

/// <summary>
/// 涉及知识产权的技术交易额占比: the share (%) of 技术交易额 of registered contracts whose subject involves intellectual
/// property (知识产权类型 other than 未涉及), 0 when nothing was registered.
/// </summary>
internal sealed class IpShareIndicator : IIndicator
{
    public const string IndicatorCode = "contracts.ip-share";

    public string Code => IndicatorCode;
    public string Name => "涉及知识产权的技术交易额占比";
    public string Unit => "%";
    public string Module => "contracts";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken)
    {
        var registered = ContractsIndicators.Registered(db, regionCode, period);
        var total = await registered.SumAsync(c => c.TransactionAmountFen, cancellationToken);
        var withIp = await registered.Where(c => c.IpType != null && c.IpType != NoIp).SumAsync(c => c.TransactionAmountFen, cancellationToken);
        return total == 0 ? 0m : decimal.Round(withIp * 100m / total, 2);
    }

    /// <summary>The statistics' 知识产权类型 breakdown of the same contracts.</summary>
    public string RecordsUrl(string regionCode, Period period) => ContractsIndicators.StatisticsUrl(regionCode, period, "ip-type");

    /// <summary>A share of the registered contracts: the API lists all of them, each with its IP type.</summary>
    public string RecordsApiUrl(string regionCode, Period period) => IndicatorCatalogue.ApiUrl(ContractsIndicators.Url(regionCode, period));

    private const string NoIp = "00";
}

/// <summary>高校、科研机构输出的技术交易额: 技术交易额 of registered contracts whose seller is a 高等院校 or 科研机构, yuan.</summary>
internal sealed class FromUniversitiesIndicator : IIndicator
{
    public const string IndicatorCode = "contracts.from-universities";

    private static readonly string[] Natures = ["021", "022"];

    public string Code => IndicatorCode;
    public string Name => "高校、科研机构输出的技术交易额";
    public string Unit => "元";
    public string Module => "contracts";

    public async Task<decimal> ComputeAsync(KechuangDb db, string regionCode, Period period, CancellationToken cancellationToken) =>
        Money.ToYuan(await ContractsIndicators.Registered(db, regionCode, period).Where(c => c.SellerNature != null && Natures.Contains(c.SellerNature))
            .SumAsync(c => c.TransactionAmountFen, cancellationToken));

    /// <summary>The statistics' 卖方性质 breakdown of the same contracts.</summary>
    public string RecordsUrl(string regionCode, Period period) => ContractsIndicators.StatisticsUrl(regionCode, period, "seller-nature");

    /// <summary>The registered contracts of the period, each with its seller's nature.</summary>
    public string RecordsApiUrl(string regionCode, Period period) => IndicatorCatalogue.ApiUrl(ContractsIndicators.Url(regionCode, period));
}

internal static class ContractsIndicators
{
    /// <summary>Registered contracts of the region and its towns whose registration date is in [From, To), within the caller's scope.</summary>
    public static IQueryable<TechContract> Registered(KechuangDb db, string regionCode, Period period)
    {
        return db.Set<TechContract>().AsNoTracking().UnderRegion(regionCode).Where(c => c.Status == ContractStatus.Registered
            && c.RegisteredOn >= period.From && c.RegisteredOn < period.To);
    }

    /// <summary>The list of exactly those records: the page (and, under /api/v1, the API) filters by status, region and period.</summary>
    public static string Url(string regionCode, Period period)
    {
        var yearly = period.From.Month == 1 && period.From.Day == 1 && period.To == period.From.AddYears(1);
        return yearly
            ? $"/contracts?status=registered&regionCode={regionCode}&year={period.From.Year}"
            : $"/contracts?status=registered&regionCode={regionCode}&registeredFrom={period.From:yyyy-MM-dd}&registeredTo={period.To.AddDays(-1):yyyy-MM-dd}";
    }

    /// <summary>The statistics page over the same registered contracts, at one breakdown.</summary>
    public static string StatisticsUrl(string regionCode, Period period, string dimension) =>
        $"/contracts/statistics?regionCode={regionCode}&from={period.From:yyyy-MM-dd}&to={period.To.AddDays(-1):yyyy-MM-dd}#breakdown-{dimension}";
}
