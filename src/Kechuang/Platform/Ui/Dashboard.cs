using Kechuang.Platform.Data;

namespace Kechuang.Platform.Ui;

/// <summary>A figure on the home dashboard: counted from records in the viewer's scope, linked to the list it counts.</summary>
public sealed record DashboardFigure(string Title, double Value, string Unit, string Link);

/// <summary>Modules contribute their home-page figures through this.</summary>
public interface IDashboardCard
{
    Task<IReadOnlyList<DashboardFigure>> FiguresAsync(KechuangDb db);
}
