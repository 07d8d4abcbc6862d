using Scalar.AspNetCore;

namespace Kechuang.Platform;

public static class ApiDocs
{
    public static IServiceCollection AddApiDocs(this IServiceCollection services) => services.AddOpenApi();

    /// <summary><c>/openapi/v1.json</c> and a reference page at <c>/scalar</c> whose assets are served locally (no external fonts).</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("科创 Kechuang API").DisableDefaultFonts());
        return app;
    }
}
