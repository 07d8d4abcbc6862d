using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Validation;

namespace Kechuang.Modules.Directory;

public sealed record OrganizationDto(
    Guid Id, string Name, string Kind, string KindName, string CreditCode, string RegionCode, string RegionName,
    string? Address, string? ContactName, string? ContactPhone, DateTime CreatedAt)
{
    public static OrganizationDto From(Organization o, IReadOnlyDictionary<string, string> regions, bool seesNumbers) => new(
        o.Id, o.Name, Kebab.From(o.Kind), OrganizationKinds.Names[o.Kind], o.CreditCode, o.RegionCode,
        regions.GetValueOrDefault(o.RegionCode, o.RegionCode), o.Address, o.ContactName,
        seesNumbers ? o.ContactPhone : Masking.Phone(o.ContactPhone), o.CreatedAt);
}
