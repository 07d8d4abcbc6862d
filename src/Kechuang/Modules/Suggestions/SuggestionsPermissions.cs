using Kechuang.Platform.Access;

namespace Kechuang.Modules.Suggestions;

/// <summary>建议办理's row of the role-permission table: the bureau's staff register, assign, handle, answer and publish.</summary>
internal sealed class SuggestionsPermissions : IPermissionContribution
{
    /// <summary>
    /// Reading suggestions and their handling (the representative's contacts, units' opinions, draft letters): the
    /// bureau's staff. The public learns of a suggestion from its published reply, which strips the contacts.
    /// </summary>
    public static readonly Permission Read = new("suggestions.read", "查看人大代表建议及其办理过程", PermissionKind.Read, RoleSets.Staff);

    public static readonly Permission Handle = new("suggestions.handle", "登记、交办、办理、答复和公开人大代表建议", PermissionKind.Change, RoleSets.Staff);

    /// <summary>Writing a reply letter's template and generating its versions from the indicators: the same staff who answer.</summary>
    public static readonly Permission GenerateReply = new("suggestions.replies.generate", "编写答复函模板、生成答复函", PermissionKind.Create, RoleSets.Staff);

    public string Module => "建议办理";

    public int Order => 70;

    public IEnumerable<Permission> Permissions => [Read, Handle, GenerateReply];
}
