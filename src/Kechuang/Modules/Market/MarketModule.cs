using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;
using StackExchange.Redis;

namespace Kechuang.Modules.Market;

public static class MarketModule
{
    public static IServiceCollection AddMarket(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddScoped<ListAchievementsHandler>();
        services.AddScoped<GetAchievementHandler>();
        services.AddScoped<CreateAchievementHandler>();
        services.AddScoped<UpdateAchievementHandler>();
        services.AddScoped<WithdrawAchievementHandler>();
        services.AddScoped<CheckAchievementEditHandler>();
        services.AddScoped<FindAchievementOwnerHandler>();
        services.AddScoped<ImportAchievementsHandler>();
        services.AddScoped<Public.IAchievementCatalog, AchievementCatalog>();
        services.AddScoped<ListAuctionsHandler>();
        services.AddScoped<GetAuctionHandler>();
        services.AddScoped<CreateAuctionHandler>();
        services.AddScoped<AddLotHandler>();
        services.AddScoped<RegisterBidderHandler>();
        services.AddScoped<ConfirmDepositHandler>();
        services.AddScoped<ListBiddersHandler>();
        services.AddScoped<PlaceBidHandler>();
        services.AddSingleton<BidBatches>();
        services.AddScoped<GetLotHandler>();
        services.AddScoped<ListBidsHandler>();
        services.AddScoped<LotCloser>();
        services.AddScoped<CloseAuctionHandler>();
        services.AddScoped<PublishAuctionResultsHandler>();
        services.AddScoped<GetAuctionResultsHandler>();
        services.AddSingleton<MarketContracts>();
        services.AddSingleton<HubBidBroadcaster>();
        services.AddSingleton<IBidBroadcaster>(sp => sp.GetRequiredService<HubBidBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<HubBidBroadcaster>());
        services.AddSingleton<LiveHubAddress>();
        services.AddHostedService<LotCloseSweep>();
        services.AddScoped<IDemoData, MarketDemoData>();
        services.AddScoped<Platform.Ui.IDashboardCard, MarketDashboard>();
        services.AddSingleton<Platform.Ui.INavContribution, MarketNav>();
        services.AddSingleton<Platform.Access.IPermissionContribution, MarketPermissions>();
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
