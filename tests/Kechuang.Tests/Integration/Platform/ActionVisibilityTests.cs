using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Kechuang.Platform.Access;
using Kechuang.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Tests.Integration.Platform;

/// <summary>
/// Pages offer what their reader may do. A form names the permission row it serves (<see cref="PagePermissionAttribute"/>)
/// and opens only for the roles of that row; every other account is sent to the access-denied page. And no page links
/// to a form its reader could not open: every demo account (one or more of each role) reads the pages of its menu and
/// the first record of each kind linked from them, and each link to a form is checked against the form's row — a
/// “新增” or “编辑” shown to a role that would be refused fails here.
/// </summary>
public abstract partial class ActionVisibilityTests(KechuangApp app)
{
    private static readonly string[] Accounts =
        ["admin", "security", "auditor", "city.staff", "wuyi.staff", "panan.staff", "expert.chen", "shouxiangu", "zjnu"];

    private sealed record PageRoute(string Template, Regex Pattern, Type Page, PagePermissionAttribute? Permission)
    {
        public bool NamesRecord => Template.Contains("{Id", StringComparison.Ordinal);

        public Permission? For => Permission?.For(NamesRecord);
    }

    private static readonly IReadOnlyList<PageRoute> Routes = [.. typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PageRoute(r.Template, Pattern(r.Template), t, t.GetCustomAttribute<PagePermissionAttribute>())))
        // Literal routes before those with parameters: /contracts/new is the form, not a contract's detail.
        .OrderBy(r => r.Template.Count(c => c == '{'))];

    [Fact]
    public void EveryFormRoute_NamesARowOfTheTable()
    {
        var forms = Routes.Where(r => r.Template.EndsWith("/new", StringComparison.Ordinal) || r.Template.EndsWith("/edit", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(forms);
        Assert.All(forms, r => Assert.True(r.Permission is not null, $"{r.Page.Name} ({r.Template}) names no permission row"));
        Assert.All(forms, r => Assert.NotNull(r.For));
    }

    [Fact]
    public async Task EveryForm_OpensForTheRolesOfItsRow_AndSendsEveryOtherAccountToTheDeniedPage()
    {
        var roles = await RolesAsync();
        var problems = new List<string>();
        foreach (var account in Accounts)
        {
            using var client = await app.ClientAsync(account);
            foreach (var form in Routes.Where(r => r.Permission is not null && !r.Template.Contains('{', StringComparison.Ordinal)))
            {
                var allowed = form.For!.Allows(roles[account]);
                using var response = await client.GetAsync(form.Template);
                var path = response.RequestMessage!.RequestUri!.AbsolutePath;
                // A browser is sent to the denied page; a page requested with a bearer token answers 403.
                var denied = path == "/account/denied" || response.StatusCode == HttpStatusCode.Forbidden;
                if (denied == allowed || (allowed && response.StatusCode != HttpStatusCode.OK))
                {
                    problems.Add($"{account} ({roles[account]}) {form.Template} [{form.For!.Key}]: expected {(allowed ? "the form" : "the denied page")}, got {(int)response.StatusCode} {path}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task NoPage_LinksToAFormItsReaderMayNotOpen()
    {
        var roles = await RolesAsync();
        var problems = new List<string>();
        var read = 0;
        foreach (var account in Accounts)
        {
            var role = roles[account];
            using var client = await app.ClientAsync(account);
            var menu = Links(await client.GetStringAsync("/")).Where(l => Match(l) is { Permission: null }).Distinct().ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(menu.Prepend("/"));
            var detailsOpened = new HashSet<string>(StringComparer.Ordinal);
            while (queue.TryDequeue(out var page))
            {
                if (!seen.Add(page))
                {
                    continue;
                }
                using var response = await client.GetAsync(page);
                read++;
                if (response.RequestMessage!.RequestUri!.AbsolutePath == "/account/denied" || response.StatusCode == HttpStatusCode.Forbidden)
                {
                    // The menu and the pages offer this page to this account, which may not open it.
                    problems.Add($"{account} ({role}): {page} is offered but sends it to the denied page");
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }
                foreach (var link in Links(await response.Content.ReadAsStringAsync()))
                {
                    if (Match(link) is not { } target)
                    {
                        continue;
                    }
                    if (target.For is { } row && !row.Allows(role))
                    {
                        problems.Add($"{account} ({role}): {page} links to {link}, whose form needs [{row.Key}]");
                    }
                    // One record of each kind, from the pages of the menu: their actions (edit, add beneath) are checked too.
                    else if (target.Permission is null && target.NamesRecord && menu.Contains(page) && detailsOpened.Add(target.Template))
                    {
                        queue.Enqueue(link);
                    }
                }
            }
        }
        Assert.True(read > Accounts.Length * 5, $"read only {read} pages");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    private Task<Dictionary<string, Role>> RolesAsync() =>
        app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => Accounts.Contains(a.UserName)).ToDictionaryAsync(a => a.UserName, a => a.Role));

    private static PageRoute? Match(string link)
    {
        var path = link.Split('?', '#')[0];
        return Routes.FirstOrDefault(r => r.Pattern.IsMatch(path));
    }

    /// <summary>The page links of a rendered page (not the API, assets or the account pages).</summary>
    private static IEnumerable<string> Links(string html) =>
        Href().Matches(WebUtility.HtmlDecode(html)).Select(m => m.Groups[1].Value)
            .Where(l => !l.StartsWith("/api/", StringComparison.Ordinal) && !l.StartsWith("/account/", StringComparison.Ordinal) && !l.StartsWith("/_", StringComparison.Ordinal)
                && !Path.HasExtension(l.Split('?')[0]));

    private static Regex Pattern(string template) =>
        new("^" + Parameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$", RegexOptions.IgnoreCase);

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"\{[^}]+}")]
    private static partial Regex Parameter();

    public sealed class OnSqlite(SqliteApp app) : ActionVisibilityTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ActionVisibilityTests(app), IClassFixture<PostgresApp>;
}
