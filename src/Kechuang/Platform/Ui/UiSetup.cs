namespace Kechuang.Platform.Ui;

public static class UiSetup
{
    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        return services;
    }

    public static IEndpointRouteBuilder MapUi(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
