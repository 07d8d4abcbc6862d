using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Directory;

/// <summary>The directory's menu group (first in the menu) and its home-page shortcuts; titles in DirectoryNav.resx.</summary>
internal sealed class DirectoryNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("directory", 100, "team", "Menu_Directory", null, typeof(DirectoryNav),
        [
            new("organizations", "/directory/organizations", "Menu_Organizations"),
            new("people", "/directory/people", "Menu_People"),
        ]),
    ];

    public IEnumerable<QuickLink> QuickLinks =>
    [
        new(110, "/directory/organizations/new", "plus-circle", "Quick_NewOrganization", typeof(DirectoryNav)),
        new(120, "/directory/organizations", "bank", "Quick_Organizations", typeof(DirectoryNav)),
        new(130, "/directory/people/new", "user-add", "Quick_NewPerson", typeof(DirectoryNav)),
        new(140, "/directory/people", "team", "Quick_People", typeof(DirectoryNav)),
    ];
}
