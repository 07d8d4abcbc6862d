using Kechuang.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Directory;

/// <summary>
/// Fills the pinyin initials of organisations saved before the column existed. A migration cannot compute them in SQL,
/// so this runs at start-up with the reference data; rows written since have them already and are not touched.
/// </summary>
public sealed class OrganizationInitials : IReferenceData
{
    public int Order => 1;

    public async Task LoadAsync(Platform.Data.KechuangDb db, CancellationToken cancellationToken)
    {
        var missing = await db.Set<Organization>().IgnoreQueryFilters().Where(o => o.NameInitials == "" && o.Name != "").ToListAsync(cancellationToken);
        foreach (var organization in missing)
        {
            organization.RefreshInitials();
        }
        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
