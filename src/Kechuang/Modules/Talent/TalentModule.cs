using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Talent;

public static class TalentModule
{
    public static IServiceCollection AddTalent(this IServiceCollection services)
    {
        services.AddSingleton<TalentProgrammes>();
        services.AddScoped<TalentChecks>();
        services.AddScoped<TalentNames>();
        services.AddScoped<Public.IPhdCatalog, PhdCatalog>();
        services.AddScoped<CreateApplicationHandler>();
        services.AddScoped<UpdateApplicationHandler>();
        services.AddScoped<DecideApplicationHandler>();
        services.AddScoped<ListApplicationsHandler>();
        services.AddScoped<GetApplicationHandler>();
        services.AddScoped<ImportApplicationsHandler>();
        services.AddScoped<CreatePhdHandler>();
        services.AddScoped<UpdatePhdHandler>();
        services.AddScoped<ListPhdsHandler>();
        services.AddScoped<GetPhdHandler>();
        services.AddScoped<CreatePhdDemandHandler>();
        services.AddScoped<UpdatePhdDemandHandler>();
        services.AddScoped<ListPhdDemandsHandler>();
        services.AddScoped<CreatePhdRecommendationHandler>();
        services.AddScoped<UpdatePhdRecommendationHandler>();
        services.AddScoped<ListPhdRecommendationsHandler>();
        services.AddScoped<GetPhdRecommendationHandler>();
        services.AddScoped<ImportPhdRecommendationsHandler>();
        services.AddScoped<CreateIntroductionHandler>();
        services.AddScoped<UpdateIntroductionHandler>();
        services.AddScoped<ListIntroductionsHandler>();
        services.AddScoped<GetIntroductionHandler>();
        services.AddScoped<ListTalentOptionsHandler>();
        services.AddSingleton<IIndicator, ApplicationsIndicator>();
        services.AddSingleton<IIndicator, NationalApprovalsIndicator>();
        services.AddSingleton<IIndicator, PhdRecommendationsIndicator>();
        services.AddSingleton<IIndicator, IntroducedPhdsIndicator>();
        services.AddScoped<IDemoData, TalentDemoData>();
        services.AddSingleton<Platform.Ui.INavContribution, TalentNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, TalentPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, TalentAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapTalent(this IEndpointRouteBuilder app) => app.MapTalentApi();
}
