using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Ui;

namespace Kechuang.Modules.Commissioners;

internal static class CommissionerQueries
{
    /// <summary>The known towns (乡镇、街道): region codes of nine digits.</summary>
    public static async Task<Func<string, bool>> TownsAsync(IOrganizationDirectory directory, CancellationToken cancellationToken)
    {
        var regions = await directory.RegionNamesAsync(cancellationToken);
        return code => code.Length == CommissionerRules.TownCodeLength && regions.ContainsKey(code);
    }

}
