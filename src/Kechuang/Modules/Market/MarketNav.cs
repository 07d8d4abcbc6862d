using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Market;

/// <summary>The market's menu group; its listings and auctions are also open to the public from the sign-in page. Titles in MarketNav.resx.</summary>
internal sealed class MarketNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("market", 500, "shop", "Menu_Market", null, typeof(MarketNav),
        [
            new("achievements", "/market/achievements", "Menu_Achievements"),
            new("auctions", "/market/auctions", "Menu_Auctions"),
        ]),
    ];

    public IEnumerable<PublicLink> PublicLinks =>
    [
        new(510, "/market/achievements", "Menu_Achievements", typeof(MarketNav)),
        new(520, "/market/auctions", "Menu_Auctions", typeof(MarketNav)),
    ];
}
