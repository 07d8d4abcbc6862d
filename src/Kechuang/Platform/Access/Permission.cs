using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Access;

/// <summary>What a permission lets its roles do with a kind of record.</summary>
public enum PermissionKind
{
    /// <summary>查看: read (where reading is limited by role and not by the data scope alone).</summary>
    Read = 1,

    /// <summary>新增: create, import.</summary>
    Create = 2,

    /// <summary>修改: change, withdraw, end.</summary>
    Change = 3,

    /// <summary>审核: decide on another party's record (review, register, refuse, confirm, close, publish).</summary>
    Approve = 4,
}

/// <summary>
/// One row of the role-permission table: an action on one kind of record (<c>Key</c>, dotted and stable), its Chinese
/// name (shown in a refusal and in the documentation) and the roles that may take it. A permission says what a role may
/// do at all; the data scope still decides on which records. Modules declare theirs as static fields of their
/// <c>…Permissions</c> class, contribute them through <see cref="IPermissionContribution"/>, check them at the top of the
/// handler of the use case (<see cref="PermissionChecks.Demand"/>) and name them on the endpoint
/// (<see cref="PermissionChecks.WithPermission{TBuilder}"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The word of the role-permission table; the code-access security types the rule protects are not used in .NET.")]
public sealed record Permission(string Key, string Name, PermissionKind Kind, IReadOnlyList<Role> Roles)
{
    public bool Allows(Role role) => Roles.Contains(role);
}

/// <summary>The groups of roles most rows are written with.</summary>
public static class RoleSets
{
    /// <summary>市局管理员, 市局工作人员, 县（市、区）科技局工作人员.</summary>
    public static readonly IReadOnlyList<Role> Staff = [Role.CityAdmin, Role.CityStaff, Role.CountyStaff];

    /// <summary>Staff, and enterprise and institution accounts for their own organisation's records (by data scope).</summary>
    public static readonly IReadOnlyList<Role> StaffAndOrganizations = [.. Staff, Role.Enterprise, Role.Institution];

    /// <summary>Enterprise and institution accounts: an organisation acting for itself.</summary>
    public static readonly IReadOnlyList<Role> Organizations = [Role.Enterprise, Role.Institution];

    /// <summary>Every role of a business account, administrators of security and audit excepted.</summary>
    public static readonly IReadOnlyList<Role> Business = [.. StaffAndOrganizations, Role.Expert];

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<Role> Everyone = Enum.GetValues<Role>();
}

/// <summary>A module's rows of the role-permission table, registered as a singleton; <see cref="PermissionTable"/> composes them.</summary>
public interface IPermissionContribution
{
    /// <summary>The module's Chinese name, heading its rows (e.g. 组织与人员).</summary>
    string Module { get; }

    /// <summary>Places the module's rows among the others (lower first).</summary>
    int Order { get; }

    IEnumerable<Permission> Permissions { get; }
}

/// <summary>One row as the table lists it: the module it belongs to and the permission.</summary>
public sealed record PermissionRow(string Module, Permission Permission);

/// <summary>
/// The role-permission table: every contributed row, in the contributors' order. A key given twice is a start-up error,
/// as two rows could then disagree about who may do the same thing.
/// </summary>
public sealed class PermissionTable
{
    private readonly Dictionary<string, PermissionRow> _byKey;

    public PermissionTable(IEnumerable<IPermissionContribution> contributions)
    {
        Rows = [.. contributions.OrderBy(c => c.Order).SelectMany(c => c.Permissions.Select(p => new PermissionRow(c.Module, p)))];
        var duplicate = Rows.GroupBy(r => r.Permission.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Permission '{duplicate.Key}' is contributed more than once.");
        }
        _byKey = Rows.ToDictionary(r => r.Permission.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<PermissionRow> Rows { get; }

    public PermissionRow? Find(string key) => _byKey.GetValueOrDefault(key);
}

/// <summary>The one check of the table, and the endpoint's declaration of which row it belongs to.</summary>
public static class PermissionChecks
{
    /// <summary>The stable code of a refusal by the table (403).</summary>
    public const string RefusedCode = "access.not-permitted";

    /// <summary>True when the caller's role may take the action: the system scope (command line, demo loader) always may.</summary>
    public static bool May(this CurrentUser user, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(permission);
        return user.Scope.All || (user.IsSignedIn && user.Role is { } role && permission.Allows(role));
    }

    /// <summary>
    /// 403 “无权执行此操作：…” unless the caller's role may take the action. The first statement of a handler that writes,
    /// so a refused caller learns nothing from validation, look-ups or rules, and changes nothing.
    /// </summary>
    public static void Demand(this CurrentUser user, Permission permission)
    {
        if (!user.May(permission))
        {
            throw new ForbiddenException($"无权执行此操作：{permission.Name}", RefusedCode);
        }
    }

    /// <summary>
    /// Names the permission the endpoint's handler demands: the API document shows it (<c>x-permission</c>) and the
    /// test that walks every write endpoint compares each role's answer with the table. The handler does the checking.
    /// </summary>
    public static TBuilder WithPermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(permission);
}
