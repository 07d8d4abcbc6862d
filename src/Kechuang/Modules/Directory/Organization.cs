using Kechuang.Modules.Directory.Public;
using Kechuang.Platform.Data;

namespace Kechuang.Modules.Directory;

/// <summary>组织: an enterprise, university/institute, government unit, service body or park operator.</summary>
public sealed class Organization : IOrganizationRoot
{
    private Organization()
    {
    }

    public Organization(string name, OrganizationKind kind, string creditCode, string regionCode, string? address, string? contactName, string? contactPhone, DateTime now)
    {
        Id = Guid.CreateVersion7();
        CreatedAt = now;
        Update(name, kind, creditCode, regionCode, address, contactName, contactPhone, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    /// <summary>拼音首字母 of <see cref="Name"/>, kept with the name so that a list can search it with an index.</summary>
    public string NameInitials { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public string? Address { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool IsSharedWithAll { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Fills <see cref="NameInitials"/> of a row saved before the column existed; true when it changed.</summary>
    public bool RefreshInitials()
    {
        var initials = PinyinInitials.Of(Name);
        if (initials == NameInitials)
        {
            return false;
        }
        NameInitials = initials;
        return true;
    }

    public void Update(string name, OrganizationKind kind, string creditCode, string regionCode, string? address, string? contactName, string? contactPhone, DateTime now)
    {
        Name = name;
        NameInitials = PinyinInitials.Of(name);
        Kind = kind;
        CreditCode = creditCode;
        RegionCode = regionCode;
        Address = address;
        ContactName = contactName;
        ContactPhone = contactPhone;
        IsSharedWithAll = kind is OrganizationKind.Institution or OrganizationKind.Government;
        UpdatedAt = now;
    }
}
