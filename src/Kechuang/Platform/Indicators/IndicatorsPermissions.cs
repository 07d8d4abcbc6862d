using Kechuang.Platform.Access;

namespace Kechuang.Platform.Indicators;

/// <summary>指标与目标's row of the role-permission table: the city bureau sets each region's yearly targets.</summary>
internal sealed class IndicatorsPermissions : IPermissionContribution
{
    public static readonly Permission SetTarget = new("indicators.targets.set", "设定年度目标", PermissionKind.Change, [Role.CityAdmin, Role.CityStaff]);

    public string Module => "指标与目标";

    public int Order => 80;

    public IEnumerable<Permission> Permissions => [SetTarget];
}
