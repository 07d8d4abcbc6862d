using Kechuang.Platform.Access;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Ui;

/// <summary>
/// A figure on the home dashboard: counted from records in the viewer's scope, linked to the list it counts. <see cref="Period"/>
/// says what it covers in words (2023年, 截至2023年12月31日, 当前), so the figures of a past year and today's never read alike.
/// </summary>
public sealed record DashboardFigure(string Title, double Value, string Unit, string Link, string Period);

/// <summary>
/// The year the home page shows. Figures that count what happened (contracts registered, cooperations signed) cover the
/// year; figures that count what holds on a day (valid 高企 certificates, resident enterprises) are counted on
/// <see cref="AsOf"/>: the year's last day, or today while the year runs.
/// </summary>
public sealed record DashboardPeriod(int Year, DateOnly AsOf)
{
    public static DashboardPeriod Of(int year, DateOnly today) => new(year, year >= today.Year ? today : new DateOnly(year, 12, 31));

    public DateOnly From => new(Year, 1, 1);

    /// <summary>The day after the year (exclusive end).</summary>
    public DateOnly To => From.AddYears(1);

    public string YearText => $"{Year}年";

    public string AsOfText => $"截至{AsOf.Year}年{AsOf.Month}月{AsOf.Day}日";

    /// <summary>A yearly figure's period: the year, and while it runs, the day it is counted to.</summary>
    public string SpanText => AsOf < To.AddDays(-1) ? $"{YearText}（{AsOfText}）" : YearText;

    /// <summary>For figures that are not tied to a day in the past (records as they stand, work waiting now).</summary>
    public const string Now = "当前";
}

/// <summary>Modules contribute their home-page figures through this.</summary>
public interface IDashboardCard
{
    /// <summary>Lower first on the home page.</summary>
    int Order { get; }

    Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db, DashboardPeriod period);

    /// <summary>
    /// The latest year in which the card's yearly figures have records in the viewer's scope, or null. The home page
    /// opens on the latest such year: early in January the new year's lists are still empty, and a row of zeros would
    /// mislead.
    /// </summary>
    Task<int?> LatestYearAsync(KechuangDb db) => Task.FromResult<int?>(null);
}

/// <summary>The home page's data: the viewer's data scope in words and every contributed figure, in the cards' order.</summary>
/// <remarks>Its figures are read from the reporting database (a standby when one is configured).</remarks>
public sealed class DashboardHandler(ReportingDb reporting, CurrentUser user, IDirectoryOptions directory, Reference.RegionCatalog regions,
    IEnumerable<IDashboardCard> cards, DashboardCache cache)
{
    private readonly KechuangDb _db = reporting.Db;

    /// <summary>数据范围 in words: 金华市（全市）, 武义县, or the account's own organisation.</summary>
    public async Task<string> ScopeTextAsync()
    {
        if (user.Scope.OrganizationId is { } org)
        {
            var name = await directory.OrganizationNameAsync(org);
            return $"本单位（{name ?? "未关联组织"}）";
        }
        // The cached region table: the page and the API name the scope on every request.
        var region = (await regions.GetAsync()).Name(user.RegionCode);
        return user.Role is Role.CityAdmin or Role.CityStaff ? $"{region}（全市）" : region;
    }

    /// <summary>The year the page opens on: the latest year with records in any card, never after this year.</summary>
    public Task<int> DefaultYearAsync() =>
        cache.GetAsync(DashboardCache.KeyOf(user, _db.Today(), "year"), LatestYearAsync);

    private async Task<int> LatestYearAsync()
    {
        var thisYear = _db.Today().Year;
        var latest = new List<int>();
        foreach (var card in cards)
        {
            if (await card.LatestYearAsync(_db) is { } year && year <= thisYear)
            {
                latest.Add(year);
            }
        }
        return latest.Count == 0 ? thisYear : latest.Max();
    }

    /// <summary>The years a reader may pick: this year and the nine before it (older years stay in the lists and statistics).</summary>
    public IReadOnlyList<int> Years()
    {
        var thisYear = _db.Today().Year;
        return Enumerable.Range(thisYear - YearsShown + 1, YearsShown).Reverse().ToList();
    }

    private const int YearsShown = 10;

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(int? year = null)
    {
        var chosen = year ?? await DefaultYearAsync();
        var thisYear = _db.Today().Year;
        if (chosen <= thisYear - YearsShown || chosen > thisYear)
        {
            throw InputException.For("year", $"年度须在{thisYear - YearsShown + 1}年至{thisYear}年之间");
        }
        var period = DashboardPeriod.Of(chosen, _db.Today());
        return await cache.GetAsync<IReadOnlyList<DashboardFigure>>(DashboardCache.KeyOf(user, _db.Today(), $"figures {chosen}"), async () =>
        {
            var figures = new List<DashboardFigure>();
            foreach (var card in cards.OrderBy(c => c.Order))
            {
                figures.AddRange(await card.FiguresAsync(_db, period));
            }
            return figures;
        });
    }
}
