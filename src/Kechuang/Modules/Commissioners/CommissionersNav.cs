using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Commissioners;

/// <summary>The commissioners' menu group; titles in CommissionersNav.resx.</summary>
internal sealed class CommissionersNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("commissioners", 210, "team", "Menu_Commissioners", null, typeof(CommissionersNav),
        [
            new("commissioner-list", "/commissioners", "Menu_CommissionerList"),
            new("commissioner-service", "/commissioners/services/new", "Menu_RecordService", Roles.Staff),
            new("commissioner-services", "/commissioners/services", "Menu_Services"),
            new("commissioner-projects", "/commissioners/projects", "Menu_Projects"),
            new("commissioner-needs", "/commissioners/needs", "Menu_Needs"),
        ]),
    ];
}
