namespace Kechuang.Modules.Enterprises;

public static class EnterprisesModule
{
    public static IServiceCollection AddEnterprises(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapEnterprises(this IEndpointRouteBuilder app)
    {
        app.MapEvaluationApi();
        return app;
    }
}
