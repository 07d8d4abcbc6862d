namespace Kechuang.Platform.Ui;

public static class UiSetup
{
    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        services.AddScoped<ScopedRunner>();
        return services;
    }

    public static IEndpointRouteBuilder MapUi(this WebApplication app)
    {
        // Our own CSP (UseSecurityHeaders) already forbids framing; Blazor's second header would duplicate it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
