using System.Text;
using Kechuang.Modules.Carriers;
using Kechuang.Modules.Commissioners;
using Kechuang.Modules.Contracts;
using Kechuang.Modules.Directory;
using Kechuang.Modules.Enterprises;
using Kechuang.Modules.Events;
using Kechuang.Modules.Market;
using Kechuang.Modules.Matching;
using Kechuang.Modules.Programs;
using Kechuang.Modules.Suggestions;
using Kechuang.Modules.Talent;
using Kechuang.Modules.Transfer;
using Kechuang.Platform.Access;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Problems;
using Kechuang.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kechuang.Tests.Unit.Platform;

/// <summary>The role-permission table as the modules contribute it, its one check, and its copy in docs/security.md.</summary>
public class PermissionTableTests
{
    private const string Start = "<!-- permissions:start -->";
    private const string End = "<!-- permissions:end -->";

    private static PermissionTable Table()
    {
        var services = new ServiceCollection()
            .AddAccess(new ConfigurationBuilder().Build()).AddIndicators()
            .AddDirectory().AddContracts().AddEnterprises().AddMarket().AddCarriers().AddCommissioners().AddTransfer()
            .AddTalent().AddEvents().AddPrograms().AddMatching().AddSuggestions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<PermissionTable>();
    }

    [Fact]
    public void Table_HasEveryModulesRows_EachWithRoles()
    {
        var table = Table();

        Assert.Equal(["账号与认证", "组织与人员", "技术合同登记", "企业培育", "成果交易", "创新载体", "科技特派员", "技术转移", "人才工作", "活动与宣传", "科技计划", "匹配推荐", "建议办理", "指标与目标"],
            table.Rows.Select(r => r.Module).Distinct());
        // One row is held by no role: the served farmer confirms a service by the code in a link, without an account.
        Assert.All(table.Rows.Where(r => r.Permission.Key != "commissioners.services.confirm-by-link"), r => Assert.NotEmpty(r.Permission.Roles));
        Assert.Equal(["commissioners.services.confirm-by-link"], table.Rows.Where(r => r.Permission.Roles.Count == 0).Select(r => r.Permission.Key));
        // An expert records nothing of the bureau's: it signs in, may try the evaluation engines, which store nothing, and scores what it is assigned.
        Assert.Equal(["access.sign-in", "enterprises.evaluations.run", "programs.scores.submit"], table.Rows.Where(r => r.Permission.Allows(Role.Expert)).Select(r => r.Permission.Key));
        Assert.Equal(["access.sign-in"], table.Rows.Where(r => r.Permission.Allows(Role.AuditAdmin)).Select(r => r.Permission.Key));
    }

    [Fact]
    public void Table_RefusesAKeyContributedTwice()
    {
        var twice = new Permission("notes.change", "修改便签", PermissionKind.Change, RoleSets.Staff);

        var error = Assert.Throws<InvalidOperationException>(() => new PermissionTable([new Contribution([twice]), new Contribution([twice with { Name = "又一行" }])]));

        Assert.Contains("notes.change", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Demand_RefusesARoleNotInTheRow_AndAllowsTheSystemScope()
    {
        var row = new Permission("notes.change", "修改便签", PermissionKind.Change, [Role.CountyStaff]);
        var clerk = new CurrentUser();
        clerk.Set(SignInHandler.Principal(Guid.NewGuid(), "clerk", Role.CountyStaff, "330723", "县局", "s", null, "test"));
        var expert = new CurrentUser();
        expert.Set(SignInHandler.Principal(Guid.NewGuid(), "expert", Role.Expert, "330723", "专家", "s", null, "test"));
        var system = new CurrentUser();
        system.UseSystemScope("test");

        clerk.Demand(row);
        system.Demand(row);
        var refusal = Assert.Throws<ForbiddenException>(() => expert.Demand(row));
        var anonymous = Assert.Throws<ForbiddenException>(() => new CurrentUser().Demand(row));

        Assert.Equal("无权执行此操作：修改便签", refusal.Message);
        Assert.Equal(PermissionChecks.RefusedCode, refusal.Code);
        Assert.Equal(PermissionChecks.RefusedCode, anonymous.Code);
    }

    /// <summary>docs/security.md holds the table as the code has it; when they differ, the message is the table to paste.</summary>
    [Fact]
    public void SecurityDocument_ListsEveryPermissionWithItsRoles()
    {
        var expected = Markdown(Table());
        var document = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "security.md"));
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/security.md has no section between {Start} and {End}");

        var written = document[(start + Start.Length)..end].Trim().ReplaceLineEndings("\n");

        Assert.True(written == expected, $"docs/security.md differs from the code's table; the table is:\n\n{expected}\n");
    }

    /// <summary>One line per permission: module, key, what it allows, its kind, and ✓ or — for each role.</summary>
    private static string Markdown(PermissionTable table)
    {
        var roles = Enum.GetValues<Role>();
        var text = new StringBuilder();
        text.Append("| module | permission | action | kind | ").AppendJoin(" | ", roles.Select(Kebab.From)).Append(" |\n");
        text.Append("| --- | --- | --- | --- | ").AppendJoin(" | ", roles.Select(_ => ":-:")).Append(" |\n");
        foreach (var (module, p) in table.Rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {module} | `{p.Key}` | {p.Name} | {p.Kind.ToString().ToLowerInvariant()} | ")
                .AppendJoin(" | ", roles.Select(r => p.Allows(r) ? "✓" : "—")).Append(" |\n");
        }
        return text.ToString().TrimEnd('\n');
    }


    private sealed class Contribution(IEnumerable<Permission> permissions) : IPermissionContribution
    {
        public string Module => "便签";

        public int Order => 0;

        public IEnumerable<Permission> Permissions => permissions;
    }
}
