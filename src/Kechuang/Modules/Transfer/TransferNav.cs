using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Transfer;

/// <summary>The technology-transfer menu group; titles in TransferNav.resx.</summary>
internal sealed class TransferNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("transfer", 450, "swap", "Menu_Transfer", null, typeof(TransferNav),
        [
            new("transfer-demands", "/transfer/demands", "Menu_Demands"),
            new("transfer-cooperations", "/transfer/cooperations", "Menu_Cooperations"),
            new("transfer-events", "/transfer/events", "Menu_Events"),
            new("transfer-stations", "/transfer/stations", "Menu_Stations"),
            new("transfer-projects", "/transfer/projects", "Menu_Projects"),
            new("transfer-key-labs", "/transfer/key-labs", "Menu_KeyLabs"),
        ]),
    ];
}
