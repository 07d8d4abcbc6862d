using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Enterprises;

public static class EnterprisesModule
{
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddScoped<CreateProfileHandler>();
        services.AddScoped<UpdateProfileHandler>();
        services.AddScoped<GetProfileHandler>();
        services.AddScoped<SaveYearRecordHandler>();
        services.AddScoped<ListYearRecordsHandler>();
        services.AddScoped<CreateQualificationHandler>();
        services.AddScoped<ListQualificationsHandler>();
        services.AddScoped<CreateRdInstitutionHandler>();
        services.AddScoped<ListRdInstitutionsHandler>();
        services.AddScoped<CreateIntellectualPropertyHandler>();
        services.AddScoped<ListIntellectualPropertyHandler>();
        services.AddScoped<CreateFilingHandler>();
        services.AddScoped<ListFilingsHandler>();
        services.AddScoped<ListInnovationEntitiesHandler>();
        services.AddScoped<ListIndicatorRecordsHandler>();
        services.AddScoped<CreateAwardNominationHandler>();
        services.AddScoped<ListAwardNominationsHandler>();
        services.AddScoped<ListClaimsHandler>();
        services.AddScoped<SubmitQualificationClaimHandler>();
        services.AddScoped<SubmitAwardClaimHandler>();
        services.AddScoped<ConfirmClaimHandler>();
        services.AddScoped<RefuseClaimHandler>();
        services.AddScoped<ListEnterprisesHandler>();
        services.AddScoped<ImportYearRecordsHandler>();
        services.AddScoped<ScreenEnterprisesHandler>();
        services.AddScoped<ListScreeningRowsHandler>();
        services.AddScoped<RunScreeningHandler>();
        services.AddScoped<GetCultivationFunnelHandler>();
        services.AddScoped<GetScreeningYearHandler>();
        services.AddScoped<GetEvaluationFormHandler>();
        services.AddSingleton<Platform.ICommand, ScreenCommand>();
        services.AddSingleton<IIndicator, TechSmeCountIndicator>();
        services.AddSingleton<IIndicator, HighTechCountIndicator>();
        services.AddSingleton<IIndicator, RdInstitutionCountIndicator>();
        services.AddSingleton<IIndicator, KeyInstituteCountIndicator>();
        services.AddSingleton<IIndicator, RdCoverageIndicator>();
        services.AddSingleton<IIndicator>(new PatentApplicationsIndicator(inventionOnly: false));
        services.AddSingleton<IIndicator>(new PatentApplicationsIndicator(inventionOnly: true));
        services.AddSingleton<IIndicator, IndustrializationFilingsIndicator>();
        services.AddSingleton<IIndicator, IndustrializationProjectsIndicator>();
        services.AddSingleton<IIndicator, InnovationEntitiesIndicator>();
        services.AddSingleton<Public.ITechSmeRoster, TechSmeRoster>();
        services.AddScoped<IDemoData, EnterprisesDemoData>();
        services.AddScoped<IDemoData, EnterprisePopulationDemoData>();
        services.AddScoped<IDemoData, EnterpriseTargetsDemoData>();
        services.AddScoped<Platform.Ui.IDashboardCard, EnterprisesDashboard>();
        services.AddSingleton<Platform.Ui.INavContribution, EnterprisesNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, EnterprisesPermissions>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnterprises(this IEndpointRouteBuilder app)
    {
        app.MapEvaluationApi();
        app.MapEnterprisesApi();
        app.MapCultivationApi();
        return app;
    }
}
