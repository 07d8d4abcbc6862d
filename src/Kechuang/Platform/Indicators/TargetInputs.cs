using Kechuang.Platform.Access;
using Kechuang.Platform.Problems;

namespace Kechuang.Platform.Indicators;

/// <summary>The region and year every target and milestone is set for, checked the same way for both.</summary>
internal static class TargetInputs
{
    public static async Task<string> RegionAndYearAsync(FieldErrors errors, IDirectoryLookup directory, string? regionCode, int? year,
        CancellationToken cancellationToken)
    {
        var region = errors.Text("regionCode", "行政区划代码", regionCode, 12);
        if (region.Length > 0 && !await directory.RegionExistsAsync(region, cancellationToken))
        {
            errors.Add("regionCode", "行政区划代码不存在");
        }
        if (year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "请填写2000至2100之间的年度");
        }
        return region;
    }
}
