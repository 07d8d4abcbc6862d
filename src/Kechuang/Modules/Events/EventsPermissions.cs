using Kechuang.Platform.Access;

namespace Kechuang.Modules.Events;

/// <summary>活动与宣传's row of the role-permission table: the bureau keeps its events and the press they had.</summary>
internal sealed class EventsPermissions : IPermissionContribution
{
    public static readonly Permission Change = new("events.change", "登记、修改主题活动和媒体报道，导入媒体报道", PermissionKind.Change, RoleSets.Staff);

    public string Module => "活动与宣传";

    public int Order => 65;

    public IEnumerable<Permission> Permissions => [Change];
}
