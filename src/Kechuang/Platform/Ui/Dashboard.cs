using Kechuang.Platform.Access;
using Kechuang.Platform.Data;

namespace Kechuang.Platform.Ui;

/// <summary>A figure on the home dashboard: counted from records in the viewer's scope, linked to the list it counts.</summary>
public sealed record DashboardFigure(string Title, double Value, string Unit, string Link);

/// <summary>Modules contribute their home-page figures through this.</summary>
public interface IDashboardCard
{
    /// <summary>Lower first on the home page.</summary>
    int Order { get; }

    Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db);
}

/// <summary>The home page's data: the viewer's data scope in words and every contributed figure, in the cards' order.</summary>
public sealed class DashboardHandler(KechuangDb db, CurrentUser user, IDirectoryOptions directory, IEnumerable<IDashboardCard> cards)
{
    /// <summary>数据范围 in words: 金华市（全市）, 武义县, or the account's own organisation.</summary>
    public async Task<string> ScopeTextAsync()
    {
        if (user.Scope.OrganizationId is { } org)
        {
            var name = await directory.OrganizationNameAsync(org);
            return $"本单位（{name ?? "未关联组织"}）";
        }
        var regions = await directory.RegionsAsync();
        var region = regions.FirstOrDefault(r => r.Code == user.RegionCode)?.Name ?? user.RegionCode;
        return user.Role is Role.CityAdmin or Role.CityStaff ? $"{region}（全市）" : region;
    }

    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync()
    {
        var figures = new List<DashboardFigure>();
        foreach (var card in cards.OrderBy(c => c.Order))
        {
            figures.AddRange(await card.FiguresAsync(db));
        }
        return figures;
    }
}
