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

internal static class ContractsIndicators
{
    /// <summary>Registered contracts of the region and its towns whose registration date is in [From, To), within the caller's scope.</summary>
    public static IQueryable<TechContract> Registered(KechuangDb db, string regionCode, Period period)
    {
        var prefix = DataScope.Prefix(regionCode);
        return db.Set<TechContract>().AsNoTracking().Where(c => c.Status == ContractStatus.Registered && c.RegionCode.StartsWith(prefix)
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
}
