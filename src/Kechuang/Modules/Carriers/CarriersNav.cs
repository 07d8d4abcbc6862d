using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Carriers;

/// <summary>The carriers' menu group; titles in CarriersNav.resx.</summary>
internal sealed class CarriersNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("carriers", 200, "bank", "Menu_Carriers", null, typeof(CarriersNav),
        [
            new("carrier-list", "/carriers", "Menu_CarrierList"),
            new("park-tech-smes", "/carriers/park-tech-smes", "Menu_ParkTechSmes", Roles.Staff),
            new("parcels", "/parcels", "Menu_Parcels"),
            new("projects", "/construction-projects", "Menu_Projects"),
        ]),
    ];
}
