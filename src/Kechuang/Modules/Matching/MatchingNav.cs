using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Matching;

/// <summary>The matching menu group, for staff who keep the thesaurus; titles in MatchingNav.resx.</summary>
internal sealed class MatchingNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("matching", 485, "share-alt", "Menu_Matching", Roles.Staff, typeof(MatchingNav),
        [
            new("matching-thesaurus", "/matching/thesaurus", "Menu_Thesaurus"),
        ]),
    ];
}
