using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Kechuang.Modules.Talent;

internal static class TalentQueries
{
}

/// <summary>
/// What the talent handlers check against the directory: the region exists and lies in the caller's scope, the person is
/// one of the caller's, the organisation is visible and of the kind the field asks for.
/// </summary>
public sealed class TalentChecks(KechuangDb db, IOrganizationDirectory organizations, IPersonDirectory people)
{
    private IReadOnlyDictionary<string, string>? _regions;

    public async Task<Func<string, bool>> RegionExistsAsync(CancellationToken cancellationToken)
    {
        _regions ??= await organizations.RegionNamesAsync(cancellationToken);
        var regions = _regions;
        return regions.ContainsKey;
    }

    public void RegionInScope(string? regionCode, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(regionCode) && !errors.Entries.ContainsKey("regionCode") && !db.User.Scope.Covers(regionCode.Trim()))
        {
            errors.Add("regionCode", "该行政区划不在您的数据范围内");
        }
    }

    public async Task PersonAsync(string field, Guid? id, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (id is { } personId && await people.FindAsync(personId, cancellationToken) is null)
        {
            errors.Add(field, "人员不存在或不在您的数据范围内，请先在人员名录中登记");
        }
    }

    public async Task OrganizationAsync(string field, Guid? id, OrganizationKind? kind, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (id is not { } orgId)
        {
            return;
        }
        var organization = await organizations.FindAnywhereAsync(orgId, cancellationToken);
        if (organization is null)
        {
            errors.Add(field, "单位不存在，请先在组织名录中登记");
        }
        else if (kind is { } k && organization.Kind != k)
        {
            errors.Add(field, $"{organization.Name} 不是{OrganizationKinds.Names[k]}");
        }
    }
}

/// <summary>Names beside the talent records: people and organisations wherever registered, regions.</summary>
public sealed class TalentNames(IOrganizationDirectory organizations, IPersonDirectory people)
{
    public IReadOnlyDictionary<Guid, PersonInfo> People { get; private set; } = new Dictionary<Guid, PersonInfo>();
    public IReadOnlyDictionary<Guid, OrganizationInfo> Organizations { get; private set; } = new Dictionary<Guid, OrganizationInfo>();
    public IReadOnlyDictionary<string, string> Regions { get; private set; } = new Dictionary<string, string>();

    public async Task LoadAsync(IEnumerable<Guid> personIds, IEnumerable<Guid> organizationIds, CancellationToken cancellationToken)
    {
        People = await people.FindManyAnywhereAsync(personIds, cancellationToken);
        Organizations = await organizations.FindManyAnywhereAsync(organizationIds.Distinct(), cancellationToken);
        Regions = await organizations.RegionNamesAsync(cancellationToken);
    }

    public string Person(Guid id) => People.TryGetValue(id, out var p) ? p.Name : "（未知人员）";

    public string Organization(Guid id) => Organizations.TryGetValue(id, out var o) ? o.Name : "（未知单位）";

    public string CreditCode(Guid id) => Organizations.TryGetValue(id, out var o) ? o.CreditCode : "";

    public string Region(string code) => Regions.GetValueOrDefault(code, code);
}
