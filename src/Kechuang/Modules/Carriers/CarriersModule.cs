using Kechuang.Modules.Carriers.Public;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Carriers;

public static class CarriersModule
{
    public static IServiceCollection AddCarriers(this IServiceCollection services)
    {
        services.AddScoped<CreateCarrierHandler>();
        services.AddScoped<UpdateCarrierHandler>();
        services.AddScoped<ListCarriersHandler>();
        services.AddScoped<GetCarrierHandler>();
        services.AddScoped<CountTenantsHandler>();
        services.AddScoped<ListCarrierOptionsHandler>();
        services.AddScoped<AddTenancyHandler>();
        services.AddScoped<EndTenancyHandler>();
        services.AddScoped<ListTenanciesHandler>();
        services.AddScoped<ListTenantOptionsHandler>();
        services.AddScoped<ListUnitsHandler>();
        services.AddScoped<CreateUnitHandler>();
        services.AddScoped<UpdateUnitHandler>();
        services.AddScoped<ImportTenanciesHandler>();
        services.AddScoped<ListParkTechSmesHandler>();
        services.AddScoped<CreateParcelHandler>();
        services.AddScoped<UpdateParcelHandler>();
        services.AddScoped<AddParcelStepHandler>();
        services.AddScoped<UpdateParcelStepHandler>();
        services.AddScoped<ListParcelsHandler>();
        services.AddScoped<GetParcelHandler>();
        services.AddScoped<ListParcelOptionsHandler>();
        services.AddScoped<CreateProjectHandler>();
        services.AddScoped<UpdateProjectHandler>();
        services.AddScoped<SaveProjectMilestoneHandler>();
        services.AddScoped<AddProgressReportHandler>();
        services.AddScoped<ListProjectsHandler>();
        services.AddScoped<GetProjectHandler>();
        services.AddScoped<ListProgressReportsHandler>();
        services.AddScoped<AddCarrierPaymentHandler>();
        services.AddScoped<ListCarrierPaymentsHandler>();
        services.AddSingleton<ICarrierTenancy, CarrierTenancy>();
        services.AddSingleton<ParkTechSmeCountIndicator>();
        services.AddSingleton<IIndicator>(sp => sp.GetRequiredService<ParkTechSmeCountIndicator>());
        services.AddSingleton<IIndicator, EnclaveResidentCountIndicator>();
        services.AddSingleton<IIndicator, CityMakerSpaceCountIndicator>();
        services.AddSingleton<IIndicator, LandSuppliedAreaIndicator>();
        services.AddSingleton<IIndicator, ProjectProgressIndicator>();
        services.AddSingleton<IIndicator, EnclavePurchasePaidIndicator>();
        services.AddSingleton<IIndicator, EnclaveRecoveredIndicator>();
        services.AddSingleton<IIndicator, JointCenterOccupancyIndicator>();
        services.AddSingleton<IIndicator, BuildingsDeliveredIndicator>();
        services.AddScoped<IDemoData, CarriersDemoData>();
        services.AddScoped<Platform.Ui.IDashboardCard, CarriersDashboard>();
        services.AddSingleton<Platform.Ui.INavContribution, CarriersNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, CarriersPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, CarriersAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapCarriers(this IEndpointRouteBuilder app) => app.MapCarriersApi();
}
