using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Contracts;

/// <summary>Technology contracts' menu group; titles in ContractsNav.resx.</summary>
internal sealed class ContractsNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("contracts", 400, "file-text", "Menu_Contracts", null, typeof(ContractsNav),
        [
            new("contract-list", "/contracts", "Menu_ContractList"),
            new("contract-new", "/contracts/new", "Menu_ContractNew"),
            new("contract-statistics", "/contracts/statistics", "Menu_ContractStatistics"),
            new("contract-points", "/contracts/registration-points", "Menu_ContractPoints"),
        ]),
    ];
}
