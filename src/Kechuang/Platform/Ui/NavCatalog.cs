using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Kechuang.Platform.Ui;

/// <summary>A menu entry: its link, the Shell.resx key of its title, and the policy that may see it (null: any signed-in account).</summary>
public sealed record NavItem(string Key, string Link, string TitleKey, string? Policy = null);

/// <summary>A menu group of one module.</summary>
public sealed record NavSection(string Key, string Icon, string TitleKey, string? Policy, IReadOnlyList<NavItem> Items);

/// <summary>
/// The left menu. Modules that have pages are listed here; an entry whose page does not exist in this
/// build (a module not merged yet) is left out, so the menu shows only modules that exist.
/// </summary>
public static class NavCatalog
{
    public static readonly IReadOnlyList<NavSection> Sections =
    [
        new("directory", "team", "Menu_Directory", null,
        [
            new("organizations", "/directory/organizations", "Menu_Organizations"),
            new("people", "/directory/people", "Menu_People"),
        ]),
        new("carriers", "bank", "Menu_Carriers", null,
        [
            new("carrier-list", "/carriers", "Menu_CarrierList"),
            new("park-tech-smes", "/carriers/park-tech-smes", "Menu_ParkTechSmes", Access.Roles.Staff),
        ]),
        new("enterprises", "rise", "Menu_Enterprises", null,
        [
            new("enterprise-list", "/enterprises", "Menu_EnterpriseList"),
            new("evaluate", "/enterprises/evaluate", "Menu_Evaluate"),
            new("cultivation", "/cultivation", "Menu_Cultivation", Access.Roles.Staff),
        ]),
        new("contracts", "file-text", "Menu_Contracts", null,
        [
            new("contract-list", "/contracts", "Menu_ContractList"),
            new("contract-new", "/contracts/new", "Menu_ContractNew"),
        ]),
        new("market", "shop", "Menu_Market", null,
        [
            new("achievements", "/market/achievements", "Menu_Achievements"),
            new("auctions", "/market/auctions", "Menu_Auctions"),
        ]),
        new("performance", "aim", "Menu_Performance", Access.Roles.Staff,
        [
            new("targets", "/indicators/targets", "Menu_Targets"),
        ]),
        new("system", "setting", "Menu_System", Access.Roles.Administrators,
        [
            new("accounts", "/admin/accounts", "Menu_Accounts", Access.Roles.AccountAdmins),
            new("audit", "/admin/audit", "Menu_Audit", Access.Roles.Auditors),
        ]),
    ];

    private static readonly HashSet<string> Routes = typeof(NavCatalog).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => "/" + r.Template.Trim('/'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a page answers this link (its path without the query string).</summary>
    public static bool Exists(string link) => Routes.Contains(link.Split('?')[0].TrimEnd('/') is { Length: > 0 } path ? path : "/");

    public static IEnumerable<NavSection> Existing() =>
        Sections.Select(s => s with { Items = s.Items.Where(i => Exists(i.Link)).ToList() }).Where(s => s.Items.Count > 0);
}
