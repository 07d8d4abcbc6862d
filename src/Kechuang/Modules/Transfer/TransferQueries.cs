using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Transfer;

internal static class TransferQueries
{
    /// <summary>A list's day range [from, to): both optional, to after from.</summary>
    public static void CheckRange(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && t <= f)
        {
            throw InputException.For("to", "截止日期应晚于起始日期");
        }
    }

    public static async Task<Func<string, bool>> RegionExistsAsync(IOrganizationDirectory directory, CancellationToken cancellationToken)
    {
        var regions = (await directory.RegionNamesAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        return regions.Contains;
    }

    /// <summary>The region must lie in the caller's scope (a field message, as the form shows it).</summary>
    public static void CheckScope(KechuangDb db, string? region, string field, FieldErrors errors)
    {
        if (!string.IsNullOrEmpty(region) && !db.User.Scope.Covers(region))
        {
            errors.Add(field, "该行政区划不在您的数据范围内");
        }
    }

    /// <summary>An institution of the directory, of any region (universities serve every county).</summary>
    public static async Task<OrganizationInfo?> InstitutionAsync(IOrganizationDirectory directory, Guid? id, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (id is not { } institutionId)
        {
            return null;
        }
        var found = await directory.FindAnywhereAsync(institutionId, cancellationToken);
        if (found is null)
        {
            errors.Add(field, "院校不存在，请先在组织名录中登记");
        }
        else if (found.Kind != OrganizationKind.Institution)
        {
            errors.Add(field, $"{found.Name} 不是高校院所");
            return null;
        }
        return found;
    }

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
