using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Access;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Reference;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Directory;

public static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddScoped<CreateOrganizationHandler>();
        services.AddScoped<UpdateOrganizationHandler>();
        services.AddScoped<ListOrganizationsHandler>();
        services.AddScoped<GetOrganizationHandler>();
        services.AddScoped<ListOrganizationOptionsHandler>();
        services.AddScoped<ImportOrganizationsHandler>();
        services.AddScoped<CreatePersonHandler>();
        services.AddScoped<UpdatePersonHandler>();
        services.AddScoped<ListPeopleHandler>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<ImportPeopleHandler>();
        services.AddScoped<IDirectoryLookup, DirectoryLookup>();
        services.AddScoped<IDirectoryOptions, DirectoryOptions>();
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        services.AddScoped<IPersonDirectory, PersonDirectory>();
        services.AddScoped<IDemoData, DirectoryDemoData>();
        services.AddScoped<IDashboardCard, DirectoryDashboard>();
        services.AddSingleton<INavContribution, DirectoryNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, DirectoryPermissions>();
        services.AddSingleton<IAuditVocabulary, DirectoryAuditNames>();
        services.AddScoped<IReferenceData, RegionReferenceData>();
        services.AddScoped<IReferenceData, OrganizationInitials>();
        // The region names every page shows come from this module's table, read once per process.
        services.AddSingleton<RegionCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app) => app.MapDirectoryApi();
}
