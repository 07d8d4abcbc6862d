using Kechuang.Platform.Access;

namespace Kechuang.Modules.Suggestions;

/// <summary>建议办理's row of the role-permission table: the bureau's staff register, assign, handle, answer and publish.</summary>
internal sealed class SuggestionsPermissions : IPermissionContribution
{
    public static readonly Permission Handle = new("suggestions.handle", "登记、交办、办理、答复和公开人大代表建议", PermissionKind.Change, RoleSets.Staff);

    public string Module => "建议办理";

    public int Order => 70;

    public IEnumerable<Permission> Permissions => [Handle];
}
