using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;
using Kechuang.Platform.Ui.Resources;

namespace Kechuang.Platform.Indicators;

public static class IndicatorsSetup
{
    /// <summary>The catalogue over every registered <see cref="IIndicator"/>, targets, and their menu group.</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddSingleton<IndicatorCatalogue>();
        services.AddScoped<TargetsHandler>();
        services.AddScoped<TargetBreakdownHandler>();
        services.AddScoped<CompareRegionsHandler>();
        services.AddScoped<MilestonesHandler>();
        services.AddScoped<Kechuang.Platform.Demo.IDemoData, MilestonesDemoData>();
        services.AddSingleton<IPermissionContribution, IndicatorsPermissions>();
        services.AddSingleton<INavContribution, IndicatorsNav>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app) => app.MapIndicatorsApi();
}

/// <summary>Targets and indicators, for bureau staff: after every module's group, before administration.</summary>
internal sealed class IndicatorsNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("performance", 800, "aim", "Menu_Performance", Roles.Staff, typeof(Shell),
        [
            new("targets", "/indicators/targets", "Menu_Targets"),
            new("compare", "/indicators/compare", "Menu_Compare"),
        ]),
    ];
}
