namespace Kechuang.Modules.Enterprises;

public static class EnterprisesModule
{
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddScoped<EnterpriseRecordsHandler>();
        services.AddScoped<ImportYearRecordsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnterprises(this IEndpointRouteBuilder app)
    {
        app.MapEvaluationApi();
        app.MapEnterprisesApi();
        return app;
    }
}
