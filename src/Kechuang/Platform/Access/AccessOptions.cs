namespace Kechuang.Platform.Access;

public sealed class AccessOptions
{
    /// <summary>Staff passwords expire after this many days (0 turns expiry off). 等保 default 90.</summary>
    public int StaffPasswordExpiryDays { get; set; } = 90;

    /// <summary>Idle minutes before a page session ends.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>Lifetime of an API bearer token.</summary>
    public int TokenHours { get; set; } = 8;

    /// <summary>
    /// Roles (API spelling, comma-separated, e.g. <c>city-staff,county-staff</c>) that must use a second factor besides
    /// the three administrators, who always must.
    /// </summary>
    public string SecondFactorRoles { get; set; } = "";

    public IReadOnlySet<Role> SecondFactorRoleSet => SecondFactorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => Roles.Names.Keys.FirstOrDefault(r => string.Equals(Problems.Kebab.From(r), name, StringComparison.OrdinalIgnoreCase)))
        .Where(r => r != default).ToHashSet();
}
