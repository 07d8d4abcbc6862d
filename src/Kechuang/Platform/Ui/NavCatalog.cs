using System.Reflection;
using System.Security.Claims;
using Kechuang.Platform.Access;
using Microsoft.AspNetCore.Components;

namespace Kechuang.Platform.Ui;

/// <summary>A menu entry: its link, the resource key of its title, and the policy that may see it (null: any signed-in account).</summary>
public sealed record NavItem(string Key, string Link, string TitleKey, string? Policy = null);

/// <summary>
/// A menu group. <paramref name="Order"/> places it among the groups of every contributor (lower first);
/// <paramref name="Strings"/> is the resource type whose .resx (zh-CN, with an .en.resx beside it) holds its titles.
/// </summary>
public sealed record NavSection(string Key, int Order, string Icon, string TitleKey, string? Policy, Type Strings, IReadOnlyList<NavItem> Items);

/// <summary>A shortcut on the home page, in the order given by <paramref name="Order"/>; its title is a key of its contributor's resources.</summary>
public sealed record QuickLink(int Order, string Link, string Icon, string TitleKey, Type Strings, string? Policy = null);

/// <summary>A page anyone may open without signing in, linked from the sign-in page.</summary>
public sealed record PublicLink(int Order, string Link, string TitleKey, Type Strings);

/// <summary>
/// What a module (or a part of the platform) adds to the shell: its menu groups, its home-page shortcuts and
/// its public pages. Registered as a singleton <c>INavContribution</c>; <see cref="NavCatalog"/> composes them.
/// </summary>
public interface INavContribution
{
    IEnumerable<NavSection> Sections { get; }

    IEnumerable<QuickLink> QuickLinks => [];

    IEnumerable<PublicLink> PublicLinks => [];
}

/// <summary>
/// The left menu, the home page's shortcuts and the sign-in page's public links, composed from every
/// registered <see cref="INavContribution"/> in their declared order. An entry whose page does not exist in
/// this build is left out, so the menu never links to a missing page.
/// </summary>
public sealed class NavCatalog
{
    private static readonly HashSet<string> Routes = typeof(NavCatalog).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => "/" + r.Template.Trim('/'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The permission row of each form reached by a literal route (a “new” page): its menu entry shows only to the row's roles.</summary>
    private static readonly Dictionary<string, Permission> Forms = typeof(NavCatalog).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<PagePermissionAttribute>() is not null)
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Where(r => !r.Template.Contains('{', StringComparison.Ordinal))
            .Select(r => ("/" + r.Template.Trim('/'), t.GetCustomAttribute<PagePermissionAttribute>()!.For(namesRecord: false))))
        .ToDictionary(f => f.Item1, f => f.Item2, StringComparer.OrdinalIgnoreCase);

    private readonly List<QuickLink> _quickLinks;

    public NavCatalog(IEnumerable<INavContribution> contributions)
    {
        var all = contributions.ToList();
        Sections = all.SelectMany(c => c.Sections).OrderBy(s => s.Order).ToList();
        // The menu selects and opens entries by key: a key given twice would open or select the wrong one.
        var duplicate = Sections.Select(s => s.Key).Concat(Sections.SelectMany(s => s.Items).Select(i => i.Key))
            .GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Menu key '{duplicate.Key}' is contributed more than once.");
        }
        _quickLinks = all.SelectMany(c => c.QuickLinks).OrderBy(l => l.Order).Where(l => Exists(l.Link)).ToList();
        PublicLinks = all.SelectMany(c => c.PublicLinks).OrderBy(l => l.Order).Where(l => Exists(l.Link)).ToList();
    }

    /// <summary>Every contributed group in order, as contributed.</summary>
    public IReadOnlyList<NavSection> Sections { get; }

    public IReadOnlyList<PublicLink> PublicLinks { get; }

    /// <summary>True when a page answers this link (its path without the query string).</summary>
    public static bool Exists(string link) => Routes.Contains(link.Split('?')[0].TrimEnd('/') is { Length: > 0 } path ? path : "/");

    /// <summary>The groups whose entries have pages, each with only those entries.</summary>
    public IEnumerable<NavSection> Existing() =>
        Sections.Select(s => s with { Items = s.Items.Where(i => Exists(i.Link)).ToList() }).Where(s => s.Items.Count > 0);

    /// <summary>The home page's shortcuts this user may follow.</summary>
    public IEnumerable<QuickLink> QuickLinks(ClaimsPrincipal user) => _quickLinks.Where(l => Allowed(user, l.Policy) && Opens(user, l.Link));

    /// <summary>Whether the user sees a menu entry: its policy admits them, and a form it opens is one their role may use.</summary>
    public static bool Allowed(ClaimsPrincipal user, NavItem item)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        return Allowed(user, item.Policy) && Opens(user, item.Link);
    }

    /// <summary>Whether a link leads to a page the user may open: any page but a form whose row leaves out their role.</summary>
    private static bool Opens(ClaimsPrincipal user, string link) =>
        !Forms.TryGetValue(link.Split('?')[0].TrimEnd('/'), out var row) || Enum.GetValues<Role>().Any(r => user.IsInRole(r.ToString()) && row.Allows(r));

    /// <summary>Whether a menu policy admits the user: the same roles as the authorization policies of that name.</summary>
    public static bool Allowed(ClaimsPrincipal user, string? policy) => policy switch
    {
        null => true,
        Roles.Admin => user.IsInRole(nameof(Role.CityAdmin)),
        Roles.AccountAdmins => user.IsInRole(nameof(Role.CityAdmin)) || user.IsInRole(nameof(Role.SecurityAdmin)),
        Roles.Auditors => user.IsInRole(nameof(Role.AuditAdmin)),
        Roles.Administrators => user.IsInRole(nameof(Role.CityAdmin)) || user.IsInRole(nameof(Role.SecurityAdmin)) || user.IsInRole(nameof(Role.AuditAdmin)),
        Roles.Staff => user.IsInRole(nameof(Role.CityAdmin)) || user.IsInRole(nameof(Role.CityStaff)) || user.IsInRole(nameof(Role.CountyStaff)),
        Roles.StaffAndEnterprises => Allowed(user, Roles.Staff) || user.IsInRole(nameof(Role.Enterprise)),
        _ => false,
    };
}
