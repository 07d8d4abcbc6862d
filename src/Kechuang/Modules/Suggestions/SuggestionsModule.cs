using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Suggestions;

public static class SuggestionsModule
{
    public static IServiceCollection AddSuggestions(this IServiceCollection services)
    {
        services.AddOptions<SuggestionTerms>().BindConfiguration("Suggestions:Terms");
        services.AddScoped<CreateSuggestionHandler>();
        services.AddScoped<UpdateSuggestionHandler>();
        services.AddScoped<ImportSuggestionsHandler>();
        services.AddScoped<AssignSuggestionHandler>();
        services.AddScoped<ReturnSuggestionHandler>();
        services.AddScoped<ConfirmSuggestionReceiptHandler>();
        services.AddScoped<StartSuggestionHandler>();
        services.AddScoped<ExtendSuggestionHandler>();
        services.AddScoped<RecordCoHandlingOpinionHandler>();
        services.AddScoped<RecordRepresentativeContactHandler>();
        services.AddScoped<SubmitSuggestionReplyHandler>();
        services.AddScoped<RecordSuggestionFeedbackHandler>();
        services.AddScoped<PublishSuggestionReplyHandler>();
        services.AddScoped<ListSuggestionsHandler>();
        services.AddScoped<GetSuggestionHandler>();
        services.AddScoped<GetPublishedSuggestionHandler>();
        services.AddScoped<ListSuggestionUnitsHandler>();
        services.AddScoped<ReplyRenderer>();
        services.AddScoped<GenerateReplyHandler>();
        services.AddScoped<ListReplyVersionsHandler>();
        services.AddScoped<GetReplyVersionHandler>();
        services.AddScoped<GetReplyTemplateHandler>();
        services.AddScoped<SaveReplyTemplateHandler>();
        services.AddScoped<GetReplyPreviewHandler>();
        services.AddScoped<ListReplyTokensHandler>();
        services.AddScoped<DownloadReplyHandler>();
        foreach (var indicator in SuggestionRateIndicator.All())
        {
            services.AddSingleton(indicator);
        }
        services.AddScoped<Platform.Ui.IDashboardCard, SuggestionsDashboard>();
        services.AddScoped<IDemoData, SuggestionsDemoData>();
        services.AddSingleton<Platform.Ui.INavContribution, SuggestionsNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, SuggestionsPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, SuggestionsAuditNames>();
        return services;
    }

    public static IEndpointRouteBuilder MapSuggestions(this IEndpointRouteBuilder app) => app.MapSuggestionsApi();
}
