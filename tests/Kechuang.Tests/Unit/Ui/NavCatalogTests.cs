using System.Security.Claims;
using Kechuang.Platform.Access;
using Kechuang.Platform.Ui;

namespace Kechuang.Tests.Unit.Ui;

public class NavCatalogTests
{
    private sealed class Contribution(params NavSection[] sections) : INavContribution
    {
        public IEnumerable<NavSection> Sections => sections;

        public IEnumerable<QuickLink> QuickLinks { get; init; } = [];

        public IEnumerable<PublicLink> PublicLinks { get; init; } = [];
    }

    private static NavSection Section(string key, int order, params NavItem[] items) =>
        new(key, order, "team", "Title_" + key, null, typeof(NavCatalogTests), items);

    [Fact]
    public void Sections_AreInDeclaredOrder_NotRegistrationOrder()
    {
        var catalog = new NavCatalog([
            new Contribution(Section("late", 900, new NavItem("b", "/directory/people", "B"))),
            new Contribution(Section("early", 100, new NavItem("a", "/directory/organizations", "A")), Section("middle", 500, new NavItem("c", "/contracts", "C"))),
        ]);

        Assert.Equal(["early", "middle", "late"], catalog.Sections.Select(s => s.Key));
    }

    [Fact]
    public void Existing_LeavesOutEntriesWithoutAPage_AndGroupsLeftEmpty()
    {
        var catalog = new NavCatalog([
            new Contribution(
                Section("directory", 100, new NavItem("organizations", "/directory/organizations", "A"), new NavItem("missing", "/no-such-page", "B")),
                Section("empty", 200, new NavItem("also-missing", "/no-such-module", "C"))),
        ]);

        var existing = catalog.Existing().ToList();

        var section = Assert.Single(existing);
        Assert.Equal(["organizations"], section.Items.Select(i => i.Key));
    }

    [Fact]
    public void Constructor_KeyContributedTwice_Throws()
    {
        var contributions = new INavContribution[]
        {
            new Contribution(Section("one", 100, new NavItem("same", "/contracts", "A"))),
            new Contribution(Section("two", 200, new NavItem("same", "/carriers", "B"))),
        };

        var error = Assert.Throws<InvalidOperationException>(() => new NavCatalog(contributions));

        Assert.Contains("'same'", error.Message);
    }

    [Fact]
    public void QuickLinks_InDeclaredOrder_OnlyThoseTheUserMayFollow()
    {
        var catalog = new NavCatalog([
            new Contribution
            {
                QuickLinks =
                [
                    new(920, "/admin/audit", "audit", "Audit", typeof(NavCatalogTests), Roles.Admin),
                    new(110, "/directory/organizations", "bank", "Organizations", typeof(NavCatalogTests)),
                    new(120, "/no-such-page", "bank", "Missing", typeof(NavCatalogTests)),
                ],
            },
        ]);

        Assert.Equal(["/directory/organizations", "/admin/audit"], catalog.QuickLinks(User(Role.CityAdmin)).Select(l => l.Link));
        Assert.Equal(["/directory/organizations"], catalog.QuickLinks(User(Role.CityStaff)).Select(l => l.Link));
    }

    [Theory]
    [InlineData(null, Role.Enterprise, true)]
    [InlineData(Roles.Staff, Role.CountyStaff, true)]
    [InlineData(Roles.Staff, Role.Enterprise, false)]
    [InlineData(Roles.Admin, Role.CityStaff, false)]
    [InlineData(Roles.Admin, Role.CityAdmin, true)]
    [InlineData("no-such-policy", Role.CityAdmin, false)]
    [InlineData(Roles.Auditors, Role.AuditAdmin, true)]
    [InlineData(Roles.Auditors, Role.CityAdmin, false)]
    [InlineData(Roles.AccountAdmins, Role.SecurityAdmin, true)]
    [InlineData(Roles.AccountAdmins, Role.AuditAdmin, false)]
    [InlineData(Roles.Administrators, Role.AuditAdmin, true)]
    [InlineData(Roles.Administrators, Role.CityStaff, false)]
    public void Allowed_FollowsThePolicysRoles(string? policy, Role role, bool expected)
    {
        Assert.Equal(expected, NavCatalog.Allowed(User(role), policy));
    }

    [Theory]
    [InlineData("/directory/people", true)]
    [InlineData("/directory/people?kind=expert", true)]
    [InlineData("/contracts", true)]
    [InlineData("/suggestions", true)]
    [InlineData("/no-such-module/list", false)]
    [InlineData("/no-such-page", false)]
    public void Exists_TellsWhetherAPageAnswers(string link, bool expected)
    {
        Assert.Equal(expected, NavCatalog.Exists(link));
    }

    private static ClaimsPrincipal User(Role role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role.ToString())], "test"));
}
