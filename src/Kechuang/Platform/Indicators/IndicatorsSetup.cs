namespace Kechuang.Platform.Indicators;

public static class IndicatorsSetup
{
    /// <summary>The catalogue over every registered <see cref="IIndicator"/>, and targets.</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddSingleton<IndicatorCatalogue>();
        services.AddScoped<TargetsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app) => app.MapIndicatorsApi();
}
