using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Commissioners;

public static class CommissionersModule
{
    public static IServiceCollection AddCommissioners(this IServiceCollection services)
    {
        services.AddOptions<ScorecardScheme>().BindConfiguration("Commissioners:Scorecard");
        services.AddScoped<CreateCommissionerHandler>();
        services.AddScoped<UpdateCommissionerHandler>();
        services.AddScoped<ListCommissionersHandler>();
        services.AddScoped<GetCommissionerHandler>();
        services.AddScoped<ListCommissionerOptionsHandler>();
        services.AddScoped<GetScorecardHandler>();
        services.AddScoped<ImportCommissionersHandler>();
        services.AddScoped<CreateNeedHandler>();
        services.AddScoped<UpdateNeedHandler>();
        services.AddScoped<ListNeedsHandler>();
        services.AddScoped<GetNeedHandler>();
        services.AddScoped<ListNeedEnterprisesHandler>();
        services.AddScoped<CreateCommissionerProjectHandler>();
        services.AddScoped<UpdateCommissionerProjectHandler>();
        services.AddScoped<ListCommissionerProjectsHandler>();
        services.AddScoped<GetCommissionerProjectHandler>();
        services.AddScoped<ImportCommissionerProjectsHandler>();
        services.AddScoped<CreateServiceHandler>();
        services.AddScoped<UpdateServiceHandler>();
        services.AddScoped<ConfirmServiceHandler>();
        services.AddScoped<GetServiceConfirmationHandler>();
        services.AddScoped<ConfirmServiceByLinkHandler>();
        services.AddServiceConfirmationLimit();
        services.AddScoped<ListServicesHandler>();
        services.AddScoped<GetServiceHandler>();
        services.AddScoped<ImportServicesHandler>();
        services.AddSingleton<IIndicator, NeedsSurveyedIndicator>();
        services.AddSingleton<IIndicator>(new ProjectsIndicator(ProjectsIndicator.AllCode, "新增科技特派员项目", null));
        services.AddSingleton<IIndicator>(new ProjectsIndicator(ProjectsIndicator.ProvincialCode, "新增省级科技特派员项目", ProjectLevel.Provincial));
        services.AddSingleton<IIndicator>(new ProjectsIndicator(ProjectsIndicator.CountyCode, "新增县级科技特派员项目", ProjectLevel.County));
        foreach (var indicator in ServiceIndicator.All())
        {
            services.AddSingleton(indicator);
        }
        services.AddScoped<IDemoData, CommissionersDemoData>();
        services.AddSingleton<Platform.Ui.INavContribution, CommissionersNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, CommissionersPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, CommissionersAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapCommissioners(this IEndpointRouteBuilder app) => app.MapCommissionersApi();
}
