using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Talent;

/// <summary>The talent menu group; titles in TalentNav.resx.</summary>
internal sealed class TalentNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("talent", 470, "crown", "Menu_Talent", null, typeof(TalentNav),
        [
            new("talent-applications", "/talent/applications", "Menu_Applications"),
            new("talent-phd-recommendations", "/talent/phd-recommendations", "Menu_PhdRecommendations"),
            new("talent-phds", "/talent/phds", "Menu_Phds"),
            new("talent-phd-demands", "/talent/phd-demands", "Menu_PhdDemands"),
            new("talent-introductions", "/talent/introductions", "Menu_Introductions"),
        ]),
    ];
}
