using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Transfer;

public static class TransferModule
{
    public static IServiceCollection AddTransfer(this IServiceCollection services)
    {
        services.AddScoped<CreateStationHandler>();
        services.AddScoped<UpdateStationHandler>();
        services.AddScoped<ListStationsHandler>();
        services.AddScoped<GetStationHandler>();
        services.AddScoped<ListTransferOptionsHandler>();
        services.AddScoped<ImportStationsHandler>();
        services.AddScoped<SaveSchemeHandler>();
        services.AddScoped<ListSchemesHandler>();
        services.AddScoped<AddAssessmentHandler>();
        services.AddScoped<ListAssessmentsHandler>();
        services.AddScoped<AddStationPaymentHandler>();
        services.AddScoped<ListStationPaymentsHandler>();
        services.AddScoped<CreateMatchmakingHandler>();
        services.AddScoped<UpdateMatchmakingHandler>();
        services.AddScoped<ListEventsHandler>();
        services.AddScoped<GetMatchmakingHandler>();
        services.AddScoped<AddAttendanceHandler>();
        services.AddScoped<ListAttendancesHandler>();
        services.AddScoped<CreateDemandHandler>();
        services.AddScoped<UpdateDemandHandler>();
        services.AddScoped<UpdateDemandStatusHandler>();
        services.AddScoped<ListDemandsHandler>();
        services.AddScoped<GetDemandHandler>();
        services.AddScoped<ImportDemandsHandler>();
        services.AddScoped<Public.IDemandCatalog, DemandCatalog>();
        services.AddScoped<CreateCampaignHandler>();
        services.AddScoped<ListCampaignsHandler>();
        services.AddScoped<CreateCooperationHandler>();
        services.AddScoped<UpdateCooperationHandler>();
        services.AddScoped<ListCooperationsHandler>();
        services.AddScoped<GetCooperationHandler>();
        services.AddScoped<FindCooperationContractsHandler>();
        services.AddScoped<ImportCooperationsHandler>();
        services.AddScoped<CreateInstituteProjectHandler>();
        services.AddScoped<UpdateInstituteProjectHandler>();
        services.AddScoped<ListInstituteProjectsHandler>();
        services.AddScoped<GetInstituteProjectHandler>();
        services.AddScoped<CreateKeyLabHandler>();
        services.AddScoped<UpdateKeyLabHandler>();
        services.AddScoped<AddRecognitionHandler>();
        services.AddScoped<ListKeyLabsHandler>();
        services.AddScoped<GetKeyLabHandler>();
        services.AddSingleton<IIndicator, StationCountIndicator>();
        services.AddSingleton<IIndicator, ExpertAttendanceIndicator>();
        services.AddSingleton<IIndicator, DemandsCollectedIndicator>();
        services.AddSingleton<IIndicator, CooperationCountIndicator>();
        services.AddSingleton<IIndicator, StationFundsIndicator>();
        services.AddSingleton<IIndicator, InstituteProjectIndicator>();
        services.AddSingleton<IIndicator, MajorInstituteProjectIndicator>();
        services.AddScoped<IDemoData, TransferDemoData>();
        services.AddScoped<Platform.Ui.IDashboardCard, TransferDashboard>();
        services.AddSingleton<Platform.Ui.INavContribution, TransferNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, TransferPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, TransferAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapTransfer(this IEndpointRouteBuilder app) => app.MapTransferApi();
}
