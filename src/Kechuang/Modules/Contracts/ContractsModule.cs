using Kechuang.Modules.Contracts.Public;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Contracts;

public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.AddScoped<CreateContractHandler>();
        services.AddScoped<UpdateContractHandler>();
        services.AddScoped<ListContractsHandler>();
        services.AddScoped<GetContractHandler>();
        services.AddScoped<ListContractPartiesHandler>();
        services.AddScoped<SubmitContractHandler>();
        services.AddScoped<ReviewContractHandler>();
        services.AddScoped<ReturnContractHandler>();
        services.AddScoped<RefuseContractHandler>();
        services.AddScoped<RegisterContractHandler>();
        services.AddScoped<ImportContractsHandler>();
        services.AddScoped<UploadContractAttachmentHandler>();
        services.AddScoped<ListContractAttachmentsHandler>();
        services.AddScoped<DownloadContractAttachmentHandler>();
        services.AddScoped<ListRegistrationPointsHandler>();
        services.AddScoped<CreateRegistrationPointHandler>();
        services.AddScoped<UpdateRegistrationPointHandler>();
        services.AddScoped<GetContractStatisticsHandler>();
        services.AddScoped<ITechContracts, TechContracts>();
        services.AddSingleton<IIndicator, TransactionAmountIndicator>();
        services.AddSingleton<IIndicator, RegisteredCountIndicator>();
        services.AddSingleton<IIndicator, IpShareIndicator>();
        services.AddSingleton<IIndicator, FromUniversitiesIndicator>();
        services.AddScoped<IDemoData, ContractsDemoData>();
        services.AddScoped<IDashboardCard, ContractsDashboard>();
        services.AddSingleton<INavContribution, ContractsNav>();
        services.AddSingleton<IAuditVocabulary, ContractsAuditNames>();
        services.AddSingleton<Platform.Access.IPermissionContribution, ContractsPermissions>();
        return services;
    }

    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app) => app.MapContractsApi();
}
