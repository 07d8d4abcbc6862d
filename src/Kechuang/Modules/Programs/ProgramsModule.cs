using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Programs;

public static class ProgramsModule
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<CreateCallHandler>();
        services.AddScoped<UpdateCallHandler>();
        services.AddScoped<ListCallsHandler>();
        services.AddScoped<GetCallHandler>();
        services.AddScoped<GetCallRankingHandler>();
        services.AddScoped<SubmitApplicationHandler>();
        services.AddScoped<UpdateApplicationHandler>();
        services.AddScoped<ListApplicationsHandler>();
        services.AddScoped<GetApplicationHandler>();
        services.AddScoped<ListApplicationChoicesHandler>();
        services.AddScoped<ImportApplicationsHandler>();
        services.AddScoped<DecideFormalCheckHandler>();
        services.AddScoped<AssignReviewersHandler>();
        services.AddScoped<ReviewApplicationHandler>();
        services.AddScoped<RecommendApplicationHandler>();
        services.AddScoped<PublishNoticeHandler>();
        services.AddScoped<RegisterObjectionHandler>();
        services.AddScoped<DecideObjectionHandler>();
        services.AddScoped<ApproveApplicationHandler>();
        services.AddScoped<RefuseApplicationHandler>();
        services.AddScoped<RegisterTaskContractHandler>();
        services.AddScoped<RegisterMidtermCheckHandler>();
        services.AddScoped<RegisterExtensionHandler>();
        services.AddScoped<SubmitAcceptanceRequestHandler>();
        services.AddScoped<DecideAcceptanceHandler>();
        services.AddScoped<RegisterEvaluationHandler>();
        services.AddScoped<DownloadRecommendationLetterHandler>();
        services.AddScoped<ListReviewerChoicesHandler>();
        services.AddScoped<RegisterConflictHandler>();
        services.AddScoped<SubmitScoreHandler>();
        services.AddScoped<ListMyReviewsHandler>();
        services.AddSingleton<IIndicator, ApplicationsIndicator>();
        services.AddSingleton<IIndicator, RecommendedIndicator>();
        services.AddSingleton<IIndicator, ApprovedIndicator>();
        services.AddSingleton<IIndicator, CitySocialApprovedIndicator>();
        services.AddSingleton<IIndicator, CityAgriculturalKeyApprovedIndicator>();
        services.AddSingleton<IIndicator, ProvincialApprovedIndicator>();
        services.AddSingleton<IIndicator, AcceptedIndicator>();
        services.AddScoped<IDemoData, ProgramsDemoData>();
        services.AddScoped<Platform.Ui.IDashboardCard, ProgramsDashboard>();
        services.AddSingleton<Platform.Ui.INavContribution, ProgramsNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, ProgramsPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, ProgramsAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrograms(this IEndpointRouteBuilder app) => app.MapProgramsApi();
}
