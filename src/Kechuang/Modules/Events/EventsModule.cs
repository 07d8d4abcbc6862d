using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;

namespace Kechuang.Modules.Events;

public static class EventsModule
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<CreateEventRecordHandler>();
        services.AddScoped<UpdateEventRecordHandler>();
        services.AddScoped<ListEventsHandler>();
        services.AddScoped<GetEventRecordHandler>();
        services.AddScoped<ListEventChoicesHandler>();
        services.AddScoped<CreateMediaReportHandler>();
        services.AddScoped<UpdateMediaReportHandler>();
        services.AddScoped<ListMediaReportsHandler>();
        services.AddScoped<GetMediaReportHandler>();
        services.AddScoped<ImportMediaReportsHandler>();
        services.AddSingleton<IIndicator, MediaReportsIndicator>();
        services.AddSingleton<IIndicator, MediaOutletsIndicator>();
        services.AddScoped<IDemoData, EventsDemoData>();
        services.AddSingleton<Platform.Ui.INavContribution, EventsNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, EventsPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, EventsAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app) => app.MapEventsApi();
}
