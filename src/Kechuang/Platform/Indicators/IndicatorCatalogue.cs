using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Indicators;

/// <summary>An indicator as the catalogue lists it.</summary>
public sealed record IndicatorInfo(string Code, string Name, string Unit, string Module);

/// <summary>A computed figure with its provenance: the list page and the API query that show exactly the records counted.</summary>
public sealed record IndicatorValue(string Code, string Name, string Unit, string RegionCode, int Year, decimal Value, string RecordsUrl, string RecordsApiUrl);

/// <summary>
/// 指标目录: every indicator the modules registered, and their values for a region and a year. Values
/// follow the caller's data scope: the same computation gives a county account its county's figure and
/// the city the sum over its counties. A region outside the caller's scope is refused rather than
/// answered with a silent zero.
/// </summary>
public sealed class IndicatorCatalogue(IEnumerable<IIndicator> indicators)
{
    private readonly Dictionary<string, IIndicator> _byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public IReadOnlyList<IndicatorInfo> All =>
        _byCode.Values.OrderBy(i => i.Module, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new IndicatorInfo(i.Code, i.Name, i.Unit, i.Module)).ToList();

    public IIndicator? Find(string code) => _byCode.GetValueOrDefault(code);

    public IIndicator Get(string code) => Find(code) ?? throw new NotFoundException($"指标 {code} 不存在");

    /// <summary>The caller's own region when none is asked for: a county account's county, the city for city staff.</summary>
    public static string DefaultRegion(CurrentUser user) =>
        string.IsNullOrWhiteSpace(user.RegionCode) ? "330700" : user.RegionCode;

    public async Task<IndicatorValue> ValueAsync(KechuangDb db, string code, string? regionCode, int year, CancellationToken cancellationToken = default)
    {
        var indicator = Get(code);
        var region = CheckRegion(db.User, regionCode);
        ListFilters.CheckYear(year);
        var period = Period.Year(year);
        var value = await indicator.ComputeAsync(db, region, period, cancellationToken);
        var url = indicator.RecordsUrl(region, period);
        return new IndicatorValue(indicator.Code, indicator.Name, indicator.Unit, region, year, value, url, indicator.RecordsApiUrl(region, period));
    }

    /// <summary>Twelve monthly values of a year (for the dashboard chart).</summary>
    public async Task<IReadOnlyList<decimal>> MonthlyAsync(KechuangDb db, string code, string? regionCode, int year, CancellationToken cancellationToken = default)
    {
        var indicator = Get(code);
        var region = CheckRegion(db.User, regionCode);
        ListFilters.CheckYear(year);
        var values = new List<decimal>(12);
        for (var month = 1; month <= 12; month++)
        {
            values.Add(await indicator.ComputeAsync(db, region, Period.Month(year, month), cancellationToken));
        }
        return values;
    }

    /// <summary>Pages and APIs share paths and query strings: <c>/contracts?…</c> is listed by <c>/api/v1/contracts?…</c>.</summary>
    public static string ApiUrl(string pageUrl) => pageUrl.StartsWith('/') ? "/api/v1" + pageUrl : pageUrl;

    internal static string CheckRegion(CurrentUser user, string? regionCode)
    {
        var region = string.IsNullOrWhiteSpace(regionCode) ? DefaultRegion(user) : regionCode.Trim();
        if (region.Length < 6 || region.Length > 12 || !region.All(char.IsAsciiDigit))
        {
            throw InputException.For("regionCode", "行政区划代码应为6–12位数字");
        }
        if (!user.Scope.Covers(region))
        {
            throw new ForbiddenException("该行政区划不在您的数据范围内");
        }
        return region;
    }
}
