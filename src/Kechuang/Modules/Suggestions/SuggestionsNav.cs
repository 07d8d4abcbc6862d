using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Suggestions;

/// <summary>The suggestions menu group; titles in SuggestionsNav.resx.</summary>
internal sealed class SuggestionsNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("suggestions", 490, "solution", "Menu_Suggestions", Roles.Staff, typeof(SuggestionsNav),
        [
            new("suggestion-list", "/suggestions", "Menu_SuggestionList"),
        ]),
    ];
}
