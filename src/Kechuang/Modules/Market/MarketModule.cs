using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;
using StackExchange.Redis;

namespace Kechuang.Modules.Market;

public static class MarketModule
{
    public static IServiceCollection AddMarket(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddScoped<AchievementsHandler>();
        services.AddScoped<ImportAchievementsHandler>();
        services.AddScoped<AuctionsHandler>();
        services.AddScoped<PlaceBidHandler>();
        services.AddSingleton<BidBatches>();
        services.AddScoped<LotsHandler>();
        services.AddScoped<LotCloser>();
        services.AddScoped<AuctionResultsHandler>();
        services.AddSingleton<MarketContracts>();
        services.AddSingleton<HubBidBroadcaster>();
        services.AddSingleton<IBidBroadcaster>(sp => sp.GetRequiredService<HubBidBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<HubBidBroadcaster>());
        services.AddSingleton<LiveHubAddress>();
        services.AddHostedService<LotCloseSweep>();
        services.AddScoped<IDemoData, MarketDemoData>();
        services.AddScoped<Platform.Ui.IDashboardCard, MarketDashboard>();
        services.AddSingleton<Platform.Ui.INavContribution, MarketNav>();
        services.AddSingleton<IIndicator, AuctionLotsIndicator>();
        services.AddSingleton<IIndicator, AuctionInstitutionsIndicator>();
        services.AddSingleton<IIndicator, SoldLotsIndicator>();
        services.AddSingleton<IIndicator, HammerTotalIndicator>();
        services.AddSingleton<IIndicator, PremiumRateIndicator>();

        // Several web nodes: Redis carries hub messages (bids, and Blazor circuits) between them. One node: in-process.
        var signalR = services.AddSignalR();
        var redis = configuration?["Redis:Connection"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("kechuang"));
        }
        return services;
    }

    public static IEndpointRouteBuilder MapMarket(this IEndpointRouteBuilder app)
    {
        app.MapMarketApi();
        app.MapHub<AuctionHub>(AuctionHub.Path).AllowAnonymous();
        return app;
    }
}
