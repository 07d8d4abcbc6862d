using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;

namespace Kechuang.Modules.Directory;

public sealed record PersonDto(
    Guid Id, string Name, string Kind, string KindName, Guid? OrganizationId, string? OrganizationName,
    string RegionCode, string RegionName, string? Title, string? Fields, string? Phone, string? IdNumber)
{
    public static PersonDto From(Person p, IReadOnlyDictionary<Guid, string> organizations, IReadOnlyDictionary<string, string> regions, bool seesNumbers) => new(
        p.Id, p.Name, Kebab.From(p.Kind), PersonKinds.Names[p.Kind], p.OrganizationId,
        p.OrganizationId is { } org ? organizations.GetValueOrDefault(org) : null,
        p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode), p.Title, p.Fields,
        seesNumbers ? p.Phone : Masking.Phone(p.Phone),
        seesNumbers ? p.IdNumber : Masking.IdNumber(p.IdNumber));
}
