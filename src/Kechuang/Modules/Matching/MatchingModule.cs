using Kechuang.Platform.Demo;

namespace Kechuang.Modules.Matching;

public static class MatchingModule
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<MatchIndex>();
        services.AddHostedService<MatchIndexer>();
        services.AddScoped<MatchSources>();
        services.AddScoped<FindMatchesHandler>();
        services.AddScoped<ListDemandMatchesHandler>();
        services.AddScoped<FindOpenDemandsHandler>();
        services.AddScoped<AddFeedbackHandler>();
        services.AddScoped<ListThesaurusHandler>();
        services.AddScoped<SaveSynonymGroupHandler>();
        services.AddScoped<SaveDomainWordHandler>();
        services.AddScoped<RemoveThesaurusEntryHandler>();
        services.AddScoped<ImportSynonymGroupsHandler>();
        services.AddScoped<ImportDomainWordsHandler>();
        services.AddScoped<IDemoData, MatchingDemoData>();
        services.AddSingleton<Platform.Access.IPermissionContribution, MatchingPermissions>();
        services.AddSingleton<Platform.Ui.IAuditVocabulary, MatchingAuditNames>();
        services.AddSingleton<Platform.Ui.INavContribution, MatchingNav>();
        return services;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app) => app.MapMatchingApi();
}
