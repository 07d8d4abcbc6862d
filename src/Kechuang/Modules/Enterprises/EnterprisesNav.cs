using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Enterprises;

/// <summary>Enterprise cultivation's menu group; titles in EnterprisesNav.resx.</summary>
internal sealed class EnterprisesNav : INavContribution
{
    public IEnumerable<NavSection> Sections =>
    [
        new("enterprises", 300, "rise", "Menu_Enterprises", null, typeof(EnterprisesNav),
        [
            new("enterprise-list", "/enterprises", "Menu_EnterpriseList"),
            new("evaluate", "/enterprises/evaluate", "Menu_Evaluate"),
            new("cultivation", "/cultivation", "Menu_Cultivation", Roles.Staff),
            new("claims", "/enterprises/claims", "Menu_Claims", Roles.StaffAndEnterprises),
        ]),
    ];
}
